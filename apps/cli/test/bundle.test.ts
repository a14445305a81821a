import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from '@trustlint/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY, SAMPLE, TODAY } from './helpers.js';

const CLI = join(REPOSITORY, 'apps/cli');

describe('the bundled command', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['build.mjs'], { cwd: CLI });
  });

  it('runs as `trustlint` from the workspace bin and lints the sample program clean', () => {
    const result = spawnSync(join(REPOSITORY, 'node_modules/.bin/trustlint'), ['lint', 'policies', '--today', TODAY], {
      cwd: REPOSITORY,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('38/38 in-scope criteria covered');
  });

  it('exits 2, not 0, when it cannot check', () => {
    const result = spawnSync(process.execPath, [join(CLI, 'bin/trustlint.js'), 'lint', 'policies', '--today', 'soon'], { cwd: REPOSITORY, encoding: 'utf8' });
    expect(result.status).toBe(2);
  });

  it('exits 2 with a named error when --base needs git and there is none on PATH', () => {
    const result = spawnSync(process.execPath, [join(CLI, 'bin/trustlint.js'), 'lint', 'policies', '--base', 'HEAD', '--today', TODAY], {
      cwd: REPOSITORY,
      encoding: 'utf8',
      env: { PATH: '/nonexistent' },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('needs git, which was not found on PATH');
  });

  // The mdast parser and the JSON Schema compiler are bundles of their own, required on first use.
  it('loads the mdast parser and the schema compiler only for a run that needs them, with the same findings', () => {
    const folder = mkdtempSync(join(tmpdir(), 'trustlint-lazy-'));
    try {
      const cli = join(folder, 'cli');
      cpSync(join(CLI, 'bin'), join(cli, 'bin'), { recursive: true });
      cpSync(join(CLI, 'dist'), join(cli, 'dist'), { recursive: true });
      cpSync(join(CLI, 'docs'), join(cli, 'docs'), { recursive: true });
      cpSync(join(CLI, 'package.json'), join(cli, 'package.json'));
      const program = join(folder, 'program');
      cpSync(SAMPLE, program, { recursive: true });
      const lintJson = () =>
        spawnSync(process.execPath, [join(cli, 'bin/trustlint.js'), 'lint', program, '--today', TODAY, '--format', 'json', '--no-baseline'], { encoding: 'utf8' });

      // Without the two bundles, the sample program lints clean: it needs neither.
      rmSync(join(cli, 'dist/markdown-tree.cjs'));
      rmSync(join(cli, 'dist/schema-compiler.cjs'));
      const plain = lintJson();
      expect(plain.stderr).toBe('');
      expect(plain.status).toBe(0);

      // Quotes nested past markdown-it's limit take the outline to the mdast tree; rule options need the compiler.
      appendFileSync(join(program, 'acceptable-use.md'), `\n${'> '.repeat(100)}Deep [x](./no-such-file.md)\n`);
      appendFileSync(join(program, 'trustlint.config.yaml'), '\nrules:\n  review-overdue: [warning, { graceDays: 5 }]\n');
      const missing = lintJson();
      expect(missing.status).toBe(2);
      expect(missing.stderr).toContain('schema-compiler.cjs');
      cpSync(join(CLI, 'dist/schema-compiler.cjs'), join(cli, 'dist/schema-compiler.cjs'));
      expect(lintJson().stderr).toContain('markdown-tree.cjs');
      cpSync(join(CLI, 'dist/markdown-tree.cjs'), join(cli, 'dist/markdown-tree.cjs'));

      const bundled = lintJson();
      expect(bundled.stderr).toBe('');
      const inProcess = lint({ dir: program, today: TODAY, baseline: false });
      const found = (JSON.parse(bundled.stdout) as { findings: { ruleId: string; line: number; message: string }[] }).findings;
      expect(found.map(({ ruleId, line, message }) => ({ ruleId, line, message }))).toEqual(inProcess.findings.map(({ ruleId, line, message }) => ({ ruleId, line, message })));
      expect(found.some((finding) => finding.ruleId === 'broken-link' && finding.message.includes('no-such-file.md'))).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
