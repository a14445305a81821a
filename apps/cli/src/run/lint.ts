/**
 * `trustlint lint [DIR]`: findings and coverage.
 */
import { resolve } from 'node:path';
import { CACHE_FILE_NAME, cacheKey, LintCache, resolveToday } from '@trustlint/core';
import { failsAt } from '@trustlint/engine';
import type { InputFile } from '@trustlint/model';
import { useColor } from '../io.js';
import { EXIT_CLEAN, EXIT_FINDINGS, VERSION, type CommandContext } from '../main.js';
import type { LintCommandOptions } from '../commands/lint.js';
import { buildReport, emit, lintProgram, renderReport } from '../report.js';


/** What a cached run printed, and the files it read (which `--output` may not replace). */
interface CachedOutput {
  text: string;
  exitCode: number;
  inputFiles: InputFile[];
}

const isInputFile = (value: unknown): value is InputFile =>
  typeof value === 'object' && value !== null && ['path', 'shown', 'what'].every((key) => typeof (value as Record<string, unknown>)[key] === 'string');

function isCachedOutput(value: unknown): value is CachedOutput {
  if (typeof value !== 'object' || value === null) return false;
  const { text, exitCode, inputFiles } = value as Partial<Record<keyof CachedOutput, unknown>>;
  return typeof text === 'string' && typeof exitCode === 'number' && Array.isArray(inputFiles) && inputFiles.every(isInputFile);
}


export function runLint(dir: string | undefined, options: LintCommandOptions, { io }: CommandContext): number {
  const color = options.output === undefined && useColor(io, options.color);
  const cache = options.cache || options.cacheLocation !== undefined ? LintCache.open(resolve(io.cwd, options.cacheLocation ?? CACHE_FILE_NAME), VERSION) : undefined;
  // A run's output is reused only when everything it depends on is recorded: not with git revisions, nor when it writes a baseline.
  const reusable = cache !== undefined && options.base === undefined && options.changedSince === undefined && !options.writeBaseline;
  const key = reusable
    ? cacheKey({
        command: 'lint',
        cwd: io.cwd,
        dir: dir ?? null,
        config: options.config ?? null,
        today: resolveToday(options.today, io.env),
        baseline: options.baseline ?? null,
        format: options.format,
        failOn: options.failOn,
        color,
      })
    : undefined;
  const cached = key === undefined ? undefined : cache?.output(key);
  // The cache is read too: an output must not replace it.
  const cacheInput: InputFile[] = cache ? [{ path: cache.path, shown: options.cacheLocation ?? CACHE_FILE_NAME, what: 'the lint cache' }] : [];
  if (isCachedOutput(cached)) {
    emit(io, options.output, cached.text, [...cached.inputFiles, ...cacheInput]);
    return cached.exitCode;
  }
  const result = lintProgram(io, dir, options, cache);
  if (options.writeBaseline) {
    cache?.write();
    io.stderr.write(`trustlint: wrote ${result.baselined} finding(s) to ${result.baselinePath ?? 'the baseline'}; later runs report only new findings.\n`);
    return EXIT_CLEAN;
  }
  const text = renderReport(buildReport(result), options.format, { color, failOn: options.failOn });
  const exitCode = failsAt(result.findings, options.failOn) ? EXIT_FINDINGS : EXIT_CLEAN;
  emit(io, options.output, text, [...result.inputFiles, ...cacheInput]);
  if (cache) {
    if (key !== undefined) cache.setOutput(key, result.inputs, { text, exitCode, inputFiles: result.inputFiles } satisfies CachedOutput);
    cache.write();
  }
  return exitCode;
}
