import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Yaml } from 'mdast';
import { corpus } from '@trustlint/test-support';
import { describe, expect, it } from 'vitest';
import { findFrontMatter } from './front-matter.js';
import { parseMarkdown } from './markdown.js';
import { SourceFile } from './source-file.js';
import { parseYaml } from './yaml.js';


function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

describe('findFrontMatter', () => {
  it('finds fenced YAML at the top of a file and where the body starts', () => {
    const text = '---\nid: P-1\n---\n# Title\n';
    const fm = findFrontMatter(text);
    expect(fm).toMatchObject({ kind: 'fenced', closed: true, bodyStart: 16 });
    expect(text.slice(fm.content.start, fm.content.end)).toBe('id: P-1');
  });

  it('handles CRLF, trailing spaces on fences and an empty block', () => {
    const text = '--- \r\nid: P-1\r\ntitle: x\r\n---\t\r\nBody';
    const fm = findFrontMatter(text);
    expect(text.slice(fm.content.start, fm.content.end)).toBe('id: P-1\r\ntitle: x');
    expect(text.slice(fm.bodyStart)).toBe('Body');
    expect(findFrontMatter('---\n---\nBody')).toMatchObject({ kind: 'fenced', content: { start: 4, end: 4 } });
  });

  it('reports a block that never closes', () => {
    expect(findFrontMatter('---\nid: P-1\n# Title\n')).toMatchObject({ kind: 'fenced', closed: false });
  });

  it('reads a comply header: YAML down to the first --- line with no opening fence', () => {
    const text = 'name: Access Policy\nsatisfies:\n  TSC:\n    - CC6.1\n---\n# Purpose\n';
    const fm = findFrontMatter(text);
    expect(fm).toMatchObject({ kind: 'comply', closed: true });
    expect(text.slice(fm.content.start, fm.content.end)).toBe('name: Access Policy\nsatisfies:\n  TSC:\n    - CC6.1');
    expect(text.slice(fm.bodyStart)).toBe('# Purpose\n');
  });

  it('does not take prose, a setext heading or a thematic break for a header', () => {
    expect(findFrontMatter('Title\n---\nText').kind).toBe('none');
    expect(findFrontMatter('# Policy\n\n---\n\nMore').kind).toBe('none');
    expect(findFrontMatter('').kind).toBe('none');
  });

  it('recognises TOML front matter so that it can be reported', () => {
    expect(findFrontMatter('+++\ntitle = "x"\n+++\nBody').kind).toBe('toml');
  });

  it('honours a forced mode', () => {
    expect(findFrontMatter('---\nid: x\n---\n', 'none').kind).toBe('none');
    expect(findFrontMatter('name: x\n---\nBody', 'fenced').kind).toBe('none');
    expect(findFrontMatter('name: x\nno fence', 'comply')).toMatchObject({ kind: 'comply', closed: false });
  });

  it('agrees with remark-frontmatter on every fenced document of the real-world corpora', () => {
    const files = [...markdownFiles(corpus('comply-soc2')), ...markdownFiles(corpus('tailscale-security-policies'))];
    expect(files.length).toBeGreaterThan(40);
    let fenced = 0;
    for (const path of files) {
      const file = new SourceFile(path, readFileSync(path, 'utf8'));
      const fm = findFrontMatter(file.text, 'fenced');
      const yaml = parseMarkdown(file.text).children.find((node): node is Yaml => node.type === 'yaml');
      if (fm.kind === 'none') {
        expect(yaml, path).toBeUndefined();
        continue;
      }
      fenced++;
      expect(yaml?.value, path).toBe(file.text.slice(fm.content.start, fm.content.end));
      expect(yaml?.position?.end.offset, path).toBe(fm.block.end);
    }
    expect(fenced).toBeGreaterThan(10);
  });
});

describe('parseMarkdown', () => {
  it('keeps offsets into the whole file after front matter', () => {
    const text = '---\r\nid: P-1\r\n---\r\n# Héllo\r\n\r\nSee [x](./b.md)\r\n';
    const fm = findFrontMatter(text);
    const tree = parseMarkdown(text, fm);
    const heading = tree.children.find((node) => node.type === 'heading');
    expect(heading?.position?.start.offset).toBe(text.indexOf('# Héllo'));
  });

  it('blanks a comply header so the body parses as it would alone, offsets unchanged', () => {
    const text = 'name: Access\nacronym: AOTP\n---\n# Purpose\n\nText\n';
    const tree = parseMarkdown(text, findFrontMatter(text));
    expect(tree.children.map((node) => node.type)).toEqual(['heading', 'paragraph']);
    expect(tree.children[0]?.position?.start).toMatchObject({ line: 4, column: 1, offset: text.indexOf('# Purpose') });
  });

  it('parses comply headers of the real template as YAML with whole-file positions', () => {
    const path = join(corpus('comply-soc2'), 'policies/access.md');
    const file = new SourceFile('access.md', readFileSync(path, 'utf8'));
    const fm = findFrontMatter(file.text);
    expect(fm.kind).toBe('comply');
    const { documents, error } = parseYaml(file, { span: fm.content });
    expect(error).toBeUndefined();
    expect(documents[0]?.value).toMatchObject({ name: 'Access Onboarding and Termination Policy', satisfies: { TSC: ['CC6.1', 'CC6.2', 'CC6.3'] } });
  });
});
