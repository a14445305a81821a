import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileExclusive, writeFileAtomic } from './write.js';

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
});
