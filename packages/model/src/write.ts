import { randomBytes } from 'node:crypto';
import { linkSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { TrustlintError } from './errors.js';

/**
 * Writes a file so that readers see the old content or the new, never half:
 * a temporary file beside it, then a rename.
 */
export function writeFileAtomic(path: string, content: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, content, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Writes an output of trustlint atomically; a failure is a named error that
 * says what could not be written where, and why (`what`: "the report to out.html").
 */
export function writeOutputFile(path: string, content: string, what: string): void {
  try {
    writeFileAtomic(path, content);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TrustlintError('output-unwritable', `Could not write ${what}: ${reason}; expected a file path in an existing folder that trustlint may write to.`, { cause: error });
  }
}

/**
 * Creates a file that must not exist yet, atomically: the content is written
 * to a temporary file and linked into place, which fails if anything is there
 * already. Returns false, leaving the existing file alone, in that case.
 */
export function createFileExclusive(path: string, content: string): boolean {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  writeFileSync(temporary, content, { flag: 'wx' });
  try {
    linkSync(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
}
