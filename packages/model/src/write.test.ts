import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TrustlintError } from './errors.js';
import { createFileExclusive, writeFileAtomic, writeOutputFile } from './write.js';

describe('writing files', () => {
  it('replaces a file atomically and leaves no temporary file behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustlint-write-'));
    const path = join(dir, 'report.json');
    writeFileSync(path, 'old');
    writeFileAtomic(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('creates a file only when nothing is there, and never overwrites', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustlint-write-'));
    const path = join(dir, 'owners.yaml');
    expect(createFileExclusive(path, 'first')).toBe(true);
    expect(createFileExclusive(path, 'second')).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('first');
    expect(readdirSync(dir)).toEqual(['owners.yaml']);
  });

  it('names what it could not write, where and why', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustlint-write-'));
    const path = join(dir, 'missing-folder', 'out.json');
    const failure = (() => {
      try {
        writeOutputFile(path, 'text', 'the output to missing-folder/out.json');
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(failure).toBeInstanceOf(TrustlintError);
    expect((failure as TrustlintError).code).toBe('output-unwritable');
    expect((failure as Error).message).toMatch(
      /^Could not write the output to missing-folder\/out\.json: ENOENT: no such file or directory, open '.*\.tmp'; expected a file path in an existing folder that trustlint may write to\.$/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });
});
