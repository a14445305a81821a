/**
 * `trustlint lint [DIR]`: findings and coverage.
 */
import { Option, type Command } from 'commander';
import { failsAt } from '@trustlint/engine';
import { useColor } from '../io.js';
import { EXIT_CLEAN, EXIT_FINDINGS, type CommandContext } from '../main.js';
import { REPORT_FORMATS, type RunOptions, buildReport, emit, lintProgram, renderReport, withFindingOptions, withOutputOptions, withProgramOptions } from '../report.js';

export interface LintCommandOptions extends RunOptions {
  /** One of `REPORT_FORMATS`. */
  format: string;
  output?: string;
  failOn: 'error' | 'warning' | 'info' | 'never';
  color?: boolean;
}

export function registerLint(program: Command, context: CommandContext): void {
  const command = program
    .command('lint')
    .description('check the program in DIR (default: the one containing the current folder) and print findings and coverage')
    .argument('[dir]', "the program's folder")
    .addOption(new Option('-f, --format <format>', 'output format').choices(REPORT_FORMATS).default('stylish'))
    .addOption(new Option('--fail-on <severity>', 'lowest severity that makes the exit code 1').choices(['error', 'warning', 'info', 'never']).default('error'))
    .option('--write-baseline', 'write every current finding to the baseline file and exit 0');
  withOutputOptions(withFindingOptions(withProgramOptions(command)), 'report').action((dir: string | undefined, options: LintCommandOptions) => {
      context.setExit(runLint(dir, options, context));
    });
}

function runLint(dir: string | undefined, options: LintCommandOptions, { io }: CommandContext): number {
  const result = lintProgram(io, dir, options);
  if (options.writeBaseline) {
    io.stderr.write(`trustlint: wrote ${result.baselined} finding(s) to ${result.baselinePath ?? 'the baseline'}; later runs report only new findings.\n`);
    return EXIT_CLEAN;
  }
  const color = options.output === undefined && useColor(io, options.color);
  emit(io, options.output, renderReport(buildReport(result), options.format, { color, failOn: options.failOn }));
  return failsAt(result.findings, options.failOn) ? EXIT_FINDINGS : EXIT_CLEAN;
}
