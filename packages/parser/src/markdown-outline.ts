/**
 * The outline of a Markdown document: what trustlint's rules read from it
 * (headings, links and where the prose is), with exact offsets into the file.
 *
 * A full mdast tree (unified + remark-parse) costs about 1.2 MB/s; the rules
 * need far less than a tree. `outlineMarkdown` reads the outline with
 * markdown-it's CommonMark parser (about 25× faster), recording the source
 * offsets markdown-it does not keep by wrapping its block and inline rules.
 * `outlineOfTree` reads the same outline from an mdast tree: it is the
 * reference the fast path is tested against (on the CommonMark spec, the
 * corpora and generated programs) and the fallback when the fast path cannot
 * be exact (a tab that markdown-it expands inside a paragraph, nesting past
 * its limit).
 */
import markdownIt, { type MarkdownIt, type Options, type StateBlock, type StateCore, type StateInline, type Token } from 'markdown-it';
import type { Nodes, Root } from 'mdast';
import type { FrontMatter } from './front-matter.js';
import { parseMarkdown } from './markdown.js';
import type { Span } from './source-file.js';

export interface OutlineHeading {
  /** The heading's text: inline markup removed, white space collapsed, trimmed. */
  text: string;
  depth: 1 | 2 | 3 | 4 | 5 | 6;
  /** From the first `#` (or the first character of a Setext heading) to the end of its last line. */
  span: Span;
}

export interface OutlineLink {
  /** An inline link or autolink, an inline image, or a link reference definition. */
  kind: 'link' | 'image' | 'definition';
  /** The destination as written, with escapes and character references decoded. */
  url: string;
  span: Span;
  /**
   * Where the destination is written: the first place inside `span` that
   * holds `url` as is, or all of `span` when escapes or character references
   * change how it is written. Findings about a destination point here.
   */
  destination: Span;
}

export interface MarkdownOutline {
  /** Every heading, in document order. */
  headings: OutlineHeading[];
  /** Links with their own destination (not references to a definition), in document order. */
  links: OutlineLink[];
  /**
   * The spans that hold no prose, in no particular order: code, inline code,
   * HTML, images, definitions, and the markup around a link's text.
   */
  nonProse: Span[];
}

// -- The reference: an mdast tree -------------------------------------------

function walk(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) walk(child, visit);
}

function spanOf(node: Nodes): Span | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start, end };
}

function textOfNode(node: Nodes): string {
  if ('value' in node) return node.type === 'html' ? '' : node.value;
  return 'children' in node ? node.children.map((child) => textOfNode(child)).join('') : '';
}

/** Collapses white space the way heading text is compared and slugged. */
function headingText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Nodes whose whole source is not prose. */
const NOT_PROSE = new Set<Nodes['type'] | 'toml'>(['code', 'inlineCode', 'html', 'yaml', 'toml', 'image', 'imageReference', 'definition']);
/** Nodes whose children are prose but whose own markup (a link's target) is not. */
const MARKUP_AROUND_CHILDREN = new Set<Nodes['type']>(['link', 'linkReference']);

/** Where a link's destination is written inside its span (see `OutlineLink.destination`). */
function destinationOf(text: string, url: string, span: Span): Span {
  const at = url === '' ? -1 : text.indexOf(url, span.start);
  return at >= 0 && at + url.length <= span.end ? { start: at, end: at + url.length } : { start: span.start, end: span.end };
}

/** The outline of an mdast tree whose offsets are offsets into the file's `text`. */
export function outlineOfTree(tree: Root, text: string): MarkdownOutline {
  const outline: MarkdownOutline = { headings: [], links: [], nonProse: [] };
  walk(tree, (node) => {
    const span = spanOf(node);
    if (span === undefined) return;
    if (node.type === 'heading') outline.headings.push({ text: headingText(textOfNode(node)), depth: node.depth, span });
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      outline.links.push({ kind: node.type, url: node.url, span, destination: destinationOf(text, node.url, span) });
    }
    if (NOT_PROSE.has(node.type)) outline.nonProse.push(span);
    else if (MARKUP_AROUND_CHILDREN.has(node.type) && 'children' in node) {
      let cursor = span.start;
      for (const child of node.children) {
        const childSpan = spanOf(child);
        if (childSpan === undefined) continue;
        outline.nonProse.push({ start: cursor, end: childSpan.start });
        cursor = childSpan.end;
      }
      outline.nonProse.push({ start: cursor, end: span.end });
    }
  });
  return outline;
}

// -- The fast path: markdown-it with recorded offsets -------------------------

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;
type InlineRule = (state: StateInline, silent: boolean) => boolean;

/** Thrown inside a parse when the recorded offsets could not be exact; the caller falls back to the tree. */
class NotExact extends Error {}

function notExact(): never {
  throw new NotExact();
}

/** Where one line of an inline token's content starts in the (normalized) source. */
interface ContentLine {
  /** Offset of the line in the token's content. */
  contentStart: number;
  /** Offset of the same character in the source. */
  sourceStart: number;
}

/** An inline construct recorded while markdown-it tokenizes, in content offsets. */
type InlineRecord =
  | { kind: 'code' | 'html' | 'imageReference'; start: number; end: number }
  | { kind: 'image'; start: number; end: number; url: string }
  /** Links, with where the text between the brackets starts and ends. */
  | { kind: 'link' | 'reference' | 'autolink'; start: number; end: number; labelStart: number; labelEnd: number; url: string };

interface BlockRecord {
  kind: 'heading' | 'code' | 'html' | 'definition';
  /** In normalized source offsets. */
  span: Span;
  startLine: number;
  /** The line after the block. */
  endLine: number;
  url?: string;
}

/** What one parse records; markdown-it passes it around in its `env`. */
interface Recorder {
  blocks: BlockRecord[];
  /** For each inline token (paragraph or heading text), where its content lines are in the source. */
  lines: Map<Token, ContentLine[]>;
  /** For each inline token, the constructs found in its content. */
  inline: Map<Token, InlineRecord[]>;
  /** The record list of the inline token being tokenized. */
  current: InlineRecord[] | undefined;
  /** How deep into image descriptions the tokenizer is: mdast keeps nothing of them. */
  imageDepth: number;
}

const RECORDER = Symbol('trustlint.outline');

function recorderOf(env: unknown): Recorder {
  const recorder = (env as Partial<Record<symbol, Recorder>>)[RECORDER];
  if (!recorder) throw new Error('The Markdown outline parser was called without its recorder.');
  return recorder;
}

const isSpaceOrTab = (code: number): boolean => code === 0x20 || code === 0x09;

/** Where a line's content starts, after container markers and indentation. */
function lineStart(state: StateBlock, line: number): number {
  return (state.bMarks[line] ?? notExact()) + (state.tShift[line] ?? notExact());
}

/** Where a line ends, before its line break. */
function lineEnd(state: StateBlock, line: number): number {
  return state.eMarks[line] ?? notExact();
}

/** The offset of the first character after the `#` run and spaces of an ATX heading line. */
function atxContentStart(state: StateBlock, line: number): number {
  let pos = lineStart(state, line);
  const max = lineEnd(state, line);
  while (pos < max && state.src.charCodeAt(pos) === 0x23) pos++;
  while (pos < max && isSpaceOrTab(state.src.charCodeAt(pos))) pos++;
  return pos;
}

/**
 * Where each line of a paragraph's or heading's content starts in the source.
 * markdown-it builds the content from the tail of each line (after container
 * markers and indentation), trimming the start of the first line and the end
 * of the last; each content line is therefore a suffix of its source line,
 * or, on the last line, a suffix of the line without trailing white space.
 */
function contentLines(state: StateBlock, token: Token, firstLine: number, atx: boolean): ContentLine[] {
  const { src } = state;
  const parts = token.content.split('\n');
  const result: ContentLine[] = [];
  let contentStart = 0;
  for (const [index, part] of parts.entries()) {
    const line = firstLine + index;
    let sourceStart: number;
    if (atx) sourceStart = atxContentStart(state, line);
    else {
      let end = lineEnd(state, line);
      const begin = state.bMarks[line] ?? notExact();
      if (index === parts.length - 1) while (end > begin && isSpaceOrTab(src.charCodeAt(end - 1))) end--;
      sourceStart = end - part.length;
    }
    // A tab that markdown-it expanded into spaces makes the content differ from the source.
    if (sourceStart < 0 || !src.startsWith(part, sourceStart)) notExact();
    result.push({ contentStart, sourceStart });
    contentStart += part.length + 1;
  }
  return result;
}

/**
 * A string cut from markdown-it's copy of the text (a link's destination),
 * as a string of its own. V8 keeps the whole of what a string was cut from
 * alive for as long as the cut is, so the outline, kept for the whole run,
 * would keep a copy of every document with a link (a tenth of the heap once
 * a program is read). Joining and cutting again copies just the string.
 */
function ownString(value: string): string {
  return ` ${value}`.slice(1);
}

function attribute(token: Token, name: string): string {
  const value = token.attrGet(name);
  return typeof value === 'string' ? ownString(value) : '';
}

/**
 * Whether the link or image that ends before `end` is a reference (`[text][label]`,
 * `[text][]`, `[label]`): an inline one always ends with the `)` of its destination,
 * a reference always with a `]`.
 */
function isReference(src: string, end: number): boolean {
  return src.charCodeAt(end - 1) !== 0x29 /* ) */;
}

/** A ruler's rule list, which markdown-it keeps on it and its type definitions leave out. */
interface RulerInternals {
  __rules__: { name: string; fn: unknown; alt: string[] }[];
}

function ruleNamed(ruler: unknown, name: string): { fn: unknown; alt: string[] } {
  const entry = (ruler as RulerInternals).__rules__.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`markdown-it has no rule named ${name}.`);
  return entry;
}

/** Wraps a block rule so that, when it produces tokens, `record` sees where they came from. */
function wrapBlock(md: MarkdownIt, name: string, record: (state: StateBlock, startLine: number, tokens: Token[], recorder: Recorder) => void): void {
  const entry = ruleNamed(md.block.ruler, name);
  const rule = entry.fn as BlockRule;
  const wrapped: BlockRule = (state, startLine, endLine, silent) => {
    const before = state.tokens.length;
    const ok = rule(state, startLine, endLine, silent);
    if (ok && !silent) record(state, startLine, state.tokens.slice(before), recorderOf(state.env));
    return ok;
  };
  // `at` resets the chains a rule ends a paragraph in unless they are passed again.
  md.block.ruler.at(name, wrapped, { alt: entry.alt });
}

/**
 * Wraps an inline rule so that each construct it produces is recorded with its
 * content offsets. The tokens a rule pushes may start with the pending text
 * before it, which markdown-it flushes on the first push.
 */
function wrapInline(md: MarkdownIt, name: string, record: (state: StateInline, start: number, tokens: Token[]) => InlineRecord | undefined): void {
  const entry = ruleNamed(md.inline.ruler, name);
  const rule = entry.fn as InlineRule;
  const image = name === 'image';
  const wrapped: InlineRule = (state, silent) => {
    if (silent) return rule(state, silent);
    const recorder = recorderOf(state.env);
    const start = state.pos;
    const before = state.tokens.length;
    if (image) recorder.imageDepth++;
    let ok: boolean;
    try {
      ok = rule(state, silent);
    } finally {
      if (image) recorder.imageDepth--;
    }
    if (ok && recorder.imageDepth === 0 && recorder.current) {
      const found = record(state, start, state.tokens.slice(before));
      if (found) recorder.current.push(found);
    }
    return ok;
  };
  md.inline.ruler.at(name, wrapped, { alt: entry.alt });
}

/** Links and images start with `[`, autolinks and inline HTML with `<`, code spans with a backtick. */
const MAY_HOLD_RECORDS = /[[<`]/;

/** markdown-it's nesting limit; a document that comes near it is read from the tree instead. */
const MAX_NESTING = 64;

function createParser(): MarkdownIt {
  // markdown-it reads `maxNesting`, which its type definitions leave out of the options.
  const md = markdownIt('commonmark', { maxNesting: MAX_NESTING } as Options);
  // Keep destinations as written: mdast does not percent-encode them, and keeps `javascript:` links as links.
  md.normalizeLink = (url) => url;
  md.normalizeLinkText = (url) => url;
  md.validateLink = () => true;

  /** A block's record: from its first line's content to the end of its last line. */
  const block = (state: StateBlock, startLine: number, kind: BlockRecord['kind']): BlockRecord => ({
    kind,
    span: { start: lineStart(state, startLine), end: lineEnd(state, state.line - 1) },
    startLine,
    endLine: state.line,
  });
  const recordText = (atx: boolean) => (state: StateBlock, startLine: number, tokens: Token[], recorder: Recorder) => {
    const inline = tokens.find((token) => token.type === 'inline');
    // Only the constructs that start with these characters are recorded, and only they need the mapping.
    if (inline && MAY_HOLD_RECORDS.test(inline.content)) recorder.lines.set(inline, contentLines(state, inline, startLine, atx));
    if (tokens[0]?.type !== 'heading_open') return;
    const heading = block(state, startLine, 'heading');
    // micromark reads definitions as the start of a paragraph: a Setext heading right after them starts where they do.
    for (let index = recorder.blocks.length - 1, line = startLine; !atx && index >= 0; index--) {
      const previous = recorder.blocks[index];
      if (previous?.kind !== 'definition' || previous.endLine !== line) break;
      heading.span.start = previous.span.start;
      line = previous.startLine;
    }
    recorder.blocks.push(heading);
  };
  wrapBlock(md, 'paragraph', recordText(false));
  wrapBlock(md, 'lheading', recordText(false));
  wrapBlock(md, 'heading', recordText(true));
  for (const [name, kind] of [['code', 'code'], ['fence', 'code'], ['html_block', 'html']] as const) {
    wrapBlock(md, name, (state, startLine, _tokens, recorder) => recorder.blocks.push(block(state, startLine, kind)));
  }
  wrapBlock(md, 'reference', (state, startLine, _tokens, recorder) => {
    const definition = block(state, startLine, 'definition');
    definition.url = definitionUrl(md, state.src, definition.span.start);
    recorder.blocks.push(definition);
  });

  wrapInline(md, 'link', (state, start, tokens) => {
    const open = tokens.find((token) => token.type === 'link_open');
    if (!open) return undefined;
    const labelEnd = md.helpers.parseLinkLabel(state, start, true);
    return { kind: isReference(state.src, state.pos) ? 'reference' : 'link', start, end: state.pos, labelStart: start + 1, labelEnd, url: attribute(open, 'href') };
  });
  wrapInline(md, 'image', (state, start, tokens) => {
    const image = tokens.find((token) => token.type === 'image');
    if (!image) return undefined;
    return isReference(state.src, state.pos) ? { kind: 'imageReference', start, end: state.pos } : { kind: 'image', start, end: state.pos, url: attribute(image, 'src') };
  });
  wrapInline(md, 'autolink', (state, start, tokens) => {
    const open = tokens.find((token) => token.type === 'link_open');
    return open ? { kind: 'autolink', start, end: state.pos, labelStart: start + 1, labelEnd: state.pos - 1, url: attribute(open, 'href') } : undefined;
  });
  // Both rules can succeed without a token: an unmatched backtick run, say, is plain text.
  wrapInline(md, 'backticks', (state, start, tokens) => (tokens.some((token) => token.type === 'code_inline') ? { kind: 'code', start, end: state.pos } : undefined));
  wrapInline(md, 'html_inline', (state, start, tokens) => (tokens.some((token) => token.type === 'html_inline') ? { kind: 'html', start, end: state.pos } : undefined));

  // Tokenize each inline token with its own record list, so that content offsets can be mapped back to the source.
  md.core.ruler.at('inline', (state: StateCore) => {
    const recorder = recorderOf(state.env);
    for (const token of state.tokens) {
      if (token.type !== 'inline') continue;
      recorder.current = [];
      recorder.inline.set(token, recorder.current);
      token.children ??= [];
      state.md.inline.parse(token.content, state.md, state.env, token.children);
    }
    recorder.current = undefined;
  });
  return md;
}

/** A definition's destination, read the way markdown-it's reference rule reads it. */
function definitionUrl(md: MarkdownIt, src: string, start: number): string {
  // Find the label's closing `]:` (escapes skipped), then the destination after white space and at most one line break.
  let pos = start + 1;
  while (pos < src.length && src.charCodeAt(pos) !== 0x5d) pos += src.charCodeAt(pos) === 0x5c ? 2 : 1;
  pos += 2;
  while (pos < src.length && (isSpaceOrTab(src.charCodeAt(pos)) || src.charCodeAt(pos) === 0x0a)) pos++;
  const destination = md.helpers.parseLinkDestination(src, pos, src.length);
  return destination.ok ? ownString(destination.str) : '';
}

let parser: MarkdownIt | undefined;

/** Maps offsets in markdown-it's normalized source (`\r\n` → `\n`) back to the original text. */
function offsetMapper(text: string, base: number): (offset: number) => number {
  const collapsed: number[] = [];
  for (let index = text.indexOf('\r\n'); index >= 0; index = text.indexOf('\r\n', index + 2)) collapsed.push(index - collapsed.length);
  if (collapsed.length === 0) return (offset) => offset + base;
  return (offset) => {
    let low = 0;
    let high = collapsed.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((collapsed[middle] ?? Infinity) < offset) low = middle + 1;
      else high = middle;
    }
    return offset + low + base;
  };
}

/** Maps a content offset of an inline token to a normalized source offset. */
function contentToSource(lines: ContentLine[], offset: number): number {
  let line: ContentLine | undefined;
  for (const candidate of lines) {
    if (line && candidate.contentStart > offset) break;
    line = candidate;
  }
  return line ? line.sourceStart + offset - line.contentStart : notExact();
}

/** Heading text from markdown-it's inline tokens, as `outlineOfTree` reads it from mdast. */
function textOfTokens(tokens: Token[]): string {
  let text = '';
  for (const token of tokens) {
    if (token.type === 'text' || token.type === 'code_inline') text += token.content;
    else if (token.type === 'softbreak') text += '\n';
  }
  return text;
}

function maxLevel(tokens: Token[]): number {
  let level = 0;
  for (const token of tokens) {
    level = Math.max(level, token.level);
    if (token.children) level = Math.max(level, maxLevel(token.children));
  }
  return level;
}

function fastOutline(text: string, frontMatter: FrontMatter | undefined): MarkdownOutline {
  const start = markdownStart(frontMatter);
  parser ??= createParser();
  const body = text.slice(start);
  const recorder: Recorder = { blocks: [], lines: new Map(), inline: new Map(), current: undefined, imageDepth: 0 };
  const tokens = parser.parse(body, { [RECORDER]: recorder });
  if (maxLevel(tokens) >= MAX_NESTING - 2) notExact();
  const map = offsetMapper(body, start);
  const span = (from: number, to: number): Span => ({ start: map(from), end: map(to) });
  const outline: MarkdownOutline = { headings: [], links: [], nonProse: [] };
  if (start > 0 && frontMatter && frontMatter.kind !== 'comply') outline.nonProse.push({ ...frontMatter.block });

  const headingBlocks = recorder.blocks.filter((block) => block.kind === 'heading');
  let heading = 0;
  for (const [index, token] of tokens.entries()) {
    if (token.type !== 'heading_open') continue;
    const block = headingBlocks[heading++] ?? notExact();
    const text = textOfTokens(tokens[index + 1]?.children ?? []);
    outline.headings.push({ text: headingText(text), depth: Number(token.tag.slice(1)) as OutlineHeading['depth'], span: span(block.span.start, block.span.end) });
  }
  for (const block of recorder.blocks) {
    if (block.kind === 'heading') continue;
    const whole = span(block.span.start, block.span.end);
    outline.nonProse.push(whole);
    if (block.kind === 'definition') outline.links.push({ kind: 'definition', url: block.url ?? '', span: whole, destination: destinationOf(text, block.url ?? '', whole) });
  }
  for (const [token, records] of recorder.inline) {
    if (records.length === 0) continue;
    const lines = recorder.lines.get(token) ?? notExact();
    const at = (from: number, to: number): Span => span(contentToSource(lines, from), contentToSource(lines, to));
    for (const record of records) {
      const whole = at(record.start, record.end);
      switch (record.kind) {
        case 'image':
          outline.links.push({ kind: 'image', url: record.url, span: whole, destination: destinationOf(text, record.url, whole) });
          outline.nonProse.push(whole);
          break;
        case 'link':
        case 'reference':
        case 'autolink':
          if (record.kind !== 'reference') outline.links.push({ kind: 'link', url: record.url, span: whole, destination: destinationOf(text, record.url, whole) });
          // The brackets and the destination are markup; the text between the brackets is prose.
          if (record.labelEnd > record.labelStart) outline.nonProse.push(at(record.start, record.labelStart), at(record.labelEnd, record.end));
          else outline.nonProse.push(whole);
          break;
        default:
          outline.nonProse.push(whole);
      }
    }
  }
  // Blocks are recorded as they close and inline tokens after the blocks: restore document order.
  outline.links.sort((a, b) => a.span.start - b.span.start);
  return outline;
}

/** Where remark, with remark-frontmatter, starts reading Markdown: after a front matter it recognises. */
function markdownStart(frontMatter: FrontMatter | undefined): number {
  if (!frontMatter || frontMatter.kind === 'none') return 0;
  return frontMatter.kind === 'comply' || frontMatter.closed ? frontMatter.bodyStart : 0;
}

/**
 * The outline of a Markdown document, with offsets into `text`. Reads the
 * same outline as `outlineOfTree(parseMarkdown(text, frontMatter), text)`, faster.
 */
export function outlineMarkdown(text: string, frontMatter?: FrontMatter): MarkdownOutline {
  try {
    return fastOutline(text, frontMatter);
  } catch (error) {
    if (!(error instanceof NotExact) && !(error instanceof RangeError)) throw error;
    return outlineOfTree(parseMarkdown(text, frontMatter), text);
  }
}
