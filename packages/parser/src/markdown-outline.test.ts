import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpus, SAMPLE } from '@trustlint/test-support';
import { generateProgram, SIZES } from '@trustlint/test-support/generate';
import { findFrontMatter, type FrontMatterMode } from './front-matter.js';
import { outlineMarkdown, outlineOfTree, type MarkdownOutline } from './markdown-outline.js';
import { parseMarkdown } from './markdown.js';
import type { Span } from './source-file.js';

const require = createRequire(import.meta.url);
const spec = (require('commonmark-spec') as { tests: { markdown: string; example: number; section: string }[] }).tests;

/**
 * The text with the outline's non-prose spans blanked, as the prose rules
 * read it. Tabs count as spaces: where indented code starts (before or after
 * its indentation) makes no difference to prose.
 */
function prose(text: string, spans: Span[]): string {
  const chars = text.split('');
  for (const span of spans) for (let index = span.start; index < span.end; index++) if (chars[index] !== '\n' && chars[index] !== '\r') chars[index] = ' ';
  return chars.join('').replace(/\t/g, ' ');
}

function comparable(text: string, outline: MarkdownOutline) {
  return { headings: outline.headings, links: outline.links, prose: prose(text, outline.nonProse) };
}

/** The fast outline and the one read from the mdast tree, side by side. */
function both(text: string, mode: FrontMatterMode = 'auto') {
  const frontMatter = findFrontMatter(text, mode);
  return {
    fast: comparable(text, outlineMarkdown(text, frontMatter)),
    tree: comparable(text, outlineOfTree(parseMarkdown(text, frontMatter), text)),
  };
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.md'))
    .map((path) => join(dir, path));
}

describe('outlineMarkdown agrees with the mdast tree', () => {
  it('on every example of the CommonMark spec', () => {
    const disagreements = spec.filter((example) => {
      const { fast, tree } = both(example.markdown);
      return JSON.stringify(fast) !== JSON.stringify(tree);
    });
    expect(disagreements.map((example) => `${example.section} #${example.example}: ${JSON.stringify(example.markdown)}`)).toEqual([]);
    expect(spec.length).toBeGreaterThan(600);
  });

  it('on every Markdown file of the corpora and the sample program', () => {
    const files = [...markdownFiles(corpus('comply-soc2')), ...markdownFiles(corpus('tailscale-security-policies')), ...markdownFiles(SAMPLE)];
    expect(files.length).toBeGreaterThan(70);
    for (const path of files) {
      const text = readFileSync(path, 'utf8');
      const mode = path.includes('comply-soc2') ? 'comply' : 'auto';
      const { fast, tree } = both(text, mode);
      expect(fast, path).toEqual(tree);
    }
  });

  it('on the policies of a generated program', () => {
    const files = [...generateProgram({ ...SIZES.small, seed: 7 })].filter(([path]) => path.endsWith('.md'));
    expect(files.length).toBe(SIZES.small.policies);
    expect(files.some(([, text]) => text.includes('\r\n'))).toBe(true);
    for (const [path, text] of files) {
      const { fast, tree } = both(text);
      expect(fast, path).toEqual(tree);
    }
  });

  it('on documents assembled from the pieces of the spec and of policies', () => {
    const pieces = [
      ...spec.map((example) => example.markdown),
      '---\nid: POL-1\n---\n',
      '# Access control\n',
      'See [the policy](./other.md#scope) and ![a diagram](img/x.png "Title").\n',
      '[ref]: ./target.md "Title"\n',
      'We are SOC 2 `certified` <b>now</b> [SOC 2](https://example.com) certified.\n',
      '- item\n\n  ```yaml\n  a: b\n  ```\n',
      '> quoted [link][ref]\n> # Heading in a quote\n',
      '\tindented\twith\ttabs\n',
      '| a | b |\n| - | - |\n| [x](./y.md) | `z` |\n',
    ];
    const document = fc.tuple(
      fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 6 }),
      fc.constantFrom('\n', '\r\n', '\n\n'),
    ).map(([parts, separator]) => parts.join(separator).replace(/\n/g, separator === '\r\n' ? '\r\n' : '\n'));
    fc.assert(
      fc.property(document, (text) => {
        const { fast, tree } = both(text);
        expect(fast).toEqual(tree);
      }),
      { numRuns: 500, seed: 20261122 },
    );
  });
});

describe('outlineMarkdown', () => {
  it('reads headings with their depth, text and span', () => {
    const text = '---\nid: P\n---\n# Access  *control*\n\nScope `of` it\n-----\n';
    expect(outlineMarkdown(text, findFrontMatter(text)).headings).toEqual([
      { text: 'Access control', depth: 1, span: { start: 14, end: 33 } },
      { text: 'Scope of it', depth: 2, span: { start: 35, end: 54 } },
    ]);
  });

  it('keeps destinations as written: not percent-encoded, `javascript:` kept', () => {
    const text = '[a](<my file.md>) [b](javascript:void(0)) [c](café.md)\n';
    expect(outlineMarkdown(text).links.map((link) => link.url)).toEqual(['my file.md', 'javascript:void(0)', 'café.md']);
  });

  it('maps offsets back through Windows line endings', () => {
    const text = 'Intro\r\nline\r\n\r\n## Scope\r\n\r\nSee [x](./x.md).\r\n';
    const outline = outlineMarkdown(text);
    const link = outline.links[0]!;
    expect(text.slice(link.span.start, link.span.end)).toBe('[x](./x.md)');
    expect(text.slice(link.destination.start, link.destination.end)).toBe('./x.md');
    expect(text.slice(outline.headings[0]!.span.start, outline.headings[0]!.span.end)).toBe('## Scope');
  });

  it('skips a comply header, keeping offsets into the file', () => {
    const text = 'name: Access\nacronym: AC\n---\n\n# Purpose\n';
    const outline = outlineMarkdown(text, findFrontMatter(text, 'comply'));
    expect(outline.headings).toEqual([{ text: 'Purpose', depth: 1, span: { start: 30, end: 39 } }]);
  });

  it('falls back to the tree where markdown-it expands a tab, with the same result', () => {
    const text = '- a\n\n\t\tb [x](./y.md)\n';
    const { fast, tree } = both(text);
    expect(fast).toEqual(tree);
  });

  it('falls back to the tree past markdown-it nesting limit', () => {
    const text = `${'> '.repeat(100)}# Deep [x](./y.md)\n`;
    const { fast, tree } = both(text);
    expect(fast).toEqual(tree);
    expect(fast.headings).toHaveLength(1);
  });
});
