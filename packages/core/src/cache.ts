/**
 * The lint cache (`--cache`), one JSON file that CI caches can keep between
 * runs. It holds two things:
 *
 * - per file, keyed by a hash of its content: the Markdown outline of a
 *   policy or document, and the file rules' findings, which hold only while
 *   the rule settings (rules and options, config, owners, CODEOWNERS, today,
 *   trustlint's version) are the ones they were computed under;
 * - per run (a command line), what the run printed and every input it read:
 *   the globs and what they matched, each file read (size, modification time
 *   and content hash), each path whose existence was checked. When every
 *   input is as recorded, the run's output is reused without building the
 *   program; a file whose size or time differs is hashed, so a fresh clone of
 *   the same content still hits.
 *
 * A cache that cannot be read, is not JSON, or was written by another
 * version of trustlint is ignored and replaced. A file at the cache's
 * location that is not a trustlint cache at all (a user's file named by
 * mistake) is never replaced: opening the cache refuses it (`output-exists`),
 * before anything is linted.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FileFindingsCache, KeyedFinding } from '@trustlint/engine';
import type { MarkdownDocument, ProgramFile } from '@trustlint/model';
import { checkOutput, DiskSource, findConfigFile, writeOutput, type OutputTarget, type ProgramSource, type ReadOutcome } from '@trustlint/model/io';
import type { MarkdownOutline } from '@trustlint/parser';

const FORMAT = 'trustlint-cache/1';

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

/** What a file was when a run read it: null when it did not exist. */
type FileStamp = { size: number; mtimeMs: number; hash: string } | null;

/** Every input a run read, to tell whether its output still holds. */
export interface RunInputs {
  root: string;
  boundary: string;
  globs: { patterns: string[]; ignore: string[]; paths: string[] }[];
  /** By absolute path. */
  files: Record<string, FileStamp>;
  /** By path relative to `root`. */
  exists: Record<string, boolean>;
  /** Where the config was looked for from, and what was found (null: none), when no `--config` was given. */
  config?: { from: string; found: string | null };
}

interface FileRecord {
  hash: string;
  outline?: MarkdownOutline;
  /** The file rules' findings, under the cache's `settings`. */
  findings?: KeyedFinding[];
}

interface CacheData {
  format: typeof FORMAT;
  version: string;
  /** The key of what reading a file depends on besides its content (the config), for outlines. */
  parse: string;
  /** The key of the rule settings the files' findings were computed under. */
  settings: string;
  files: Record<string, FileRecord>;
  runs: Record<string, { inputs: RunInputs; output: unknown }>;
}

export function hashText(text: string | Uint8Array): string {
  return createHash('sha1').update(text).digest('base64url');
}

/** A hash of any JSON value: the key of a run or of rule settings. */
export function cacheKey(value: unknown): string {
  return hashText(JSON.stringify(value));
}

function stampOf(path: string, bytes?: Uint8Array): FileStamp {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) return null;
  return { size: stat.size, mtimeMs: stat.mtimeMs, hash: hashText(bytes ?? readFileSync(path)) };
}

/** Reads a program from disk through `DiskSource`, recording every input for the cache. */
export class RecordingSource implements ProgramSource {
  readonly #disk: DiskSource;
  readonly #inputs: RunInputs;
  /** False once a read failed in a way a stamp cannot record (too large, unreadable, a link leaving the repository). */
  #recordable = true;

  constructor(root: string, boundary: string) {
    this.#disk = new DiskSource(root, boundary);
    this.#inputs = { root, boundary, globs: [], files: {}, exists: {} };
  }

  glob(patterns: readonly string[], ignore: readonly string[]): string[] {
    const paths = this.#disk.glob(patterns, ignore);
    this.#inputs.globs.push({ patterns: [...patterns], ignore: [...ignore], paths });
    return paths;
  }

  read(path: string, maxSize: number): ReadOutcome {
    const outcome = this.#disk.read(path, maxSize);
    const absolute = join(this.#inputs.root, path);
    if (outcome.ok) this.#inputs.files[absolute] = stampOf(absolute, outcome.bytes);
    else if (outcome.code === 'missing') this.#inputs.files[absolute] = null;
    else this.#recordable = false;
    return outcome;
  }

  exists(path: string): boolean {
    const found = this.#disk.exists(path);
    this.#inputs.exists[path] = found;
    return found;
  }

  /** Records a file read outside the program source (the config, the baseline). */
  recordFile(absolute: string): void {
    this.#inputs.files[absolute] = stampOf(absolute);
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
  for (const { patterns, ignore, paths } of inputs.globs) {
    const now = disk.glob(patterns, ignore);
    if (now.length !== paths.length || now.some((path, index) => path !== paths[index])) return false;
  }
  return true;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function isCacheData(value: unknown, version: string): value is CacheData {
  return (
    isObject(value) &&
    value.format === FORMAT &&
    value.version === version &&
    typeof value.parse === 'string' &&
    typeof value.settings === 'string' &&
    isObject(value.files) &&
    isObject(value.runs)
  );
}

/** Whether a record read from the cache has the shape this version writes (a damaged one is recomputed). */
function isFileRecord(record: unknown): record is FileRecord {
  if (!isObject(record)) return false;
  const { outline, findings } = record;
  const outlineOk = outline === undefined || (isObject(outline) && Array.isArray(outline.headings) && Array.isArray(outline.links) && Array.isArray(outline.nonProse));
  const findingsOk =
    findings === undefined || (Array.isArray(findings) && findings.every((item: unknown) => isObject(item) && typeof item.key === 'string' && isObject(item.finding)));
  return outlineOk && findingsOk;
}

export class LintCache {
  readonly #path: string;
  readonly #data: Omit<CacheData, 'files' | 'runs'>;
  // Maps, not objects: a file may be named `__proto__`.
  #files: Map<string, FileRecord>;
  readonly #runs: Map<string, CacheData['runs'][string]>;
  /** Files seen by this run: only they are kept when the cache is written. */
  readonly #seen = new Set<string>();
  #dirty = false;

  private constructor(path: string, data: CacheData) {
    this.#path = path;
    this.#data = { format: data.format, version: data.version, parse: data.parse, settings: data.settings };
    this.#files = new Map(Object.entries(data.files));
    this.#runs = new Map(Object.entries(data.runs));
  }

  /**
   * Opens the cache at `path`; one that is missing, unreadable, corrupted or
   * from another version starts empty. Throws the write policy's named error
   * when the cache could not be written there (see write.ts).
   */
  static open(path: string, version: string): LintCache {
    checkOutput(cacheTarget(path));
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      data = undefined;
    }
    if (isCacheData(data, version)) return new LintCache(path, data);
    const cache = new LintCache(path, { format: FORMAT, version, parse: '', settings: '', files: {}, runs: {} });
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

  #record(entry: ProgramFile): FileRecord {
    const path = entry.file.path;
    this.#seen.add(path);
    const hash = hashText(entry.file.text);
    const existing = this.#files.get(path);
    if (existing?.hash === hash && isFileRecord(existing)) return existing;
    const record: FileRecord = { hash };
    this.#files.set(path, record);
    this.#dirty = true;
    return record;
  }

  /**
   * The file rules' findings kept per file, under rule settings with this
   * key; settings that differ from the cached ones drop every file's findings,
   * and a different `parse` key (the config changed) drops everything kept per file.
   * Call it before `primeOutlines`.
   */
  fileFindings(parse: string, settings: string): FileFindingsCache {
    if (this.#data.parse !== parse) {
      this.#files = new Map();
      this.#data.parse = parse;
      this.#dirty = true;
    }
    if (this.#data.settings !== settings) {
      for (const record of this.#files.values()) delete record.findings;
      this.#data.settings = settings;
      this.#dirty = true;
    }
    return {
      get: (entry) => this.#record(entry).findings,
      set: (entry, findings) => {
        this.#record(entry).findings = [...findings];
        this.#dirty = true;
      },
    };
  }

  /** Gives documents whose content is cached their outline, so that their Markdown is not read again. */
  primeOutlines(documents: readonly MarkdownDocument[], entries: ReadonlyMap<string, ProgramFile>): void {
    for (const document of documents) {
      const entry = entries.get(document.file.path);
      if (entry === undefined) continue;
      const outline = this.#record(entry).outline;
      if (outline !== undefined) document.outline = () => outline;
    }
  }

  /** Keeps the outlines the run read. */
  keepOutlines(documents: readonly MarkdownDocument[], entries: ReadonlyMap<string, ProgramFile>): void {
    for (const document of documents) {
      const entry = entries.get(document.file.path);
      if (entry === undefined) continue;
      const record = this.#record(entry);
      if (record.outline !== undefined) continue;
      record.outline = document.outline();
      this.#dirty = true;
    }
  }

  /** Writes the cache atomically, keeping only the files this run saw, when anything changed. */
  write(): void {
    if (this.#seen.size > 0) {
      for (const path of this.#files.keys()) {
        if (!this.#seen.has(path)) {
          this.#files.delete(path);
          this.#dirty = true;
        }
      }
    }
    if (!this.#dirty) return;
    const data: CacheData = { ...this.#data, files: Object.fromEntries(this.#files), runs: Object.fromEntries(this.#runs) };
    writeOutput(cacheTarget(this.#path), JSON.stringify(data));
    this.#dirty = false;
  }
}
