import { join } from 'node:path';
import { REPOSITORY as repository } from '@trustlint/test-support';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { MemorySource } from './files.js';
import { loadProgram } from './program.js';
import { parseConfig } from './config.js';


describe('loadProgram', () => {
  it('loads the sample program: every policy, control, owner and evidence log', () => {
    const config = loadConfig(join(repository, 'policies/trustlint.config.yaml'));
    const program = loadProgram(config);
    expect(program.repoRoot).toBe(repository);
    expect(program.policies.length).toBeGreaterThanOrEqual(12);
    expect(program.controls.length).toBeGreaterThanOrEqual(35);
    expect(program.evidence.length).toBeGreaterThan(0);
    expect(program.owners.people.size).toBeGreaterThan(5);
    expect(program.codeowners?.file.path).toBe('policies/.github/CODEOWNERS');
    expect(program.codeowners?.root).toBe('policies');
    expect(program.files.every((entry) => entry.problems.length === 0)).toBe(true);
    expect(program.files.every((entry) => entry.file.path.startsWith('policies/'))).toBe(true);
    const ids = program.controls.map((control) => control.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reads one control per document, a list of controls, and locates each', () => {
    const config = parseConfig('{}\n', '/r/trustlint.config.yaml');
    const program = loadProgram(config, {
      repoRoot: '/r',
      source: new MemorySource({
        'controls/multi.yaml': 'id: M-1\nowner: a\n---\nid: M-2\nowner: b\n',
        'controls/list.yaml': '- id: L-1\n  owner: c\n- id: L-2\n  owner: d\n',
      }),
    });
    expect(program.controls.map((c) => [c.file.path, c.index, c.id, c.owner])).toEqual([
      ['controls/list.yaml', 0, 'L-1', 'c'],
      ['controls/list.yaml', 1, 'L-2', 'd'],
      ['controls/multi.yaml', 0, 'M-1', 'a'],
      ['controls/multi.yaml', 1, 'M-2', 'b'],
    ]);
    const second = program.controls[3]!;
    expect(second.file.rangeOf(second.locate(['owner']).span)).toEqual({ line: 5, column: 8, endLine: 5, endColumn: 9 });
    expect(program.owners.exists).toBe(false);
  });

  it('reads policies with fenced front matter and comply headers', () => {
    const config = parseConfig('{}\n', '/r/trustlint.config.yaml');
    const program = loadProgram(config, {
      repoRoot: '/r',
      source: new MemorySource({
        'policies/a.md': '---\nid: POL-A\ntitle: A\nsatisfies:\n  soc2: [CC6.1]\n---\n# A\n',
        'policies/b.md': 'name: B Policy\nacronym: BP\nsatisfies:\n  TSC:\n    - CC6.2\n---\n# B\n',
      }),
    });
    expect(program.policies.map((p) => [p.dialect, p.id, p.title, p.satisfies.map((ref) => `${ref.framework ?? '?'}:${ref.id}`)])).toEqual([
      ['trustlint', 'POL-A', 'A', ['soc2:CC6.1']],
      ['comply', 'BP', 'B Policy', ['soc2:CC6.2']],
    ]);
    const tree = program.policies[1]!.tree();
    expect(tree.children[0]?.position?.start.line).toBe(7);
  });
});
