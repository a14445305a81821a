/**
 * Reading a policy's Markdown body: its headings, and its prose with
 * everything that is not prose (code, HTML, link targets) blanked out.
 * Offsets are offsets into the whole file. Both come from the document's
 * outline, which is much cheaper to read than a full Markdown tree.
 */
import type { MarkdownDocument } from '@trustlint/model';
import type { OutlineHeading } from '@trustlint/parser';

export type HeadingInfo = OutlineHeading;

/** Every heading of a document, in document order. */
export function headingsOf(document: MarkdownDocument): HeadingInfo[] {
  return document.outline().headings;
}

/** The characters of `text` between `start` and `end` as spaces, keeping line breaks. */
function blanked(text: string, start: number, end: number): string {
  return text.slice(start, end).replace(/[^\r\n]/g, ' ');
}

/**
 * The document's file text with everything but the prose of its body blanked
 * out with spaces (front matter, code, inline code, HTML, images and link
 * targets), so that any offset in it is the same offset in the file.
 */
export function proseOf(document: MarkdownDocument): string {
  const { text } = document.file;
  const spans = [{ start: 0, end: document.body.start }, ...document.outline().nonProse].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const span of spans) {
    const start = Math.max(span.start, at);
    if (span.end <= start) continue;
    parts.push(text.slice(at, start), blanked(text, start, span.end));
    at = span.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
