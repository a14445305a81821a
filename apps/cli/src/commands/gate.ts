/**
 * `trustlint gate [DIR]`: the release gate. What the command offers; the run
 * is in ../run/gate.ts, loaded when the command runs.
 */
import { Option, type Command } from 'commander';
import type { Severity } from '@trustlint/engine';
import type { FrameworkId } from '@trustlint/model';
import type { CommandContext } from '../main.js';
import { REPORT_FORMATS, withFindingOptions, withOutputOptions, withProgramOptions, type RunOptions } from '../options.js';

export const GATE_THRESHOLDS = ['error', 'warning', 'info'] as const;

/** The frameworks `--framework` may name, as the config names them. */
export const GATE_FRAMEWORKS: readonly FrameworkId[] = ['soc2', 'iso27001'];

export interface GateCommandOptions extends RunOptions {
  /** One of `REPORT_FORMATS`. */
  format: string;
  output?: string;
  failOn: Severity;
  /** `--framework`: comma-separated framework ids. */
  framework?: string;
  color?: boolean;
}

export function registerGate(program: Command, context: CommandContext): void {
  const command = program
    .command('gate')
    .description('the release gate: exit 1 while an in-scope criterion is uncovered or a finding is at or above --fail-on, 0 only when everything was checked and passed')
    .argument('[dir]', "the program's folder")
    .addOption(new Option('-f, --format <format>', 'output format of the findings').choices(REPORT_FORMATS).default('stylish'))
    .addOption(new Option('--fail-on <severity>', 'lowest severity of a finding that fails the gate').choices(GATE_THRESHOLDS).default('error'))
    .option('--framework <ids>', `require the coverage of these frameworks only, comma-separated (${GATE_FRAMEWORKS.join(', ')}; default: every enabled framework)`);
  withOutputOptions(withFindingOptions(withProgramOptions(command)), 'findings').action(async (dir: string | undefined, options: GateCommandOptions) => {
    const { runGate } = await import('../run/gate.js');
    context.setExit(runGate(dir, options, context));
  });
}
