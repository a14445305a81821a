/**
 * How trustlint writes files: atomically, and without losing anything. Every
 * file it writes (an output, the HTML report, the Statement of
 * Applicability, the baseline, the cache) goes through `writeOutput`, which
 * applies one policy before it replaces anything:
 *
 * - the folder must exist (trustlint does not create folders);
 * - the path must not be a folder, a symbolic link (trustlint neither writes
 *   through a link nor replaces one), a pipe, socket or device;
 * - it must not be a file the run reads (`inputs`: the config, the program's
 *   files, the baseline), compared by identity, so that `./x`, a path through
 *   a linked folder and a hard link all count as the same file;
 * - with `onlyOwn`, an existing file is replaced only when trustlint wrote it
 *   (or it is empty): a default path never replaces a user's file. Without
 *   `onlyOwn` the caller has the user's word for it (they named the path, or
 *   gave the flag that allows it).
 *
 * Then the content is written to a temporary file beside the target and
 * renamed over it, so that readers see the old content or the new, never
 * half. Every refusal and failure is a named `TrustlintError` (exit 2) that
 * says what was not written where, and what was expected.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, lstatSync, openSync, readlinkSync, readSync, renameSync, rmSync, statSync, writeFileSync, writevSync, type BigIntStats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { TrustlintError } from './errors.js';

/** A file a run reads; no output may replace it. */
export interface InputFile {
  /** Absolute. */
  path: string;
  /** As messages name it (relative to the repository or as the user gave it). */
  shown: string;
  /** What it is, for messages: `the config file`, `a policy`. */
  what: string;
}

/** When an output may replace an existing file only if trustlint wrote it. */
export interface OwnFileRule {
  /** Whether the first bytes of the existing file (up to `OWN_HEAD_BYTES`, as UTF-8) show that trustlint wrote it. */
  isOwn: (head: string) => boolean;
  /** The end of the refusal: what is there, what was expected, and how to replace it anyway. */
  refusal: string;
}

export interface OutputTarget {
  /** Absolute. */
  path: string;
  /** The write as messages name it: `the report to out.html`. */
  what: string;
  /** Files the run reads, none of which the output may replace. */
  inputs?: readonly InputFile[];
  /** Replace an existing file only when it is trustlint's own (or empty); without it, any file may be replaced. */
  onlyOwn?: OwnFileRule;
}

/** How much of an existing file `OwnFileRule.isOwn` is shown. */
export const OWN_HEAD_BYTES = 4096;

/** What an output holds: text, bytes, or bytes in parts written one after the other (not joined first). */
export type OutputContent = string | Uint8Array | readonly Uint8Array[];

/** How many parts one write takes at most (the system's limit is often 1,024). */
const PARTS_PER_WRITE = 1024;

/** Writes parts to a new file, in order, each as far as the system took it. */
function writeParts(path: string, parts: readonly Uint8Array[]): void {
  const fd = openSync(path, 'wx');
  try {
    let pending = parts.filter((part) => part.length > 0);
    while (pending.length > 0) {
      let written = writevSync(fd, pending.slice(0, PARTS_PER_WRITE));
      let done = 0;
      while (done < pending.length && written >= (pending[done]?.length ?? 0)) written -= pending[done++]?.length ?? 0;
      pending = pending.slice(done);
      const [first] = pending;
      if (first !== undefined && written > 0) pending[0] = first.subarray(written);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a file so that readers see the old content or the new, never half:
 * a temporary file beside it, then a rename. It applies no policy: outputs
 * go through `writeOutput`.
 */
export function writeFileAtomic(path: string, content: OutputContent): void {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    if (typeof content === 'string' || content instanceof Uint8Array) writeFileSync(temporary, content, { flag: 'wx' });
    else writeParts(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

const errnoOf = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;

/** The named error of a write that the system refused. */
function unwritable(target: OutputTarget, error: unknown): TrustlintError {
  const reason = error instanceof Error ? error.message : String(error);
  return new TrustlintError('output-unwritable', `Could not write ${target.what}: ${reason}; expected a file path in an existing folder that trustlint may write to.`, { cause: error });
}

function statOrUndefined(path: string): BigIntStats | undefined {
  try {
    return statSync(path, { bigint: true });
  } catch {
    return undefined;
  }
}

/** The first bytes of a file, as text. */
function headOf(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(OWN_HEAD_BYTES);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function isSame(path: string, stat: BigIntStats, other: string): boolean {
  if (resolve(other) === path) return true;
  const otherStat = statOrUndefined(other);
  return otherStat !== undefined && otherStat.dev === stat.dev && otherStat.ino === stat.ino;
}

/**
 * Whether two paths name the same file: the same path once resolved, or (when
 * both exist) the same device and inode, so that `./x`, a path through a
 * linked folder and a hard link are all the same file.
 */
export function sameFile(a: string, b: string): boolean {
  const path = resolve(a);
  if (resolve(b) === path) return true;
  const stat = statOrUndefined(path);
  return stat !== undefined && isSame(path, stat, b);
}

/** The input that is the same file as `path` (which exists, with this `stat`). */
function inputAt(path: string, stat: BigIntStats, inputs: readonly InputFile[]): InputFile | undefined {
  return inputs.find((input) => isSame(path, stat, input.path));
}

/**
 * Checks that `target` may be written under the write policy (see above),
 * without writing it; throws the named error that `writeOutput` would. A
 * command calls it before the work whose result it writes, so that a refusal
 * costs nothing.
 */
export function checkOutput(target: OutputTarget): void {
  const path = resolve(target.path);
  const folder = dirname(path);
  const refuse = (code: string, reason: string): never => {
    throw new TrustlintError(code, `Refusing to write ${target.what}: ${reason}`);
  };
  const folderStat = statOrUndefined(folder);
  if (folderStat === undefined) {
    throw new TrustlintError('output-folder-missing', `Could not write ${target.what}: the folder ${folder} does not exist; expected a path in an existing folder (trustlint does not create folders).`);
  }
  if (!folderStat.isDirectory()) {
    throw new TrustlintError('output-folder-missing', `Could not write ${target.what}: ${folder} is not a folder; expected a path in an existing folder.`);
  }
  let link;
  try {
    link = lstatSync(path, { bigint: true });
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return;
    throw unwritable(target, error);
  }
  if (link.isSymbolicLink()) {
    refuse(
      'output-is-link',
      `it is a symbolic link (to ${readlinkSync(path)}), and trustlint neither writes through a link nor replaces one; expected the path of a regular file (write to the link's target directly, or remove the link).`,
    );
  }
  if (link.isDirectory()) refuse('output-is-folder', 'there is a folder at that path; expected the path of a file.');
  if (!link.isFile()) refuse('output-not-a-file', 'there is a pipe, socket or device at that path, not a regular file; expected the path of a regular file.');
  const input = inputAt(path, link, target.inputs ?? []);
  if (input !== undefined) {
    refuse(
      'output-is-input',
      `that is ${input.shown}, ${input.what} this run reads, which the output would destroy; expected an output path that is none of the program's files (config, owners, CODEOWNERS, policies, controls, evidence, baseline).`,
    );
  }
  if (target.onlyOwn !== undefined && link.size > 0n) {
    let head: string;
    try {
      head = headOf(path);
    } catch (error) {
      throw unwritable(target, error);
    }
    if (!target.onlyOwn.isOwn(head)) refuse('output-exists', target.onlyOwn.refusal);
  }
}

/**
 * Writes an output of trustlint under the write policy (see above),
 * atomically. A refusal or a failure is a named error that says what could
 * not be written where, and why.
 */
export function writeOutput(target: OutputTarget, content: OutputContent): void {
  checkOutput(target);
  try {
    writeFileAtomic(resolve(target.path), content);
  } catch (error) {
    throw unwritable(target, error);
  }
}

/**
 * Creates a file that must not exist yet, atomically: the content is written
 * to a temporary file and linked into place, which fails if anything is there
 * already (a file, a folder, a link, even one that leads nowhere). Returns
 * false, leaving what is there alone, in that case.
 */
export function createFileExclusive(path: string, content: string): boolean {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  writeFileSync(temporary, content, { flag: 'wx' });
  try {
    linkSync(temporary, path);
    return true;
  } catch (error) {
    if (errnoOf(error) === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
}
