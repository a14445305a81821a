/**
 * "Did you mean …?": the candidates closest to a mistyped word.
 */
import damerauLevenshtein from 'damerau-levenshtein';

/** Edit distance counting a swap of neighbours as one edit (`alcie` → `alice`). */
export function editDistance(a: string, b: string): number {
  return damerauLevenshtein(a, b).steps;
}

export interface SuggestOptions {
  /** Compare case-insensitively (the default). */
  ignoreCase?: boolean;
  /** Largest edit distance accepted; default: a third of the longer word, at least 1. */
  maxDistance?: number;
}

/**
 * The candidates at the smallest edit distance from `word`, if that distance
 * is small enough to be a typo; several when they tie (`CC9.9` → CC9.1, CC9.2).
 * Failing that, the few candidates that `word` abbreviates (`avail` → availability).
 */
export function suggest(word: string, candidates: Iterable<string>, options: SuggestOptions = {}): string[] {
  const fold = (text: string): string => (options.ignoreCase === false ? text : text.toLowerCase());
  const target = fold(word);
  let best = Infinity;
  let found: string[] = [];
  const list = [...candidates];
  for (const candidate of list) {
    const d = editDistance(target, fold(candidate));
    const limit = options.maxDistance ?? Math.max(1, Math.floor(Math.max(word.length, candidate.length) / 3));
    if (d > limit || d > best) continue;
    if (d < best) {
      best = d;
      found = [];
    }
    if (!found.includes(candidate)) found.push(candidate);
  }
  if (found.length === 0 && word.length >= 3) {
    const abbreviated = [...new Set(list)].filter((candidate) => fold(candidate).startsWith(target));
    if (abbreviated.length <= 3) return abbreviated;
  }
  return found;
}

/** `a`, `a or b`, `a, b or c`, each in backticks. */
export function orList(values: readonly string[]): string {
  const quoted = values.map((value) => `\`${value}\``);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1) ?? ''}`;
}
