/**
 * The lint cache (`--cache`), one file that CI caches can keep between runs,
 * made of lines of JSON: the first holds the runs, the second the program
 * rules' findings, each other line one file, so that a run whose output can
 * be reused reads only the first line, and a run that changed a few files
 * writes the other files' lines back as read. It holds three things:
 *
 * - per run (a command line), what the run printed and every input it read:
 *   the globs and what they matched (with the folders they listed and those
 *   folders' times), each file read (size, modification time and content
 *   hash), each path whose existence was checked. When every
 *   input is as recorded, the run's output is reused without building the
 *   program; a file whose size or time differs is hashed, so a fresh clone of
 *   the same content still hits;
 *
 * - per file and role (a file two globs match is read for each), keyed by
 *   a hash of its content (or of what went wrong reading it): its facts (what reading it
 *   yields, so that it is not parsed again; see facts.ts in the model), the
 *   Markdown outline of a policy or document, and the file rules' findings,
 *   which hold only while the rule settings (rules and options, config,
 *   owners, CODEOWNERS, today, trustlint's version) are the ones they were
 *   computed under;
 *
 * - the program rules' findings of the last run that ran them, which hold
 *   while the rule settings are the same, and so is every file in what
 *   program rules read of it, without places (`factsWithoutPlaces` in the
 *   model): an edit that only moves things, as most edits of prose do,
 *   leaves them as they were, and the findings that name the edited file
 *   are placed again where its facts say their places went.
 *
 * A cache that cannot be read, is not JSON, or was written by another
 * version of trustlint is ignored and replaced. A file at the cache's
 * location that is not a trustlint cache at all (a user's file named by
 * mistake) is never replaced: opening the cache refuses it (`output-exists`),
 * before anything is linted.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FileFindingsCache, KeptProgramFinding, KeyedFinding, ProgramFindingsCache, ProgramReport, ReportDescriptor } from '@trustlint/engine';
import type { FactsAndOutline, FactsStore, FileFacts, FrameworkId, Location, MarkdownDocument, MovedPlaces, Program, ProgramFile } from '@trustlint/model';
import { checkOutput, DiskSource, FileChangedError, findConfigFile, writeOutput, type FileStat, type FolderStamp, type OutputTarget, type ProgramSource, type ReadOutcome } from '@trustlint/model/io';
import type { MarkdownOutline } from '@trustlint/parser';

const FORMAT = 'trustlint-cache/4';

/** How every trustlint cache, of any version and however damaged after it, begins (`format` is written first). */
const CACHE_HEAD = /^\s*\{\s*"format"\s*:\s*"trustlint-cache\//;

/** The write policy's view of the cache at `path`: it replaces only a trustlint cache. */
function cacheTarget(path: string): OutputTarget {
  return {
    path,
    what: `the cache to ${path}`,
    onlyOwn: {
      isOwn: (head) => CACHE_HEAD.test(head),
      refusal: `a file is there that is not a trustlint cache (it does not begin with \`{"format":"trustlint-cache/\`), and trustlint does not replace it; expected --cache-location to name a trustlint cache or a file that does not exist yet (move the file away, or choose another --cache-location).`,
    },
  };
}

/** How many different command lines keep their output. */
const MAX_RUNS = 16;

/**
 * How long before a glob a folder must have last changed for its time to
 * tell that it has not changed since (file systems keep times as coarsely as
 * 2 s).
 */
const SETTLED_MS = 2000;

/** What a file was when a run read it: null when it did not exist. */
type FileStamp = { size: number; mtimeMs: number; hash: string } | null;

/** Every input a run read, to tell whether its output still holds. */
export interface RunInputs {
  root: string;
  boundary: string;
  /**
   * Each glob with what it matched and, unless one of them had changed too
   * recently to be sure of, the folders it listed with their times: while
   * those are the same, so is what the glob matches.
   */
  globs: { patterns: string[]; ignore: string[]; paths: string[]; folders?: FolderStamp[] }[];
  /** By absolute path. */
  files: Record<string, FileStamp>;
  /** By path relative to `root`. */
  exists: Record<string, boolean>;
  /** Where the config was looked for from, and what was found (null: none), when no `--config` was given. */
  config?: { from: string; found: string | null };
}

interface FileRecord {
  hash: string;
  /** What reading the file yields (its entities, problems and suppressions), under the cache's `parse` key. */
  facts?: FileFacts;
  /**
   * The Markdown outline of a policy or document, as JSON text: a run that
   * needs few outlines (they are for rules, whose findings are mostly kept)
   * parses only those, not every file's.
   */
  outline?: string;
  /** The file rules' findings, under the cache's `settings`. */
  findings?: KeyedFinding[];
  /** A hash of what program rules read of the file, without places (see `factsWithoutPlaces`), or of its content and problems when it has no facts. */
  unplaced?: string;
}

/**
 * The model's views of where things are in a file, which the cache applies
 * to what it keeps: `unplaced` gives what program rules read of a file
 * without places (`factsWithoutPlaces`), `moved` where its places went
 * between two versions that are the same without them (`movedPlaces`).
 */
export interface PlacesView {
  unplaced(facts: FileFacts, outline: MarkdownOutline | undefined): unknown;
  moved(before: FactsAndOutline, after: FactsAndOutline): MovedPlaces | undefined;
}

/** A place as kept: the file's path (as findings name it) and a span. */
type KeptPlace = [path: string, start: number, end: number];

/** The report a kept finding was made from, with its locations as kept places (`{ $at }` in its data). */
interface KeptReport {
  messageId: string;
  data?: Record<string, string | number | { $at: KeptPlace }>;
  at: KeptPlace;
  related?: { at: KeptPlace; message: string }[];
  coverageOf?: FrameworkId;
}

/** The cache's first line. */
interface CacheHead {
  format: typeof FORMAT;
  version: string;
  /** The key of what reading a file depends on besides its content (the config), for facts and outlines. */
  parse: string;
  /** The key of the rule settings the files' findings were computed under. */
  settings: string;
  runs: Record<string, { inputs: RunInputs; output: unknown }>;
}

/** Each line after the second: a file's record, by the file's role and path (`policy policies/access.md`). */
type CacheFileLine = [key: string, record: FileRecord];

/** The program rules' findings of the last run that ran them, with what they depend on. */
interface ProgramRecord {
  /** The key of everything program rules read: the rule settings, and each file's path, role and `unplaced` hash. */
  key: string;
  /** Each finding, with the report it was made from: after an edit that moved places in a file it names, the report is made again at the moved places. */
  findings: (KeyedFinding & { report: KeptReport })[];
  /** Each file existence the rules asked about (a path relative to the program root, and whether it existed). */
  exists: [path: string, found: boolean][];
  /** The content hash of each file a finding names: its lines and columns hold while the file is the same; after an edit that moved places in it, its report is made again. */
  files: [path: string, hash: string][];
}

export function hashText(text: string | Uint8Array): string {
  return createHash('sha1').update(text).digest('base64url');
}

/** A hash of any JSON value: the key of a run or of rule settings. */
export function cacheKey(value: unknown): string {
  return hashText(JSON.stringify(value));
}

/** What files were when earlier runs read them, by absolute path: a file of the same size and time need not be hashed again. */
type KnownStamps = ReadonlyMap<string, NonNullable<FileStamp>>;

type RecordedGlob = RunInputs['globs'][number];

/** What earlier runs read: each file's stamp, and each glob whose folders' times were kept (by `globKey`). */
interface KnownInputs {
  stamps: KnownStamps;
  globs: ReadonlyMap<string, RecordedGlob>;
}

function globKey(root: string, patterns: readonly string[], ignore: readonly string[]): string {
  return JSON.stringify([root, patterns, ignore]);
}

/** Whether every folder a glob listed still has the time it had: then the glob still matches what it did. */
function foldersUnchanged(folders: readonly FolderStamp[]): boolean {
  return folders.every(([folder, mtimeMs]) => (statSync(folder, { throwIfNoEntry: false })?.mtimeMs ?? null) === mtimeMs);
}

function stampOf(path: string, known: KnownStamps, read?: { bytes: Uint8Array; stat?: FileStat | undefined }): FileStamp {
  const stat = read?.stat ?? statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) return null;
  const before = known.get(path);
  if (before !== undefined && before.size === stat.size && before.mtimeMs === stat.mtimeMs) return before;
  return { size: stat.size, mtimeMs: stat.mtimeMs, hash: hashText(read?.bytes ?? readFileSync(path)) };
}

/**
 * Reads a program from disk through `DiskSource`, recording every input for
 * the cache; made by `LintCache.recorder`.
 */
export class RecordingSource implements ProgramSource {
  readonly #disk: DiskSource;
  readonly #inputs: RunInputs;
  readonly #known: KnownStamps;
  readonly #knownGlobs: KnownInputs['globs'];
  /** False once a read failed in a way a stamp cannot record (too large, unreadable, a link leaving the repository). */
  #recordable = true;

  constructor(root: string, boundary: string, known: KnownInputs = { stamps: new Map(), globs: new Map() }) {
    this.#disk = new DiskSource(root, boundary);
    this.#inputs = { root, boundary, globs: [], files: {}, exists: {} };
    this.#known = known.stamps;
    this.#knownGlobs = known.globs;
  }

  /** The content hash of a file this run read, by absolute path. */
  hashOf(absolute: string): string | undefined {
    return this.#inputs.files[absolute]?.hash;
  }

  glob(patterns: readonly string[], ignore: readonly string[]): string[] {
    // An earlier run's glob whose folders kept their times matched what this one would.
    const before = this.#knownGlobs.get(globKey(this.#inputs.root, patterns, ignore));
    if (before?.folders && foldersUnchanged(before.folders)) {
      this.#inputs.globs.push(before);
      return [...before.paths];
    }
    const started = Date.now();
    const { paths, folders } = this.#disk.globListing(patterns, ignore);
    // A folder changed within the file system's time resolution of the listing may change again unseen.
    const settled = folders.every(([, mtimeMs]) => mtimeMs === null || mtimeMs < started - SETTLED_MS);
    this.#inputs.globs.push({ patterns: [...patterns], ignore: [...ignore], paths, ...(settled ? { folders } : {}) });
    return paths;
  }

  read(path: string, maxSize: number): ReadOutcome {
    const outcome = this.#disk.read(path, maxSize);
    const absolute = join(this.#inputs.root, path);
    if (outcome.ok) this.#inputs.files[absolute] = stampOf(absolute, this.#known, outcome);
    else if (outcome.code === 'missing') this.#inputs.files[absolute] = null;
    else this.#recordable = false;
    return outcome;
  }

  /**
   * A regular file of the size and modification time an earlier run recorded
   * is taken to hold the same bytes, as for reusing a run's output; they are
   * read (and checked against the recorded hash) only if needed.
   */
  unchanged(path: string, maxSize: number): (() => Uint8Array) | undefined {
    const absolute = join(this.#inputs.root, path);
    const before = this.#known.get(absolute);
    if (before === undefined) return undefined;
    const stat = lstatSync(absolute, { throwIfNoEntry: false });
    // Links and anything else but a plain file are read as usual, with their checks.
    if (!stat?.isFile() || stat.size > maxSize || stat.size !== before.size || stat.mtimeMs !== before.mtimeMs) return undefined;
    this.#inputs.files[absolute] = before;
    return () => {
      const outcome = this.#disk.read(path, maxSize);
      if (outcome.ok && hashText(outcome.bytes) === before.hash) return outcome.bytes;
      throw new FileChangedError(absolute, outcome.ok ? 'its content is not the one recorded at its size and modification time' : `it cannot be read any more (${outcome.code})`);
    };
  }

  exists(path: string): boolean {
    const found = this.#disk.exists(path);
    this.#inputs.exists[path] = found;
    return found;
  }

  /** Records a file read outside the program source (the config, the baseline). */
  recordFile(absolute: string): void {
    this.#inputs.files[absolute] = stampOf(absolute, this.#known);
  }

  recordConfigLookup(from: string, found: string | undefined): void {
    this.#inputs.config = { from, found: found ?? null };
  }

  /** The inputs, or undefined when some could not be recorded (then the run's output is not kept). */
  inputs(): RunInputs | undefined {
    return this.#recordable ? this.#inputs : undefined;
  }
}

/** Whether every input a run read is as it was. */
function unchanged(inputs: RunInputs): boolean {
  if (inputs.config && (findConfigFile(inputs.config.from) ?? null) !== inputs.config.found) return false;
  for (const [path, stamp] of Object.entries(inputs.files)) {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stamp === null || stat === undefined) {
      if (stamp !== null || stat !== undefined) return false;
      continue;
    }
    if (stat.size !== stamp.size) return false;
    if (stat.mtimeMs !== stamp.mtimeMs && hashText(readFileSync(path)) !== stamp.hash) return false;
  }
  const disk = new DiskSource(inputs.root, inputs.boundary);
  for (const [path, found] of Object.entries(inputs.exists)) if (disk.exists(path) !== found) return false;
  for (const { patterns, ignore, paths, folders } of inputs.globs) {
    if (folders && foldersUnchanged(folders)) continue;
    const now = disk.glob(patterns, ignore);
    if (now.length !== paths.length || now.some((path, index) => path !== paths[index])) return false;
  }
  return true;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function isStamp(value: unknown): value is NonNullable<FileStamp> {
  return isObject(value) && typeof value.size === 'number' && typeof value.mtimeMs === 'number' && typeof value.hash === 'string';
}

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

function isRecordedGlob(value: unknown): value is RecordedGlob {
  if (!isObject(value) || !isStrings(value.patterns) || !isStrings(value.ignore) || !isStrings(value.paths)) return false;
  const { folders } = value;
  return (
    folders === undefined ||
    (Array.isArray(folders) &&
      folders.every((stamp: unknown) => Array.isArray(stamp) && stamp.length === 2 && typeof stamp[0] === 'string' && (stamp[1] === null || typeof stamp[1] === 'number')))
  );
}

function isCacheHead(value: unknown, version: string): value is CacheHead {
  return (
    isObject(value) &&
    value.format === FORMAT &&
    value.version === version &&
    typeof value.parse === 'string' &&
    typeof value.settings === 'string' &&
    isObject(value.runs)
  );
}

const NEWLINE = 0x0a;

/**
 * The per-file records of the lines after the second, each with its line's
 * bytes and line break (a view of `bytes`, not a copy); a damaged line is
 * left out.
 */
function fileRecords(bytes: Buffer, lines: WeakMap<FileRecord, Buffer>): Map<string, FileRecord> {
  const records = new Map<string, FileRecord>();
  for (let start = 0; start < bytes.length; ) {
    const found = bytes.indexOf(NEWLINE, start);
    const end = found < 0 ? bytes.length : found;
    const line = bytes.subarray(start, end);
    const lineWithBreak = bytes.subarray(start, end + 1);
    start = end + 1;
    let value: unknown;
    try {
      value = JSON.parse(line.toString('utf8'));
    } catch {
      continue;
    }
    if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string' || !isObject(value[1])) continue;
    const [key, record] = value as CacheFileLine;
    records.set(key, record);
    lines.set(record, lineWithBreak);
  }
  return records;
}

/** Parts, with each run of views that follow each other in one buffer made one view. */
function joinAdjacent(parts: readonly Uint8Array[]): Uint8Array[] {
  const joined: Uint8Array[] = [];
  for (const part of parts) {
    const last = joined.at(-1);
    if (last !== undefined && last.buffer === part.buffer && last.byteOffset + last.length === part.byteOffset) {
      joined[joined.length - 1] = new Uint8Array(last.buffer, last.byteOffset, last.length + part.length);
    } else joined.push(part);
  }
  return joined;
}

const isPair = <T>(value: unknown, second: (item: unknown) => item is T): value is [string, T] =>
  Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && second(value[1]);

const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isString = (value: unknown): value is string => typeof value === 'string';
const isKeyedFindings = (value: unknown): value is KeyedFinding[] =>
  Array.isArray(value) && value.every((item: unknown) => isObject(item) && typeof item.key === 'string' && isObject(item.finding));

const isKeptPlace = (value: unknown): value is KeptPlace =>
  Array.isArray(value) && value.length === 3 && typeof value[0] === 'string' && Number.isInteger(value[1]) && Number.isInteger(value[2]) && (value[1] as number) <= (value[2] as number);

/** Every framework id (a record, so that one added to the type must be added here). */
const FRAMEWORK_IDS: Readonly<Record<FrameworkId, true>> = { soc2: true, iso27001: true };

function isKeptReport(value: unknown): value is KeptReport {
  if (!isObject(value) || typeof value.messageId !== 'string' || !isKeptPlace(value.at)) return false;
  const { data, related, coverageOf } = value;
  const dataOk =
    data === undefined ||
    (isObject(data) && Object.values(data).every((item) => typeof item === 'string' || typeof item === 'number' || (isObject(item) && isKeptPlace(item.$at))));
  const relatedOk = related === undefined || (Array.isArray(related) && related.every((item: unknown) => isObject(item) && isKeptPlace(item.at) && typeof item.message === 'string'));
  return dataOk && relatedOk && (coverageOf === undefined || (typeof coverageOf === 'string' && Object.hasOwn(FRAMEWORK_IDS, coverageOf)));
}

function isProgramRecord(value: unknown): value is ProgramRecord {
  return (
    isObject(value) &&
    typeof value.key === 'string' &&
    isKeyedFindings(value.findings) &&
    value.findings.every((item) => isKeptReport((item as { report?: unknown }).report)) &&
    Array.isArray(value.exists) &&
    value.exists.every((item: unknown) => isPair(item, isBoolean)) &&
    Array.isArray(value.files) &&
    value.files.every((item: unknown) => isPair(item, isString))
  );
}

/** An outline kept as JSON text, or undefined when the text is damaged (the outline is then read from the document). */
function parseOutline(text: string): MarkdownOutline | undefined {
  try {
    const outline: unknown = JSON.parse(text);
    return isObject(outline) && Array.isArray(outline.headings) && Array.isArray(outline.links) && Array.isArray(outline.nonProse) ? (outline as unknown as MarkdownOutline) : undefined;
  } catch {
    return undefined;
  }
}

/** A report as kept: its locations as paths and spans. */
function keepReport({ messageId, data, at, related, coverageOf }: ReportDescriptor<string>): KeptReport {
  const place = ({ file, span }: Location): KeptPlace => [file.path, span.start, span.end];
  return {
    messageId,
    ...(data ? { data: Object.fromEntries(Object.entries(data).map(([name, value]) => [name, typeof value === 'object' ? { $at: place(value) } : value])) } : {}),
    at: place(at),
    ...(related ? { related: related.map((item) => ({ at: place(item.at), message: item.message })) } : {}),
    ...(coverageOf ? { coverageOf } : {}),
  };
}

/** Every file a kept report names. */
function pathsOf(report: KeptReport): string[] {
  return [report.at[0], ...(report.related ?? []).map((item) => item.at[0]), ...Object.values(report.data ?? {}).flatMap((value) => (typeof value === 'object' ? [value.$at[0]] : []))];
}

/**
 * A kept report with its locations in this run's files, moved where their
 * file's places moved; undefined when a place is in no file of the program,
 * or did not survive the edit as a place of the facts.
 */
function restoreReport(report: KeptReport, entries: ReadonlyMap<string, ProgramFile>, moved: ReadonlyMap<string, MovedPlaces>): ReportDescriptor<string> | undefined {
  const locate = ([path, start, end]: KeptPlace): Location | undefined => {
    const file = entries.get(path)?.file;
    const moves = moved.get(path);
    const span = moves === undefined ? { start, end } : moves.of({ start, end });
    return file === undefined || span === undefined ? undefined : { file, span };
  };
  const at = locate(report.at);
  if (at === undefined) return undefined;
  const data: Record<string, string | number | Location> = {};
  for (const [name, value] of Object.entries(report.data ?? {})) {
    const restored = typeof value === 'object' ? locate(value.$at) : value;
    if (restored === undefined) return undefined;
    data[name] = restored;
  }
  const related: { at: Location; message: string }[] = [];
  for (const item of report.related ?? []) {
    const restored = locate(item.at);
    if (restored === undefined) return undefined;
    related.push({ at: restored, message: item.message });
  }
  return {
    messageId: report.messageId,
    ...(report.data ? { data } : {}),
    at,
    ...(report.related ? { related } : {}),
    ...(report.coverageOf ? { coverageOf: report.coverageOf } : {}),
  };
}

/** Whether a record read from the cache has the shape this version writes (a damaged one is recomputed). */
function isFileRecord(record: unknown): record is FileRecord {
  if (!isObject(record)) return false;
  const { facts, outline, findings } = record;
  const factsOk =
    facts === undefined || (isObject(facts) && Array.isArray(facts.problems) && Array.isArray(facts.directives) && Array.isArray(facts.entities));
  const outlineOk = outline === undefined || typeof outline === 'string';
  const findingsOk = findings === undefined || isKeyedFindings(findings);
  return factsOk && outlineOk && findingsOk;
}

export class LintCache {
  readonly #path: string;
  readonly #data: Omit<CacheHead, 'runs'>;
  // Maps, not objects: a file may be named `__proto__`.
  readonly #runs: Map<string, CacheHead['runs'][string]>;
  /** The per-file records, read from the lines after the first on first use (a reused run never needs them). */
  #files: Map<string, FileRecord> | undefined;
  /** The lines after the second as read. */
  readonly #filesBytes: Buffer;
  /** The second line as read: the program record. */
  readonly #programBytes: Buffer;
  /** The program record, read on first use (null: none, or damaged). */
  #program: ProgramRecord | null | undefined;
  /** Whether this run replaced the program record (otherwise its line is written back as read). */
  #programChanged = false;
  /**
   * The line each record was read from (with its line break, when it had
   * one): written back as it is while the record is unchanged, and what the
   * facts it gave out are read again from until new facts are set.
   */
  readonly #readLines = new WeakMap<FileRecord, Buffer>();
  /** Records this run changed: they are written anew. */
  readonly #changed = new WeakSet<FileRecord>();
  /** Records whose facts this run gave out, which restoring used up (see `FactsStore`). */
  readonly #given = new WeakSet<FileRecord>();
  /** The records of files whose content changed in this run, as they were (by role and path). */
  readonly #replaced = new Map<string, FileRecord>();
  /** Files seen by this run (by role and path): only they are kept when the cache is written. */
  readonly #seen = new Set<string>();
  /** What this run reads through, which hashes each file it reads. */
  #recorder: RecordingSource | undefined;
  #dirty = false;

  private constructor(path: string, head: CacheHead, programBytes: Buffer, filesBytes: Buffer) {
    this.#path = path;
    this.#data = { format: head.format, version: head.version, parse: head.parse, settings: head.settings };
    this.#runs = new Map(Object.entries(head.runs));
    this.#programBytes = programBytes;
    this.#filesBytes = filesBytes;
  }

  get #programRecord(): ProgramRecord | null {
    if (this.#program === undefined) {
      let value: unknown;
      try {
        value = JSON.parse(this.#programBytes.toString('utf8'));
      } catch {
        value = null;
      }
      this.#program = isProgramRecord(value) ? value : null;
    }
    return this.#program;
  }

  /** The document of an entry (a policy or other Markdown document), whose outline counts with its facts. */
  static #documentOf(entry: ProgramFile): MarkdownDocument | undefined {
    return entry.entities.find((entity) => entity.kind === 'policy' || entity.kind === 'document');
  }

  /** The hash of what program rules read of a file (`unplaced` gives it from the file's facts and outline), kept with its record. */
  #unplaced(entry: ProgramFile, places: PlacesView): string {
    const record = this.#record(entry);
    if (record.unplaced === undefined) {
      const facts = this.#factsOf(record);
      // A file without facts (the config, the owners, one that could not be read) counts by its content and its problems.
      record.unplaced = cacheKey(
        facts === undefined ? { content: record.hash, problems: entry.problems } : places.unplaced(facts, LintCache.#documentOf(entry)?.outline()),
      );
      this.#touch(record);
    }
    return record.unplaced;
  }

  get #fileRecords(): Map<string, FileRecord> {
    return (this.#files ??= fileRecords(this.#filesBytes, this.#readLines));
  }

  /** A record's facts; those this run gave out, and restoring used up, are read again from the record's line. */
  #factsOf(record: FileRecord): FileFacts | undefined {
    const line = this.#readLines.get(record);
    if (this.#given.has(record) && line !== undefined) {
      this.#given.delete(record);
      const [, read] = JSON.parse(line.toString('utf8')) as CacheFileLine;
      if (read.facts === undefined) delete record.facts;
      else record.facts = read.facts;
    }
    return record.facts;
  }

  /** Marks a record as changed: it is written anew. */
  #touch(record: FileRecord): void {
    this.#changed.add(record);
    this.#dirty = true;
  }

  /**
   * Opens the cache at `path`; one that is missing, unreadable, corrupted or
   * from another version starts empty. Throws the write policy's named error
   * when the cache could not be written there (see write.ts).
   */
  static open(path: string, version: string): LintCache {
    checkOutput(cacheTarget(path));
    let head: unknown;
    let programBytes = Buffer.alloc(0);
    let filesBytes = Buffer.alloc(0);
    try {
      const bytes = readFileSync(path);
      const end = bytes.indexOf(NEWLINE);
      head = JSON.parse(bytes.toString('utf8', 0, end < 0 ? bytes.length : end));
      if (end >= 0) {
        const programEnd = bytes.indexOf(NEWLINE, end + 1);
        programBytes = bytes.subarray(end + 1, programEnd < 0 ? bytes.length : programEnd);
        if (programEnd >= 0) filesBytes = bytes.subarray(programEnd + 1);
      }
    } catch {
      head = undefined;
    }
    if (isCacheHead(head, version)) return new LintCache(path, head, programBytes, filesBytes);
    const cache = new LintCache(path, { format: FORMAT, version, parse: '', settings: '', runs: {} }, Buffer.alloc(0), Buffer.alloc(0));
    cache.#dirty = true;
    return cache;
  }

  get path(): string {
    return this.#path;
  }

  /** The output a run with this key printed, when every input it read is unchanged. */
  output(key: string): unknown {
    const run = this.#runs.get(key);
    if (run === undefined) return undefined;
    try {
      return unchanged(run.inputs) ? run.output : undefined;
    } catch {
      return undefined;
    }
  }

  /** Keeps a run's output with the inputs it read. */
  setOutput(key: string, inputs: RunInputs | undefined, output: unknown): void {
    const runs = this.#runs;
    runs.delete(key);
    if (inputs !== undefined) runs.set(key, { inputs, output });
    const keys = [...runs.keys()];
    for (const old of keys.slice(0, Math.max(0, keys.length - MAX_RUNS))) runs.delete(old);
    this.#dirty = true;
  }

  /**
   * A source that reads the program from disk and records what the run read,
   * for `setOutput`. It hashes each file unless an earlier run recorded it at
   * the same size and modification time, and the per-file records are keyed
   * by those hashes.
   */
  recorder(root: string, boundary: string): RecordingSource {
    const stamps = new Map<string, NonNullable<FileStamp>>();
    const globs = new Map<string, RecordedGlob>();
    for (const run of this.#runs.values()) {
      if (!isObject(run) || !isObject(run.inputs) || !isObject(run.inputs.files)) continue;
      for (const [path, stamp] of Object.entries(run.inputs.files)) if (isStamp(stamp)) stamps.set(path, stamp);
      const { root: runRoot, globs: runGlobs } = run.inputs;
      if (typeof runRoot !== 'string' || !Array.isArray(runGlobs)) continue;
      for (const glob of runGlobs) if (isRecordedGlob(glob) && glob.folders) globs.set(globKey(runRoot, glob.patterns, glob.ignore), glob);
    }
    this.#recorder = new RecordingSource(root, boundary, { stamps, globs });
    return this.#recorder;
  }

  /** An entry's record key: by role too, since a file two globs match is read once for each role, with other facts. */
  static #keyOf(entry: ProgramFile): string {
    return `${entry.role} ${entry.file.path}`;
  }

  #record(entry: ProgramFile): FileRecord {
    const key = LintCache.#keyOf(entry);
    this.#seen.add(key);
    // A file this run could not read has no recorded hash: what went wrong counts with what was read of it.
    const hash =
      this.#recorder?.hashOf(entry.file.absolutePath) ??
      (entry.problems.length === 0 ? hashText(entry.file.text) : hashText(JSON.stringify([entry.file.text, entry.problems])));
    const existing = this.#fileRecords.get(key);
    if (existing?.hash === hash && isFileRecord(existing)) return existing;
    if (existing !== undefined && isFileRecord(existing)) this.#replaced.set(key, existing);
    const record: FileRecord = { hash };
    this.#fileRecords.set(key, record);
    this.#dirty = true;
    return record;
  }

  /**
   * The facts kept per file, read under a config with this key; a different
   * key (the config changed) drops everything kept per file. Call it before
   * loading the program.
   */
  facts(parse: string): FactsStore {
    if (this.#data.parse !== parse) {
      this.#files = new Map();
      this.#data.parse = parse;
      this.#dirty = true;
    }
    return {
      get: (entry) => {
        const record = this.#record(entry);
        // Facts given out before (to an earlier run through this cache) are read again from their line.
        const facts = this.#factsOf(record);
        if (facts === undefined) return undefined;
        // Facts this cache was given, rather than read, are still in use: a copy goes out.
        if (!this.#readLines.has(record)) return JSON.parse(JSON.stringify(facts)) as FileFacts;
        this.#given.add(record);
        return facts;
      },
      set: (entry, facts) => {
        const record = this.#record(entry);
        // The line it was read from no longer says what its facts are.
        this.#given.delete(record);
        this.#readLines.delete(record);
        record.facts = facts;
        delete record.unplaced;
        this.#touch(record);
      },
    };
  }

  /**
   * The file rules' findings kept per file, under rule settings with this
   * key; settings that differ from the cached ones drop every file's
   * findings. Call it after `facts` and before `primeOutlines`.
   */
  fileFindings(settings: string): FileFindingsCache {
    if (this.#data.settings !== settings) {
      for (const record of this.#fileRecords.values()) {
        if (record.findings === undefined) continue;
        delete record.findings;
        this.#touch(record);
      }
      this.#data.settings = settings;
      this.#dirty = true;
    }
    return {
      get: (entry) => this.#record(entry).findings,
      set: (entry, findings) => {
        const record = this.#record(entry);
        record.findings = [...findings];
        this.#touch(record);
      },
    };
  }

  /**
   * Where the places of a file that a kept finding names went since the
   * finding was made: undefined unless the file was recorded with the
   * finding's hash and both versions have facts.
   */
  #movedPlaces(entry: ProgramFile, keptHash: string, places: PlacesView): MovedPlaces | undefined {
    const before = this.#replaced.get(LintCache.#keyOf(entry));
    const after = this.#record(entry);
    if (before?.hash !== keptHash) return undefined;
    const beforeFacts = this.#factsOf(before);
    const afterFacts = this.#factsOf(after);
    if (beforeFacts === undefined || afterFacts === undefined) return undefined;
    const outline = before.outline === undefined ? undefined : parseOutline(before.outline);
    if (before.outline !== undefined && outline === undefined) return undefined;
    return places.moved({ facts: beforeFacts, outline }, { facts: afterFacts, outline: LintCache.#documentOf(entry)?.outline() });
  }

  /**
   * The program rules' findings kept from the last run that ran them, under
   * rule settings with this key. They are used again only while, for every
   * file of the program, what program rules read of it without places is
   * the same (`places.unplaced`), and every file existence the rules asked
   * about is the same; a finding that names a file whose content changed is
   * made again from its report, at the places the file's facts moved them
   * to (`places.moved`), or, when one of them is not a place of the facts,
   * the rules run. Call it after `fileFindings`.
   */
  programFindings(settings: string, program: Program, places: PlacesView): ProgramFindingsCache {
    const entries = new Map(program.files.map((entry) => [entry.file.path, entry]));
    let key: string | undefined;
    const keyOf = (): string =>
      (key ??= cacheKey({
        settings,
        root: program.root,
        repoRoot: program.repoRoot,
        files: program.files.map((entry) => [entry.file.path, entry.role, this.#unplaced(entry, places)]),
      }));
    const hashOf = (path: string): string | undefined => {
      const entry = entries.get(path);
      return entry && this.#record(entry).hash;
    };
    /** The kept findings that `get` gave as reports, by their index in the record, and the files whose places moved. */
    let placing: { record: ProgramRecord; remade: number[]; moved: string[] } | undefined;
    return {
      get: () => {
        const kept = this.#programRecord;
        if (kept === null || kept.key !== keyOf()) return undefined;
        if (!kept.exists.every(([path, found]) => program.fileExists(path) === found)) return undefined;
        // Where the files that changed moved their places to.
        const moved = new Map<string, MovedPlaces>();
        for (const [path, hash] of kept.files) {
          const entry = entries.get(path);
          if (entry === undefined) return undefined;
          if (this.#record(entry).hash === hash) continue;
          const moves = this.#movedPlaces(entry, hash, places);
          if (moves === undefined) return undefined;
          moved.set(path, moves);
        }
        const findings: KeyedFinding[] = [];
        const reports: ProgramReport[] = [];
        const remade: number[] = [];
        for (const [index, { finding, key: fingerprintKey, report }] of kept.findings.entries()) {
          if (!pathsOf(report).some((path) => moved.has(path))) {
            findings.push({ finding, key: fingerprintKey });
            continue;
          }
          const descriptor = restoreReport(report, entries, moved);
          if (descriptor === undefined) return undefined;
          reports.push({ rule: finding.ruleId, descriptor });
          remade.push(index);
        }
        placing = { record: kept, remade, moved: [...moved.keys()] };
        return { findings, reports };
      },
      placed: (made) => {
        // The findings made again replace those they were made from, and their files count as they are now.
        if (placing === undefined || made.length !== placing.remade.length) return;
        const { record, remade, moved } = placing;
        const findings = [...record.findings];
        remade.forEach((at, index) => {
          const item = made[index];
          if (item !== undefined) findings[at] = { finding: item.finding, key: item.key, report: keepReport(item.report) };
        });
        const files = record.files.map(([path, hash]): [string, string] => [path, moved.includes(path) ? (hashOf(path) ?? hash) : hash]);
        this.#program = { ...record, findings, files };
        this.#programChanged = true;
        this.#dirty = true;
      },
      set: (made: readonly KeptProgramFinding[], existence) => {
        const findings = made.map(({ finding, key: fingerprintKey, report }) => ({ finding, key: fingerprintKey, report: keepReport(report) }));
        const files = new Map<string, string>();
        for (const path of findings.flatMap((finding) => pathsOf(finding.report))) {
          const hash = hashOf(path);
          // A finding in a file that is not the program's cannot be checked for changes: none is kept.
          if (hash === undefined) {
            this.#program = null;
            this.#programChanged = true;
            this.#dirty = true;
            return;
          }
          files.set(path, hash);
        }
        this.#program = {
          key: keyOf(),
          findings,
          exists: [...existence],
          files: [...files],
        };
        this.#programChanged = true;
        this.#dirty = true;
      },
    };
  }

  /** Gives an entry's document, when its content is cached, its outline, so that its Markdown is not read again. */
  primeOutlines(entry: ProgramFile): void {
    const document = LintCache.#documentOf(entry);
    const text = document && this.#record(entry).outline;
    if (document === undefined || text === undefined) return;
    const read = document.outline.bind(document);
    let outline: MarkdownOutline | undefined;
    document.outline = () => (outline ??= parseOutline(text) ?? read());
  }

  /** Keeps the outlines of the Markdown documents the run read. */
  keepOutlines(entries: readonly ProgramFile[]): void {
    for (const entry of entries) {
      const document = LintCache.#documentOf(entry);
      const record = document && this.#record(entry);
      if (document === undefined || record === undefined || record.outline !== undefined) continue;
      record.outline = JSON.stringify(document.outline());
      this.#touch(record);
    }
  }

  /** Writes the cache atomically, keeping only the files this run saw, when anything changed. */
  write(): void {
    if (this.#seen.size > 0) {
      for (const key of this.#fileRecords.keys()) {
        if (!this.#seen.has(key)) {
          this.#fileRecords.delete(key);
          this.#dirty = true;
        }
      }
    }
    if (!this.#dirty) return;
    // JSON has no raw line breaks, so each value is one line. `format` comes first (see CACHE_HEAD).
    const head: CacheHead = { ...this.#data, runs: Object.fromEntries(this.#runs) };
    const program = this.#programChanged ? Buffer.from(JSON.stringify(this.#program)) : this.#programBytes;
    const parts: Uint8Array[] = [Buffer.from(`${JSON.stringify(head)}\n`), program, Buffer.from('\n')];
    if (this.#files === undefined) parts.push(this.#filesBytes);
    else {
      for (const [key, record] of this.#files) {
        const line = this.#changed.has(record) ? undefined : this.#readLines.get(record);
        if (line === undefined) {
          this.#factsOf(record);
          parts.push(Buffer.from(`${JSON.stringify([key, record] satisfies CacheFileLine)}\n`));
        }
        else parts.push(...(line.at(-1) === NEWLINE ? [line] : [line, Buffer.from('\n')]));
      }
    }
    // The unchanged files' lines, as read, are written from where they were read, without copying them.
    writeOutput(cacheTarget(this.#path), joinAdjacent(parts));
    this.#dirty = false;
  }
}
