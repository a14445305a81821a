import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRules, runRules } from '@trustlint/engine';
import { loadConfig, loadProgram } from '@trustlint/model';
import { SAMPLE, TODAY } from '@trustlint/test-support';
import { brief, lintFiles } from '../testing/lint.js';
import { rule } from './evidence-date.js';

const WINDOW = 'frameworks:\n  soc2: {type: 2}\nobservation_period:\n  start: 2026-04-01\n  end: 2026-09-30\n';

/** An evidence log whose n-th record's date is on line 1 + 2n, from column 11. */
function log(...dates: string[]): string {
  return ['control: AC-02', 'records:', ...dates.flatMap((date) => [`  - date: ${date}`, '    summary: Export.'])].join('\n') + '\n';
}

const lint = (files: Record<string, string>, config?: string) =>
  lintFiles(files, { rules: [rule], ...(config === undefined ? {} : { config }) }).findings;

describe('evidence-date', () => {
  it('accepts records dated up to today when there is no window', () => {
    expect(lint({ 'evidence/AC-02.yaml': log('2020-01-01', '2026-11-22') })).toEqual([]);
  });

  it('reports a record dated after today, at its date, in a log and inline in a control', () => {
    const control = 'id: AC-01\nstatus: implemented\nfrequency: quarterly\nevidence:\n  - date: 2026-12-01\n    summary: Q4 review.\n';
    expect(lint({ 'evidence/AC-02.yaml': log('2026-05-01', '2026-11-23'), 'controls/AC-01.yaml': control }).map(brief)).toEqual([
      {
        ruleId: 'evidence-date',
        messageId: 'future',
        message: 'Unexpected evidence date 2026-12-01: later than today (2026-11-22); expected the date the evidence was produced, today or earlier.',
        file: 'controls/AC-01.yaml',
        line: 5,
        column: 11,
        endLine: 5,
        endColumn: 21,
      },
      {
        ruleId: 'evidence-date',
        messageId: 'future',
        message: 'Unexpected evidence date 2026-11-23: later than today (2026-11-22); expected the date the evidence was produced, today or earlier.',
        file: 'evidence/AC-02.yaml',
        line: 5,
        column: 11,
        endLine: 5,
        endColumn: 21,
      },
    ]);
  });

  it('reports records outside the observation period, but not those on its first and last days', () => {
    const files = { 'trustlint.config.yaml': WINDOW, 'evidence/AC-02.yaml': log('2026-03-31', '2026-04-01', '2026-09-30', '2026-10-01') };
    expect(lint(files).map(brief)).toEqual([
      {
        ruleId: 'evidence-date',
        messageId: 'outsideWindow',
        message: 'Evidence dated 2026-03-31 is outside the observation period (2026-04-01 to 2026-09-30) and does not count toward it; expected a date from 2026-04-01 to 2026-09-30.',
        file: 'evidence/AC-02.yaml',
        line: 3,
        column: 11,
        endLine: 3,
        endColumn: 21,
      },
      {
        ruleId: 'evidence-date',
        messageId: 'outsideWindow',
        message: 'Evidence dated 2026-10-01 is outside the observation period (2026-04-01 to 2026-09-30) and does not count toward it; expected a date from 2026-04-01 to 2026-09-30.',
        file: 'evidence/AC-02.yaml',
        line: 9,
        column: 11,
        endLine: 9,
        endColumn: 21,
      },
    ]);
  });

  it('says only that a future record is in the future, even outside the window', () => {
    const findings = lint({ 'trustlint.config.yaml': WINDOW, 'evidence/AC-02.yaml': log('2027-01-04') });
    expect(findings.map((finding) => finding.messageId)).toEqual(['future']);
  });

  it('turns the window check off with `outsideWindow: false`', () => {
    const config = `${WINDOW}rules:\n  evidence-date: [warning, {outsideWindow: false}]\n`;
    const findings = lint({ 'trustlint.config.yaml': config, 'evidence/AC-02.yaml': log('2026-03-31', '2026-12-01') });
    expect(findings.map((finding) => [finding.messageId, finding.line])).toEqual([['future', 5]]);
  });

  it('locates records of a control in a list of controls, and in flow style', () => {
    const controls = '- id: AC-01\n  evidence:\n    - date: 2027-01-01\n      summary: Early.\n- id: AC-02\n  evidence: [{date: 2027-02-01, summary: Early.}]\n';
    expect(lint({ 'controls/list.yaml': controls }).map((finding) => [finding.line, finding.column, finding.endLine, finding.endColumn])).toEqual([
      [3, 13, 3, 23],
      [6, 21, 6, 31],
    ]);
  });

  it('leaves records without a valid date to the schema rule', () => {
    expect(lint({ 'trustlint.config.yaml': WINDOW, 'evidence/AC-02.yaml': log('2026-02-30', 'soon') })).toEqual([]);
    expect(lint({ 'evidence/AC-02.yaml': 'control: AC-02\nrecords:\n  - summary: Undated.\n' })).toEqual([]);
  });

  it('finds nothing in the sample program', () => {
    const config = loadConfig(join(SAMPLE, 'trustlint.config.yaml'));
    const { findings } = runRules({ program: loadProgram(config), rules: resolveRules([rule], config), today: TODAY });
    expect(findings).toEqual([]);
  });
});
