/**
 * `trustlint soa [DIR]`: the ISO/IEC 27001 Statement of Applicability. What
 * the command offers; the run is in ../run/soa.ts, loaded when the command
 * runs.
 */
import { Option, type Command } from 'commander';
import { SOA_FORMATS, type SoaFormat } from '@trustlint/reporters/names';
import type { CommandContext } from '../main.js';
import { withOutputOptions, withProgramOptions } from '../options.js';

export interface SoaCommandOptions {
  format: SoaFormat;
  output?: string;
  config?: string;
  today?: string;
  color?: boolean;
}

export function registerSoa(program: Command, context: CommandContext): void {
  const command = program
    .command('soa')
    .description('write the ISO/IEC 27001 Statement of Applicability of the program in DIR: each Annex A control, whether it applies and why, and what implements it')
    .argument('[dir]', "the program's folder")
    .addOption(new Option('-f, --format <format>', 'output format').choices(SOA_FORMATS).default('markdown'));
  withOutputOptions(withProgramOptions(command), 'statement').action(async (dir: string | undefined, options: SoaCommandOptions) => {
    const { runSoa } = await import('../run/soa.js');
    context.setExit(runSoa(dir, options, context));
  });
}
