/**
 * The release gate's decision and its one-line verdict, shared by the CLI's
 * `gate` and the GitHub Action. The gate fails while any in-scope criterion
 * is uncovered (covered means an implemented control, or an exclusion; a
 * partial criterion is uncovered) or any finding is at or above the
 * threshold. Coverage is judged on its own, so neither turning a rule off
 * nor a baseline can pass it.
 *
 * The gate requires the coverage of every enabled framework, or of the
 * subset it is given (`trustlint gate --framework soc2`). Findings count
 * whatever framework they concern, except those that only restate the
 * coverage of a framework the gate does not require (`uncovered-criterion`
 * and `coverage-regression` about its criteria): a program on its way to
 * ISO/IEC 27001 can gate on SOC 2 alone while its Annex A gaps are still
 * reported.
 */
import { failsAt, type Finding, type Severity } from '@trustlint/engine';
import type { FrameworkCoverage, FrameworkId } from '@trustlint/model';
import { coverageView, FRAMEWORK_NAMES } from './coverage-view.js';
import type { Report } from './report.js';
import { oneLine, plural } from './text.js';

/** How many uncovered criteria a verdict names before it only counts. */
const NAMED_CRITERIA = 10;

/** The gate's decision, as the `gate` object of `--format json` carries it. */
export interface GateDecision {
  passed: boolean;
  threshold: Severity;
  /** The frameworks whose coverage the gate requires, in the order the coverage lists them. */
  frameworks: FrameworkId[];
  /** Per required framework, the criteria that are not covered (partial ones included), in catalog order. */
  uncovered: Partial<Record<FrameworkId, string[]>>;
  /** The findings at or above the threshold, counted by rule (most first). */
  blocking: Record<string, number>;
  /** Findings about the coverage of frameworks the gate does not require, which do not block. */
  notRequired: number;
}

/**
 * The framework whose coverage a finding restates (`In-scope ISO/IEC 27001
 * criterion A.8.17 …`), as the rule that reported it said, or undefined for
 * any other finding.
 */
export function coverageFramework(finding: Pick<Finding, 'coverageOf'>): FrameworkId | undefined {
  return finding.coverageOf;
}

/** Whether a finding counts for a gate that requires `frameworks`. */
function counts(finding: Finding, frameworks: readonly FrameworkId[]): boolean {
  const framework = coverageFramework(finding);
  return framework === undefined || frameworks.includes(framework);
}

function blockingCounts(findings: readonly Finding[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  return Object.fromEntries([...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)));
}

/** The findings at or above the threshold that count for the frameworks required. */
function blockingFindings(report: Report, decision: Pick<GateDecision, 'threshold' | 'frameworks'>): Finding[] {
  return report.findings.filter((finding) => failsAt([finding], decision.threshold) && counts(finding, decision.frameworks));
}

/** The coverage of the frameworks a decision requires. */
function required(report: Report, decision: Pick<GateDecision, 'frameworks'>): FrameworkCoverage[] {
  return report.coverage.frameworks.filter((entry) => decision.frameworks.includes(entry.framework));
}

/**
 * Decides the gate. `frameworks` are those whose coverage it requires
 * (default: every enabled framework); each must be enabled.
 *
 * @throws Error when a required framework is not in the report's coverage.
 */
export function decideGate(report: Report, threshold: Severity, frameworks?: readonly FrameworkId[]): GateDecision {
  const enabled = report.coverage.frameworks.map((entry) => entry.framework);
  const missing = (frameworks ?? []).filter((framework) => !enabled.includes(framework));
  if (missing.length) {
    throw new Error(`The gate cannot require ${missing.map((id) => FRAMEWORK_NAMES[id]).join(' and ')}: not enabled (enabled: ${enabled.map((id) => FRAMEWORK_NAMES[id]).join(', ') || 'none'}).`);
  }
  if (frameworks?.length === 0) throw new Error('The gate must require at least one framework.');
  const requiredIds = enabled.filter((framework) => frameworks === undefined || frameworks.includes(framework));
  const uncovered = Object.fromEntries(required(report, { frameworks: requiredIds }).map((entry) => [entry.framework, [...entry.uncovered]]));
  const blocking = blockingFindings(report, { threshold, frameworks: requiredIds });
  const notRequired = report.findings.filter((finding) => !counts(finding, requiredIds)).length;
  const open = Object.values(uncovered).some((ids) => ids.length > 0);
  return { passed: !open && blocking.length === 0, threshold, frameworks: requiredIds, uncovered, blocking: blockingCounts(blocking), notRequired };
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

function accepted(report: Report, decision: GateDecision): string {
  const notRequired = report.coverage.frameworks.filter((entry) => !decision.frameworks.includes(entry.framework)).map((entry) => FRAMEWORK_NAMES[entry.framework]);
  const parts = [
    ...(decision.notRequired ? [`${plural(decision.notRequired, 'finding')} on the coverage of ${notRequired.join(' and ')}, not required`] : []),
    ...(report.baselined ? [`${report.baselined} accepted by the baseline`] : []),
    ...(report.suppressed ? [`${report.suppressed} suppressed inline`] : []),
  ];
  return parts.length ? `; ${parts.join(', ')}` : '';
}

/** The one-line verdict: what blocks, or what was checked. */
export function gateVerdict(report: Report, decision: GateDecision): string {
  const frameworks = report.coverage.frameworks;
  const blocking = blockingFindings(report, decision);
  if (decision.passed) {
    const covered = coverageView(report.coverage).frameworks.map(({ framework, name, totals }) => {
      if (!decision.frameworks.includes(framework)) return `${name} not required`;
      const excluded = totals.excluded ? `, ${totals.excluded} excluded` : '';
      return `${name} ${totals.covered}/${totals.total - totals.excluded}${excluded}`;
    });
    const below = severityCounts(report.findings.filter((finding) => counts(finding, decision.frameworks)));
    const scope = decision.frameworks.length < frameworks.length ? 'every in-scope criterion of the required frameworks' : 'every in-scope criterion';
    return `✔ Gate passed: ${scope} covered (${covered.join('; ')}), no findings at or above ${decision.threshold}${below ? ` (${below} below it)` : ''}${accepted(report, decision)}.`;
  }
  const reasons: string[] = [];
  const open = required(report, decision).filter((entry) => entry.uncovered.length > 0);
  const count = open.reduce((sum, entry) => sum + entry.uncovered.length, 0);
  if (count) {
    const lists = open.map((entry) => (frameworks.length > 1 ? `${FRAMEWORK_NAMES[entry.framework]}: ${named(entry)}` : named(entry)));
    reasons.push(`${count} in-scope ${count === 1 ? 'criterion' : 'criteria'} uncovered (${lists.join('; ')})`);
  }
  if (blocking.length) {
    const rules = Object.entries(decision.blocking).map(([rule, n]) => `${oneLine(rule)} ×${n}`);
    reasons.push(`${severityCounts(blocking)} (${rules.join(', ')})`);
  }
  return `✖ Gate failed: ${reasons.join(', ')}${accepted(report, decision)}.`;
}
