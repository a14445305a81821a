import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpus, SAMPLE } from '@trustlint/test-support';
import { describe, expect, it } from 'vitest';
import { detectLayout, globsFor } from './layout.js';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'trustlint-layout-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('detectLayout', () => {
  it('recognises a strongdm/comply repository and the categories its documents map', () => {
    const layout = detectLayout(corpus('comply-soc2'));
    expect(layout.kind).toBe('comply');
    expect(layout.dialect).toBe('comply');
    expect(layout.paths.policies).toEqual(['policies/**/*.md']);
    expect(layout.counts).toEqual({ policies: 27, narratives: 5, procedures: 4, controls: 0 });
    expect(layout.categories).toEqual(['security', 'availability', 'processing-integrity', 'confidentiality', 'privacy']);
  });

  it('recognises a Hugo site and takes the pages marked as policies', () => {
    const layout = detectLayout(corpus('tailscale-security-policies'));
    expect(layout.kind).toBe('hugo');
    expect(layout.paths.policies).toEqual(['*/index.md']);
    expect(layout.paths.narratives).toEqual(['_index.md', 'overview.md']);
    expect(layout.counts.policies).toBe(14);
  });

  it('recognises a trustlint program and keeps the default paths when its policies are where the defaults look', () => {
    const layout = detectLayout(SAMPLE);
    expect(layout).toMatchObject({ kind: 'trustlint', dialect: 'auto', paths: {}, categories: ['security', 'availability', 'confidentiality'] });
    expect(layout.counts.controls).toBeGreaterThan(30);
    const nested = detectLayout(folder({ 'docs/security/a.md': '---\nid: A\n---\n', 'docs/security/b.md': '---\nid: B\n---\n' }));
    expect(nested.paths.policies).toEqual(['docs/security/*.md']);
  });

  it('recognises plain Markdown and an empty folder', () => {
    expect(detectLayout(folder({ 'access.md': '# Access\n', 'README.md': '# Readme\n' }))).toMatchObject({ kind: 'markdown', paths: { policies: ['access.md'] } });
    expect(detectLayout(folder({}))).toMatchObject({ kind: 'empty', categories: ['security'] });
  });
});

describe('globsFor', () => {
  it('finds the narrowest glob that matches exactly the given files', () => {
    expect(globsFor(['a/index.md', 'b/index.md'])).toEqual(['*/index.md']);
    expect(globsFor(['p/a.md', 'p/b.md'])).toEqual(['p/*.md']);
    expect(globsFor(['a.md', 'b.md'])).toEqual(['*.md']);
    expect(globsFor(['x/a.md', 'y/b.md'])).toEqual(['x/a.md', 'y/b.md']);
    expect(globsFor([])).toEqual([]);
  });
});
