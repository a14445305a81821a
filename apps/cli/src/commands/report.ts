/**
 * `trustlint report [DIR]`: the program as one HTML page. What the command
 * offers; the run is in ../run/report.ts, loaded when the command runs.
 */
import type { Command } from 'commander';
import type { CommandContext } from '../main.js';
import { withProgramOptions } from '../options.js';

export const DEFAULT_REPORT_FILE = 'trustlint-report.html';

export interface ReportCommandOptions {
  output?: string;
  force?: boolean;
  config?: string;
  today?: string;
}

export function registerReport(program: Command, context: CommandContext): void {
  const command = program
    .command('report')
    .description('write the program in DIR as one self-contained HTML page: coverage matrix, controls and evidence, policies, findings')
    .argument('[dir]', "the program's folder")
    .option('-o, --output <file>', `where to write the page (atomically; replaces a file there, never one the program reads) (default: "${DEFAULT_REPORT_FILE}")`)
    .option('--force', `replace a file at ${DEFAULT_REPORT_FILE} that is not a report of trustlint (never one the program reads)`);
  withProgramOptions(command).action(async (dir: string | undefined, options: ReportCommandOptions) => {
    const { runReport } = await import('../run/report.js');
    context.setExit(runReport(dir, options, context));
  });
}

