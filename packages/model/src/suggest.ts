/**
 * "Did you mean …?": the candidates closest to a mistyped word.
 */
import damerauLevenshtein from 'damerau-levenshtein';

/** Counts per UTF-16 code unit, reused by every `lowerBound` and left all zero after each. */
const counts = new Int32Array(0x10000);

/**
 * A lower bound of the edit distance, cheap to compute: an insertion,
 * deletion or substitution changes by one at most how many characters one
 * word has that the other lacks, and a swap changes none.
 */
function lowerBound(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) counts[a.charCodeAt(i)] = (counts[a.charCodeAt(i)] ?? 0) + 1;
  for (let i = 0; i < b.length; i++) counts[b.charCodeAt(i)] = (counts[b.charCodeAt(i)] ?? 0) - 1;
  let extra = 0;
  let lacking = 0;
  for (const word of [a, b]) {
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      const count = counts[code] as number;
      if (count > 0) extra += count;
      else lacking -= count;
      counts[code] = 0;
    }
  }
  return Math.max(extra, lacking);
}

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
  const list = [...candidates];
  // The closest candidates by a cheap bound are compared first, so that the
  // best distance is known early and the bound rules out most of the rest.
  const ranked = list
    .map((candidate, index) => {
      const folded = fold(candidate);
      const limit = options.maxDistance ?? Math.max(1, Math.floor(Math.max(word.length, candidate.length) / 3));
      const bound = Math.abs(target.length - folded.length) > limit ? Infinity : lowerBound(target, folded);
      return { candidate, index, folded, limit, bound };
    })
    .filter((entry) => entry.bound <= entry.limit)
    .sort((a, b) => a.bound - b.bound || a.index - b.index);
  let best = Infinity;
  let closest: typeof ranked = [];
  for (const entry of ranked) {
    if (entry.bound > best) break;
    const d = editDistance(target, entry.folded);
    if (d > entry.limit || d > best) continue;
    if (d < best) {
      best = d;
      closest = [];
    }
    closest.push(entry);
  }
  const found = [...new Set(closest.sort((a, b) => a.index - b.index).map((entry) => entry.candidate))];
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
