import { describe, expect, it } from 'vitest';
import type { Policy } from '@trustlint/model';
import { headingsOf, proseOf } from './policy-markdown.js';
import { lintFiles } from './testing/lint.js';

function policyOf(text: string): Policy {
  const [policy] = lintFiles({ 'p.md': text }, { rules: [] }).program.policies;
  if (policy === undefined) throw new Error('no policy');
  return policy;
}

describe('headingsOf', () => {
  it('lists ATX and setext headings with their depth and span, not code', () => {
    const text = '---\nid: P\n---\n# Title\n\nPurpose  and\nScope\n---\n\n```\n## Not a heading\n```\n\n### **Policy**\n';
    const headings = headingsOf(policyOf(text));
    expect(headings.map(({ text: heading, depth }) => [heading, depth])).toEqual([
      ['Title', 1],
      ['Purpose and Scope', 2],
      ['Policy', 3],
    ]);
    expect(headings.map(({ span }) => text.slice(span.start, span.end))).toEqual(['# Title', 'Purpose  and\nScope\n---', '### **Policy**']);
  });
});

describe('proseOf', () => {
  it('blanks all but the prose of the body, keeping offsets and line breaks', () => {
    const text = '---\ntitle: X\n---\nSay `no` to <b>this</b> [link](https://x.example "t").\n\n```\ncode\n```\n\n![alt](a.png)\n\n[r]: https://r.example\n';
    const prose = proseOf(policyOf(text));
    expect(prose).toHaveLength(text.length);
    expect(prose.split('\n')).toEqual([
      '   ',
      '        ',
      '   ',
      // `no`, <b>, </b>, the [ and the ](https://x.example "t") become spaces.
      `Say ${' '.repeat(4)} to ${' '.repeat(3)}this${' '.repeat(4)}  link${' '.repeat(24)}.`,
      '',
      '   ',
      '    ',
      '   ',
      '',
      '             ',
      '',
      '                      ',
      '',
    ]);
  });

  it('keeps CRLF line breaks', () => {
    const text = '---\r\nid: P\r\n---\r\nA `b`\r\n';
    expect(proseOf(policyOf(text))).toBe('   \r\n     \r\n   \r\nA    \r\n');
  });
});
