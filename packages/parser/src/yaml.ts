/**
 * YAML with exact source ranges.
 *
 * js-yaml 5's `parseEvents` gives a flat event stream with offsets; from it we
 * build a small tree of nodes that know their span, and `constructFromEvents`
 * builds the plain JavaScript values from the same events, so the values obey
 * js-yaml's schema exactly and every key and value can be located.
 */
import {
  constructFromEvents,
  EVENT_ID,
  getScalarValue,
  parseEvents,
  SCALAR_STYLE,
  type Event,
  type ScalarEvent,
} from 'js-yaml';
import type { SourceFile, Span } from './source-file.js';

export interface YamlScalar extends Span {
  kind: 'scalar';
  /** The scalar's decoded text (a key's name, a plain or quoted string's content). */
  text: string;
  /** True for a value left empty (`owner:`): its span is empty, just after the key. */
  empty: boolean;
  /** True for a single- or double-quoted scalar (its span includes the quotes). */
  quoted: boolean;
}

export interface YamlPair {
  key: YamlNode;
  value: YamlNode;
}

export interface YamlMap extends Span {
  kind: 'map';
  pairs: YamlPair[];
  flow: boolean;
}

export interface YamlSeq extends Span {
  kind: 'seq';
  items: YamlNode[];
  flow: boolean;
}

export interface YamlAlias extends Span {
  kind: 'alias';
  anchor: string;
  /** The anchored node, when the anchor was defined before the alias. */
  target: YamlNode | undefined;
}

export type YamlNode = YamlScalar | YamlMap | YamlSeq | YamlAlias;

export interface YamlDuplicateKey {
  key: YamlNode;
  first: YamlNode;
}

export interface YamlDocument {
  /** 0-based index of the document in its stream. */
  index: number;
  /** The document's content, or null for an empty document. */
  root: YamlNode | null;
  /** The document's plain JavaScript value (undefined when construction failed). */
  value: unknown;
  /** Keys that occur twice in one mapping (the later one wins in `value`). */
  duplicateKeys: YamlDuplicateKey[];
  /** Where the document sits in its file. */
  span: Span;
}

export interface YamlError {
  /** What is wrong, in the parser's words (without a code snippet). */
  message: string;
  /** Where it is: an empty span at the offending character. */
  span: Span;
}

export interface YamlParseResult {
  documents: YamlDocument[];
  /** The first syntax or construction error; documents before it are kept. */
  error?: YamlError;
}

export interface YamlParseOptions {
  /** Parse only this span of the file (front matter); offsets stay file-relative. */
  span?: Span;
  /** Deepest nesting of collections accepted (js-yaml's default is 100). */
  maxDepth?: number;
  /** Most aliases accepted per document. */
  maxAliases?: number;
  /** Most nodes a document may hold once its aliases are expanded (guards against alias bombs). */
  maxExpandedNodes?: number;
}

export const DEFAULT_MAX_DEPTH = 64;
export const DEFAULT_MAX_ALIASES = 100;
export const DEFAULT_MAX_EXPANDED_NODES = 100_000;

/** Parses a YAML stream (or a span of a file) into located documents. */
export function parseYaml(file: SourceFile, options: YamlParseOptions = {}): YamlParseResult {
  const base = options.span?.start ?? 0;
  const source = options.span ? file.text.slice(options.span.start, options.span.end) : file.text;
  let events: Event[];
  try {
    events = parseEvents(source, { maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH });
  } catch (error) {
    return { documents: [], error: toYamlError(error, base, source.length) };
  }
  const documents = buildDocuments(events, source, base);
  const maxExpanded = options.maxExpandedNodes ?? DEFAULT_MAX_EXPANDED_NODES;
  if (events.some((event) => event.type === EVENT_ID.ALIAS)) {
    for (const document of documents) {
      const alias = findExpansionOverflow(document.root, maxExpanded);
      if (alias) {
        return {
          documents: [],
          error: {
            message: `aliases expand this document beyond ${maxExpanded} nodes (an alias bomb?); expand it by hand or reduce the aliases`,
            span: { start: alias.start, end: alias.start },
          },
        };
      }
    }
  }
  let values: unknown[];
  try {
    values = constructFromEvents(events, {
      source,
      json: true,
      maxAliases: options.maxAliases ?? DEFAULT_MAX_ALIASES,
    });
  } catch (error) {
    for (const document of documents) document.value = undefined;
    return { documents, error: toYamlError(error, base, source.length) };
  }
  documents.forEach((document, index) => {
    document.value = values[index] ?? null;
  });
  return { documents };
}

interface YamlExceptionLike {
  reason?: unknown;
  message?: unknown;
  mark?: { position?: unknown };
}

function toYamlError(error: unknown, base: number, length: number): YamlError {
  const candidate = (error ?? {}) as YamlExceptionLike;
  const reason =
    typeof candidate.reason === 'string'
      ? candidate.reason
      : typeof candidate.message === 'string'
        ? candidate.message
        : String(error);
  const position =
    typeof candidate.mark?.position === 'number' ? Math.min(candidate.mark.position, length) : 0;
  return { message: reason, span: { start: base + position, end: base + position } };
}

/**
 * Counts a document's nodes with every alias expanded, sharing the count of
 * each anchored node, and returns the alias at which the count passes `limit`
 * (or that refers to a node containing itself).
 */
function findExpansionOverflow(root: YamlNode | null, limit: number): YamlAlias | undefined {
  const sizes = new Map<YamlNode, number>();
  let culprit: YamlAlias | undefined;
  const size = (node: YamlNode): number => {
    if (node.kind === 'scalar') return 1;
    if (node.kind === 'alias') {
      if (node.target === undefined) return 1;
      const known = sizes.get(node.target);
      if (known === -1) return limit + 1;
      const total = known ?? size(node.target);
      if (total > limit) culprit ??= node;
      return total;
    }
    const known = sizes.get(node);
    if (known !== undefined) return known === -1 ? limit + 1 : known;
    sizes.set(node, -1);
    let total = 1;
    const children = node.kind === 'map' ? node.pairs.flatMap((pair) => [pair.key, pair.value]) : node.items;
    for (const child of children) {
      total += size(child);
      if (total > limit) break;
    }
    sizes.set(node, total);
    return total;
  };
  if (root === null) return undefined;
  return size(root) > limit ? (culprit ?? firstAlias(root)) : undefined;
}

function firstAlias(node: YamlNode): YamlAlias | undefined {
  if (node.kind === 'alias') return node;
  if (node.kind === 'scalar') return undefined;
  const children = node.kind === 'map' ? node.pairs.map((pair) => pair.value) : node.items;
  for (const child of children) {
    const found = firstAlias(child);
    if (found) return found;
  }
  return undefined;
}

type Container = YamlMap | YamlSeq | YamlDocument;

interface Frame {
  container: Container;
  /** A mapping's key waiting for its value. */
  pendingKey: YamlNode | undefined;
  /** Keys seen in a mapping, for duplicate detection. */
  keys: Map<string, YamlNode> | undefined;
  /** Where an empty scalar in this container is placed. */
  cursor: number;
}

function buildDocuments(events: Event[], source: string, base: number): YamlDocument[] {
  const documents: YamlDocument[] = [];
  const anchors = new Map<string, YamlNode>();
  const stack: Frame[] = [];
  let document: YamlDocument | undefined;

  const attach = (node: YamlNode): void => {
    const frame = stack[stack.length - 1];
    if (frame === undefined) return;
    const { container } = frame;
    if ('index' in container) {
      container.root = node;
    } else if (container.kind === 'seq') {
      container.items.push(node);
    } else if (frame.pendingKey === undefined) {
      frame.pendingKey = node;
    } else {
      const key = frame.pendingKey;
      if (key.kind === 'scalar' && frame.keys) {
        const first = frame.keys.get(key.text);
        if (first !== undefined) document?.duplicateKeys.push({ key, first });
        else frame.keys.set(key.text, key);
      }
      container.pairs.push({ key, value: node });
      frame.pendingKey = undefined;
    }
    frame.cursor = Math.max(frame.cursor, node.end);
  };

  const remember = (event: { anchorStart: number; anchorEnd: number }, node: YamlNode): void => {
    if (event.anchorStart >= 0) anchors.set(source.slice(event.anchorStart, event.anchorEnd), node);
  };

  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT: {
        const start = documents.at(-1)?.span.end ?? base;
        document = { index: documents.length, root: null, value: undefined, duplicateKeys: [], span: { start, end: start } };
        documents.push(document);
        stack.push({ container: document, pendingKey: undefined, keys: undefined, cursor: start });
        break;
      }
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const start = base + event.start;
        const flow = event.style === 2;
        const node: YamlMap | YamlSeq =
          event.type === EVENT_ID.MAPPING
            ? { kind: 'map', start, end: start, pairs: [], flow }
            : { kind: 'seq', start, end: start, items: [], flow };
        attach(node);
        remember(event, node);
        stack.push({
          container: node,
          pendingKey: undefined,
          keys: node.kind === 'map' ? new Map() : undefined,
          cursor: start,
        });
        break;
      }
      case EVENT_ID.SCALAR: {
        const frame = stack[stack.length - 1];
        const node = scalarNode(event, source, base, emptyScalarPosition(frame));
        attach(node);
        remember(event, node);
        break;
      }
      case EVENT_ID.ALIAS: {
        const anchor = source.slice(event.anchorStart, event.anchorEnd);
        attach({
          kind: 'alias',
          start: base + event.anchorStart - 1,
          end: base + event.anchorEnd,
          anchor,
          target: anchors.get(anchor),
        });
        break;
      }
      case EVENT_ID.POP: {
        const frame = stack.pop();
        if (frame === undefined) break;
        const { container } = frame;
        if ('index' in container) {
          if (container.root) container.span = { start: container.root.start, end: container.root.end };
        } else {
          closeCollection(container, source, base);
          const parent = stack[stack.length - 1];
          if (parent) parent.cursor = Math.max(parent.cursor, container.end);
        }
        break;
      }
    }
  }
  return documents;
}

/** An empty value sits right after its key's end (or where its container is up to). */
function emptyScalarPosition(frame: Frame | undefined): number {
  if (frame === undefined) return 0;
  if (frame.pendingKey !== undefined) return frame.pendingKey.end;
  return frame.cursor;
}

function scalarNode(event: ScalarEvent, source: string, base: number, emptyAt: number): YamlScalar {
  if (event.valueStart < 0) {
    return { kind: 'scalar', start: emptyAt, end: emptyAt, text: '', empty: true, quoted: false };
  }
  const text = getScalarValue(source, event);
  let start = event.valueStart;
  let end = event.valueEnd;
  const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
  if (quoted) {
    start -= 1;
    end += 1;
  } else if (event.style === SCALAR_STYLE.LITERAL_BLOCK || event.style === SCALAR_STYLE.FOLDED_BLOCK) {
    while (start < end && isBlank(source.charCodeAt(start))) start++;
    while (end > start && isBlank(source.charCodeAt(end - 1))) end--;
  }
  return { kind: 'scalar', start: base + start, end: base + end, text, empty: false, quoted };
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

function closeCollection(node: YamlMap | YamlSeq, source: string, base: number): void {
  const last = node.kind === 'map' ? node.pairs.at(-1)?.value : node.items.at(-1);
  let end = Math.max(node.start + (node.flow ? 1 : 0), last?.end ?? node.start);
  if (node.kind === 'map' && last?.kind === 'scalar' && last.empty) {
    end = Math.max(end, node.pairs.at(-1)?.key.end ?? end);
  }
  if (node.flow) {
    const closer = node.kind === 'map' ? '}' : ']';
    const found = findCloser(source, end - base, closer);
    if (found >= 0) end = base + found + 1;
  }
  node.end = end;
}

/** Finds a flow collection's closing bracket, skipping blanks, commas and comments. */
function findCloser(source: string, from: number, closer: string): number {
  let i = from;
  while (i < source.length) {
    const ch = source[i];
    if (ch === closer) return i;
    if (ch === '#') {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    if (ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r' && ch !== ',') return -1;
    i++;
  }
  return -1;
}
