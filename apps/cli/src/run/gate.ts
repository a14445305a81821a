/**
 * `trustlint gate [DIR]`: the release gate. It lints the program and fails
 * (exit 1) while any in-scope criterion is uncovered (covered means an
 * implemented control, or an exclusion; a partial criterion is uncovered) or
 * any finding is at or above the threshold (`--fail-on`, default `error`;
 * there is no `never`: a gate that cannot fail is not a gate). It passes
 * (exit 0) only when the run completed; anything it could not check is
 * exit 2, as for every command.
 *
 * `--framework soc2,iso27001` names the frameworks whose coverage it requires
 * (default: every enabled one); naming one the config does not enable is a
 * usage error (exit 2). Findings count whatever the frameworks required.
 *
 * It prints the findings in the chosen format (to `--output` if given), then
 * a verdict that names what blocks: on stdout after `stylish`, on stderr
 * after the other formats (so that stdout stays one document), and for
 * `json` as a `gate` object in the JSON instead.
 */
import { TrustlintError, type FrameworkId } from '@trustlint/model';
import { createColors, decideGate, FRAMEWORK_NAMES, gateJson, gateVerdict, type Report } from '@trustlint/reporters';
import { useColor } from '../io.js';
import { EXIT_CLEAN, EXIT_FINDINGS, type CommandContext } from '../main.js';
import { GATE_FRAMEWORKS, type GateCommandOptions } from '../commands/gate.js';
import { emit } from '../output.js';
import { buildReport, lintProgram, renderReport } from '../report.js';


/** The framework ids of `--framework`, in the order given, each once. */
export function parseFrameworks(value: string): FrameworkId[] {
  const names = value.split(',').map((name) => name.trim());
  const expected = `expected a comma-separated list of ${GATE_FRAMEWORKS.map((id) => `\`${id}\``).join(' and ')}, such as \`--framework soc2,iso27001\``;
  const ids: FrameworkId[] = [];
  for (const name of names) {
    const id = GATE_FRAMEWORKS.find((known) => known === name.toLowerCase());
    if (id === undefined) {
      throw new TrustlintError('usage', name === '' ? `Empty framework name in --framework "${value}"; ${expected}.` : `Unknown framework \`${name}\` in --framework; ${expected}.`);
    }
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** Checks that the config enables every framework `--framework` names. */
function checkEnabled(report: Report, frameworks: readonly FrameworkId[], configFile: string): void {
  const enabled = report.coverage.frameworks.map((entry) => entry.framework);
  const missing = frameworks.filter((id) => !enabled.includes(id));
  if (missing.length === 0) return;
  const names = missing.map((id) => `\`${id}\` (${FRAMEWORK_NAMES[id]})`).join(' and ');
  throw new TrustlintError(
    'usage',
    `--framework names ${names}, which ${configFile} does not enable, so the gate cannot require ${missing.length === 1 ? 'it' : 'them'}; enabled: ${enabled.map((id) => `\`${id}\``).join(', ')}.`,
  );
}


export function runGate(dir: string | undefined, options: GateCommandOptions, { io }: CommandContext): number {
  const frameworks = options.framework === undefined ? undefined : parseFrameworks(options.framework);
  const result = lintProgram(io, dir, options);
  const report = buildReport(result);
  if (report.coverage.frameworks.length === 0) {
    throw new TrustlintError('nothing-in-scope', 'No framework is in scope, so the gate has nothing to check; expected `frameworks` in the config to name SOC 2 or ISO/IEC 27001.');
  }
  if (frameworks) checkEnabled(report, frameworks, result.configPath ?? 'the config (none was found, so the defaults apply)');
  const decision = decideGate(report, options.failOn, frameworks);
  const color = options.output === undefined && useColor(io, options.color);
  if (options.format === 'json') {
    emit(io, options.output, gateJson(report, decision), result.inputFiles);
  } else {
    emit(io, options.output, renderReport(report, options.format, { color, failOn: options.failOn, frameworks: decision.frameworks }), result.inputFiles);
    const c = createColors(color && options.format === 'stylish');
    const verdict = gateVerdict(report, decision);
    if (options.format === 'stylish') io.stdout.write(`${decision.passed ? c.green(verdict) : c.red(c.bold(verdict))}\n`);
    else io.stderr.write(`${verdict}\n`);
  }
  return decision.passed ? EXIT_CLEAN : EXIT_FINDINGS;
}
