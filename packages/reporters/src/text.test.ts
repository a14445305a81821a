import { describe, expect, it } from 'vitest';
import { oneLine, plainText, plural } from './text.js';

describe('plainText', () => {
  it('shows controls, separators, bidi controls, noncharacters and lone surrogates as escapes', () => {
    expect(plainText('a\u0000\u0007\u001b[31m\r\u007f\u0085\u2028\u2029\u202e\u2066\ufffe\uffff')).toBe(
      'a\\u0000\\u0007\\u001b[31m\\u000d\\u007f\\u0085\\u2028\\u2029\\u202e\\u2066\\ufffe\\uffff',
    );
    expect(plainText('x\ud800y\udc00z\ud83d')).toBe('x\\ud800y\\udc00z\\ud83d');
  });

  it('keeps tabs, line feeds, emoji and other text as written', () => {
    const text = 'tab\there\nnext 😀 é 中文 <b>&amp;</b> [x](y) %0A ::error:: ##[group]';
    expect(plainText(text)).toBe(text);
  });
});

describe('oneLine', () => {
  it('shows line feeds as \\n too', () => {
    expect(oneLine('a\nb\r\nc\u2028d')).toBe('a\\nb\\u000d\\nc\\u2028d');
    expect(oneLine('a\tb')).toBe('a\tb');
  });
});

describe('plural', () => {
  it('adds an s unless there is one', () => {
    expect([plural(0, 'error'), plural(1, 'error'), plural(2, 'error')]).toEqual(['0 errors', '1 error', '2 errors']);
  });
});
