import { describe, expect, it } from 'vitest';
import { brief, lintFiles } from '../testing/lint.js';
import { rule } from './syntax.js';

function lint(files: Record<string, string>) {
  return lintFiles(files, { rules: [rule] }).findings.map(brief);
}

describe('syntax', () => {
  it('reports nothing for well-formed files', () => {
    expect(lint({ 'controls/a.yaml': 'id: A\n', 'p.md': '---\nid: P\n---\n# P\n' })).toEqual([]);
  });

  it('reports a YAML syntax error at its line and column', () => {
    expect(lint({ 'controls/a.yaml': 'id: A\nsatisfies: [CC6.1\nowner: x\n' })).toEqual([
      {
        ruleId: 'syntax',
        messageId: 'yaml-syntax',
        message: 'YAML syntax error: deficient indentation.',
        file: 'controls/a.yaml',
        line: 3,
        column: 1,
        endLine: 3,
        endColumn: 1,
      },
    ]);
  });

  it('reports a syntax error inside front matter with a whole-file position', () => {
    const [finding] = lint({ 'p.md': '---\nid: P\ntitle: [x\n---\n# P\n' });
    expect(finding).toMatchObject({ messageId: 'yaml-syntax', file: 'p.md', line: 3 });
  });

  it('reports a duplicate key at the second occurrence, pointing at the first', () => {
    const { findings } = lintFiles({ 'controls/a.yaml': 'id: A\nowner: x\nid: B\n' }, { rules: [rule] });
    expect(findings.map(brief)).toEqual([
      expect.objectContaining({
        messageId: 'duplicate-key',
        message: 'Duplicate key `id`: already defined at line 1, and the later value would silently replace it; expected each key once.',
        line: 3,
        column: 1,
        endLine: 3,
        endColumn: 3,
      }),
    ]);
    expect(findings[0]?.related).toEqual([{ file: 'controls/a.yaml', line: 1, column: 1, endLine: 1, endColumn: 3, message: 'First definition of `id`.' }]);
  });

  it('reports front matter that never closes, TOML front matter, empty front matter and a policy with none', () => {
    expect(
      lint({ 'a.md': '---\nid: P\n# P\n', 'b.md': '+++\ntitle = "x"\n+++\n', 'c.md': '# Just prose\n', 'd.md': '---\n# just a comment\n---\n# D\n' }).map((f) => [f.file, f.messageId, f.line]),
    ).toEqual([
      ['a.md', 'unclosed-front-matter', 1],
      ['b.md', 'toml-front-matter', 1],
      ['c.md', 'missing-front-matter', 1],
      ['d.md', 'empty-front-matter', 1],
    ]);
  });

  it('reports a control document that is not a mapping', () => {
    expect(lint({ 'controls/a.yaml': 'just text\n' })[0]).toMatchObject({
      messageId: 'not-a-mapping',
      message: 'Expected a mapping of keys to values, found the text `just text`.',
      line: 1,
      column: 1,
      endColumn: 10,
    });
  });

  it('refuses binary content, UTF-16 and invalid UTF-8 without reading further', () => {
    const binary = lintFiles({ 'controls/bin.yaml': 'id: A\u0000\n' }, { rules: [rule] }).findings.map(brief);
    expect(binary).toEqual([expect.objectContaining({ messageId: 'binary', line: 1, column: 6 })]);
  });
});
