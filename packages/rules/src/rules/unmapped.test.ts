import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRules, runRules } from '@trustlint/engine';
import { loadConfig, loadProgram } from '@trustlint/model';
import { SAMPLE, TODAY } from '@trustlint/test-support';
import { brief, lintFiles } from '../testing/lint.js';
import { rule } from './unmapped.js';

function lint(files: Record<string, string>, config?: string) {
  return lintFiles(files, { rules: [rule], ...(config === undefined ? {} : { config }) }).findings.map(brief);
}

const CONTROL_EXPECTED = 'expected `satisfies` with at least one criterion id, such as `soc2: [CC6.1]`, or `status: not-applicable`.';

describe('unmapped', () => {
  it('accepts controls and policies that list a criterion, even one another rule rejects', () => {
    expect(
      lint({
        'controls/a.yaml': 'id: A\nstatus: implemented\nsatisfies:\n  soc2: [CC6.1]\n',
        'controls/b.yaml': 'id: B\nsatisfies: {iso27001: [8.8], soc2: []}\n',
        'controls/c.yaml': 'id: C\nsatisfies:\n  soc2: [CC9.9]\n',
        'controls/d.yaml': 'id: D\nsatisfies:\n  soc2: CC6.1\n',
        'policy.md': '---\nid: POL-1\nsatisfies:\n  soc2: [CC1.1]\n---\n# P\n',
        'comply.md': 'name: Access\nacronym: AP\nsatisfies:\n  TSC:\n    - CC6.1\n---\n# Access\n',
      }),
    ).toEqual([]);
  });

  it('exempts controls that are not applicable and policies that are retired', () => {
    expect(
      lint({
        'controls/a.yaml': 'id: A\nstatus: not-applicable\n',
        'controls/b.yaml': 'id: B\nstatus: not-applicable\nsatisfies: {}\n',
        'policy.md': '---\nid: POL-1\nstatus: retired\n---\n# P\n',
      }),
    ).toEqual([]);
  });

  it('reports a control without `satisfies` at its first line', () => {
    expect(lint({ 'controls/a.yaml': 'id: AC-01\ntitle: Access review\nstatus: implemented\n' })).toEqual([
      {
        ruleId: 'unmapped',
        messageId: 'missing',
        message: `Control \`AC-01\` maps to no criterion: it has no \`satisfies\`; ${CONTROL_EXPECTED}`,
        file: 'controls/a.yaml',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 10,
      },
    ]);
  });

  it('reports an empty `satisfies` at its key, however it is left empty', () => {
    const variants = ['satisfies:', 'satisfies: {}', 'satisfies:\n  soc2: []', 'satisfies: {soc2: [], iso27001: []}', 'satisfies:\n  soc2:', 'satisfies:\n  hipaa: [164.308]'];
    for (const satisfies of variants) {
      expect(lint({ 'controls/a.yaml': `id: AC-01\nstatus: planned\n${satisfies}\n` }), satisfies).toEqual([
        {
          ruleId: 'unmapped',
          messageId: 'empty',
          message:
            'Control `AC-01` maps to no criterion: its `satisfies` lists no criterion id under a framework key; expected at least one, such as `soc2: [CC6.1]`, or `status: not-applicable`.',
          file: 'controls/a.yaml',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 10,
        },
      ]);
    }
  });

  it('leaves a `satisfies` of the wrong shape to the schema rule', () => {
    expect(lint({ 'controls/a.yaml': 'id: A\nsatisfies: [CC6.1]\n', 'controls/b.yaml': 'id: B\nsatisfies: CC6.1\n' })).toEqual([]);
  });

  it('reports each control of a list or a multi-document file at its own first line', () => {
    const list = '- id: A\n  satisfies: {soc2: [CC6.1]}\n- id: B\n  status: planned\n';
    const stream = 'id: C\nsatisfies: {soc2: [CC6.1]}\n---\n# a comment\nid: D\nsatisfies: {}\n';
    expect(lint({ 'controls/list.yaml': list, 'controls/stream.yaml': stream })).toEqual([
      expect.objectContaining({ messageId: 'missing', file: 'controls/list.yaml', line: 3, column: 3, endLine: 3, endColumn: 8, message: expect.stringMatching(/^Control `B` maps/) }),
      expect.objectContaining({ messageId: 'empty', file: 'controls/stream.yaml', line: 6, column: 1, endLine: 6, endColumn: 10, message: expect.stringMatching(/^Control `D` maps/) }),
    ]);
  });

  it('reports policies that are not retired, inside the front matter', () => {
    const draft = '---\nid: POL-1\nstatus: draft\n---\n# P\n';
    const empty = '---\nid: POL-2\nsatisfies:\n  soc2: []\n---\n# P\n';
    expect(lint({ 'a.md': draft, 'b.md': empty })).toEqual([
      {
        ruleId: 'unmapped',
        messageId: 'missing',
        message: 'Policy `POL-1` maps to no criterion: it has no `satisfies`; expected `satisfies` with at least one criterion id, such as `soc2: [CC6.1]`, or `status: retired`.',
        file: 'a.md',
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 10,
      },
      expect.objectContaining({ messageId: 'empty', file: 'b.md', line: 3, column: 1, endLine: 3, endColumn: 10, message: expect.stringMatching(/^Policy `POL-2` maps to no criterion: its `satisfies`/) }),
    ]);
  });

  it('reads the comply dialect and says when an entity has no id', () => {
    expect(lint({ 'comply.md': 'name: Access\nacronym: AP\n---\n# Access\n', 'controls/a.yaml': 'title: Nameless\n' })).toEqual([
      expect.objectContaining({ file: 'comply.md', line: 1, column: 1, endColumn: 13, message: expect.stringMatching(/^Policy `AP` maps to no criterion: it has no `satisfies`;/) }),
      expect.objectContaining({ file: 'controls/a.yaml', line: 1, column: 1, endColumn: 16, message: expect.stringMatching(/^Control \(no id\) maps to no criterion/) }),
    ]);
  });

  it('leaves policies without readable front matter to the syntax rule', () => {
    expect(lint({ 'a.md': '# Just a heading\n', 'b.md': '---\nid: [unclosed\n---\n# B\n' })).toEqual([]);
  });

  it('gives an example of the framework in scope', () => {
    const [finding] = lint({ 'controls/a.yaml': 'id: A\n' }, 'frameworks:\n  iso27001: {}\n');
    expect(finding?.message).toBe(
      'Control `A` maps to no criterion: it has no `satisfies`; expected `satisfies` with at least one criterion id, such as `iso27001: [A.5.15]`, or `status: not-applicable`.',
    );
  });

  it('finds nothing in the sample program', () => {
    const config = loadConfig(join(SAMPLE, 'trustlint.config.yaml'));
    const program = loadProgram(config);
    const { findings } = runRules({ program, rules: resolveRules([rule], config), today: TODAY });
    expect(findings).toEqual([]);
  });
});
