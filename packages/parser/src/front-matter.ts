/**
 * Finding the metadata block at the top of a Markdown document.
 *
 * - `fenced`: YAML between a `---` line at the very top and the next `---`
 *   line, exactly as micromark-extension-frontmatter (remark-frontmatter)
 *   recognises it; Hugo's YAML front matter is the same shape.
 * - `comply`: strongdm/comply's header, YAML lines from the top of the file
 *   down to the first `---` line, with no opening fence.
 * - `toml`: Hugo's `+++` TOML front matter (recognised so it can be reported).
 */
import type { Span } from './source-file.js';

export type FrontMatterKind = 'fenced' | 'comply' | 'toml' | 'none';
export type FrontMatterMode = 'auto' | 'fenced' | 'comply' | 'none';

export interface FrontMatter {
  kind: FrontMatterKind;
  /** The YAML (or TOML) text between the fences. */
  content: Span;
  /** The whole block, fences included. */
  block: Span;
  /** Where the Markdown body starts. */
  bodyStart: number;
  /** False when an opening fence has no closing fence. */
  closed: boolean;
}

interface Line {
  start: number;
  /** End of the line's text, before its line break. */
  end: number;
  /** Start of the next line. */
  next: number;
}

function* lines(text: string): Generator<Line> {
  let start = 0;
  while (start < text.length) {
    let end = start;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    let next = end;
    if (text[next] === '\r') next++;
    if (text[next] === '\n') next++;
    yield { start, end, next };
    start = next;
  }
}

function isFence(text: string, line: Line, fence: string): boolean {
  if (!text.startsWith(fence, line.start)) return false;
  for (let i = line.start + fence.length; i < line.end; i++) {
    if (text[i] !== ' ' && text[i] !== '\t') return false;
  }
  return true;
}

const NONE: FrontMatter = {
  kind: 'none',
  content: { start: 0, end: 0 },
  block: { start: 0, end: 0 },
  bodyStart: 0,
  closed: true,
};

/** A comply header starts with a `key: value` line. */
const HEADER_KEY = /^[A-Za-z_][\w -]*:(?:[ \t]|$)/;
/** How far down a comply header's closing `---` is looked for. */
const MAX_HEADER_LINES = 500;

/** Locates the front matter of a Markdown text (without a BOM). */
export function findFrontMatter(text: string, mode: FrontMatterMode = 'auto'): FrontMatter {
  if (mode === 'none') return NONE;
  const iterator = lines(text);
  const first = iterator.next();
  if (first.done) return NONE;
  const opening = first.value;

  for (const [fence, kind] of [
    ['---', 'fenced'],
    ['+++', 'toml'],
  ] as const) {
    if (mode === 'comply' || !isFence(text, opening, fence) || opening.next === opening.end) continue;
    for (const line of iterator) {
      if (isFence(text, line, fence)) {
        return {
          kind,
          content: { start: opening.next, end: Math.max(opening.next, line.start - lineBreakBefore(text, line.start)) },
          block: { start: 0, end: line.end },
          bodyStart: line.next,
          closed: true,
        };
      }
    }
    return {
      kind,
      content: { start: opening.next, end: text.length },
      block: { start: 0, end: text.length },
      bodyStart: text.length,
      closed: false,
    };
  }

  if (mode === 'fenced' || !HEADER_KEY.test(text.slice(opening.start, opening.end))) return NONE;
  let count = 1;
  for (const line of lines(text)) {
    if (count++ > MAX_HEADER_LINES) break;
    if (line.start > 0 && isFence(text, line, '---')) {
      return {
        kind: 'comply',
        content: { start: 0, end: line.start - lineBreakBefore(text, line.start) },
        block: { start: 0, end: line.end },
        bodyStart: line.next,
        closed: true,
      };
    }
  }
  return mode === 'comply'
    ? { kind: 'comply', content: { start: 0, end: text.length }, block: { start: 0, end: text.length }, bodyStart: text.length, closed: false }
    : NONE;
}

/** The length of the line break that ends just before `offset` (0, 1 or 2). */
function lineBreakBefore(text: string, offset: number): number {
  if (text[offset - 1] === '\n') return text[offset - 2] === '\r' ? 2 : 1;
  return text[offset - 1] === '\r' ? 1 : 0;
}
