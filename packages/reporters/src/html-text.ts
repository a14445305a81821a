/**
 * Untrusted text (anything that came from a policy, a control, a file name
 * or a finding's message) rendered into HTML so that it shows as written and
 * does nothing else. Every string of the HTML report that is not a literal of
 * this package goes through `escapeHtml`, in element content and in
 * double-quoted attribute values alike; a URL goes into `href` only through
 * `safeHref`.
 */
import { plainText } from './text.js';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text as HTML: `& < > " '` become entities, and characters that could hide
 * or reorder text (controls, bidirectional overrides, lone surrogates) are
 * shown as visible `\uXXXX` escapes. Safe in element content and in quoted
 * attribute values.
 */
export function escapeHtml(text: string): string {
  return plainText(text).replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** An `https:` URL with nothing that could end the attribute or hide a character. */
// eslint-disable-next-line no-control-regex
const HTTPS_URL = /^https:\/\/[^\s"'<>`\\\u0000-\u001f\u007f-\u009f]+$/;

/**
 * A URL for an `href`, escaped, when it is an absolute `https:` URL; otherwise
 * undefined (the caller shows text without a link).
 */
export function safeHref(url: string | undefined): string | undefined {
  if (url === undefined || !HTTPS_URL.test(url)) return undefined;
  try {
    if (new URL(url).protocol !== 'https:') return undefined;
  } catch {
    return undefined;
  }
  return escapeHtml(url);
}
