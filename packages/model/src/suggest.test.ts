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

  it('lists values for messages', () => {
    expect(orList(['a'])).toBe('`a`');
    expect(orList(['a', 'b', 'c'])).toBe('`a`, `b` or `c`');
  });
});
