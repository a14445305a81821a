import { SourceFile } from '@trustlint/parser';
import { describe, expect, it } from 'vitest';
import { codeownersRoot, parseCodeowners, patternToRegex } from './codeowners.js';

const matches = (pattern: string, path: string) => patternToRegex(pattern).test(path);

describe('CODEOWNERS patterns, as GitHub documents them', () => {
  it('matches a file name or extension at any depth', () => {
    expect(matches('*', 'a/b/c.md')).toBe(true);
    expect(matches('*.js', 'src/app/x.js')).toBe(true);
    expect(matches('*.js', 'src/app/x.ts')).toBe(false);
    expect(matches('apps/', 'x/apps/a/b.md')).toBe(true);
  });

  it('anchors patterns that start with or contain a slash', () => {
    expect(matches('/docs/', 'docs/a/b.md')).toBe(true);
    expect(matches('/docs/', 'x/docs/a.md')).toBe(false);
    expect(matches('/build/logs/', 'build/logs/a.log')).toBe(true);
    expect(matches('/access-control.md', 'access-control.md')).toBe(true);
    expect(matches('/access-control.md', 'x/access-control.md')).toBe(false);
  });

  it('lets a `*` segment match one segment only, and `**` any number', () => {
    expect(matches('docs/*', 'docs/getting-started.md')).toBe(true);
    expect(matches('docs/*', 'docs/build-app/troubleshooting.md')).toBe(false);
    expect(matches('docs/**', 'docs/build-app/troubleshooting.md')).toBe(true);
    expect(matches('**/logs', 'deeply/nested/logs/x.log')).toBe(true);
    expect(matches('controls/*.yaml', 'controls/AC-01.yaml')).toBe(true);
  });

  it('owns everything beneath a name without a trailing slash', () => {
    expect(matches('/controls/access', 'controls/access/AC-01.yaml')).toBe(true);
    expect(matches('/controls/access', 'controls/accessible.yaml')).toBe(false);
  });
});

describe('parseCodeowners', () => {
  const file = new SourceFile(
    'policies/.github/CODEOWNERS',
    ['# comment', '* @acme/security', '', '/controls/ @acme/sre @maya # trailing comment', '/controls/access/AC-01.yaml', '!/x.md @bob', '[ab].md @bob'].join('\n'),
  );
  const codeowners = parseCodeowners(file);

  it('is rooted at the folder that holds .github/', () => {
    expect(codeownersRoot('policies/.github/CODEOWNERS')).toBe('policies');
    expect(codeownersRoot('docs/CODEOWNERS')).toBe('');
    expect(codeownersRoot('CODEOWNERS')).toBe('');
    expect(codeowners.root).toBe('policies');
  });

  it('reads patterns and owners with their positions, skipping comments', () => {
    expect(codeowners.entries.map((e) => [e.line, e.pattern, e.owners])).toEqual([
      [2, '*', ['@acme/security']],
      [4, '/controls/', ['@acme/sre', '@maya']],
      [5, '/controls/access/AC-01.yaml', []],
    ]);
    expect(file.rangeOf(codeowners.entries[1]!.span)).toEqual({ line: 4, column: 1, endLine: 4, endColumn: 11 });
  });

  it('lets the last matching line decide, for paths under its root only', () => {
    expect(codeowners.entryFor('policies/access-control.md')?.owners).toEqual(['@acme/security']);
    expect(codeowners.entryFor('policies/controls/ops/OPS-01.yaml')?.owners).toEqual(['@acme/sre', '@maya']);
    expect(codeowners.entryFor('policies/controls/access/AC-01.yaml')?.owners).toEqual([]);
    expect(codeowners.entryFor('README.md')).toBeUndefined();
  });

  it('reports what GitHub does not support', () => {
    expect(codeowners.problems.map((p) => [file.positionAt(p.span.start).line, p.message])).toEqual([
      [6, 'Pattern `!/x.md` uses `!` negation, which GitHub does not support in CODEOWNERS; this line matches nothing.'],
      [7, 'Pattern `[ab].md` uses a `[ ]` character range, which GitHub does not support in CODEOWNERS; this line matches nothing.'],
    ]);
  });
});
