import { describe, expect, it } from 'vitest';
import { codeSpan, escapeMarkdown, messageMarkdown } from './markdown-text.js';

describe('untrusted text in Markdown', () => {
  it('escapes Markdown and HTML so that text shows as written', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)> **bold** [link](https://evil.example) | cell')).toBe(
      '&lt;img src\\=x onerror\\=alert\\(1\\)&gt; \\*\\*bold\\*\\* \\[link\\]\\(https\\://evil\\.example\\) \\| cell',
    );
  });

  it('stops mentions, issue links and comment markers', () => {
    const text = escapeMarkdown('@security-team please see #12 <!-- trustlint-comment -->');
    expect(text).not.toMatch(/@[A-Za-z]/);
    expect(text).not.toMatch(/#\d/);
    expect(text).not.toContain('<!--');
  });

  it('keeps everything on one line and shows control characters', () => {
    expect(escapeMarkdown('a\nb\r\nc\u001b[31m')).toBe('a b\\\\u000d c\\\\u001b\\[31m');
  });

  it('fences code spans with more backticks than they hold, safe in table cells', () => {
    expect(codeSpan('CC6.10')).toBe('`CC6.10`');
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`x`')).toBe('`` `x` ``');
    expect(codeSpan('a|b @team')).toBe('`a\\|b @\u200Bteam`');
  });

  it('renders messages with their backticked values as code', () => {
    expect(messageMarkdown('Unexpected owner `bob`: not in owners.yaml; expected `alice` (a close match).')).toBe(
      'Unexpected owner `bob`\\: not in owners\\.yaml; expected `alice` \\(a close match\\)\\.',
    );
  });

  it('stays safe when a value holds backticks that unbalance the message', () => {
    const rendered = messageMarkdown('Unexpected owner `a` <b>@x</b> `c` end');
    expect(rendered).not.toContain('<b>');
    expect(rendered).not.toMatch(/@x/);
  });
});
