/**
 * `--format json`: one object with `findings`, `coverage` per framework and
 * `summary`, as the product contract describes.
 */
import { safeJson, type Coverage } from '@trustlint/model';
import type { GateDecision } from './gate.js';
import type { Formatter, Report } from './report.js';

export { safeJson };

export function coverageJson(coverage: Coverage) {
  return Object.fromEntries(
    coverage.frameworks.map((entry) => [
      entry.framework,
      {
        inScope: entry.inScope,
        covered: entry.covered,
        uncovered: entry.uncovered,
        partial: entry.partial,
        excluded: entry.excluded,
      },
    ]),
  );
}

/** The object `--format json` prints; commands may add to it (the gate adds `gate`). */
export function jsonReport(report: Report) {
  return {
    findings: report.findings.map((finding) => ({
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      file: finding.file,
      line: finding.line,
      column: finding.column,
      endLine: finding.endLine,
      endColumn: finding.endColumn,
      url: finding.url,
      fingerprint: finding.fingerprint,
      ...(finding.related ? { related: finding.related } : {}),
    })),
    coverage: coverageJson(report.coverage),
    summary: {
      errors: report.summary.errors,
      warnings: report.summary.warnings,
      infos: report.summary.infos,
      suppressed: report.suppressed,
      baselined: report.baselined,
    },
  };
}

export const json: Formatter = (report) => `${safeJson(jsonReport(report), 2)}\n`;

/** `gate --format json`: the `--format json` object with the gate's decision as `gate`. */
export function gateJson(report: Report, decision: GateDecision): string {
  return `${safeJson({ ...jsonReport(report), gate: decision }, 2)}\n`;
}
