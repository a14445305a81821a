import { describe, expect, it } from 'vitest';
import { andList, codeList, expectedId, nameOf, someOf } from './wording.js';

const options = { noun: 'the id of a policy', none: 'the program has none' };

describe('wording', () => {
  it('offers the close matches of an unknown id', () => {
    expect(expectedId('POL-ACESS', ['POL-ACCESS', 'POL-HR'], options)).toBe('`POL-ACCESS` (a close match)');
    expect(expectedId('CC9.9', ['CC9.1', 'CC9.2', 'CC1.1'], options)).toBe('`CC9.1` or `CC9.2` (close matches)');
    expect(expectedId('A.5.38', ['A.5.3', 'A.5.8', 'A.5.18', 'A.5.28', 'A.5.30', 'A.5.31', 'A.5.32', 'A.6.1'], options)).toBe(
      '`A.5.3`, `A.5.8`, `A.5.18`, `A.5.28`, `A.5.30` or 2 more (close matches)',
    );
  });

  it('lists a few known ids when none is close, and says when there are none', () => {
    expect(expectedId('HR-HANDBOOK', ['POL-A', 'POL-B'], options)).toBe('the id of a policy: one of `POL-A` or `POL-B`');
    expect(expectedId('HR-HANDBOOK', [], options)).toBe('the id of a policy (the program has none)');
  });

  it('shortens long lists', () => {
    expect(someOf(['a', 'b', 'c', 'd', 'e'])).toBe('`a`, `b`, `c`, `d` or `e`');
    expect(someOf(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe('`a`, `b`, `c`, `d`, `e` or 2 more');
  });

  it('joins with "and"', () => {
    expect(andList([])).toBe('');
    expect(andList(['Security'])).toBe('Security');
    expect(andList(['Security', 'Availability', 'Confidentiality'])).toBe('Security, Availability and Confidentiality');
  });

  it('names entities', () => {
    expect(nameOf('AC-01')).toBe('`AC-01`');
    expect(nameOf(undefined)).toBe('(no id)');
  });
  it('lists values in backticks, joined with "and"', () => {
    expect([[], ['a'], ['a', 'b'], ['a', 'b', 'c']].map(codeList)).toEqual(['', '`a`', '`a` and `b`', '`a`, `b` and `c`']);
  });
});
