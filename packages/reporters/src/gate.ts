/**
 * The release gate's decision and its one-line verdict, shared by the CLI's
 * `gate` and the GitHub Action. The gate fails while any in-scope criterion
 * is uncovered (covered means an implemented control, or an exclusion; a
 * partial criterion is uncovered) or any finding is at or above the
 * threshold. Coverage is judged on its own, so neither turning a rule off
 * nor a baseline can pass it.
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
