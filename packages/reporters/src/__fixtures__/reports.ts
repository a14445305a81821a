/**
 * Reports for the formats' tests: realistic findings of several rules, with
 * related locations, every severity and an empty range at 1:1.
 */
import type { Finding } from '@trustlint/engine';
import { computeCoverage, parseConfig } from '@trustlint/model';
import type { Report, RuleInfo } from '../report.js';

const DOCS = 'https://github.com/trustlint/trustlint/blob/main/packages/rules/docs/';

export const RULES: readonly RuleInfo[] = [
  { id: 'syntax', description: 'Report YAML and front matter that cannot be parsed.', category: 'syntax', severity: 'error', url: `${DOCS}syntax.md`, type: 'problem' },
  {
    id: 'unknown-criterion',
    description: 'Report criteria in `satisfies` that the framework catalog does not have.',
    category: 'criteria',
    severity: 'error',
    url: `${DOCS}unknown-criterion.md`,
    type: 'problem',
  },
  { id: 'duplicate-id', description: 'Require control ids, policy ids, and person and team ids to be unique across the program.', category: 'references', severity: 'error', url: `${DOCS}duplicate-id.md`, type: 'problem' },
  {
    id: 'owner-unknown',
    description: 'Require every owner and approver to be a person or team listed in the owners file.',
    category: 'ownership',
    severity: 'error',
    url: `${DOCS}owner-unknown.md`,
    type: 'problem',
  },
  {
    id: 'review-overdue',
    description: 'Require every approved policy to be reviewed within its review cycle (`last_reviewed` + `review_cycle` months).',
    category: 'lifecycle',
    severity: 'warning',
    url: `${DOCS}review-overdue.md`,
    type: 'problem',
  },
  { id: 'certification-language', description: 'Report "SOC 2 certified" and similar wording in policy text.', category: 'language', severity: 'info', url: `${DOCS}certification-language.md`, type: 'suggestion' },
];

let counter = 0;

/** A finding with realistic defaults; each gets its own fingerprint. */
export function finding(overrides: Partial<Finding>): Finding {
  counter++;
  const ruleId = overrides.ruleId ?? 'unknown-criterion';
  return {
    ruleId,
    severity: 'error',
    message: 'Unexpected criterion `CC6.10`: not a SOC 2 criterion; did you mean CC6.1?',
    messageId: 'unknownWithSuggestion',
    file: 'controls/access-review.yaml',
    line: 7,
    column: 18,
    endLine: 7,
    endColumn: 24,
    url: `${DOCS}${ruleId}.md`,
    fingerprint: counter.toString(16).padStart(32, '0'),
    ...overrides,
  };
}

export function report(findings: readonly Finding[], extra: Partial<Report> = {}): Report {
  const config = parseConfig('frameworks: {soc2: {categories: [security, availability]}}\n', '/r/trustlint.config.yaml');
  return {
    program: 'Acme Cloud',
    findings,
    coverage: computeCoverage(config, []),
    summary: {
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      infos: findings.filter((f) => f.severity === 'info').length,
    },
    today: '2026-11-22',
    suppressed: 0,
    baselined: 0,
    ...extra,
  };
}

/** Findings of several rules in several files, as a real run gives them (sorted). */
export function realisticFindings(): Finding[] {
  return [
    finding({
      ruleId: 'duplicate-id',
      message: 'Duplicate control id `AC-01`: first defined at controls/access.yaml:2; expected every control id to be unique.',
      messageId: 'duplicateControl',
      file: 'controls/access-review.yaml',
      line: 2,
      column: 5,
      endLine: 2,
      endColumn: 10,
      related: [{ file: 'controls/access.yaml', line: 2, column: 5, endLine: 2, endColumn: 10, message: '`AC-01` is first defined here.' }],
    }),
    finding({}),
    finding({ line: 8, column: 18, endLine: 8, endColumn: 23, message: 'Unexpected criterion `CC9.9`: not a SOC 2 criterion; did you mean CC9.1 or CC9.2?' }),
    finding({
      ruleId: 'owner-unknown',
      message: 'Unexpected owner `jdoe`: not in owners.yaml; expected a person or team listed there.',
      messageId: 'unknown',
      file: 'policies/access-control.md',
      line: 4,
      column: 8,
      endLine: 4,
      endColumn: 12,
    }),
    finding({
      ruleId: 'review-overdue',
      severity: 'warning',
      message: 'Policy review overdue by 3 months: last reviewed 2025-08-01 with a review cycle of 12 months, so due 2026-08-01; expected a new review, recorded in `last_reviewed`.',
      messageId: 'overdue',
      file: 'policies/access-control.md',
      line: 9,
      column: 16,
      endLine: 9,
      endColumn: 26,
    }),
    finding({
      ruleId: 'certification-language',
      severity: 'info',
      message: 'Unexpected "SOC 2 certified": SOC 2 yields an attestation report; expected "SOC 2 report" or "SOC 2 attestation".',
      messageId: 'certified',
      file: 'policies/information-security.md',
      line: 14,
      column: 22,
      endLine: 14,
      endColumn: 37,
    }),
    finding({
      ruleId: 'syntax',
      message: 'Unexpected end of the front matter: the closing `---` is missing; expected the YAML header to end with a line `---`.',
      messageId: 'unclosed',
      file: 'policies/vendor management.md',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    }),
  ];
}
