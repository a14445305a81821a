/**
 * Untrusted text (anything that came from a policy, a control or a file name)
 * rendered into GitHub-flavoured Markdown so that it shows as written and
 * does nothing else: no HTML, no links or images, no table breaks, no
 * mentions of people or teams, no fake comment markers.
 *
 * trustlint's messages put values in backticks. Those segments become code
 * spans (inside which GitHub interprets nothing but `\|` in tables), fenced
 * with more backticks than they contain; the rest is escaped character by
 * character. If a value itself holds backticks the segments may not line up
 * with the values, but both kinds of segment are safe, so the output is too.
 */

import { plainText } from './text.js';

/** Characters that mean something in Markdown or HTML outside code. */
const SPECIAL = /[\\`*_{}[\]()#+\-.!|<>&~"'=:@]/g;
const ENTITIES: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' };

/** Zero-width space: stops `@name` from mentioning and `#123` from linking. */
const ZWSP = '\u200B';

/** One line (a break would end a table row), with unsafe characters shown as escapes. */
function flatten(text: string): string {
  return plainText(text).replace(/\n/g, ' ');
}

/** Plain text, escaped so that GitHub renders it literally. */
export function escapeMarkdown(text: string): string {
  return flatten(text).replace(SPECIAL, (char) => {
    if (ENTITIES[char] !== undefined) return ENTITIES[char];
    if (char === '@') return `@${ZWSP}`;
    if (char === '#') return `\\#${ZWSP}`;
    return `\\${char}`;
  });
}

/** A code span that shows `text` literally, safe inside a table cell. */
export function codeSpan(text: string): string {
  const flat = flatten(text).replace(/\|/g, '\\|').replace(/@/g, `@${ZWSP}`);
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.trim() === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A trustlint message, its backticked values shown as code and the rest escaped. */
export function messageMarkdown(message: string): string {
  return message
    .split('`')
    .map((segment, index) => (index % 2 === 1 ? codeSpan(segment) : escapeMarkdown(segment)))
    .join('');
}
