/**
 * `trustlint lint [DIR]`: findings and coverage. What the command offers;
 * the run is in ../run/lint.ts, loaded when the command runs.
 */
import { Option, type Command } from 'commander';
import { CACHE_FILE_NAME } from '@trustlint/core/names';
import type { CommandContext } from '../main.js';
import { REPORT_FORMATS, withFindingOptions, withOutputOptions, withProgramOptions, type RunOptions } from '../options.js';

export interface LintCommandOptions extends RunOptions {
  /** One of `REPORT_FORMATS`. */
  format: string;
  output?: string;
  failOn: 'error' | 'warning' | 'info' | 'never';
  color?: boolean;
  cache?: boolean;
  cacheLocation?: string;
}

export function registerLint(program: Command, context: CommandContext): void {
  const command = program
    .command('lint')
    .description('check the program in DIR (default: the one containing the current folder) and print findings and coverage')
    .argument('[dir]', "the program's folder")
    .addOption(new Option('-f, --format <format>', 'output format').choices(REPORT_FORMATS).default('stylish'))
    .addOption(new Option('--fail-on <severity>', 'lowest severity that makes the exit code 1').choices(['error', 'warning', 'info', 'never']).default('error'))
    .option('--write-baseline', 'write every current finding to the baseline file and exit 0')
    .option('--cache', `reuse the results of earlier runs for what has not changed (kept in ${CACHE_FILE_NAME})`)
    .option('--cache-location <file>', `where --cache keeps them (default: ${CACHE_FILE_NAME} in the current folder)`);
  withOutputOptions(withFindingOptions(withProgramOptions(command)), 'report').action(async (dir: string | undefined, options: LintCommandOptions) => {
    const { runLint } = await import('../run/lint.js');
    context.setExit(await runLint(dir, options, context));
  });
}
