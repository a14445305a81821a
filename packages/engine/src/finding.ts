/**
 * Findings: what a rule found, where, and how serious it is.
 */
import type { Range } from '@trustlint/parser';
import type { FrameworkId, Location } from '@trustlint/model';
import type { Severity } from './rule.js';

export interface RelatedLocation extends Range {
  file: string;
  message: string;
}

export interface Finding extends Range {
  ruleId: string;
  severity: Severity;
  message: string;
  /** The message's id in the rule's metadata. */
  messageId: string;
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  /** The rule's docs page. */
  url: string;
  /** Other places that explain the finding. */
  related?: RelatedLocation[];
  /** The framework whose coverage the finding restates, for findings that do (see `ReportDescriptor.coverageOf`). */
  coverageOf?: FrameworkId;
  /** Stable across unrelated line shifts (see fingerprint.ts); baselines and code scanning match on it. */
  fingerprint: string;
}

export function rangeOfLocation(location: Location): Range {
  return location.file.rangeOf(location.span);
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** By file, then position, then rule: the order every format prints. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
}

export function summarize(findings: readonly Finding[]): Summary {
  const summary: Summary = { errors: 0, warnings: 0, infos: 0 };
  for (const finding of findings) {
    if (finding.severity === 'error') summary.errors++;
    else if (finding.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return summary;
}

/** Whether any finding is at or above a threshold (`never` never fails). */
export function failsAt(findings: readonly Finding[], threshold: Severity | 'never'): boolean {
  if (threshold === 'never') return false;
  return findings.some((finding) => SEVERITY_ORDER[finding.severity] <= SEVERITY_ORDER[threshold]);
}
