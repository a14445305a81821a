/**
 * From a lint run to the reporters' `Report`, and from a report to its text
 * and where it goes: shared by `lint`, `gate` and `coverage`, so that a
 * report is built and rendered one way only (output.ts writes it).
 */
import { lint, type LintCache, type LintResult } from '@trustlint/core';
import type { Severity } from '@trustlint/engine';
import type { FrameworkId } from '@trustlint/model';
import { formatters, markdownReport, reportOf, type Report } from '@trustlint/reporters';
import type { Io } from './io.js';
import type { RunOptions } from './options.js';
import { progressFor } from './progress.js';
import { VERSION } from './main.js';

/** Lints the program in `dir` (or the one around the working folder) with a command's options. */
export function lintProgram(io: Io, dir: string | undefined, options: RunOptions, cache?: LintCache): LintResult {
  const progress = progressFor(io);
  try {
    return lint({
      ...(cache ? { cache } : {}),
      onProgress: (update) => {
        progress.update(update);
      },
    cwd: io.cwd,
    env: io.env,
    ...(dir === undefined ? {} : { dir }),
    ...(options.config === undefined ? {} : { configFile: options.config }),
    ...(options.today === undefined ? {} : { today: options.today }),
    ...(options.base === undefined ? {} : { base: options.base }),
    ...(options.changedSince === undefined ? {} : { changedSince: options.changedSince }),
    ...(options.baseline === undefined ? {} : { baseline: options.baseline }),
    ...(options.writeBaseline ? { writeBaseline: true } : {}),
    });
  } finally {
    progress.done();
  }
}

/** The report of a lint run. */
export function buildReport(result: LintResult): Report {
  return reportOf(result, VERSION);
}

export interface RenderOptions {
  color: boolean;
  /** The run's fail threshold: the Markdown verdict says what the exit code says. */
  failOn: Severity | 'never';
  /** The frameworks whose coverage the gate requires (`gate --framework`); default: every enabled one. */
  frameworks?: readonly FrameworkId[] | undefined;
}

/** A report in one of the `REPORT_FORMATS`. */
export function renderReport(report: Report, format: string, options: RenderOptions): string {
  if (format === 'markdown') return markdownReport(report, { failOn: options.failOn, frameworks: options.frameworks });
  const formatter = formatters[format];
  if (formatter === undefined) throw new Error(`No formatter for ${format}`);
  return formatter(report, { color: options.color });
}
