/**
 * Reading a policy's Markdown body: its headings, and its prose with
 * everything that is not prose (code, HTML, link targets) blanked out.
 * Offsets are offsets into the whole file. Both come from the document's
 * outline, which is much cheaper to read than a full Markdown tree.
 */
import type { MarkdownDocument } from '@trustlint/model';
import type { OutlineHeading, Span } from '@trustlint/parser';

export type HeadingInfo = OutlineHeading;

/** Every heading of a document, in document order. */
export function headingsOf(document: MarkdownDocument): HeadingInfo[] {
  return document.outline().headings;
}

/** Replaces a span's characters with spaces, keeping line breaks. */
function blank(chars: string[], span: Span): void {
  for (let i = span.start; i < span.end; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
}

/**
 * The document's file text with everything but the prose of its body blanked
 * out with spaces (front matter, code, inline code, HTML, images and link
 * targets), so that any offset in it is the same offset in the file.
 */
export function proseOf(document: MarkdownDocument): string {
  const chars = document.file.text.split('');
  blank(chars, { start: 0, end: document.body.start });
  for (const span of document.outline().nonProse) blank(chars, span);
  return chars.join('');
}
