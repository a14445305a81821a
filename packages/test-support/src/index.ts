/**
 * Helpers shared by the tests of every package.
 */
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository's root folder. */
export const REPOSITORY = resolve(import.meta.dirname, '../../..');

/** The sample program. */
export const SAMPLE = join(REPOSITORY, 'policies');

/** The date tests judge against, so that they never age. */
export const TODAY = '2026-11-22';

/**
 * The real-world policy sets (read-only test input that nobody here wrote):
 * `../shared/corpora` beside the repository, or TRUSTLINT_CORPORA. Tests fail
 * rather than skip when they are missing, so a green run always used them.
 */
export function corpus(name: 'comply-soc2' | 'tailscale-security-policies'): string {
  const base = process.env.TRUSTLINT_CORPORA ?? join(REPOSITORY, '../shared/corpora');
  const dir = join(base, name);
  if (!existsSync(dir)) throw new Error(`The ${name} corpus is missing at ${dir}; set TRUSTLINT_CORPORA to the folder that holds it.`);
  return dir;
}

/** A private copy of a folder (the sample program by default) to change in a test. */
export function copyOf(source: string = SAMPLE): string {
  const dir = mkdtempSync(join(tmpdir(), 'trustlint-test-'));
  cpSync(source, dir, { recursive: true });
  return dir;
}

export { junitProblems, parseJunit } from './junit.js';
export { ALLOWED_SARIF_NOTES, sarifProblems, unexpectedSarifNotes, validateSarif, type SarifDiagnostic } from './sarif.js';
