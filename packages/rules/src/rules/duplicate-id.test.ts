import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRules, runRules } from '@trustlint/engine';
import { loadConfig, loadProgram } from '@trustlint/model';
import { SAMPLE, TODAY } from '@trustlint/test-support';
import { brief, lintFiles } from '../testing/lint.js';
import { rule } from './duplicate-id.js';

function lint(files: Record<string, string>) {
  return lintFiles(files, { rules: [rule] }).findings;
}

const policy = (id: string) => `---\nid: ${id}\nsatisfies: {soc2: [CC6.1]}\n---\n# ${id}\n`;

describe('duplicate-id', () => {
  it('accepts unique ids, and a control and a policy that share one', () => {
    const files = {
      'controls/a.yaml': 'id: AC-01\n',
      'controls/list.yaml': '- id: AC-02\n- id: AC-03\n',
      'access.md': policy('AC-01'),
      'owners.yaml': 'people:\n  - {id: alice}\nteams:\n  - {id: security, members: [alice]}\n',
    };
    expect(lint(files)).toEqual([]);
  });

  it('reports a control id used again in another file, at its value, pointing at the first', () => {
    const findings = lint({ 'controls/a.yaml': 'id: AC-01\n', 'controls/b.yaml': 'title: Again\nid: AC-01\n' });
    expect(findings.map(brief)).toEqual([
      {
        ruleId: 'duplicate-id',
        messageId: 'duplicateControl',
        message: 'Duplicate control id `AC-01`: first defined at controls/a.yaml:1; expected every control id to be unique.',
        file: 'controls/b.yaml',
        line: 2,
        column: 5,
        endLine: 2,
        endColumn: 10,
      },
    ]);
    expect(findings[0]?.related).toEqual([{ file: 'controls/a.yaml', line: 1, column: 5, endLine: 1, endColumn: 10, message: '`AC-01` is first defined here.' }]);
  });

  it('reports repeats within a list and within a multi-document file, each against the first', () => {
    const findings = lint({ 'controls/list.yaml': '- id: A\n- id: B\n- id: A\n- id: A\n', 'controls/stream.yaml': 'id: C\n---\n# again\nid: C\n' });
    expect(findings.map(brief)).toEqual([
      expect.objectContaining({ file: 'controls/list.yaml', line: 3, column: 7, endLine: 3, endColumn: 8, message: expect.stringContaining('`A`: first defined at controls/list.yaml:1;') }),
      expect.objectContaining({ file: 'controls/list.yaml', line: 4, column: 7, endLine: 4, endColumn: 8, message: expect.stringContaining('`A`: first defined at controls/list.yaml:1;') }),
      expect.objectContaining({ file: 'controls/stream.yaml', line: 4, column: 5, endLine: 4, endColumn: 6, message: expect.stringContaining('`C`: first defined at controls/stream.yaml:1;') }),
    ]);
  });

  it('reports policy ids used twice, in either front matter dialect', () => {
    const comply = 'name: Access Control\nacronym: POL-ACCESS\n---\n# Access\n';
    const findings = lint({ 'a.md': policy('POL-ACCESS'), 'b.md': comply, 'c.md': policy('POL-ACCESS') });
    expect(findings.map(brief)).toEqual([
      {
        ruleId: 'duplicate-id',
        messageId: 'duplicatePolicy',
        message: 'Duplicate policy id `POL-ACCESS`: first defined at a.md:2; expected every policy id to be unique.',
        file: 'b.md',
        line: 2,
        column: 10,
        endLine: 2,
        endColumn: 20,
      },
      expect.objectContaining({ file: 'c.md', line: 2, column: 5, endLine: 2, endColumn: 15, message: expect.stringContaining('first defined at a.md:2;') }),
    ]);
  });

  it('reports people and teams that share an id, read from the file as written', () => {
    const owners = [
      'people:',
      '  - {id: alice, name: Alice}',
      '  - id: bob',
      '    name: Bob',
      '  - {id: alice, name: Alice Again}',
      'teams:',
      '  - {id: bob, members: [alice]}',
      '  - {id: security, members: [alice]}',
      '  - {id: security, members: [bob]}',
      '',
    ].join('\n');
    const findings = lint({ 'owners.yaml': owners });
    expect(findings.map(brief)).toEqual([
      {
        ruleId: 'duplicate-id',
        messageId: 'duplicateOwner',
        message: 'Duplicate person id `alice`: already used by the person at owners.yaml:2; expected person and team ids to be unique, since `owner:` can name either.',
        file: 'owners.yaml',
        line: 5,
        column: 10,
        endLine: 5,
        endColumn: 15,
      },
      expect.objectContaining({
        line: 7,
        column: 10,
        endColumn: 13,
        message: 'Duplicate team id `bob`: already used by the person at owners.yaml:3; expected person and team ids to be unique, since `owner:` can name either.',
      }),
      expect.objectContaining({ line: 9, column: 10, endColumn: 18, message: expect.stringMatching(/^Duplicate team id `security`: already used by the team at owners\.yaml:8;/) }),
    ]);
    expect(findings[1]?.related).toEqual([{ file: 'owners.yaml', line: 3, column: 9, endLine: 3, endColumn: 12, message: '`bob` is first defined here.' }]);
  });

  it('takes the first definition in the file, whether a person or a team', () => {
    const findings = lint({ 'owners.yaml': 'teams:\n  - {id: sec, members: []}\npeople:\n  - {id: sec}\n' });
    expect(findings.map(brief)).toEqual([
      expect.objectContaining({ line: 4, column: 10, endColumn: 13, message: expect.stringMatching(/^Duplicate person id `sec`: already used by the team at owners\.yaml:2;/) }),
    ]);
  });

  it('ignores entries without a usable id (the schema rule reports them)', () => {
    const files = {
      'controls/a.yaml': 'title: No id\n',
      'controls/b.yaml': 'title: Also no id\n',
      'controls/c.yaml': 'id: ""\n---\nid: ""\n',
      'owners.yaml': 'people:\n  - {name: Nobody}\n  - {name: Nobody}\n  - {id: 7}\n  - {id: 7}\n',
    };
    expect(lint(files)).toEqual([]);
  });

  it('finds nothing in the sample program', () => {
    const config = loadConfig(join(SAMPLE, 'trustlint.config.yaml'));
    const program = loadProgram(config);
    const { findings } = runRules({ program, rules: resolveRules([rule], config), today: TODAY });
    expect(findings).toEqual([]);
  });
});
