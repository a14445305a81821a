import { describe, expect, it } from 'vitest';
import { brief, lintFiles } from '../testing/lint.js';
import { rule as ownerUnknown } from './owner-unknown.js';
import { rule } from './suppression.js';

const owners = 'people:\n  - {id: alice, name: Alice, email: alice@example.com, active: true}\n';

function lint(files: Record<string, string>, today = '2026-11-22') {
  return lintFiles({ 'owners.yaml': owners, ...files }, { rules: [ownerUnknown, rule], today }).findings.map(brief);
}

describe('suppression', () => {
  it('silences the named rule on the next line when a reason is given', () => {
    const control = 'id: AC-01\n# trustlint-disable-next-line owner-unknown -- contractor account, moves to owners.yaml in Q1\nowner: zed\n';
    expect(lint({ 'controls/a.yaml': control })).toEqual([]);
  });

  it('skips blank and comment lines to find the line it covers', () => {
    const control = 'id: AC-01\n# trustlint-disable-next-line owner-unknown -- contractor\n\n# the owner\nowner: zed\n';
    expect(lint({ 'controls/a.yaml': control })).toEqual([]);
  });

  it('silences a rule in a whole policy with an HTML comment, and in front matter with a # comment', () => {
    const policy = '---\nid: P-1\nowner: zed\napprover: yan\n---\n<!-- trustlint-disable-file owner-unknown -- owners are being migrated -->\n# P\n';
    expect(lint({ 'p.md': policy })).toEqual([]);
    const inFrontMatter = '---\nid: P-1\n# trustlint-disable-next-line owner-unknown -- interim owner\nowner: zed\n---\n# P\n';
    expect(lint({ 'p.md': inFrontMatter })).toEqual([]);
  });

  it('does not apply without a reason, and says so', () => {
    const control = 'id: AC-01\n# trustlint-disable-next-line owner-unknown\nowner: zed\n';
    expect(lint({ 'controls/a.yaml': control })).toEqual([
      expect.objectContaining({
        ruleId: 'suppression',
        messageId: 'missingReason',
        message: 'Suppression of `owner-unknown` gives no reason, so it does not apply; expected `-- <why the finding is accepted>` after the rule ids.',
        line: 2,
        column: 3,
        endLine: 2,
        endColumn: 44,
      }),
      expect.objectContaining({ ruleId: 'owner-unknown', line: 3 }),
    ]);
  });

  it('stops applying after its expiry date and reports that it expired', () => {
    const control = 'id: AC-01\n# trustlint-disable-next-line owner-unknown until 2026-10-31 -- contractor\nowner: zed\n';
    expect(lint({ 'controls/a.yaml': control }, '2026-10-31')).toEqual([]);
    expect(lint({ 'controls/a.yaml': control }, '2026-11-01')).toEqual([
      expect.objectContaining({
        ruleId: 'suppression',
        messageId: 'expired',
        message: 'Suppression of `owner-unknown` expired on 2026-10-31, so what it covered is reported again; expected the findings fixed, or a new `until` date.',
        line: 2,
      }),
      expect.objectContaining({ ruleId: 'owner-unknown', line: 3 }),
    ]);
  });

  it('reports a suppression that suppresses nothing, at the rule it names', () => {
    const control = 'id: AC-01\n# trustlint-disable-next-line owner-unknown -- old contractor\nowner: alice\n';
    expect(lint({ 'controls/a.yaml': control })).toEqual([
      {
        ruleId: 'suppression',
        messageId: 'unused',
        message: 'Suppression of `owner-unknown` suppresses nothing here (reason given: "old contractor"); expected it removed.',
        file: 'controls/a.yaml',
        line: 2,
        column: 31,
        endLine: 2,
        endColumn: 44,
      },
    ]);
  });

  it('reports unknown rule ids with a suggestion, bad dates, no rules and no target', () => {
    const control = [
      'id: AC-01',
      '# trustlint-disable-next-line owner-unkown -- typo',
      'owner: alice',
      '# trustlint-disable-next-line owner-unknown until next-week -- soon',
      'title: x',
      '# trustlint-disable-next-line -- nothing named',
      'status: implemented',
      '# trustlint-disable-next-line owner-unknown -- at the end',
      '',
    ].join('\n');
    expect(lint({ 'controls/a.yaml': control }).map((f) => [f.line, f.messageId, f.message])).toEqual([
      [2, 'unknownRule', 'Unexpected rule `owner-unkown` in a suppression: no rule has that id; expected `owner-unknown` (a close match).'],
      [4, 'invalidDate', 'Suppression expiry `until next-week` is not a calendar date, so the suppression does not apply; expected `until YYYY-MM-DD`.'],
      [6, 'noRules', 'Suppression names no rule, so it does not apply; expected rule ids, as in `trustlint-disable-next-line review-overdue -- <reason>`.'],
      [8, 'noTarget', 'Suppression `trustlint-disable-next-line` has no line after it; expected it directly above the line it is for.'],
      [8, 'unused', 'Suppression of `owner-unknown` suppresses nothing here (reason given: "at the end"); expected it removed.'],
    ]);
  });

  it('does not let a suppression silence the suppression rule itself', () => {
    const control = 'id: AC-01\n# trustlint-disable-file suppression -- no\n# trustlint-disable-next-line owner-unknown\nowner: zed\n';
    expect(lint({ 'controls/a.yaml': control }).map((f) => f.messageId)).toEqual(['unused', 'missingReason', 'unknown']);
  });
});
