import { join } from 'node:path';
import { resolveRules, runRules } from '@trustlint/engine';
import { loadConfig, loadProgram } from '@trustlint/model';
import { SAMPLE, TODAY } from '@trustlint/test-support';
import { describe, expect, it } from 'vitest';
import { brief, lintFiles } from '../testing/lint.js';
import { rule } from './separation-of-duties.js';

const owners = [
  'people:',
  '  - {id: alice, name: Alice, email: alice@example.com, active: true}',
  '  - {id: bob, name: Bob, email: bob@example.com, active: true}',
  '  - {id: carol, name: Carol, email: carol@example.com, active: true}',
  '  - {id: dan, name: Dan, email: dan@example.com, active: true}',
  '  - {id: erin, name: Erin, email: erin@example.com, active: true}',
  '  - {id: jonah, name: Jonah, email: jonah@example.com, active: false}',
  'teams:',
  '  - {id: security, members: [alice, bob, jonah]}',
  '  - {id: solo, members: [alice, jonah]}',
  '  - {id: everyone, members: [alice, bob, carol, dan, erin]}',
  '',
].join('\n');

const policy = (owner: string, approver: string) => `---\nid: POL-1\nowner: ${owner}\napprover: ${approver}\n---\n\n# Policy\n`;

const FORBID = 'rules:\n  separation-of-duties: [error, {forbidTeamMembers: true}]\n';

function lint(files: Record<string, string>, config?: string) {
  return lintFiles({ 'owners.yaml': owners, ...files }, { rules: [rule], ...(config === undefined ? {} : { config }) }).findings;
}

describe('separation-of-duties', () => {
  it('accepts an approver who is another person, even a member of the owning team by default', () => {
    expect(
      lint({
        'a.md': policy('alice', 'bob'),
        'b.md': policy('security', 'carol'),
        'c.md': policy('security', 'alice'),
        'd.md': policy('zed', 'yan'),
        'e.md': '---\nid: POL-5\nowner: alice\n---\n# No approver yet\n',
      }),
    ).toEqual([]);
  });

  it('reports an approver who is the owner, at the approver, pointing at the owner', () => {
    const findings = lint({ 'p.md': policy('alice', 'alice') });
    expect(findings.map(brief)).toEqual([
      {
        ruleId: 'separation-of-duties',
        messageId: 'sameAsOwner',
        message: 'Unexpected approver `alice`: the same as the owner, so nobody independent signs off this policy; expected a person other than `alice`.',
        file: 'p.md',
        line: 4,
        column: 11,
        endLine: 4,
        endColumn: 16,
      },
    ]);
    expect(findings[0]?.related).toEqual([{ file: 'p.md', line: 3, column: 8, endLine: 3, endColumn: 13, message: "The policy's owner is `alice`." }]);
  });

  it('reports a team that owns and approves once, as the same as the owner', () => {
    const findings = lint({ 'p.md': policy('security', 'security') });
    expect(findings.map((f) => [f.messageId, f.line, f.column, f.endLine, f.endColumn])).toEqual([['sameAsOwner', 4, 11, 4, 19]]);
  });

  it('reports a team approver, suggesting its active members other than the owner', () => {
    const findings = lint({ 'p.md': policy('alice', 'security') });
    expect(findings.map(brief)).toEqual([
      {
        ruleId: 'separation-of-duties',
        messageId: 'teamApprover',
        message: 'Unexpected approver `security`: a team, but an approval needs one accountable person; expected one of its active members, such as `bob`.',
        file: 'p.md',
        line: 4,
        column: 11,
        endLine: 4,
        endColumn: 19,
      },
    ]);
    expect(findings[0]?.related).toEqual([{ file: 'p.md', line: 3, column: 8, endLine: 3, endColumn: 13, message: "The policy's owner is `alice`." }]);
  });

  it('lists a few members of a large approving team, and says when none would do', () => {
    const findings = lint({ 'a.md': policy('carol', 'everyone'), 'b.md': policy('alice', 'solo') });
    expect(findings.map((f) => f.message)).toEqual([
      'Unexpected approver `everyone`: a team, but an approval needs one accountable person; expected one of its active members, such as `alice`, `bob` or `dan` (1 more).',
      'Unexpected approver `solo`: a team, but an approval needs one accountable person; expected an active person from owners.yaml.',
    ]);
  });

  it('reports a team approver of a policy without an owner, without a related owner', () => {
    const findings = lint({ 'p.md': '---\nid: POL-1\napprover: security\n---\n# P\n' });
    expect(findings.map((f) => [f.messageId, f.line, f.column, f.related])).toEqual([['teamApprover', 3, 11, undefined]]);
  });

  it('with `forbidTeamMembers`, reports an approver who belongs to the owning team', () => {
    const findings = lint({ 'p.md': policy('security', 'bob'), 'q.md': policy('security', 'carol') }, FORBID);
    expect(findings.map(brief)).toEqual([
      {
        ruleId: 'separation-of-duties',
        messageId: 'memberOfOwningTeam',
        message:
          'Unexpected approver `bob`: a member of the owning team `security`, so the team signs off its own policy; expected a person outside `security`.',
        file: 'p.md',
        line: 4,
        column: 11,
        endLine: 4,
        endColumn: 14,
      },
    ]);
    expect(findings[0]?.related).toEqual([{ file: 'p.md', line: 3, column: 8, endLine: 3, endColumn: 16, message: "The policy's owner is `security`." }]);
  });

  it('rejects options it does not know', () => {
    expect(() => lint({}, 'rules:\n  separation-of-duties: [error, {forbidTeamMember: true}]\n')).toThrow(/forbidTeamMember/);
  });

  it('finds nothing in the sample program, even with `forbidTeamMembers`', () => {
    const config = loadConfig(join(SAMPLE, 'trustlint.config.yaml'));
    const program = loadProgram(config);
    const strict = { ...config, rules: new Map([['separation-of-duties', { severity: 'error' as const, options: { forbidTeamMembers: true }, path: [] }]]) };
    for (const settings of [config, strict]) {
      const { findings } = runRules({ program, rules: resolveRules([rule], settings), today: TODAY });
      expect(findings).toEqual([]);
    }
  });
});
