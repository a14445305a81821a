/**
 * `trustlint coverage [DIR]`: the coverage matrix. What the command offers;
 * the run is in ../run/coverage.ts, loaded when the command runs.
 */
import { Option, type Command } from 'commander';
import type { CommandContext } from '../main.js';
import { withOutputOptions, withProgramOptions } from '../options.js';

export const COVERAGE_FORMATS = ['table', 'json', 'markdown'] as const;

export interface CoverageCommandOptions {
  format: (typeof COVERAGE_FORMATS)[number];
  output?: string;
  config?: string;
  today?: string;
  color?: boolean;
}

export function registerCoverage(program: Command, context: CommandContext): void {
  const command = program
    .command('coverage')
    .description('show the coverage matrix of the program in DIR: each in-scope criterion, its state and the controls that cover it')
    .argument('[dir]', "the program's folder")
    .addOption(new Option('-f, --format <format>', 'output format').choices(COVERAGE_FORMATS).default('table'));
  withOutputOptions(withProgramOptions(command), 'matrix').action(async (dir: string | undefined, options: CoverageCommandOptions) => {
    const { runCoverage } = await import('../run/coverage.js');
    context.setExit(runCoverage(dir, options, context));
  });
}
