/**
 * `--format json`: one object with `findings`, `coverage` per framework and
 * `summary`, as the product contract describes.
 */
import type { Coverage } from '@trustlint/model';
import type { Formatter, Report } from './report.js';

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

/**
 * JSON text in which every character that a terminal or an editor could act
 * on (DEL, C1 controls, line and paragraph separators, bidirectional
 * controls, noncharacters) is written as a `\uXXXX` escape: the same data
 * once parsed, but inert when the JSON itself is shown. (JSON.stringify
 * already escapes C0 controls and lone surrogates.)
 */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export const json: Formatter = (report) => `${safeJson(jsonReport(report), 2)}\n`;
