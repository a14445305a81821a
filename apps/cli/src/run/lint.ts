/**
 * `trustlint lint [DIR]`: findings and coverage. With `--cache`, a run whose
 * inputs are all as an earlier run with the same options read them prints
 * that run's output; this module replays it without loading the linter
 * (build.mjs checks), which lint-program.ts is, imported only on a miss.
 */
import { resolve } from 'node:path';
import { CACHE_FILE_NAME, cacheKey, LintCache, resolveToday } from '@trustlint/core/replay';
import type { InputFile } from '@trustlint/model/io';
import type { LintCommandOptions } from '../commands/lint.js';
import { useColor } from '../io.js';
import { VERSION, type CommandContext } from '../main.js';
import { emit } from '../output.js';

/** What a cached run printed, and the files it read (which `--output` may not replace). */
export interface CachedOutput {
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

/** How a run that lints uses the cache: where it is, the run's key (when its output may be kept), and the cache as an input. */
export interface CacheUse {
  cache: LintCache | undefined;
  key: string | undefined;
  /** The cache is read too: an output must not replace it. */
  cacheInput: InputFile[];
}

export async function runLint(dir: string | undefined, options: LintCommandOptions, context: CommandContext): Promise<number> {
  const { io } = context;
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
  const cacheInput: InputFile[] = cache ? [{ path: cache.path, shown: options.cacheLocation ?? CACHE_FILE_NAME, what: 'the lint cache' }] : [];
  if (isCachedOutput(cached)) {
    emit(io, options.output, cached.text, [...cached.inputFiles, ...cacheInput]);
    return cached.exitCode;
  }
  const { lintAndReport } = await import('./lint-program.js');
  return lintAndReport(dir, options, context, { cache, key, cacheInput }, color);
}
