import { describe, expect, it } from 'vitest';
import { SourceFile } from './source-file.js';
import { parseYaml, type YamlMap, type YamlNode, type YamlScalar } from './yaml.js';
import { formatPath, nodeAtPath, parsePath, pointerToPath, spanForPath } from './yaml-path.js';

function parse(text: string) {
  const file = new SourceFile('c.yaml', text);
  const result = parseYaml(file);
  return { file, result, root: result.documents[0]?.root ?? null };
}

function rangeAt(file: SourceFile, root: YamlNode, path: string) {
  return file.rangeOf(spanForPath(root, parsePath(path), (s) => file.firstLineOf(s)));
}

const control = [
  'id: AC-01',
  'title: "Quarterly review"',
  'satisfies:',
  '  soc2: [CC6.1, CC6.2, CC6.10]',
  '  iso27001:',
  '    - A.5.15',
  'owner:',
  'description: |',
  '  First line',
  '  second line',
  '',
].join('\n');

describe('parseYaml', () => {
  it('gives every key and value an exact range', () => {
    const { file, root, result } = parse(control);
    expect(result.error).toBeUndefined();
    expect(result.documents[0]?.value).toEqual({
      id: 'AC-01',
      title: 'Quarterly review',
      satisfies: { soc2: ['CC6.1', 'CC6.2', 'CC6.10'], iso27001: ['A.5.15'] },
      owner: null,
      description: 'First line\nsecond line\n',
    });
    expect(rangeAt(file, root!, 'satisfies.soc2[2]')).toEqual({ line: 4, column: 24, endLine: 4, endColumn: 30 });
    expect(rangeAt(file, root!, 'satisfies.iso27001[0]')).toEqual({ line: 6, column: 7, endLine: 6, endColumn: 13 });
    // A quoted scalar's range includes its quotes.
    expect(rangeAt(file, root!, 'title')).toEqual({ line: 2, column: 8, endLine: 2, endColumn: 26 });
    // An empty value is reported at its key.
    expect(rangeAt(file, root!, 'owner')).toEqual({ line: 7, column: 1, endLine: 7, endColumn: 6 });
    // A block scalar's range is its content, without the trailing line break.
    expect(rangeAt(file, root!, 'description')).toEqual({ line: 9, column: 3, endLine: 10, endColumn: 14 });
    // A flow sequence's range runs to its closing bracket.
    const seq = nodeAtPath(root!, ['satisfies', 'soc2'])!;
    expect(file.rangeOf(seq)).toEqual({ line: 4, column: 9, endLine: 4, endColumn: 31 });
  });

  it('reports a missing key at the first line of the enclosing mapping, or at its key', () => {
    const { file, root } = parse(control);
    expect(rangeAt(file, root!, 'status')).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 10 });
    expect(rangeAt(file, root!, 'satisfies.pi')).toEqual({ line: 3, column: 1, endLine: 3, endColumn: 10 });
  });

  it('keeps ranges exact with CRLF line endings, a BOM, tabs in values and multi-byte characters', () => {
    const { file, root } = parse('\uFEFFid: C-1\r\ntitle: "héllo 🎉"\r\nnote: a\tb\r\nsatisfies:\r\n  soc2: [CC6.10]\r\n');
    expect(rangeAt(file, root!, 'satisfies.soc2[0]')).toEqual({ line: 5, column: 10, endLine: 5, endColumn: 16 });
    expect(rangeAt(file, root!, 'title')).toEqual({ line: 2, column: 8, endLine: 2, endColumn: 18 });
    expect(rangeAt(file, root!, 'note')).toEqual({ line: 3, column: 7, endLine: 3, endColumn: 10 });
  });

  it('parses every document of a multi-document stream with file-relative ranges', () => {
    const { file, result } = parse('id: A-1\ntitle: one\n---\nid: A-2\ntitle: two\n');
    expect(result.documents.map((d) => d.value)).toEqual([
      { id: 'A-1', title: 'one' },
      { id: 'A-2', title: 'two' },
    ]);
    const second = result.documents[1]!.root!;
    expect(rangeAt(file, second, 'id')).toEqual({ line: 4, column: 5, endLine: 4, endColumn: 8 });
  });

  it('locates items of a list file', () => {
    const { file, root } = parse('- id: L-1\n  owner: alice\n- id: L-2\n  owner: bob\n');
    expect(rangeAt(file, root!, '[1].owner')).toEqual({ line: 4, column: 10, endLine: 4, endColumn: 13 });
    expect(file.rangeOf(nodeAtPath(root!, [1])!)).toEqual({ line: 3, column: 3, endLine: 4, endColumn: 13 });
  });

  it('reports a syntax error at its position and keeps no half-built value', () => {
    const { file, result } = parse('id: A-1\nsatisfies: [CC6.1\nowner: x\n');
    expect(result.error?.message).toMatch(/indentation|flow/);
    expect(file.positionAt(result.error!.span.start).line).toBe(3);
    expect(result.documents).toEqual([]);
  });

  it('records duplicate keys with both places instead of failing the document', () => {
    const { file, result } = parse('id: A-1\nowner: a\nid: A-2\n');
    const [duplicate] = result.documents[0]!.duplicateKeys;
    expect(file.rangeOf(duplicate!.key)).toEqual({ line: 3, column: 1, endLine: 3, endColumn: 3 });
    expect(file.rangeOf(duplicate!.first)).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 3 });
    expect(result.documents[0]!.value).toEqual({ id: 'A-2', owner: 'a' });
  });

  it('resolves aliases for lookups and refuses alias bombs', () => {
    const { root } = parse('base: &b {owner: alice}\ncopy: *b\n');
    expect((nodeAtPath(root!, ['copy', 'owner']) as YamlScalar).text).toBe('alice');
    // The classic "billion laughs": nine levels of nine aliases, 81 aliases in all.
    const names = 'abcdefghi';
    const bomb = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]']
      .concat(names.slice(1).split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${names[i]!}`).join(', ')}]`))
      .join('\n');
    const { file, result } = parse(bomb);
    expect(result.error?.message).toMatch(/alias bomb/);
    expect(file.positionAt(result.error!.span.start).line).toBeGreaterThan(1);
    expect(result.documents).toEqual([]);
  });

  it('keeps __proto__, constructor and prototype as plain own keys, and pollutes nothing', () => {
    const { result, root } = parse('__proto__: { polluted: yes }\nconstructor: { prototype: { polluted: yes } }\nprototype: [x]\n');
    const value = result.documents[0]!.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ polluted: 'yes' });
    expect(value.polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((nodeAtPath(root!, ['constructor', 'prototype', 'polluted']) as YamlScalar).text).toBe('yes');
  });

  it('parses a span of a file (front matter) with offsets into the whole file', () => {
    const file = new SourceFile('p.md', '---\nid: P-1\nowner: x\n---\n# Body\n');
    const { documents } = parseYaml(file, { span: { start: 4, end: 20 } });
    const owner = (documents[0]!.root as YamlMap).pairs[1]!.value;
    expect(file.rangeOf(owner)).toEqual({ line: 3, column: 8, endLine: 3, endColumn: 9 });
  });

  it('handles an empty stream and a comment-only document', () => {
    expect(parse('').result.documents).toEqual([]);
    expect(parse('# nothing\n').result.documents.every((d) => d.root === null)).toBe(true);
  });
});

describe('data paths', () => {
  it('parses dotted, indexed, quoted and pointer forms and formats them back', () => {
    expect(parsePath('satisfies.soc2[2]')).toEqual(['satisfies', 'soc2', 2]);
    expect(parsePath('[0].owner')).toEqual([0, 'owner']);
    expect(parsePath('a["x.y"].b')).toEqual(['a', 'x.y', 'b']);
    expect(pointerToPath('/satisfies/soc2/2')).toEqual(['satisfies', 'soc2', 2]);
    expect(pointerToPath('/a~1b/c~0d')).toEqual(['a/b', 'c~d']);
    expect(pointerToPath('')).toEqual([]);
    expect(formatPath(['satisfies', 'soc2', 2])).toBe('satisfies.soc2[2]');
    expect(formatPath([0, 'x.y'])).toBe('[0]["x.y"]');
  });
});
