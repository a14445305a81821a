import { join } from 'node:path';
import { resolveRules, runRules } from '@trustlint/engine';
import { loadConfig, loadProgram } from '@trustlint/model';
import { SAMPLE, TODAY } from '@trustlint/test-support';
import { describe, expect, it } from 'vitest';
import { brief, lintFiles } from '../testing/lint.js';
import { rule } from './owner-inactive.js';

const owners = [
  'people:',
  '  - {id: alice, name: Alice, email: alice@example.com, active: true}',
  '  - {id: jonah, name: Jonah, email: jonah@example.com, active: false}',
  '  - {id: elena, name: Elena, email: elena@example.com, active: false}',
  '  - {id: bob, name: Bob, email: bob@example.com}',
  'teams:',
  '  - {id: security, members: [alice, jonah]}',
  '  - {id: it, members: [elena, ghost, security, elena]}',
  '  - {id: ghosts, members: []}',
  '  - {id: nobody}',
  '',
].join('\n');

const control = (owner: string) => `id: AC-01\nowner: ${owner}\n`;

function lint(files: Record<string, string>) {
  return lintFiles({ 'owners.yaml': owners, ...files }, { rules: [rule] }).findings;
}

describe('owner-inactive', () => {
  it('accepts active people, people without `active`, teams with an active member, and unknown ids', () => {
    expect(
      lint({
        'controls/a.yaml': control('alice'),
        'controls/b.yaml': control('bob'),
        'controls/c.yaml': control('security'),
        'controls/d.yaml': control('zed'),
        'p.md': '---\nid: POL-1\nowner: security\napprover: alice\n---\n# P\n',
      }),
    ).toEqual([]);
  });

  it('reports an inactive person at the owner value, pointing at the owners file', () => {
    const findings = lint({ 'controls/a.yaml': control('jonah') });
    expect(findings.map(brief)).toEqual([
      {
        ruleId: 'owner-inactive',
        messageId: 'inactivePerson',
        message:
          'Unexpected owner `jonah`: marked `active: false` in owners.yaml (left the company or changed role); expected an active person, or a team with an active member.',
        file: 'controls/a.yaml',
        line: 2,
        column: 8,
        endLine: 2,
        endColumn: 13,
      },
    ]);
    expect(findings[0]?.related).toEqual([
      { file: 'owners.yaml', line: 3, column: 10, endLine: 3, endColumn: 15, message: '`jonah` is listed here with `active: false`.' },
    ]);
  });

  it('reports a team with no active person, saying what each member is', () => {
    const findings = lint({ 'controls/a.yaml': control('it') });
    expect(findings.map(brief)).toEqual([
      {
        ruleId: 'owner-inactive',
        messageId: 'inactiveTeam',
        message:
          'Unexpected owner `it`: the team has no active member (`elena` is inactive; `ghost` and `security` are not people in owners.yaml); expected an active person, or a team with an active member.',
        file: 'controls/a.yaml',
        line: 2,
        column: 8,
        endLine: 2,
        endColumn: 10,
      },
    ]);
    expect(findings[0]?.related).toEqual([{ file: 'owners.yaml', line: 8, column: 10, endLine: 8, endColumn: 12, message: 'Team `it` is defined here.' }]);
  });

  it('says which members are inactive, one or several', () => {
    const findings = lint({
      'owners.yaml': owners.replace('[alice, jonah]', '[jonah, elena]').replace('[elena, ghost, security, elena]', '[ghost]'),
      'controls/a.yaml': control('security'),
      'controls/b.yaml': control('it'),
    });
    expect(findings.map((f) => f.message)).toEqual([
      'Unexpected owner `security`: the team has no active member (`jonah` and `elena` are inactive); expected an active person, or a team with an active member.',
      'Unexpected owner `it`: the team has no active member (`ghost` is not a person in owners.yaml); expected an active person, or a team with an active member.',
    ]);
  });

  it('reports a team without members, whether the list is empty or absent', () => {
    const findings = lint({ 'controls/a.yaml': control('ghosts'), 'controls/b.yaml': control('nobody') });
    expect(findings.map(brief)).toEqual([
      {
        ruleId: 'owner-inactive',
        messageId: 'emptyTeam',
        message: 'Unexpected owner `ghosts`: the team has no members; expected an active person, or a team with an active member.',
        file: 'controls/a.yaml',
        line: 2,
        column: 8,
        endLine: 2,
        endColumn: 14,
      },
      {
        ruleId: 'owner-inactive',
        messageId: 'emptyTeam',
        message: 'Unexpected owner `nobody`: the team has no members; expected an active person, or a team with an active member.',
        file: 'controls/b.yaml',
        line: 2,
        column: 8,
        endLine: 2,
        endColumn: 14,
      },
    ]);
  });

  it('checks a policy owner and approver, expecting a person as approver', () => {
    const findings = lint({ 'p.md': '---\nid: POL-1\nowner: it\napprover: elena\n---\n# P\n' });
    expect(findings.map(brief)).toEqual([
      {
        ruleId: 'owner-inactive',
        messageId: 'inactiveTeam',
        message:
          'Unexpected owner `it`: the team has no active member (`elena` is inactive; `ghost` and `security` are not people in owners.yaml); expected an active person, or a team with an active member.',
        file: 'p.md',
        line: 3,
        column: 8,
        endLine: 3,
        endColumn: 10,
      },
      {
        ruleId: 'owner-inactive',
        messageId: 'inactivePerson',
        message:
          'Unexpected approver `elena`: marked `active: false` in owners.yaml (left the company or changed role); expected an active person.',
        file: 'p.md',
        line: 4,
        column: 11,
        endLine: 4,
        endColumn: 16,
      },
    ]);
  });

  it('checks every control of a list file', () => {
    const findings = lint({ 'controls/list.yaml': '- id: AC-01\n  owner: alice\n- id: AC-02\n  owner: jonah\n' });
    expect(findings.map((f) => [f.messageId, f.line, f.column, f.endLine, f.endColumn])).toEqual([['inactivePerson', 4, 10, 4, 15]]);
  });

  it('finds nothing in the sample program', () => {
    const config = loadConfig(join(SAMPLE, 'trustlint.config.yaml'));
    const program = loadProgram(config);
    const { findings } = runRules({ program, rules: resolveRules([rule], config), today: TODAY });
    expect(findings).toEqual([]);
  });
});
