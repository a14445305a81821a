/**
 * `trustlint gate [DIR]`: the release gate. It lints the program and fails
 * (exit 1) while any in-scope criterion is uncovered (covered means an
 * implemented control, or an exclusion; a partial criterion is uncovered) or
 * any finding is at or above the threshold (`--fail-on`, default `error`;
 * there is no `never`: a gate that cannot fail is not a gate). It passes
 * (exit 0) only when the run completed; anything it could not check is
 * exit 2, as for every command.
 *
 * It prints the findings in the chosen format (to `--output` if given), then
 * a verdict that names what blocks: on stdout after `stylish`, on stderr
 * after the other formats (so that stdout stays one document), and for
 * `json` as a `gate` object in the JSON instead.
 */
import { Option, type Command } from 'commander';
import type { Severity } from '@trustlint/engine';
import { TrustlintError } from '@trustlint/model';
import { createColors, decideGate, gateVerdict, jsonReport } from '@trustlint/reporters';
import { useColor } from '../io.js';
import { EXIT_CLEAN, EXIT_FINDINGS, type CommandContext } from '../main.js';
import { REPORT_FORMATS, type RunOptions, buildReport, emit, lintProgram, renderReport, withFindingOptions, withOutputOptions, withProgramOptions } from '../report.js';

export const GATE_THRESHOLDS = ['error', 'warning', 'info'] as const;

export interface GateCommandOptions extends RunOptions {
  /** One of `REPORT_FORMATS`. */
  format: string;
  output?: string;
  failOn: Severity;
  color?: boolean;
}

export function registerGate(program: Command, context: CommandContext): void {
  const command = program
    .command('gate')
    .description('the release gate: exit 1 while an in-scope criterion is uncovered or a finding is at or above --fail-on, 0 only when everything was checked and passed')
    .argument('[dir]', "the program's folder")
    .addOption(new Option('-f, --format <format>', 'output format of the findings').choices(REPORT_FORMATS).default('stylish'))
    .addOption(new Option('--fail-on <severity>', 'lowest severity of a finding that fails the gate').choices(GATE_THRESHOLDS).default('error'));
  withOutputOptions(withFindingOptions(withProgramOptions(command)), 'findings').action((dir: string | undefined, options: GateCommandOptions) => {
      context.setExit(runGate(dir, options, context));
    });
}

function runGate(dir: string | undefined, options: GateCommandOptions, { io }: CommandContext): number {
  const report = buildReport(lintProgram(io, dir, options));
  if (report.coverage.frameworks.length === 0) {
    throw new TrustlintError('nothing-in-scope', 'No framework is in scope, so the gate has nothing to check; expected `frameworks` in the config to name SOC 2 or ISO/IEC 27001.');
  }
  const decision = decideGate(report, options.failOn);
  const color = options.output === undefined && useColor(io, options.color);
  if (options.format === 'json') {
    emit(io, options.output, `${JSON.stringify({ ...jsonReport(report), gate: decision }, null, 2)}\n`);
  } else {
    emit(io, options.output, renderReport(report, options.format, { color, failOn: options.failOn }));
    const c = createColors(color && options.format === 'stylish');
    const verdict = gateVerdict(report, decision);
    if (options.format === 'stylish') io.stdout.write(`${decision.passed ? c.green(verdict) : c.red(c.bold(verdict))}\n`);
    else io.stderr.write(`${verdict}\n`);
  }
  return decision.passed ? EXIT_CLEAN : EXIT_FINDINGS;
}
