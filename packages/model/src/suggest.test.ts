import { describe, expect, it } from 'vitest';
import { editDistance, orList, suggest } from './suggest.js';

describe('suggest', () => {
  it('finds typos, counting a swap of neighbours as one edit', () => {
    expect(editDistance('alcie', 'alice')).toBe(1);
    expect(suggest('alcie', ['alice', 'bob'])).toEqual(['alice']);
    expect(suggest('CC6.10', ['CC6.1', 'CC6.2', 'CC7.1'])).toEqual(['CC6.1']);
  });

  it('offers every candidate at the same smallest distance', () => {
    expect(suggest('CC9.9', ['CC9.1', 'CC9.2', 'CC8.1'])).toEqual(['CC9.1', 'CC9.2']);
  });

  it('offers nothing when no candidate is close, unless the word abbreviates one', () => {
    expect(suggest('zed', ['alice', 'bob'])).toEqual([]);
    expect(suggest('avail', ['security', 'availability'])).toEqual(['availability']);
    expect(suggest('se', ['security'])).toEqual([]);
  });

  it('prunes candidates without changing what it suggests', () => {
    // The reference compares every candidate in full; suggest() skips those a cheap bound rules out.
    const reference = (word: string, candidates: readonly string[]): string[] => {
      let best = Infinity;
      let found: string[] = [];
      for (const candidate of candidates) {
        const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
        if (d > Math.max(1, Math.floor(Math.max(word.length, candidate.length) / 3)) || d > best) continue;
        if (d < best) [best, found] = [d, []];
        if (!found.includes(candidate)) found.push(candidate);
      }
      return found;
    };
    let seed = 7;
    const random = (n: number): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n);
    const word = (): string => Array.from({ length: 1 + random(9) }, () => 'abcAB-.\u00e9\ud83d\ude00'[random(10)]).join('');
    for (let round = 0; round < 2_000; round++) {
      const target = word();
      const candidates = Array.from({ length: 1 + random(12) }, word);
      const expected = reference(target, candidates);
      if (expected.length) expect(suggest(target, candidates), `${target} among ${candidates.join(' ')}`).toEqual(expected);
    }
  });

  it('lists values for messages', () => {
    expect(orList(['a'])).toBe('`a`');
    expect(orList(['a', 'b', 'c'])).toBe('`a`, `b` or `c`');
  });
});
