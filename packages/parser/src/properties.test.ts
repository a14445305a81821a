/**
 * Properties of the parsers over random and mutated input (derived from the
 * sample program and the corpora): they never throw, every span they give is
 * inside the text, and the same text always gives the same result.
 */
import fc from 'fast-check';
import { fuzzParameters, reportRuns, seedTexts, textArbitrary } from '@trustlint/test-support/fuzz';
import { describe, expect, it } from 'vitest';
import { findFrontMatter, type FrontMatterMode } from './front-matter.js';
import { outlineMarkdown } from './markdown-outline.js';
import { SourceFile, type Span } from './source-file.js';
import { parseYaml, type YamlNode, type YamlParseResult } from './yaml.js';

const markdownSeeds = seedTexts('markdown');
const yamlSeeds = [...seedTexts('yaml'), ...markdownSeeds.map((text) => text.slice(0, 1500))];

/** Every span in a value (objects with numeric `start` and `end`), without following alias targets. */
function spansIn(value: unknown, found: Span[] = [], seen = new Set<unknown>()): Span[] {
  if (typeof value !== 'object' || value === null || seen.has(value)) return found;
  seen.add(value);
  const record = value as Record<string, unknown>;
  if (typeof record.start === 'number' && typeof record.end === 'number') found.push({ start: record.start, end: record.end });
  for (const [key, inner] of Object.entries(record)) if (key !== 'target' && key !== 'value') spansIn(inner, found, seen);
  return found;
}

function expectInside(spans: readonly Span[], length: number): void {
  for (const span of spans) {
    expect(span.start).toBeGreaterThanOrEqual(0);
    expect(span.end).toBeGreaterThanOrEqual(span.start);
    expect(span.end).toBeLessThanOrEqual(length);
  }
}

/** A YAML result as plain data (alias targets by span, not by reference), to compare runs. */
function snapshot(result: YamlParseResult): string {
  const node = (item: YamlNode | null): unknown => {
    if (item === null) return null;
    switch (item.kind) {
      case 'scalar':
        return [item.start, item.end, item.text, item.empty, item.quoted];
      case 'alias':
        return [item.start, item.end, item.anchor, item.target ? [item.target.start, item.target.end] : null];
      case 'map':
        return [item.start, item.end, item.flow, item.pairs.map((pair) => [node(pair.key), node(pair.value)])];
      case 'seq':
        return [item.start, item.end, item.flow, item.items.map(node)];
    }
  };
  return JSON.stringify({
    error: result.error,
    documents: result.documents.map((document) => ({ span: document.span, root: node(document.root), value: document.value, duplicates: document.duplicateKeys.length })),
  });
}

describe('parser properties', () => {
  const yaml = fuzzParameters(0.4, 2);
  it(`parseYaml never throws, keeps every span inside the text, and is deterministic (${yaml.runs} cases)`, { timeout: yaml.timeout }, () => {
    fc.assert(
      fc.property(textArbitrary(yamlSeeds), fc.double({ min: 0, max: 1, noNaN: true }), (text, cut) => {
        const file = new SourceFile('c.yaml', text);
        const whole = parseYaml(file);
        expectInside(spansIn(whole), file.text.length);
        expect(snapshot(parseYaml(new SourceFile('c.yaml', text)))).toBe(snapshot(whole));
        // A span of the file, as front matter is parsed: offsets stay inside that span.
        const start = Math.floor(cut * file.text.length);
        const part = parseYaml(file, { span: { start, end: file.text.length } });
        for (const span of spansIn(part)) {
          expect(span.start).toBeGreaterThanOrEqual(start);
          expect(span.end).toBeLessThanOrEqual(file.text.length);
        }
      }),
      yaml.parameters,
    );
    reportRuns('parseYaml', yaml.runs);
  });

  const markdown = fuzzParameters(0.2, 4);
  it(`front matter and the Markdown outline never throw, keep spans inside the text, and are deterministic (${markdown.runs} cases)`, { timeout: markdown.timeout }, () => {
    fc.assert(
      fc.property(textArbitrary(markdownSeeds), fc.constantFrom<FrontMatterMode>('auto', 'fenced', 'comply', 'none'), (text, mode) => {
        const frontMatter = findFrontMatter(text, mode);
        expectInside(spansIn(frontMatter), text.length);
        expect(frontMatter.bodyStart).toBeLessThanOrEqual(text.length);
        const outline = outlineMarkdown(text, frontMatter);
        expectInside(spansIn(outline), text.length);
        expect(JSON.stringify(outlineMarkdown(text, findFrontMatter(text, mode)))).toBe(JSON.stringify(outline));
      }),
      markdown.parameters,
    );
    reportRuns('markdown', markdown.runs);
  });

  const positions = fuzzParameters(0.1, 1);
  it(`maps offsets to positions and back (${positions.runs} cases)`, { timeout: positions.timeout }, () => {
    fc.assert(
      fc.property(textArbitrary(yamlSeeds), fc.double({ min: 0, max: 1, noNaN: true }), (text, at) => {
        const file = new SourceFile('f', text);
        const offset = Math.floor(at * (file.text.length + 1));
        const position = file.positionAt(offset);
        expect(position.line).toBeGreaterThanOrEqual(1);
        expect(position.line).toBeLessThanOrEqual(file.lineCount);
        expect(position.column).toBeGreaterThanOrEqual(1);
        const insideBreak = file.text[offset - 1] === '\r' && file.text[offset] === '\n';
        if (!insideBreak && offset <= file.lineEndOffset(position.line)) expect(file.offsetAt(position)).toBe(offset);
      }),
      positions.parameters,
    );
    reportRuns('positions', positions.runs);
  });
});
