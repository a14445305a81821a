import { describe, expect, it } from 'vitest';
import { lintFiles } from './testing/lint.js';
import { activeMembers, assignments, describeOwned, fieldsOf, isBlank, memberStates, rolesOf, teamsOf } from './ownership.js';

const owners = [
  'people:',
  '  - {id: alice, name: Alice, email: alice@example.com, active: true}',
  '  - {id: jonah, name: Jonah, email: jonah@example.com, active: false}',
  '  - {id: bob, name: Bob, email: bob@example.com}',
  'teams:',
  '  - {id: security, members: [alice, jonah, ghost, alice]}',
  '  - {id: sre, members: [bob]}',
  '',
].join('\n');

function programOf(files: Record<string, string>) {
  return lintFiles({ 'owners.yaml': owners, ...files }, { rules: [] }).program;
}

describe('ownership helpers', () => {
  it('reads the owner of a control and the owner and approver of a policy, skipping blank ones', () => {
    const program = programOf({
      'controls/a.yaml': 'id: AC-01\nowner: alice\n',
      'controls/b.yaml': "id: AC-02\nowner: '  '\n",
      'p.md': '---\nid: POL-1\nowner: security\napprover: bob\n---\n# P\n',
    });
    const [a, b] = program.controls;
    const [policy] = program.policies;
    expect(a && assignments(a).map(({ role, id, at }) => [role, id, at.file.rangeOf(at.span)])).toEqual([
      ['owner', 'alice', { line: 2, column: 8, endLine: 2, endColumn: 13 }],
    ]);
    expect(b && assignments(b)).toEqual([]);
    expect(policy && assignments(policy).map(({ role, id }) => [role, id])).toEqual([
      ['owner', 'security'],
      ['approver', 'bob'],
    ]);
    expect(policy && rolesOf(policy)).toEqual(['owner', 'approver']);
    expect(a && rolesOf(a)).toEqual(['owner']);
  });

  it('names an entity by kind and id', () => {
    const program = programOf({ 'controls/a.yaml': 'id: AC-01\n', 'controls/b.yaml': 'title: No id\n', 'p.md': '---\nid: POL-1\n---\n# P\n' });
    expect(program.controls.map(describeOwned)).toEqual(['control `AC-01`', 'this control']);
    expect(program.policies.map(describeOwned)).toEqual(['policy `POL-1`']);
  });

  it('gives the fields of a mapping only', () => {
    const program = programOf({ 'controls/list.yaml': '- id: AC-01\n- just text\n' });
    expect(program.controls.map((control) => fieldsOf(control))).toEqual([{ id: 'AC-01' }, undefined]);
  });

  it('treats nothing and blank strings as blank', () => {
    expect([null, undefined, '', '   ', 'alice', 0, []].map(isBlank)).toEqual([true, true, true, true, false, false, false]);
  });

  it('says what each team member is, once each, and finds the teams of a person', () => {
    const { owners: listed } = programOf({});
    const security = listed.teams.get('security');
    const alice = listed.people.get('alice');
    expect(security && memberStates(security, listed)).toEqual([
      { id: 'alice', state: 'active' },
      { id: 'jonah', state: 'inactive' },
      { id: 'ghost', state: 'unlisted' },
    ]);
    expect(security && activeMembers(security, listed).map((person) => person.id)).toEqual(['alice']);
    expect(alice && teamsOf(alice, listed).map((team) => team.id)).toEqual(['security']);
  });

});
