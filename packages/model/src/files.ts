/**
 * Where a program's files come from. The working tree is one source; a git
 * revision (for `--base`) is another; both list files by glob and read bytes.
 */
import * as fs from 'node:fs';
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readlinkSync, readSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, normalize, posix, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { globSync } from 'tinyglobby';

export type ReadFailure =
  | { code: 'missing' }
  | { code: 'too-large'; size: number; limit: number }
  | { code: 'unreadable'; reason: string }
  | { code: 'symlink-outside'; target: string }
  | { code: 'linked-folder'; target: string }
  | { code: 'not-a-file' };

/** A file read from disk: its size and modification time when it was read (to record it without another `stat`). */
export interface FileStat {
  size: number;
  mtimeMs: number;
}

/** A folder a glob listed (absolute), and its modification time when it did (null: it did not exist). */
export type FolderStamp = [folder: string, mtimeMs: number | null];

export type ReadOutcome = { ok: true; bytes: Uint8Array; stat?: FileStat } | ({ ok: false } & ReadFailure);

export interface ProgramSource {
  /** Files under the program root matching `patterns`, relative with `/`, sorted. */
  glob(patterns: readonly string[], ignore: readonly string[]): string[];
  /** Reads a file relative to the program root, refusing files over `maxSize` bytes. */
  read(path: string, maxSize: number): ReadOutcome;
  /** Whether a file or folder exists at a path relative to the program root. */
  exists(path: string): boolean;
  /**
   * When the source knows a file to hold what it held when an earlier run
   * read it (a cache that recorded its size and modification time): a
   * function that reads its bytes, for use only if they are needed, and that
   * throws if the file turns out to have changed after all. Otherwise
   * undefined: then `read` it.
   */
  unchanged?(path: string, maxSize: number): (() => Uint8Array) | undefined;
}

/**
 * Lists folders as they are, without following symbolic links: a link to a
 * file, a pipe or a socket is listed like a file (so that reading it can
 * report what it is), and only real folders are walked into. A link to a
 * folder is offered to the glob as a folder, so that the glob decides whether
 * its patterns could reach into it; when it tries, the link is not walked but
 * added to `linked`, and the glob lists it with the files (reading it then
 * reports a linked folder). The program's root and the folders above it are
 * walked as they are, links or not: they are where the program is.
 */
function listingFs(root: string, linked: string[], listed?: FolderStamp[]): { readdirSync: typeof fs.readdirSync } {
  const readdirSync = (path: fs.PathLike, options: { withFileTypes: true }): Dirent[] => {
    const folder = String(path).replace(/(?<=.)[\\/]+$/, '');
    if (!isInside(folder, root) && lstatSync(folder).isSymbolicLink()) {
      linked.push(folder);
      return [];
    }
    // Before reading: a change while it is read leaves a later time than the one kept.
    if (listed) listed.push([folder, statSync(folder, { throwIfNoEntry: false })?.mtimeMs ?? null]);
    return fs.readdirSync(path, options).map((entry) => {
      if (entry.isDirectory() || entry.isFile()) return entry;
      return asEntry(entry, entry.isSymbolicLink() && isFolder(join(folder, entry.name)));
    });
  };
  return { readdirSync: readdirSync as typeof fs.readdirSync };
}

/** Whether a path leads to a folder (false when it leads nowhere or loops). */
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function asEntry(entry: Dirent, folder: boolean): Dirent {
  return Object.assign(Object.create(Object.getPrototypeOf(entry) as object) as Dirent, entry, {
    isFile: () => !folder,
    isDirectory: () => folder,
    isSymbolicLink: () => false,
  });
}

/**
 * The files of a folder on disk. Symbolic links are listed but never walked
 * into; one to a file inside `boundary` is read, one that leaves it, loops or
 * leads nowhere is reported. A link to a folder that a glob reaches into is
 * listed and reported, never followed: one that leaves `boundary` as a link
 * outside, one inside as a linked folder (following it would read files
 * twice, under two names, and could loop). Pipes, sockets and devices are
 * reported, never opened.
 */
export class DiskSource implements ProgramSource {
  constructor(
    readonly root: string,
    /** Files outside this folder are never read (the repository root). */
    readonly boundary: string = root,
  ) {}

  glob(patterns: readonly string[], ignore: readonly string[]): string[] {
    return this.#glob(patterns, ignore);
  }

  /**
   * What a glob matches, with each folder it listed and that folder's
   * modification time just before (null: it did not exist). While none of
   * those times changes, the glob matches the same: adding, removing or
   * renaming an entry changes its folder's time.
   */
  globListing(patterns: readonly string[], ignore: readonly string[]): { paths: string[]; folders: FolderStamp[] } {
    // The folder each pattern starts from, even when it does not exist (then the glob lists nothing there).
    const folders: FolderStamp[] = patterns
      .filter((pattern) => !pattern.startsWith('!'))
      .map((pattern) => {
        const folder = join(this.root, picomatch.scan(pattern).base);
        return [folder, statSync(folder, { throwIfNoEntry: false })?.mtimeMs ?? null];
      });
    const paths = this.#glob(patterns, ignore, folders);
    // The first time kept for a folder is the earliest: a later change still shows.
    const seen = new Set<string>();
    return { paths, folders: folders.filter(([folder]) => !seen.has(folder) && seen.add(folder)) };
  }

  #glob(patterns: readonly string[], ignore: readonly string[], listed?: FolderStamp[]): string[] {
    if (patterns.length === 0) return [];
    const linked: string[] = [];
    const files = globSync([...patterns], {
      cwd: this.root,
      ignore: [...ignore],
      onlyFiles: true,
      dot: true,
      followSymbolicLinks: false,
      expandDirectories: false,
      fs: listingFs(this.root, linked, listed),
    });
    const folders = linked.map((folder) => relative(this.root, folder).split(sep).join('/'));
    return [...new Set([...files, ...folders])].sort();
  }

  exists(path: string): boolean {
    const absolute = join(this.root, path);
    return isInside(this.boundary, absolute) && existsSync(absolute);
  }

  read(path: string, maxSize: number): ReadOutcome {
    const absolute = join(this.root, path);
    let fd: number | undefined;
    try {
      const link = lstatSync(absolute);
      if (link.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(absolute);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
          return { ok: false, code: 'unreadable', reason: `a symbolic link to ${readlinkSync(absolute)}, which does not exist` };
        }
        if (!isInside(this.boundary, target)) return { ok: false, code: 'symlink-outside', target };
        const linked = statSync(target);
        if (linked.isDirectory()) return { ok: false, code: 'linked-folder', target: relative(this.boundary, target).split(sep).join('/') || '.' };
        if (!linked.isFile()) return { ok: false, code: 'not-a-file' };
      } else if (!link.isFile()) {
        // Refuse pipes, sockets and devices before opening: opening a pipe waits for a writer.
        // (O_NONBLOCK is undefined, so 0, on Windows.)
        return { ok: false, code: 'not-a-file' };
      }
      fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
      const stat = fstatSync(fd);
      if (!stat.isFile()) return { ok: false, code: 'not-a-file' };
      if (stat.size > maxSize) return { ok: false, code: 'too-large', size: stat.size, limit: maxSize };
      const bytes = new Uint8Array(stat.size);
      let offset = 0;
      while (offset < bytes.length) {
        const read = readSync(fd, bytes, offset, bytes.length - offset, offset);
        if (read === 0) break;
        offset += read;
      }
      return { ok: true, bytes: offset === bytes.length ? bytes : bytes.subarray(0, offset), stat: { size: stat.size, mtimeMs: stat.mtimeMs } };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return { ok: false, code: 'missing' };
      if (code === 'ELOOP') return { ok: false, code: 'unreadable', reason: 'a symbolic link loop' };
      return { ok: false, code: 'unreadable', reason: code === 'EACCES' ? 'permission denied' : ((error as Error).message || String(code)) };
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
}

/** A `..` segment, which may lead out of a folder. */
const PARENT_SEGMENT = /(?:^|[\\/])\.\.(?:[\\/]|$)/;

/** Whether `path` is `folder` or inside it (by their text: links are not followed). */
export function isInside(folder: string, path: string): boolean {
  // Most paths asked about are joined to the folder: tell those without resolving both.
  if (isAbsolute(folder) && path.startsWith(folder) && (folder.endsWith(sep) || path[folder.length] === sep) && !PARENT_SEGMENT.test(path.slice(folder.length))) return true;
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

export type DecodeOutcome = { ok: true; text: string } | { ok: false; code: 'binary' | 'utf16' | 'invalid-utf8'; offset: number };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes UTF-8 text. Refuses UTF-16 (by its byte order mark), binary
 * content (a NUL byte), and invalid UTF-8 (with the offset of the first bad byte).
 */
export function decodeText(bytes: Uint8Array): DecodeOutcome {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { ok: false, code: 'utf16', offset: 0 };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { ok: false, code: 'binary', offset: nul };
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, code: 'invalid-utf8', offset: firstInvalidUtf8(bytes) };
  }
}

/** The offset of the first byte that does not start a well-formed UTF-8 sequence (Unicode table 3-7). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i] as number;
    if (byte < 0x80) {
      i += 1;
      continue;
    }
    const length = byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    const low = byte === 0xe0 ? 0xa0 : byte === 0xf0 ? 0x90 : 0x80;
    const high = byte === 0xed ? 0x9f : byte === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return i;
}

/** The paths among `paths` that match `patterns` and no `ignore` glob, sorted. */
export function matchPaths(paths: Iterable<string>, patterns: readonly string[], ignore: readonly string[]): string[] {
  if (patterns.length === 0) return [];
  const included = picomatch([...patterns], { dot: true });
  const excluded = ignore.length ? picomatch([...ignore], { dot: true }) : () => false;
  return [...paths].filter((path) => included(path) && !excluded(path)).sort();
}

/** Whether `path` (relative, `/`-separated) is one of `paths` or a folder holding one. */
export function hasPath(paths: Iterable<string>, path: string): boolean {
  const wanted = posix.normalize(path.split(sep).join('/')).replace(/\/$/, '');
  for (const file of paths) if (file === wanted || file.startsWith(`${wanted}/`)) return true;
  return false;
}

/** Files held in memory (tests, editors), by path relative to the program root. */
export class MemorySource implements ProgramSource {
  readonly #files: ReadonlyMap<string, Uint8Array>;

  constructor(files: Readonly<Record<string, string | Uint8Array>> | ReadonlyMap<string, Uint8Array>) {
    const encoder = new TextEncoder();
    const entries = files instanceof Map ? [...files] : Object.entries(files);
    this.#files = new Map(entries.map(([path, content]) => [path, typeof content === 'string' ? encoder.encode(content) : content]));
  }

  glob(patterns: readonly string[], ignore: readonly string[]): string[] {
    return matchPaths(this.#files.keys(), patterns, ignore);
  }

  exists(path: string): boolean {
    return hasPath(this.#files.keys(), path);
  }

  read(path: string, maxSize: number): ReadOutcome {
    const bytes = this.#files.get(normalize(path).split(sep).join('/'));
    if (bytes === undefined) return { ok: false, code: 'missing' };
    if (bytes.length > maxSize) return { ok: false, code: 'too-large', size: bytes.length, limit: maxSize };
    return { ok: true, bytes };
  }
}
