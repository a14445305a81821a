/**
 * JSON that is safe to show: every JSON document trustlint prints or writes
 * (`--format json` and `sarif`, `gate` and `coverage` JSON, the Statement of
 * Applicability, `rules --format json`, the baseline) goes through `safeJson`.
 */

/** Characters JSON.stringify leaves raw that a terminal, an editor or a diff view could act on. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g;

/**
 * JSON text in which every character that a terminal or an editor could act
 * on (DEL, C1 controls, line and paragraph separators, bidirectional
 * controls, noncharacters) is written as a `\uXXXX` escape: the same data
 * once parsed, but inert when the JSON itself is shown. (JSON.stringify
 * already escapes C0 controls and lone surrogates.)
 */
export function safeJson(value: unknown, indent?: number, replacer?: (key: string, value: unknown) => unknown): string {
  return JSON.stringify(value, replacer, indent).replace(UNSAFE_IN_JSON, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
