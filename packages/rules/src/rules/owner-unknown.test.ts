import { describe, expect, it } from 'vitest';
import { brief, lintFiles } from '../testing/lint.js';
import { rule } from './owner-unknown.js';

const owners = [
  'people:',
  '  - {id: alice, name: Alice, email: alice@example.com, active: true}',
  '  - {id: bob, name: Bob, email: bob@example.com, active: true}',
  'teams:',
  '  - {id: security, members: [alice, carol]}',
  '',
].join('\n');

const control = (owner: string) => `id: AC-01\nowner: ${owner}\n`;

describe('owner-unknown', () => {
  it('accepts people and teams from the owners file', () => {
    const { findings } = lintFiles({ 'owners.yaml': owners.replace(', carol', ''), 'controls/a.yaml': control('alice'), 'controls/b.yaml': control('security') }, { rules: [rule] });
    expect(findings).toEqual([]);
  });

  it('reports an owner that is not listed, at its value, suggesting a close id', () => {
    const { findings } = lintFiles({ 'owners.yaml': owners.replace(', carol', ''), 'controls/a.yaml': control('alcie') }, { rules: [rule] });
    expect(findings.map(brief)).toEqual([
      {
        ruleId: 'owner-unknown',
        messageId: 'unknown',
        message: 'Unexpected owner `alcie`: not in owners.yaml; expected `alice` (a close match).',
        file: 'controls/a.yaml',
        line: 2,
        column: 8,
        endLine: 2,
        endColumn: 13,
      },
    ]);
  });

  it('lists the known owners when nothing is close', () => {
    const { findings } = lintFiles({ 'owners.yaml': owners.replace(', carol', ''), 'controls/a.yaml': control('zed-the-contractor') }, { rules: [rule] });
    expect(findings[0]?.message).toBe(
      'Unexpected owner `zed-the-contractor`: not in owners.yaml; expected a person or team: one of `alice`, `bob` or `security`.',
    );
  });

  it('checks policy owners and approvers, and team members', () => {
    const policy = '---\nid: P-1\nowner: security\napprover: dave\n---\n# P\n';
    const { findings } = lintFiles({ 'owners.yaml': owners, 'p.md': policy }, { rules: [rule] });
    expect(findings.map((f) => [f.file, f.line, f.column, f.message])).toEqual([
      ['owners.yaml', 5, 37, 'Unexpected team member `carol`: not in owners.yaml; expected a person: one of `alice` or `bob`.'],
      ['p.md', 4, 11, 'Unexpected approver `dave`: not in owners.yaml; expected a person or team: one of `alice`, `bob` or `security`.'],
    ]);
  });

  it('says when there is no owners file at all', () => {
    const { findings } = lintFiles({ 'controls/a.yaml': control('alice') }, { rules: [rule] });
    expect(findings[0]?.message).toBe('Unexpected owner `alice`: there is no owners file (owners.yaml) to find it in; expected a person or team listed there.');
  });
});
