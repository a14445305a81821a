/**
 * `trustlint lint [DIR]` when no cached output holds: lint the program,
 * print the report, and keep the output in the cache for the next run.
 */
import { failsAt } from '@trustlint/engine';
import type { LintCommandOptions } from '../commands/lint.js';
import { EXIT_CLEAN, EXIT_FINDINGS, type CommandContext } from '../main.js';
import { emit } from '../output.js';
import { buildReport, lintProgram, renderReport } from '../report.js';
import type { CachedOutput, CacheUse } from './lint.js';

export function lintAndReport(dir: string | undefined, options: LintCommandOptions, { io }: CommandContext, { cache, key, cacheInput }: CacheUse, color: boolean): number {
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
