import { describe, expect, it } from 'vitest';
import { SourceFile } from './source-file.js';

describe('SourceFile', () => {
  it('maps offsets to 1-based lines and columns across LF, CRLF and lone CR', () => {
    const file = new SourceFile('a.txt', 'ab\ncd\r\nef\rgh');
    expect(file.lineCount).toBe(4);
    expect(file.positionAt(0)).toEqual({ line: 1, column: 1 });
    expect(file.positionAt(3)).toEqual({ line: 2, column: 1 });
    expect(file.positionAt(5)).toEqual({ line: 2, column: 3 });
    expect(file.positionAt(7)).toEqual({ line: 3, column: 1 });
    expect(file.positionAt(10)).toEqual({ line: 4, column: 1 });
    expect(file.lineText(2)).toBe('cd');
    expect(file.lineText(3)).toBe('ef');
  });

  it('removes a byte order mark so that the first visible character is 1:1', () => {
    const file = new SourceFile('a.yaml', '\uFEFFid: x');
    expect(file.bom).toBe(true);
    expect(file.text).toBe('id: x');
    expect(file.positionAt(4)).toEqual({ line: 1, column: 5 });
  });

  it('reads a deferred file\'s text once, on first use, removing a byte order mark', () => {
    let loads = 0;
    const file = SourceFile.deferred('a.yaml', '/repo/a.yaml', () => {
      loads++;
      return '\uFEFFid: x\nowner: y\n';
    });
    expect(file.loaded).toBe(false);
    expect(file.path).toBe('a.yaml');
    expect(loads).toBe(0);
    expect(file.positionAt(10)).toEqual({ line: 2, column: 5 });
    expect(file.loaded).toBe(true);
    expect(file.text).toBe('id: x\nowner: y\n');
    expect(file.bom).toBe(true);
    expect(loads).toBe(1);
  });

  it('tries a deferred file\'s load again after it threw, and never gives an empty text for it', () => {
    let fail = true;
    const file = SourceFile.deferred('a.md', '/repo/a.md', () => {
      if (fail) throw new Error('a.md changed');
      return '# A\n';
    });
    expect(() => file.text).toThrow('a.md changed');
    expect(file.loaded).toBe(false);
    fail = false;
    expect(file.lineText(1)).toBe('# A');
  });

  it('counts columns in UTF-16 code units and a tab as one column', () => {
    const file = new SourceFile('a.md', 'é🎉\tx');
    expect(file.positionAt(file.text.indexOf('x'))).toEqual({ line: 1, column: 5 });
  });

  it('converts positions back to offsets and clamps past line ends', () => {
    const file = new SourceFile('a.txt', 'ab\r\ncd');
    expect(file.offsetAt({ line: 2, column: 2 })).toBe(5);
    expect(file.offsetAt({ line: 1, column: 99 })).toBe(2);
    expect(file.offsetAt({ line: 9, column: 1 })).toBe(4);
  });

  it('gives ranges with an exclusive end and limits spans to their first line', () => {
    const file = new SourceFile('a.txt', 'key: value\nnext');
    expect(file.rangeOf({ start: 5, end: 10 })).toEqual({ line: 1, column: 6, endLine: 1, endColumn: 11 });
    expect(file.firstLineOf({ start: 0, end: 15 })).toEqual({ start: 0, end: 10 });
  });
});
