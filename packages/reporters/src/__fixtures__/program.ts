/**
 * A small SOC 2 Type 2 program read from memory, for the tests of the HTML
 * report's model and page: controls of every kind (with inline evidence and
 * evidence logs, gaps, planned, on-event, without a frequency), policies
 * whose reviews are current, overdue and unknown, and a report of its run.
 */
import type { Finding } from '@trustlint/engine';
import { computeCoverage, loadProgram, MemorySource, parseConfig, type Program } from '@trustlint/model';
import type { ReportPageInput } from '../report-model.js';
import type { Report } from '../report.js';
import { finding, report } from './reports.js';

export const HOSTILE = '<img src=x onerror=alert(1)><script>window.pwned=1</script>';

export const PROGRAM_FILES: Readonly<Record<string, string>> = {
  'controls/access.yaml': [
    'id: AC-01',
    'title: Quarterly user access review',
    'owner: security',
    'status: implemented',
    'frequency: quarterly',
    'satisfies: {soc2: [CC6.1, CC6.2]}',
    'evidence:',
    '  - {date: 2026-05-10, summary: Q2 review}',
    '',
  ].join('\n'),
  'controls/operations.yaml': [
    '- id: OPS-01',
    '  title: Monitoring',
    '  owner: sre',
    '  status: implemented',
    '  frequency: continuous',
    '  satisfies: {soc2: [CC7.1]}',
    '- id: OPS-02',
    '  title: Incident response',
    '  owner: sre',
    '  status: implemented',
    '  frequency: on-event',
    '  satisfies: {soc2: [CC7.3]}',
    '- id: OPS-03',
    '  title: Restore test',
    '  owner: sre',
    '  status: planned',
    '  frequency: quarterly',
    '  satisfies: {soc2: [A1.2]}',
    '- id: OPS-04',
    '  title: Capacity review',
    '  owner: sre',
    '  status: implemented',
    '  satisfies: {soc2: [A1.1]}',
    '',
  ].join('\n'),
  'evidence/OPS-01.yaml': [
    'control: OPS-01',
    'records:',
    '  - {date: 2026-04-30, summary: April}',
    '  - {date: 2026-05-31, summary: May}',
    '  - {date: 2026-06-30, summary: June}',
    '  - {date: 2026-08-31, summary: August}',
    '  - {date: 2026-09-30, summary: September}',
    '  - {date: 2026-10-31, summary: October}',
    '  - {date: 2026-02-30, summary: not a date}',
    '',
  ].join('\n'),
  'evidence/OPS-02.yaml': 'control: OPS-02\nrecords:\n  - {date: 2026-06-01, summary: Incident 1}\n  - {date: 2026-09-02, summary: Incident 2}\n',
  'evidence/AC-01.yaml': 'control: AC-01\nrecords:\n  - {date: 2026-07-01, summary: Q3 review, logged}\n',
  'policies/access.md': [
    '---',
    'id: POL-ACCESS',
    `title: "Access Control ${HOSTILE}"`,
    'owner: security',
    'approver: ola',
    'version: "2.0"',
    'last_reviewed: 2026-06-10',
    'review_cycle: 12',
    'status: approved',
    'satisfies: {soc2: [CC6.1]}',
    '---',
    '# Access',
    '',
  ].join('\n'),
  'policies/isp.md': [
    '---',
    'id: POL-ISP',
    'title: Information Security Policy',
    'owner: security',
    'approver: ola',
    'version: "1.2"',
    'last_reviewed: 2025-08-31',
    'review_cycle: 6',
    'status: approved',
    'satisfies: {soc2: [CC1.1]}',
    '---',
    '# ISP',
    '',
  ].join('\n'),
  'policies/draft.md': [
    '---',
    'id: POL-DRAFT',
    'title: Vendor Policy',
    'owner: security',
    'last_reviewed: someday',
    'status: draft',
    'satisfies: {soc2: [CC9.2]}',
    '---',
    '# Vendors',
    '',
  ].join('\n'),
};

export const CONFIG = [
  'program: Kestrel Pay',
  'frameworks: {soc2: {categories: [security, availability], type: 2}}',
  'observation_period: {start: 2026-04-01, end: 2026-12-31}',
  'exclusions:',
  '  - {criterion: A1.3, reason: Done by the hosting provider., approver: erin}',
  '',
].join('\n');

export function sampleProgram(config = CONFIG, files: Readonly<Record<string, string>> = PROGRAM_FILES): Program {
  return loadProgram(parseConfig(config, '/r/trustlint.config.yaml'), { repoRoot: '/r', source: new MemorySource(files) });
}

export function programFindings(): Finding[] {
  return [
    finding({ ruleId: 'evidence-missing', file: 'controls/access.yaml', line: 5, column: 12, message: 'Implemented control `AC-01` (quarterly) has no evidence for 1 quarter.' }),
    finding({ ruleId: 'review-overdue', severity: 'warning', file: 'policies/isp.md', line: 7, column: 16, message: 'Policy review overdue by 84 days.' }),
    finding({ ruleId: 'evidence-missing', file: 'controls/operations.yaml', line: 5, column: 14, message: 'Implemented control `OPS-01` (continuous) has no evidence for 1 month.' }),
    finding({ ruleId: 'soc2-certification-language', severity: 'info', file: 'policies/isp.md', line: 12, column: 3, message: 'Unexpected `SOC 2 certified`.', url: 'javascript:alert(1)' }),
  ];
}

/** The report of a run of `sampleProgram`: its coverage, and `findings`. */
export function programReport(program: Program = sampleProgram(), findings: readonly Finding[] = programFindings()): Report {
  return report(findings, {
    program: program.config.program,
    coverage: computeCoverage(program.config, program.controls, program.policies),
    toolVersion: '0.1.0',
  });
}

/** The HTML report's input for the sample program, with `overrides`. */
export function pageInput(overrides: Partial<ReportPageInput> = {}): ReportPageInput {
  const program = sampleProgram();
  return {
    report: programReport(program),
    controls: program.controls,
    policies: program.policies,
    evidence: program.evidence,
    observationPeriod: program.config.observationPeriod,
    soc2Type: program.config.frameworks.soc2?.type,
    commit: '0123456789abcdef0123456789abcdef01234567',
    ...overrides,
  };
}
