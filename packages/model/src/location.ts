import { spanForPath, type DataPath, type SourceFile, type Span, type YamlNode } from '@trustlint/parser';

/** A place in a file: what every finding points at. */
export interface Location {
  file: SourceFile;
  span: Span;
}

/** The start of a file, for problems that have no better place. */
export function fileStart(file: SourceFile): Location {
  return { file, span: file.firstLineOf({ start: 0, end: file.text.length }) };
}

/**
 * Where a data path inside a YAML node is: the value when it exists, its key
 * when asked for or when the value is empty or a block collection, else the
 * first line of the deepest enclosing node.
 */
export function locateIn(file: SourceFile, node: YamlNode | null, path: DataPath = [], target: 'key' | 'value' = 'value'): Location {
  if (node === null) return fileStart(file);
  return { file, span: spanForPath(node, path, (span) => file.firstLineOf(span), target) };
}
