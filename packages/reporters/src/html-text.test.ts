import { describe, expect, it } from 'vitest';
import { escapeHtml, safeHref } from './html-text.js';

describe('escapeHtml', () => {
  it('escapes the five characters that mean something in HTML', () => {
    expect(escapeHtml('&')).toBe('&amp;');
    expect(escapeHtml('<')).toBe('&lt;');
    expect(escapeHtml('>')).toBe('&gt;');
    expect(escapeHtml('"')).toBe('&quot;');
    expect(escapeHtml("'")).toBe('&#39;');
    expect(escapeHtml(`a & b < c > d " e ' f`)).toBe('a &amp; b &lt; c &gt; d &quot; e &#39; f');
  });

  it('escapes an ampersand once, so that entities in the input show as written', () => {
    expect(escapeHtml('&lt;b&gt; &amp;')).toBe('&amp;lt;b&amp;gt; &amp;amp;');
  });

  it('turns markup into text', () => {
    const hostile = '<img src=x onerror=alert(1)><script>window.pwned=1</script>';
    expect(escapeHtml(hostile)).toBe('&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;window.pwned=1&lt;/script&gt;');
    expect(escapeHtml('" onmouseover="alert(1)')).toBe('&quot; onmouseover=&quot;alert(1)');
    expect(escapeHtml("' autofocus onfocus='x")).not.toMatch(/['"<>]/);
  });

  it('shows control and bidirectional characters as visible escapes, and keeps other text', () => {
    expect(escapeHtml('a\u0000b\u202ec\u001b[2J')).toBe('a\\u0000b\\u202ec\\u001b[2J');
    expect(escapeHtml('Zoë — 安全 ✔')).toBe('Zoë — 安全 ✔');
    expect(escapeHtml('')).toBe('');
  });
});

describe('safeHref', () => {
  it('keeps https URLs, escaped', () => {
    expect(safeHref('https://github.com/trustlint/trustlint/blob/main/packages/rules/docs/syntax.md')).toBe(
      'https://github.com/trustlint/trustlint/blob/main/packages/rules/docs/syntax.md',
    );
    expect(safeHref('https://example.com/a?b=1&c=2#d')).toBe('https://example.com/a?b=1&amp;c=2#d');
  });

  it('refuses every other scheme, relative URLs, and characters that could end the attribute', () => {
    for (const url of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'http://example.com/',
      '//example.com/',
      '/docs/syntax.md',
      'https://example.com/"onmouseover="x',
      "https://example.com/'x",
      'https://example.com/<x>',
      'https://example.com/ x',
      'https://exa\u0000mple.com/',
      'https:example.com',
      '',
    ]) {
      expect(safeHref(url), url).toBeUndefined();
    }
    expect(safeHref(undefined)).toBeUndefined();
  });
});
