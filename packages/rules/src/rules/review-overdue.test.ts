import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRules, runRules } from '@trustlint/engine';
import { ConfigError, loadConfig, loadProgram } from '@trustlint/model';
import { SAMPLE, TODAY } from '@trustlint/test-support';
import { brief, lintFiles } from '../testing/lint.js';
import { rule } from './review-overdue.js';

/** A policy whose `last_reviewed` value is on line 5, from column 16. */
function policy(lastReviewed: string, { status = 'approved', cycle = '' } = {}): string {
  return [
    '---',
    'id: POL-ACCESS',
    'title: Access Control Policy',
    `status: ${status}`,
    `last_reviewed: ${lastReviewed}`,
    ...(cycle ? [`review_cycle: ${cycle}`] : []),
    '---',
    '',
    '# Access Control Policy',
    '',
  ].join('\n');
}

const lint = (text: string, options: { today?: string; config?: string } = {}) => lintFiles({ 'access-control.md': text }, { rules: [rule], ...options }).findings;

describe('review-overdue', () => {
  it('accepts an approved policy reviewed within its cycle', () => {
    expect(lint(policy('2026-08-14'))).toEqual([]);
  });

  it('reports an overdue review at `last_reviewed`, with the cycle, the due date and the days overdue', () => {
    expect(lint(policy('2025-08-14')).map(brief)).toEqual([
      {
        ruleId: 'review-overdue',
        messageId: 'overdue',
        message: 'Policy review overdue by 100 days: last reviewed 2025-08-14 with a review cycle of 12 months, so due 2026-08-14; expected a new review, recorded in `last_reviewed`.',
        file: 'access-control.md',
        line: 5,
        column: 16,
        endLine: 5,
        endColumn: 26,
      },
    ]);
  });

  it('counts a review as overdue from the day after its due date', () => {
    expect(lint(policy('2025-08-14'), { today: '2026-08-14' })).toEqual([]);
    expect(lint(policy('2025-08-14'), { today: '2026-08-15' }).map((finding) => finding.message)).toEqual([
      'Policy review overdue by 1 day: last reviewed 2025-08-14 with a review cycle of 12 months, so due 2026-08-14; expected a new review, recorded in `last_reviewed`.',
    ]);
  });

  it('uses `review_cycle`, clamping the due date to the end of a shorter month', () => {
    expect(lint(policy('2026-03-31', { cycle: '6' })).map(brief)).toEqual([
      expect.objectContaining({
        message: 'Policy review overdue by 53 days: last reviewed 2026-03-31 with a review cycle of 6 months, so due 2026-09-30; expected a new review, recorded in `last_reviewed`.',
        line: 5,
        column: 16,
        endColumn: 26,
      }),
    ]);
    // August 31 + 6 months is February 28.
    expect(lint(policy('2026-08-31', { cycle: '6' }), { today: '2027-02-28' })).toEqual([]);
    expect(lint(policy('2026-08-31', { cycle: '6' }), { today: '2027-03-01' }).map((finding) => finding.message)).toEqual([
      'Policy review overdue by 1 day: last reviewed 2026-08-31 with a review cycle of 6 months, so due 2027-02-28; expected a new review, recorded in `last_reviewed`.',
    ]);
    expect(lint(policy('2026-10-15', { cycle: '1' })).map((finding) => finding.message)).toEqual([
      'Policy review overdue by 7 days: last reviewed 2026-10-15 with a review cycle of 1 month, so due 2026-11-15; expected a new review, recorded in `last_reviewed`.',
    ]);
  });

  it('reports a `last_reviewed` later than today under its own message id', () => {
    expect(lint(policy('2026-12-01')).map(brief)).toEqual([
      {
        ruleId: 'review-overdue',
        messageId: 'future',
        message: 'Unexpected `last_reviewed` 2026-12-01: later than today (2026-11-22); expected the date of a review that has taken place.',
        file: 'access-control.md',
        line: 5,
        column: 16,
        endLine: 5,
        endColumn: 26,
      },
    ]);
    expect(lint(policy('2026-11-22'))).toEqual([]);
  });

  it('reports a quoted date at its whole value, quotes included', () => {
    expect(lint(policy('"2025-08-14"')).map((finding) => [finding.line, finding.column, finding.endLine, finding.endColumn])).toEqual([[5, 16, 5, 28]]);
  });

  it('waits `graceDays` days after the due date', () => {
    const config = (days: number) => `rules:\n  review-overdue: [warning, {graceDays: ${days}}]\n`;
    expect(lint(policy('2025-08-14'), { config: config(100) })).toEqual([]);
    expect(lint(policy('2025-08-14'), { config: config(99) }).map((finding) => finding.messageId)).toEqual(['overdue']);
  });

  it('rejects a negative or fractional `graceDays`', () => {
    expect(() => lint(policy('2025-08-14'), { config: 'rules:\n  review-overdue: [warning, {graceDays: -1}]\n' })).toThrow(ConfigError);
    expect(() => lint(policy('2025-08-14'), { config: 'rules:\n  review-overdue: [warning, {graceDays: 1.5}]\n' })).toThrow(ConfigError);
  });

  it('checks only approved policies', () => {
    for (const status of ['draft', 'retired', '""']) expect(lint(policy('2020-01-01', { status }))).toEqual([]);
  });

  it('leaves a missing or malformed `last_reviewed` to the schema rule', () => {
    expect(lint(policy('2026-02-30'))).toEqual([]);
    expect(lint(policy('last spring'))).toEqual([]);
    expect(lint('---\nid: POL-ACCESS\nstatus: approved\n---\n# Access\n')).toEqual([]);
  });

  it('reads a comply header', () => {
    const comply = 'name: Access Policy\nacronym: POL-ACCESS\nstatus: approved\nlast_reviewed: 2024-01-10\n---\n# Purpose\n';
    expect(lint(comply).map(brief)).toEqual([
      {
        ruleId: 'review-overdue',
        messageId: 'overdue',
        message: 'Policy review overdue by 681 days: last reviewed 2024-01-10 with a review cycle of 12 months, so due 2025-01-10; expected a new review, recorded in `last_reviewed`.',
        file: 'access-control.md',
        line: 4,
        column: 16,
        endLine: 4,
        endColumn: 26,
      },
    ]);
  });

  it('finds nothing in the sample program', () => {
    const config = loadConfig(join(SAMPLE, 'trustlint.config.yaml'));
    const { findings } = runRules({ program: loadProgram(config), rules: resolveRules([rule], config), today: TODAY });
    expect(findings).toEqual([]);
  });
});
