/**
 * Phrases that several rules' messages share: what was expected instead of
 * an unknown id, lists joined with "and".
 */
import { orList, suggest } from '@trustlint/model';

/** How many known ids a message lists when none is close. */
const LISTED = 5;

export interface ExpectedIdOptions {
  /** What a valid id names, with its article: `a policy id`. */
  noun: string;
  /** Said after the noun when there are no candidates at all: `the program has none`. */
  none: string;
  /** How close matches are found (default: by edit distance). */
  closest?: (word: string, candidates: readonly string[]) => string[];
}

/**
 * What an unknown id should have been: the close matches when it looks like
 * a typo, else a few of the known ids, else that there are none.
 */
export function expectedId(word: string, candidates: readonly string[], options: ExpectedIdOptions): string {
  const close = (options.closest ?? suggest)(word, candidates);
  if (close.length === 1) return `${orList(close)} (a close match)`;
  if (close.length > 1) return `${someOf(close)} (close matches)`;
  if (candidates.length === 0) return `${options.noun} (${options.none})`;
  return `${options.noun}: one of ${someOf(candidates)}`;
}

/** `a`, `b` or `c`; past a few, the first few and how many more. */
export function someOf(values: readonly string[]): string {
  if (values.length <= LISTED) return orList(values);
  const shown = values.slice(0, LISTED).map((value) => `\`${value}\``);
  return `${shown.join(', ')} or ${values.length - LISTED} more`;
}

/** `a`, `a and b`, `a, b and c` (as given, without backticks). */
export function andList(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} and ${values.at(-1) ?? ''}`;
}

/** `` `a` ``, `` `a` and `b` ``: values in backticks, joined with "and". */
export function codeList(values: readonly string[]): string {
  return andList(values.map((value) => `\`${value}\``));
}

/** An entity's id in backticks, or `(no id)` when it has none. */
export function nameOf(id: string | undefined): string {
  return id === undefined ? '(no id)' : `\`${id}\``;
}
