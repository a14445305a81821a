import { describe, expect, it } from 'vitest';
import { brief, lintFiles } from '../testing/lint.js';
import { rule } from './version-not-bumped.js';

const policy = (version: string, body: string, revisions: string[] = ['1.0']) =>
  [
    '---',
    'id: POL-ACCESS',
    `version: "${version}"`,
    'revisions:',
    ...revisions.map((v) => `  - {version: "${v}", date: 2026-01-01, summary: Change ${v}.}`),
    '---',
    '# Access Control Policy',
    '',
    body,
    '',
  ].join('\n');

const base = { 'access-control.md': policy('1.0', 'Access is reviewed every quarter.') };

function lint(text: string) {
  return lintFiles({ 'access-control.md': text }, { rules: [rule], base }).findings.map(brief);
}

describe('version-not-bumped', () => {
  it('accepts an unchanged body, a bumped version or a new revision entry', () => {
    expect(lint(policy('1.0', 'Access is reviewed every quarter.'))).toEqual([]);
    expect(lint(policy('1.1', 'Access is reviewed every month.'))).toEqual([]);
    expect(lint(policy('1.0', 'Access is reviewed every month.', ['1.0', '1.0']))).toEqual([]);
  });

  it('ignores changes of line endings and trailing blanks, and front matter edits', () => {
    expect(lint(policy('1.0', 'Access is reviewed every quarter.   ').replace(/\n/g, '\r\n'))).toEqual([]);
    expect(lint(policy('1.0', 'Access is reviewed every quarter.').replace('id: POL-ACCESS', 'id: POL-ACCESS\nowner: security'))).toEqual([]);
  });

  it('reports a changed body with the same version and no new revision entry, at the version', () => {
    expect(lint(policy('1.0', 'Access is reviewed every month.'))).toEqual([
      {
        ruleId: 'version-not-bumped',
        messageId: 'notBumped',
        message:
          'The body of policy `POL-ACCESS` changed since `main`, but its version is still `1.0` and its revision history gained no entry; expected a new version and a `revisions` entry that says what changed.',
        file: 'access-control.md',
        line: 3,
        column: 10,
        endLine: 3,
        endColumn: 15,
      },
    ]);
  });

  it('follows a policy that moved to another file by its id', () => {
    const moved = lintFiles({ 'policies/access.md': policy('1.0', 'Changed.') }, { rules: [rule], base }).findings;
    expect(moved.map((f) => f.file)).toEqual(['policies/access.md']);
  });

  it('does not report new policies', () => {
    expect(lintFiles({ 'new.md': policy('1.0', 'New.').replace('POL-ACCESS', 'POL-NEW') }, { rules: [rule], base }).findings).toEqual([]);
  });
});
