import { TrustlintError } from '@trustlint/model';
import { describe, expect, it } from 'vitest';
import { serializeBaseline } from '@trustlint/engine';
import { brief, lintFiles } from '../testing/lint.js';
import { rule as ownerUnknown } from './owner-unknown.js';
import { rule } from './baseline.js';

const owners = 'people:\n  - {id: alice, name: Alice, email: alice@example.com, active: true}\n';
const controls = { 'controls/a.yaml': 'id: AC-01\nowner: zed\n', 'controls/b.yaml': 'id: AC-02\nowner: yan\n' };

function lint(files: Record<string, string>, baseline?: string) {
  return lintFiles({ 'owners.yaml': owners, ...files }, { rules: [ownerUnknown, rule], ...(baseline === undefined ? {} : { baseline }) });
}

describe('baseline', () => {
  const accepted = serializeBaseline(lint(controls).findings);

  it('accepts the findings it lists, even after unrelated lines move them', () => {
    expect(lint(controls, accepted).findings).toEqual([]);
    expect(lint(controls, accepted).baselined).toBe(2);
    const shifted = { ...controls, 'controls/a.yaml': '# Access review control\n\nid: AC-01\nowner: zed\n' };
    expect(lint(shifted, accepted).findings).toEqual([]);
  });

  it('still reports findings it does not list', () => {
    const more = { ...controls, 'controls/c.yaml': 'id: AC-03\nowner: xavier\n' };
    expect(lint(more, accepted).findings.map(brief)).toEqual([expect.objectContaining({ ruleId: 'owner-unknown', file: 'controls/c.yaml' })]);
  });

  it('reports an entry that matches nothing any more, at its fingerprint in the baseline', () => {
    const fixed = { ...controls, 'controls/b.yaml': 'id: AC-02\nowner: alice\n' };
    const { findings } = lint(fixed, accepted);
    expect(findings.map(brief)).toEqual([
      {
        ruleId: 'baseline',
        messageId: 'stale',
        message:
          'Stale baseline entry: `owner-unknown` in controls/b.yaml ("Unexpected owner `yan`: not in owners.yaml; expected a person or team: one of `alice`.") matches no finding any more; expected it pruned with `trustlint lint --write-baseline`.',
        file: 'trustlint-baseline.json',
        line: 13,
        column: 22,
        endLine: 13,
        endColumn: 56,
      },
    ]);
  });

  it('writes text from the files that a terminal or a diff view could act on as escapes, and reads it back the same', () => {
    const hostile = { ...controls, 'controls/a.yaml': 'id: AC-01\nowner: "zed\\u202e\\u2066x\\u2069\\u2028\\u0085\\u009b31m"\n' };
    const { findings } = lint(hostile);
    expect(findings.map((finding) => finding.message).join()).toContain('zed\u202e\u2066x\u2069\u2028\u0085\u009b31m');
    const text = serializeBaseline(findings);
    expect(text).not.toMatch(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    expect(text).toContain('zed\\u202e\\u2066x\\u2069\\u2028\\u0085\\u009b31m');
    expect((JSON.parse(text) as { findings: { message: string }[] }).findings.map((entry) => entry.message)).toEqual(findings.map((finding) => finding.message));
    expect(lint(hostile, text)).toMatchObject({ findings: [], baselined: 2 });
  });

  it('refuses a malformed baseline with its place, rather than ignoring it', () => {
    expect(() => lint(controls, '{"version": 1, "findings": [{"ruleId": "x", "file": "a"}]}')).toThrow(TrustlintError);
    expect(() => lint(controls, '{"version": 1, "findings": [{"ruleId": "x", "file": "a"}]}')).toThrow(
      /^Invalid baseline trustlint-baseline\.json:1:29: Missing required key `fingerprint` in `findings\[0\]`/,
    );
  });
});
