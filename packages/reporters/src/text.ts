/**
 * Text helpers shared by every format.
 *
 * Messages and paths quote policies and controls, so they are untrusted.
 * `plainText` turns every character that could hide, reorder or corrupt text
 * into a visible `\uXXXX` escape (stylish uses it for the terminal too):
 * C0 controls other than tab and line feed (so carriage returns too), DEL, C1
 * controls, line and paragraph separators, bidirectional controls (Trojan
 * Source), the noncharacters U+FFFE and U+FFFF, and lone surrogates. What is
 * left is valid in JSON and in XML 1.0; `oneLine` also shows line feeds, for
 * a log line.
 */

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function visible(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Untrusted text with every unsafe character shown as a `\uXXXX` escape; tabs and line feeds stay. */
export function plainText(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** `plainText` on one line: line feeds are shown as `\n` too. */
export function oneLine(text: string): string {
  return plainText(text).replace(/\n/g, '\\n');
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
