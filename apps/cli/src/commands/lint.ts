/**
 * `trustlint lint [DIR]`: findings and coverage.
 */
import { resolve } from 'node:path';
import { lint } from '@trustlint/core';
import { failsAt } from '@trustlint/engine';
import { formatters } from '@trustlint/reporters';
import { writeFileAtomic, useColor, type Io } from '../io.js';
import { EXIT_CLEAN, EXIT_FINDINGS, type LintCommandOptions } from '../main.js';

export function lintCommand(io: Io, dir: string | undefined, options: LintCommandOptions): number {
  const result = lint({
    cwd: io.cwd,
    env: io.env,
    ...(dir === undefined ? {} : { dir }),
    ...(options.config === undefined ? {} : { configFile: options.config }),
    ...(options.today === undefined ? {} : { today: options.today }),
  });
  const formatter = formatters[options.format];
  if (formatter === undefined) throw new Error(`No formatter for ${options.format}`);
  const text = formatter(
    { program: result.config.program, findings: result.findings, coverage: result.coverage, summary: result.summary, today: result.today },
    { color: options.output === undefined && useColor(io, options.color) },
  );
  if (options.output === undefined) io.stdout.write(text);
  else writeFileAtomic(resolve(io.cwd, options.output), text);
  return failsAt(result.findings, options.failOn) ? EXIT_FINDINGS : EXIT_CLEAN;
}
