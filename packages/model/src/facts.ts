/**
 * A file's facts: what reading it yields, in a form a cache can keep and give
 * back without parsing the file again. They are its problems, its inline
 * suppressions, and its entities' typed fields (ids, owners, statuses,
 * `satisfies`, references, evidence…), with each location kept as a span.
 * They also say where the entity is and where each of its top-level keys and
 * values is.
 *
 * An entity restored from facts has the same fields as one built by parsing.
 * It locates itself and its top-level keys from the facts. Its YAML `node`
 * and `value`, the file's YAML `documents`, and locations deeper than one key
 * come from parsing the file again on first use (and again after
 * `releaseYaml`). Program rules reading unchanged files need none of these,
 * so a cached run parses only the files that changed. A file that was parsed
 * lets go of its YAML the same way once it is checked (`releaseYaml`). The
 * facts are only valid for the file's content and the config they were read
 * under; the cache keys them by both.
 */
import { lookupPath, SourceFile, type DataPath, type MarkdownOutline, type Span, type YamlNode } from '@trustlint/parser';
import type { Directive } from './directives.js';
import { markdownReaders, type Located } from './entities.js';
import { fileStart, type Location } from './location.js';
import type { Entity, FileProblem, ProgramFile } from './program.js';

/** Where an entity's parts are: itself, any key it does not have, and each key it has (value start, value end, key start, key end). */
interface EntityPlaces {
  self: Span;
  absent: Span;
  keys: [key: string, valueStart: number, valueEnd: number, keyStart: number, keyEnd: number][];
}

/** An entity as kept: its typed fields with locations as `{ $at: [start, end] }`, and its places (null when it has no YAML node). */
export interface EntityFacts {
  fields: Record<string, unknown>;
  places: EntityPlaces | null;
}

export interface FileFacts {
  problems: FileProblem[];
  directives: Directive[];
  entities: EntityFacts[];
}

/**
 * Keeps facts of files by content (a cache): `get` gives back what `set` was
 * given for an entry with the same text, as JSON.parse gives it, once: the
 * entities are made from it in place (`restoreFromFacts`), so a store gives
 * each object out once, and parses again what it needs later.
 */
export interface FactsStore {
  get(entry: ProgramFile): FileFacts | undefined;
  set(entry: ProgramFile, facts: FileFacts): void;
}

/** An entity's members that are not facts: its file, its YAML, and its functions. */
const NOT_FACTS = new Set(['file', 'node', 'value', 'locate', 'outline', 'tree']);
/** The marker of a location inside facts, and of the fields of an object that are undefined. */
const AT = '$at';
const UNDEFINED = '$undefined';

function isLocation(value: object, file: SourceFile): value is Location {
  return 'file' in value && 'span' in value && Object.keys(value).length === 2 && (value as Location).file === file;
}

/** Facts from a value of an entity's fields: plain data, with locations in the entity's file as spans. */
function encode(value: unknown, file: SourceFile, where: string): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((item, index) => encode(item, file, `${where}[${index}]`));
  if (typeof value !== 'object') throw new Error(`Cannot keep ${where} of an entity as a fact: it is a ${typeof value}.`);
  if (value instanceof SourceFile) throw new Error(`Cannot keep ${where} of an entity as a fact: it is a file other than the entity's own.`);
  if (isLocation(value, file)) return { [AT]: [value.span.start, value.span.end] };
  const out: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) missing.push(key);
    else out[key] = encode(item, file, `${where}.${key}`);
  }
  if (missing.length) out[UNDEFINED] = missing;
  return out;
}

/**
 * The value `encode` made facts of, with its locations in `file` again, made
 * from the facts in place (they come from JSON.parse, and are used up): each
 * `{ $at }` becomes a location, and each name `$undefined` lists a field that
 * is undefined. Restoring a program's unchanged files copies nothing this way.
 */
function decode(value: unknown, file: SourceFile): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) value[index] = decode(value[index], file);
    return value;
  }
  const record = value as Record<string, unknown>;
  const at = record[AT];
  if (Array.isArray(at)) return { file, span: { start: at[0] as number, end: at[1] as number } };
  // Plain objects whose keys are all their own; `$undefined`, written last, is taken out first, which keeps the object's shape fast.
  const missing = record[UNDEFINED] as string[] | undefined;
  if (missing !== undefined) Reflect.deleteProperty(record, UNDEFINED);
  for (const key in record) {
    const item = record[key];
    if (typeof item === 'object' && item !== null) record[key] = decode(item, file);
  }
  if (missing !== undefined) for (const name of missing) record[name] = undefined;
  return record;
}

function spanOf({ span }: Location): Span {
  return { start: span.start, end: span.end };
}

/** Where the entity's parts are, computed by its own `locate` so that restoring answers exactly as it would. */
function placesOf(entity: Located): EntityPlaces | null {
  if (entity.node === null) return null;
  const resolved: YamlNode = lookupPath(entity.node, []).node;
  const names = resolved.kind === 'map' ? [...new Set(resolved.pairs.flatMap((pair) => (pair.key.kind === 'scalar' ? [pair.key.text] : [])))] : [];
  let absentKey = '\u0000';
  while (names.includes(absentKey)) absentKey += '\u0000';
  return {
    self: spanOf(entity.locate([])),
    absent: spanOf(entity.locate([absentKey])),
    keys: names.map((name) => {
      const value = entity.locate([name], 'value').span;
      const key = entity.locate([name], 'key').span;
      return [name, value.start, value.end, key.start, key.end];
    }),
  };
}

/** The facts of an entry whose entities were built by parsing it. */
export function factsOf(entry: ProgramFile): FileFacts {
  return {
    problems: entry.problems,
    directives: entry.directives,
    entities: entry.entities.map((entity, index) => {
      if (entity.kind === 'owners') throw new Error('The owners are always read from their file, not kept as facts.');
      const fields = Object.fromEntries(Object.entries(entity).filter(([key]) => !NOT_FACTS.has(key)));
      return { fields: encode(fields, entry.file, `entities[${index}]`) as Record<string, unknown>, places: placesOf(entity) };
    }),
  };
}

/** A file restored from facts, or let go of its YAML, parsed again on first use for what the facts do not hold. */
class Reparsed {
  #entry: ProgramFile | undefined;
  readonly #file: SourceFile;
  readonly #kept: number;
  readonly #reparse: () => ProgramFile;

  constructor(file: SourceFile, kept: number, reparse: () => ProgramFile) {
    this.#file = file;
    this.#kept = kept;
    this.#reparse = reparse;
  }

  get entry(): ProgramFile {
    if (this.#entry === undefined) {
      const parsed = this.#reparse();
      if (parsed.entities.length !== this.#kept) {
        throw new Error(`The facts kept of ${this.#file.path} do not match its content (${this.#kept} entities kept, ${parsed.entities.length} read); if they came from a cache, delete it.`);
      }
      this.#entry = parsed;
    }
    return this.#entry;
  }

  /** Lets go of the file parsed again, if it was: the next use parses it once more. */
  forget(): void {
    this.#entry = undefined;
  }
}

/** The files whose YAML comes from parsing them again (restored from facts, or let go of). */
const reparsedFiles = new WeakMap<ProgramFile, Reparsed>();

/**
 * Makes an entry's YAML (its documents, each entity's `node` and `value`)
 * come from `again`, and each entity locate itself and its top-level keys
 * from its places, asking `again` for deeper paths.
 */
function reparseOnUse(entry: ProgramFile, entities: readonly Record<string, unknown>[], places: readonly (EntityPlaces | null)[], again: Reparsed): void {
  const { file } = entry;
  reparsedFiles.set(entry, again);
  Object.defineProperty(entry, 'documents', {
    get() {
      return again.entry.documents;
    },
    enumerable: true,
    configurable: true,
  });
  // Methods and a class, not arrow functions in named places: the CLI's bundle keeps function names, at a cost for each one made.
  entities.forEach((entity, index) => {
    const own = places[index] ?? null;
    entity.locate = own === null ? () => fileStart(file) : locator(file, own, (path, target) => (again.entry.entities[index] as Entity).locate(path, target));
    Object.defineProperties(entity, {
      node: {
        get() {
          return (again.entry.entities[index] as Entity).node;
        },
        enumerable: true,
        configurable: true,
      },
      value: {
        get() {
          return (again.entry.entities[index] as Entity).value;
        },
        enumerable: true,
        configurable: true,
      },
    });
  });
}

/**
 * Gives an entry that was read but not parsed its problems, suppressions and
 * entities from facts, which it uses up: the entities' fields are made from
 * them in place. `reparse` builds the same entry by parsing, for what the
 * facts do not hold; it runs at most once (until `releaseYaml`).
 */
export function restoreFromFacts(entry: ProgramFile, facts: FileFacts, reparse: () => ProgramFile): Entity[] {
  const { file } = entry;
  entry.problems = facts.problems;
  entry.directives = facts.directives;
  const entities = facts.entities.map(({ fields }) => {
    const entity = decode(fields, file) as Record<string, unknown>;
    entity.file = file;
    if (entity.kind === 'policy' || entity.kind === 'document') Object.assign(entity, markdownReaders(file, entity.frontMatter as Parameters<typeof markdownReaders>[1]));
    return entity;
  });
  reparseOnUse(
    entry,
    entities,
    facts.entities.map(({ places }) => places),
    new Reparsed(file, facts.entities.length, reparse),
  );
  const restored = entities as unknown as Entity[];
  entry.entities.push(...restored);
  return restored;
}

/**
 * Lets go of the YAML of an entry whose entities were built (`facts`, when
 * given, are its facts): its documents and its entities' nodes and values
 * are parsed again by `reparse` on first use, and each entity locates itself
 * and its top-level keys from its places, as one restored from facts does.
 * Its fields stay as they are. A program of 20,000 controls does not hold
 * all of its YAML at once this way; program rules read only fields and
 * top-level places. For an entry already restored or let go of, it lets go
 * of what was parsed again since.
 */
export function releaseYaml(entry: ProgramFile, reparse: () => ProgramFile, facts?: FileFacts): void {
  const reparsed = reparsedFiles.get(entry);
  if (reparsed !== undefined) {
    reparsed.forget();
    return;
  }
  if (entry.entities.some((entity) => entity.kind === 'owners')) throw new Error('The owners are always read from their file, and keep their YAML.');
  const places = facts ? facts.entities.map((kept) => kept.places) : entry.entities.map((entity) => placesOf(entity));
  reparseOnUse(entry, entry.entities as unknown as Record<string, unknown>[], places, new Reparsed(entry.file, entry.entities.length, reparse));
}

/** Keys whose numbers are places in the file (a front matter's end, a directive's line), not values. */
const PLACE_NUMBERS = new Set(['bodyStart', 'targetLine']);

/** The span of a location as kept (`{ $at: [start, end] }`) or of a span (`{ start, end }`); undefined for any other value. */
function spanLike(record: Record<string, unknown>): Span | undefined {
  const keys = Object.keys(record);
  const at = record[AT];
  if (keys.length === 1 && Array.isArray(at)) return { start: at[0] as number, end: at[1] as number };
  return keys.length === 2 && typeof record.start === 'number' && typeof record.end === 'number' ? { start: record.start, end: record.end } : undefined;
}

/** A value of the facts or the outline with every span, location and place number written as 0; each span, in order, is added to `spans`. */
function unplaced(value: unknown, spans: Span[], key?: string): unknown {
  if (typeof value === 'number') return key !== undefined && PLACE_NUMBERS.has(key) ? 0 : value;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => unplaced(item, spans));
  const record = value as Record<string, unknown>;
  const span = spanLike(record);
  if (span !== undefined) {
    spans.push(span);
    return 0;
  }
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(record)) out[name] = unplaced(record[name], spans, name);
  return out;
}

/** A file's facts and its Markdown outline (a policy's or document's), what program rules read of it. */
export interface FactsAndOutline {
  facts: FileFacts;
  outline: MarkdownOutline | undefined;
}

/** The facts and outline without places, and the places taken out, in order. */
function withoutPlaces({ facts, outline }: FactsAndOutline): { view: unknown; spans: Span[] } {
  const spans: Span[] = [];
  const entities = facts.entities.map(({ fields, places }) => {
    const keys = places?.keys.map(([key, valueStart, valueEnd, keyStart, keyEnd]) => {
      spans.push({ start: valueStart, end: valueEnd }, { start: keyStart, end: keyEnd });
      return key;
    });
    if (places) spans.push(places.self, places.absent);
    return { fields: unplaced(fields, spans), keys: keys ?? null };
  });
  const view = {
    problems: unplaced(facts.problems, spans),
    directives: unplaced(facts.directives, spans),
    entities,
    outline: outline === undefined ? null : unplaced(outline, spans),
  };
  return { view, spans };
}

/**
 * What a program rule can read of a file, without where anything is: its
 * facts and its Markdown outline, with every span, location and line
 * written as 0 (so that their presence still counts) and each entity's
 * places reduced to the names of its keys. Two versions of a file that give
 * the same value differ only in where things are, as when prose or a
 * comment was added or removed: program rules, which read facts and name
 * places only by locations, report the same of both, at moved places. A
 * cache keys the program rules' reports by it.
 */
export function factsWithoutPlaces(facts: FileFacts, outline: MarkdownOutline | undefined): unknown {
  return withoutPlaces({ facts, outline }).view;
}

/** Where the places of a file went between two versions (see `movedPlaces`). */
export class MovedPlaces {
  /** By old span (`start end`): the new span, or null where one old place went two ways. */
  readonly #moves = new Map<string, Span | null>();

  constructor(from: readonly Span[], to: readonly Span[]) {
    from.forEach((span, index) => {
      const key = `${span.start} ${span.end}`;
      const before = this.#moves.get(key);
      const now = to[index];
      if (now === undefined || (before !== undefined && (before === null || before.start !== now.start || before.end !== now.end))) this.#moves.set(key, null);
      else this.#moves.set(key, now);
    });
  }

  /** Where the place at `span` went; undefined when it was no place of the facts, or went two ways. */
  of(span: Span): Span | undefined {
    const to = this.#moves.get(`${span.start} ${span.end}`);
    return to ? { start: to.start, end: to.end } : undefined;
  }
}

/**
 * Where the places of a file went between two versions that are the same
 * without places (`factsWithoutPlaces`): each span of the old facts and
 * outline (a location, an entity, a key and its value, a heading, a link…)
 * with the span of the same part in the new. Undefined when the two are not
 * the same without places.
 */
export function movedPlaces(before: FactsAndOutline, after: FactsAndOutline): MovedPlaces | undefined {
  const from = withoutPlaces(before);
  const to = withoutPlaces(after);
  if (from.spans.length !== to.spans.length || JSON.stringify(from.view) !== JSON.stringify(to.view)) return undefined;
  return new MovedPlaces(from.spans, to.spans);
}

/** `locate` from an entity's places, falling back to `deeper` for paths deeper than one key. */
function locator(file: SourceFile, places: EntityPlaces, deeper: Located['locate']): Located['locate'] {
  return (path: DataPath = [], target: 'key' | 'value' = 'value'): Location => {
    if (path.length === 0) return { file, span: { ...places.self } };
    const [segment] = path;
    if (path.length === 1 && typeof segment === 'string') {
      // An entity has a dozen keys or so, and is located once or twice: a scan costs less than an index.
      const found = places.keys.find(([key]) => key === segment);
      if (found === undefined) return { file, span: { ...places.absent } };
      const [, valueStart, valueEnd, keyStart, keyEnd] = found;
      return { file, span: target === 'key' ? { start: keyStart, end: keyEnd } : { start: valueStart, end: valueEnd } };
    }
    return deeper(path, target);
  };
}
