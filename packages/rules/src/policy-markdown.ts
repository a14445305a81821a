/**
 * Reading a policy's Markdown body: its headings, and its prose with
 * everything that is not prose (code, HTML, link targets) blanked out.
 * Offsets are offsets into the whole file, as in the Markdown tree.
 */
import type { MarkdownDocument } from '@trustlint/model';
import type { Span } from '@trustlint/parser';
import type { Heading, Nodes, Root } from 'mdast';

/** Calls `visit` for a node and every node below it, in document order. */
export function walk(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) walk(child, visit);
}

function spanOf(node: Nodes): Span | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start, end };
}

/** The text of a node: its value, or its children's text joined. */
export function textOf(node: Nodes): string {
  if ('value' in node) return node.type === 'html' ? '' : node.value;
  return 'children' in node ? node.children.map((child) => textOf(child)).join('') : '';
}

export interface HeadingInfo {
  /** The heading's text, trimmed, with inline markup removed. */
  text: string;
  depth: Heading['depth'];
  span: Span;
}

/** Every heading of a Markdown tree, in document order. */
export function headingsOf(tree: Root): HeadingInfo[] {
  const headings: HeadingInfo[] = [];
  walk(tree, (node) => {
    const span = spanOf(node);
    if (node.type === 'heading' && span) headings.push({ text: textOf(node).replace(/\s+/g, ' ').trim(), depth: node.depth, span });
  });
  return headings;
}

/** Nodes whose whole source is not prose. */
const NOT_PROSE = new Set<Nodes['type']>(['code', 'inlineCode', 'html', 'yaml', 'image', 'imageReference', 'definition']);
/** Nodes whose children are prose but whose own markup (a link's target) is not. */
const MARKUP_AROUND_CHILDREN = new Set<Nodes['type']>(['link', 'linkReference']);

/** The spans of a tree that hold no prose. */
function nonProseSpans(tree: Root): Span[] {
  const spans: Span[] = [];
  walk(tree, (node) => {
    const span = spanOf(node);
    if (span === undefined) return;
    if (NOT_PROSE.has(node.type)) spans.push(span);
    else if (MARKUP_AROUND_CHILDREN.has(node.type) && 'children' in node) {
      let cursor = span.start;
      for (const child of node.children) {
        const childSpan = spanOf(child);
        if (childSpan === undefined) continue;
        spans.push({ start: cursor, end: childSpan.start });
        cursor = childSpan.end;
      }
      spans.push({ start: cursor, end: span.end });
    }
  });
  return spans;
}

/** Replaces a span's characters with spaces, keeping line breaks. */
function blank(chars: string[], span: Span): void {
  for (let i = span.start; i < span.end; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
}

/**
 * The policy's file text with everything but the prose of its body blanked
 * out with spaces (front matter, code, inline code, HTML, images and link
 * targets), so that any offset in it is the same offset in the file.
 */
export function proseOf(policy: MarkdownDocument): string {
  const chars = policy.file.text.split('');
  blank(chars, { start: 0, end: policy.body.start });
  for (const span of nonProseSpans(policy.tree())) blank(chars, span);
  return chars.join('');
}
