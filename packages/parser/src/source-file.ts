/**
 * A file's text and the mapping from offsets to lines and columns.
 *
 * Offsets are UTF-16 code-unit indexes into `text`, which is the file's
 * content with a leading byte order mark removed (as editors, ESLint and
 * micromark do), so that line 1, column 1 is the first visible character.
 * Lines and columns are 1-based; columns count UTF-16 code units, a tab
 * counts as one column, and `\r\n`, `\n` and a lone `\r` each end a line.
 */
export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units. */
  column: number;
}

/** A range in a file: start inclusive, end exclusive (ESLint's convention). */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A span of a file by offsets: start inclusive, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

const BOM = '\uFEFF';

export class SourceFile {
  #text = '';
  #bom = false;
  /** Reads the text of a deferred file, until it is read. */
  #load: (() => string) | undefined;
  #lineStarts: number[] | undefined;

  /**
   * @param path The path that findings name: relative to the repository
   *   root, with forward slashes.
   * @param text The file's decoded content (a leading BOM is removed).
   * @param absolutePath Where the file is on disk, if it is.
   */
  constructor(
    readonly path: string,
    text: string,
    readonly absolutePath: string = path,
  ) {
    this.#setText(text);
  }

  /**
   * A file whose text is read on first use: a cache that restores what
   * reading a file yields needs the text of only those files that findings
   * point into. `load` gives the decoded content, or throws.
   */
  static deferred(path: string, absolutePath: string, load: () => string): SourceFile {
    const file = new SourceFile(path, '', absolutePath);
    file.#load = load;
    return file;
  }

  #setText(text: string): void {
    this.#bom = text.startsWith(BOM);
    this.#text = this.#bom ? text.slice(1) : text;
  }

  /** Reads a deferred file's text, once; a load that throws is tried again on the next use. */
  #read(): string {
    if (this.#load !== undefined) {
      this.#setText(this.#load());
      this.#load = undefined;
    }
    return this.#text;
  }

  /** The file's text without a leading byte order mark. */
  get text(): string {
    return this.#read();
  }

  /** Whether the file began with a byte order mark. */
  get bom(): boolean {
    this.#read();
    return this.#bom;
  }

  /** Whether the text has been read (always, unless the file is deferred and unused). */
  get loaded(): boolean {
    return this.#load === undefined;
  }

  /** Offsets at which each line starts; computed on first use. */
  get lineStarts(): readonly number[] {
    if (this.#lineStarts === undefined) this.#lineStarts = computeLineStarts(this.text);
    return this.#lineStarts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The position of an offset; offsets past the end clamp to the end. */
  positionAt(offset: number): Position {
    const starts = this.lineStarts;
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if ((starts[mid] as number) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - (starts[low] as number) + 1 };
  }

  /** The offset of a position; positions past a line's end clamp to it. */
  offsetAt(position: Position): number {
    const starts = this.lineStarts;
    const lineIndex = Math.max(0, Math.min(position.line - 1, starts.length - 1));
    const lineStart = starts[lineIndex] as number;
    const lineEnd = this.lineEndOffset(lineIndex + 1);
    return Math.min(lineStart + Math.max(0, position.column - 1), lineEnd);
  }

  /** The range covered by a span. */
  rangeOf(span: Span): Range {
    const start = this.positionAt(span.start);
    const end = this.positionAt(Math.max(span.start, span.end));
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  }

  /** The offset just before the line break that ends a 1-based line. */
  lineEndOffset(line: number): number {
    const starts = this.lineStarts;
    const next = starts[line];
    if (next === undefined) return this.text.length;
    let end = next;
    if (this.text.charCodeAt(end - 1) === 10) end -= 1;
    if (this.text.charCodeAt(end - 1) === 13) end -= 1;
    return end;
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return '';
    return this.text.slice(start, this.lineEndOffset(line));
  }

  /** A span that starts at `start` and stops at the end of that line or at `end`. */
  firstLineOf(span: Span): Span {
    const { line } = this.positionAt(span.start);
    return { start: span.start, end: Math.min(span.end, this.lineEndOffset(line)) };
  }
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      starts.push(i + 1);
    } else if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}
