/**
 * Where a program's files come from. The working tree is one source; a git
 * revision (for `--base`) is another; both list files by glob and read bytes.
 */
import { closeSync, existsSync, fstatSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { isAbsolute, join, normalize, posix, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { globSync } from 'tinyglobby';

export type ReadFailure =
  | { code: 'missing' }
  | { code: 'too-large'; size: number; limit: number }
  | { code: 'unreadable'; reason: string }
  | { code: 'symlink-outside'; target: string }
  | { code: 'not-a-file' };

export type ReadOutcome = { ok: true; bytes: Uint8Array } | ({ ok: false } & ReadFailure);

export interface ProgramSource {
  /** Files under the program root matching `patterns`, relative with `/`, sorted. */
  glob(patterns: readonly string[], ignore: readonly string[]): string[];
  /** Reads a file relative to the program root, refusing files over `maxSize` bytes. */
  read(path: string, maxSize: number): ReadOutcome;
  /** Whether a file or folder exists at a path relative to the program root. */
  exists(path: string): boolean;
}

/** The files of a folder on disk. Symbolic links that leave `boundary` are not followed. */
export class DiskSource implements ProgramSource {
  constructor(
    readonly root: string,
    /** Files outside this folder are never read (the repository root). */
    readonly boundary: string = root,
  ) {}

  glob(patterns: readonly string[], ignore: readonly string[]): string[] {
    if (patterns.length === 0) return [];
    return globSync([...patterns], {
      cwd: this.root,
      ignore: [...ignore],
      onlyFiles: true,
      dot: true,
      followSymbolicLinks: false,
      expandDirectories: false,
    }).sort();
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
        const target = realpathSync(absolute);
        if (!isInside(this.boundary, target)) return { ok: false, code: 'symlink-outside', target };
      }
      fd = openSync(absolute, 'r');
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
      return { ok: true, bytes: offset === bytes.length ? bytes : bytes.subarray(0, offset) };
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

export function isInside(folder: string, path: string): boolean {
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

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i] as number;
    const length = byte < 0x80 ? 1 : byte >> 5 === 0x6 ? 2 : byte >> 4 === 0xe ? 3 : byte >> 3 === 0x1e ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || next >> 6 !== 0x2) return i;
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
