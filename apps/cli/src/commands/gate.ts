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
import { failsAt, type Finding, type Severity } from '@trustlint/engine';
import { TrustlintError, type FrameworkCoverage, type FrameworkId } from '@trustlint/model';
import { coverageView, createColors, FRAMEWORK_NAMES, jsonReport, oneLine, plural, type Report } from '@trustlint/reporters';
import { useColor } from '../io.js';
import { EXIT_CLEAN, EXIT_FINDINGS, type CommandContext } from '../main.js';
import { REPORT_FORMATS, type RunOptions, buildReport, emit, lintProgram, renderReport, withFindingOptions, withOutputOptions, withProgramOptions } from '../report.js';

export const GATE_THRESHOLDS = ['error', 'warning', 'info'] as const;

/** How many uncovered criteria a verdict names before it only counts. */
const NAMED_CRITERIA = 10;

export interface GateCommandOptions extends RunOptions {
  /** One of `REPORT_FORMATS`. */
  format: string;
  output?: string;
  failOn: Severity;
  color?: boolean;
}

/** The gate's decision, as the `gate` object of `--format json` carries it. */
export interface GateDecision {
  passed: boolean;
  threshold: Severity;
  /** Per in-scope framework, the criteria that are not covered (partial ones included), in catalog order. */
  uncovered: Partial<Record<FrameworkId, string[]>>;
  /** The findings at or above the threshold, counted by rule (most first). */
  blocking: Record<string, number>;
}

function blockingCounts(findings: readonly Finding[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  return Object.fromEntries([...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)));
}

/** The findings at or above the threshold. */
function blockingFindings(report: Report, threshold: Severity): Finding[] {
  return report.findings.filter((finding) => failsAt([finding], threshold));
}

export function decideGate(report: Report, threshold: Severity): GateDecision {
  const uncovered = Object.fromEntries(report.coverage.frameworks.map((entry) => [entry.framework, [...entry.uncovered]]));
  const blocking = blockingFindings(report, threshold);
  const open = Object.values(uncovered).some((ids) => ids.length > 0);
  return { passed: !open && blocking.length === 0, threshold, uncovered, blocking: blockingCounts(blocking) };
}

function severityCounts(findings: readonly Finding[]): string {
  const count = (severity: Severity) => findings.filter((finding) => finding.severity === severity).length;
  return [
    ...(count('error') ? [plural(count('error'), 'error')] : []),
    ...(count('warning') ? [plural(count('warning'), 'warning')] : []),
    ...(count('info') ? [`${count('info')} info`] : []),
  ].join(', ');
}

/** `CC6.6, A1.2 (partial)`: the first few uncovered criteria of a framework, the partial ones marked. */
function named(entry: FrameworkCoverage): string {
  const partial = new Set(entry.partial);
  const shown = entry.uncovered
    .slice(0, NAMED_CRITERIA)
    .map((id) => (partial.has(id) ? `${id} (partial)` : id))
    .join(', ');
  return entry.uncovered.length > NAMED_CRITERIA ? `${shown} and ${entry.uncovered.length - NAMED_CRITERIA} more` : shown;
}

function accepted(report: Report): string {
  const parts = [
    ...(report.baselined ? [`${report.baselined} accepted by the baseline`] : []),
    ...(report.suppressed ? [`${report.suppressed} suppressed inline`] : []),
  ];
  return parts.length ? `; ${parts.join(', ')}` : '';
}

/** The one-line verdict: what blocks, or what was checked. */
export function gateVerdict(report: Report, decision: GateDecision): string {
  const frameworks = report.coverage.frameworks;
  const blocking = blockingFindings(report, decision.threshold);
  if (decision.passed) {
    const covered = coverageView(report.coverage).frameworks.map(({ name, totals }) => {
      const excluded = totals.excluded ? `, ${totals.excluded} excluded` : '';
      return `${name} ${totals.covered}/${totals.total - totals.excluded}${excluded}`;
    });
    const below = severityCounts(report.findings);
    return `✔ Gate passed: every in-scope criterion covered (${covered.join('; ')}), no findings at or above ${decision.threshold}${below ? ` (${below} below it)` : ''}${accepted(report)}.`;
  }
  const reasons: string[] = [];
  const open = frameworks.filter((entry) => entry.uncovered.length > 0);
  const count = open.reduce((sum, entry) => sum + entry.uncovered.length, 0);
  if (count) {
    const lists = open.map((entry) => (frameworks.length > 1 ? `${FRAMEWORK_NAMES[entry.framework]}: ${named(entry)}` : named(entry)));
    reasons.push(`${count} in-scope ${count === 1 ? 'criterion' : 'criteria'} uncovered (${lists.join('; ')})`);
  }
  if (blocking.length) {
    const rules = Object.entries(decision.blocking).map(([rule, n]) => `${oneLine(rule)} ×${n}`);
    reasons.push(`${severityCounts(blocking)} (${rules.join(', ')})`);
  }
  return `✖ Gate failed: ${reasons.join(', ')}${accepted(report)}.`;
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
  const report = buildReport(lintProgram(io, dir, options), options);
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
