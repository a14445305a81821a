import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRules, runRules } from '@trustlint/engine';
import { ConfigError, defaultConfig, loadConfig, loadProgram, MemorySource } from '@trustlint/model';
import { SAMPLE, TODAY } from '@trustlint/test-support';
import { brief, lintFiles } from '../testing/lint.js';
import { rule } from './evidence-missing.js';

function config({ start = '2026-04-01', end = '2026-09-30', rules = '' } = {}): string {
  return `frameworks:\n  soc2:\n    type: 2\nobservation_period:\n  start: ${start}\n  end: ${end}\n${rules}`;
}

/** A control whose `frequency` value is on line 3, from column 12. */
function control(frequency: string, { id = 'AC-01', status = 'implemented', evidence = [] as string[] } = {}): string {
  const inline = evidence.length ? `evidence:\n${evidence.map((date) => `  - {date: ${date}, summary: Export.}\n`).join('')}` : '';
  return `id: ${id}\nstatus: ${status}\nfrequency: ${frequency}\n${inline}`;
}

function log(id: string, ...dates: string[]): string {
  return `control: ${id}\nrecords:\n${dates.map((date) => `  - date: ${date}\n    summary: Export.\n`).join('')}`;
}

const lint = (files: Record<string, string>, today = TODAY) => lintFiles(files, { rules: [rule], today }).findings;
const messages = (files: Record<string, string>, today = TODAY) => lint(files, today).map((finding) => finding.message);

const HOW = (id: string) => `under the control's \`evidence\` or in an evidence log with \`control: ${id}\`.`;

describe('evidence-missing', () => {
  it('accepts a record in every period, inline or in an evidence log', () => {
    const files = {
      'trustlint.config.yaml': config(),
      'controls/AC-01.yaml': control('quarterly', { evidence: ['2026-05-10'] }),
      'evidence/AC-01.yaml': log('AC-01', '2026-08-20'),
    };
    expect(lint(files)).toEqual([]);
  });

  it('reports the missing periods at the control frequency', () => {
    const files = { 'trustlint.config.yaml': config(), 'controls/AC-01.yaml': control('quarterly'), 'evidence/AC-01.yaml': log('AC-01', '2026-05-10') };
    expect(lint(files).map(brief)).toEqual([
      {
        ruleId: 'evidence-missing',
        messageId: 'missing',
        message: `Implemented control \`AC-01\` (quarterly) has no evidence for 1 quarter of the observation period 2026-04-01 to 2026-09-30: 2026-Q3 (2026-07-01 to 2026-09-30); expected a record dated within each quarter, ${HOW('AC-01')}`,
        file: 'controls/AC-01.yaml',
        line: 3,
        column: 12,
        endLine: 3,
        endColumn: 21,
      },
    ]);
  });

  it('needs one record a month for controls that run more often than monthly', () => {
    const files = { 'trustlint.config.yaml': config(), 'controls/AC-04.yaml': control('continuous', { id: 'AC-04' }) };
    expect(messages(files)).toEqual([
      `Implemented control \`AC-04\` (continuous) has no evidence for 6 months of the observation period 2026-04-01 to 2026-09-30: 2026-04 (2026-04-01 to 2026-04-30), 2026-05 (2026-05-01 to 2026-05-31), 2026-06 (2026-06-01 to 2026-06-30), 2026-07 (2026-07-01 to 2026-07-31), 2026-08 (2026-08-01 to 2026-08-31), 2026-09 (2026-09-01 to 2026-09-30); expected a record dated within each month, ${HOW('AC-04')}`,
    ]);
    for (const frequency of ['daily', 'weekly', 'monthly']) {
      expect(messages({ 'trustlint.config.yaml': config(), 'controls/X.yaml': control(frequency) })[0], frequency).toContain('has no evidence for 6 months');
    }
  });

  it('lists six periods and says how many more', () => {
    const files = { 'trustlint.config.yaml': config({ start: '2026-01-01', end: '2026-12-31' }), 'controls/OPS-01.yaml': control('monthly', { id: 'OPS-01' }) };
    expect(messages(files)).toEqual([
      `Implemented control \`OPS-01\` (monthly) has no evidence for 10 months of the observation period 2026-01-01 to 2026-12-31: 2026-01 (2026-01-01 to 2026-01-31), 2026-02 (2026-02-01 to 2026-02-28), 2026-03 (2026-03-01 to 2026-03-31), 2026-04 (2026-04-01 to 2026-04-30), 2026-05 (2026-05-01 to 2026-05-31), 2026-06 (2026-06-01 to 2026-06-30) and 4 more; expected a record dated within each month, ${HOW('OPS-01')}`,
    ]);
  });

  it('requires nothing for a period that is still running', () => {
    const files = { 'trustlint.config.yaml': config(), 'controls/AC-01.yaml': control('quarterly', { evidence: ['2026-04-20'] }) };
    expect(lint(files, '2026-09-30')).toEqual([]);
    expect(messages(files, '2026-10-01')[0]).toContain(': 2026-Q3 (2026-07-01 to 2026-09-30);');
    expect(lint({ ...files, 'controls/AC-01.yaml': control('quarterly') }, '2026-04-15')).toEqual([]);
  });

  it('counts only records dated inside the window part of a period', () => {
    const files = { 'trustlint.config.yaml': config({ start: '2026-04-15' }), 'controls/AC-01.yaml': control('quarterly', { evidence: ['2026-04-01', '2026-07-02'] }) };
    expect(messages(files)).toEqual([
      `Implemented control \`AC-01\` (quarterly) has no evidence for 1 quarter of the observation period 2026-04-15 to 2026-09-30: 2026-Q2 (2026-04-15 to 2026-06-30); expected a record dated within each quarter, ${HOW('AC-01')}`,
    ]);
  });

  it('names half-years and calendar years', () => {
    const files = {
      'trustlint.config.yaml': config(),
      'controls/a.yaml': control('semiannual', { id: 'RSK-01', evidence: ['2026-06-30'] }),
      'controls/b.yaml': control('annual', { id: 'GOV-01' }),
    };
    expect(messages(files)).toEqual([
      `Implemented control \`RSK-01\` (semiannual) has no evidence for 1 half-year of the observation period 2026-04-01 to 2026-09-30: 2026-H2 (2026-07-01 to 2026-09-30); expected a record dated within each half-year, ${HOW('RSK-01')}`,
      `Implemented control \`GOV-01\` (annual) has no evidence for 1 calendar year of the observation period 2026-04-01 to 2026-09-30: 2026 (2026-04-01 to 2026-09-30); expected a record dated within each calendar year, ${HOW('GOV-01')}`,
    ]);
  });

  it('combines every evidence log of a control, and no other control', () => {
    const files = {
      'trustlint.config.yaml': config(),
      'controls/AC-01.yaml': control('quarterly'),
      'evidence/q2.yaml': log('AC-01', '2026-05-10'),
      'evidence/q3.yaml': log('AC-01', '2026-08-10'),
      'evidence/other.yaml': log('AC-02', '2026-05-10', '2026-08-10'),
      'controls/AC-02.yaml': control('quarterly', { id: 'AC-02' }),
    };
    expect(lint(files)).toEqual([]);
    expect(messages({ ...files, 'evidence/q3.yaml': log('AC-03', '2026-08-10') })[0]).toContain('`AC-01` (quarterly) has no evidence for 1 quarter');
  });

  it('ignores records without a valid date', () => {
    const files = { 'trustlint.config.yaml': config(), 'controls/AC-01.yaml': control('quarterly', { evidence: ['2026-05-10'] }), 'evidence/AC-01.yaml': log('AC-01', '2026-09-31') };
    expect(messages(files)[0]).toContain(': 2026-Q3 (2026-07-01 to 2026-09-30);');
  });

  it('checks only implemented controls, with a frequency that has periods', () => {
    const files = {
      'trustlint.config.yaml': config(),
      'controls/a.yaml': control('quarterly', { status: 'partially-implemented' }),
      'controls/b.yaml': control('monthly', { status: 'planned' }),
      'controls/c.yaml': control('on-event'),
      'controls/d.yaml': 'id: AC-09\nstatus: implemented\n',
    };
    expect(lint(files)).toEqual([]);
  });

  it('locates the frequency of a control in a list of controls', () => {
    const files = { 'trustlint.config.yaml': config(), 'controls/list.yaml': '- id: AC-01\n  status: implemented\n  frequency: annual\n' };
    expect(lint(files).map((finding) => [finding.line, finding.column, finding.endLine, finding.endColumn])).toEqual([[3, 14, 3, 20]]);
  });

  it('takes periods per frequency from `periods`, keeping the defaults of the others', () => {
    const rules = 'rules:\n  evidence-missing: [error, {periods: {daily: week, continuous: day, quarterly: none}}]\n';
    const files = {
      'trustlint.config.yaml': config({ end: '2026-04-14', rules }),
      'controls/OPS-02.yaml': control('daily', { id: 'OPS-02', evidence: ['2026-04-02', '2026-04-08'] }),
      'controls/OPS-03.yaml': control('continuous', { id: 'OPS-03', evidence: ['2026-04-02'] }),
      'controls/AC-01.yaml': control('quarterly'),
      'controls/GOV-01.yaml': control('annual', { id: 'GOV-01', evidence: ['2026-04-14'] }),
    };
    expect(messages(files)).toEqual([
      `Implemented control \`OPS-02\` (daily) has no evidence for 1 ISO week of the observation period 2026-04-01 to 2026-04-14: 2026-W16 (2026-04-13 to 2026-04-14); expected a record dated within each ISO week, ${HOW('OPS-02')}`,
      `Implemented control \`OPS-03\` (continuous) has no evidence for 13 days of the observation period 2026-04-01 to 2026-04-14: 2026-04-01, 2026-04-03, 2026-04-04, 2026-04-05, 2026-04-06, 2026-04-07 and 7 more; expected a record dated within each day, ${HOW('OPS-03')}`,
    ]);
  });

  it('rejects an unknown period or frequency in `periods`', () => {
    const files = (rules: string) => ({ 'trustlint.config.yaml': config({ rules }), 'controls/AC-01.yaml': control('quarterly') });
    expect(() => lint(files('rules:\n  evidence-missing: [error, {periods: {daily: fortnight}}]\n'))).toThrow(ConfigError);
    expect(() => lint(files('rules:\n  evidence-missing: [error, {periods: {hourly: day}}]\n'))).toThrow(ConfigError);
  });

  it('says once that a Type 2 program needs an observation period', () => {
    const files = { 'trustlint.config.yaml': 'frameworks:\n  soc2:\n    type: 2\n', 'controls/a.yaml': control('quarterly'), 'controls/b.yaml': control('monthly') };
    expect(lint(files).map(brief)).toEqual([
      {
        ruleId: 'evidence-missing',
        messageId: 'noWindow',
        message:
          'SOC 2 Type 2 evidence cannot be checked without an observation period; expected `observation_period` with `start` and `end` dates (YYYY-MM-DD) in trustlint.config.yaml.',
        file: 'trustlint.config.yaml',
        line: 3,
        column: 11,
        endLine: 3,
        endColumn: 12,
      },
    ]);
  });

  it('reports a missing window at `soc2` when Type 2 is the default, or at the first line', () => {
    const place = (configText: string) =>
      lint({ 'trustlint.config.yaml': configText, 'controls/a.yaml': control('quarterly') }).map((finding) => [finding.line, finding.column, finding.endLine, finding.endColumn]);
    expect(place('frameworks:\n  soc2:\n    categories: [security]\n')).toEqual([[2, 3, 2, 7]]);
    expect(place('program: Northwind\n')).toEqual([[1, 1, 1, 19]]);
  });

  it('needs no window without implemented controls, nor without a config file', () => {
    expect(lint({ 'trustlint.config.yaml': 'frameworks:\n  soc2:\n    type: 2\n', 'controls/a.yaml': control('quarterly', { status: 'planned' }) })).toEqual([]);
    const program = loadProgram(defaultConfig('/virtual-program'), {
      source: new MemorySource({ 'controls/a.yaml': control('quarterly') }),
      repoRoot: '/virtual-program',
    });
    expect(runRules({ program, rules: resolveRules([rule], program.config), today: TODAY }).findings).toEqual([]);
  });

  it('does not check Type 1 programs, nor programs without SOC 2', () => {
    const window = 'observation_period:\n  start: 2026-04-01\n  end: 2026-09-30\n';
    expect(lint({ 'trustlint.config.yaml': `frameworks:\n  soc2:\n    type: 1\n${window}`, 'controls/a.yaml': control('quarterly') })).toEqual([]);
    expect(lint({ 'trustlint.config.yaml': `frameworks:\n  iso27001: {}\n${window}`, 'controls/a.yaml': control('quarterly') })).toEqual([]);
  });

  it('finds nothing in the sample program', () => {
    const sample = loadConfig(join(SAMPLE, 'trustlint.config.yaml'));
    const { findings } = runRules({ program: loadProgram(sample), rules: resolveRules([rule], sample), today: TODAY });
    expect(findings).toEqual([]);
  });
});
