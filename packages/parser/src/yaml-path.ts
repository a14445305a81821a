/**
 * Data paths into located YAML: `satisfies.soc2[2]`, `/satisfies/soc2/2`
 * (a JSON Pointer, as ajv reports) or `['satisfies', 'soc2', 2]`.
 */
import type { Span } from './source-file.js';
import type { YamlMap, YamlNode, YamlPair } from './yaml.js';

export type PathSegment = string | number;
export type DataPath = readonly PathSegment[];

/** Parses `a.b[2].c` (or `a["x.y"]`) into segments. */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  const pattern = /([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g;
  for (const match of path.matchAll(pattern)) {
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[3] !== undefined) segments.push(match[3].replace(/\\(.)/g, '$1'));
  }
  return segments;
}

/** Parses a JSON Pointer (RFC 6901); numeric segments become indexes. */
export function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment));
}

/** Formats segments as `a.b[2]`, the form messages show. */
export function formatPath(path: DataPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

function resolveAlias(node: YamlNode): YamlNode {
  let current = node;
  for (let hops = 0; current.kind === 'alias' && current.target && hops < 32; hops++) current = current.target;
  return current;
}

/** The pair of a mapping whose key is `key` (the last one if repeated). */
export function pairOf(map: YamlMap, key: string): YamlPair | undefined {
  for (let i = map.pairs.length - 1; i >= 0; i--) {
    const pair = map.pairs[i] as YamlPair;
    if (pair.key.kind === 'scalar' && pair.key.text === key) return pair;
  }
  return undefined;
}

export interface PathLookup {
  /** The deepest node reached. */
  node: YamlNode;
  /** The pair whose value `node` is, if the last step went through a mapping. */
  pair: YamlPair | undefined;
  /** How many segments were resolved (the whole path when equal to its length). */
  depth: number;
}

/** Follows a path as far as it exists. */
export function lookupPath(root: YamlNode, path: DataPath): PathLookup {
  let node = resolveAlias(root);
  let pair: YamlPair | undefined;
  let depth = 0;
  for (const segment of path) {
    let next: YamlNode | undefined;
    let nextPair: YamlPair | undefined;
    if (node.kind === 'map') {
      nextPair = pairOf(node, String(segment));
      next = nextPair?.value;
    } else if (node.kind === 'seq' && typeof segment === 'number') {
      next = node.items[segment];
    }
    if (next === undefined) break;
    node = resolveAlias(next);
    pair = nextPair;
    depth++;
  }
  return { node, pair, depth };
}

/** The node at a path, if the whole path exists. */
export function nodeAtPath(root: YamlNode, path: DataPath): YamlNode | undefined {
  const found = lookupPath(root, path);
  return found.depth === path.length ? found.node : undefined;
}

/**
 * Where a finding about `path` belongs. A value that exists is reported at
 * its own span; an empty value at its key; a missing one at the first line of
 * the deepest enclosing node, so that annotations stay on one line.
 */
export function spanForPath(
  root: YamlNode,
  path: DataPath,
  firstLineOf: (span: Span) => Span,
  target: 'value' | 'key' = 'value',
): Span {
  const found = lookupPath(root, path);
  if (found.depth === path.length) {
    const { node, pair } = found;
    if (pair && (target === 'key' || isEmptyOrBlock(node))) return spanOf(pair.key);
    return node.kind === 'scalar' || node.kind === 'alias' ? spanOf(node) : firstLineOf(node);
  }
  return firstLineOf(found.pair ? found.pair.key : found.node);
}

/** An empty value, or a block collection that starts on the line below its key. */
function isEmptyOrBlock(node: YamlNode): boolean {
  if (node.kind === 'scalar') return node.empty;
  return (node.kind === 'map' || node.kind === 'seq') && !node.flow;
}

function spanOf(node: YamlNode): Span {
  return { start: node.start, end: node.end };
}
