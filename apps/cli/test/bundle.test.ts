import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY, TODAY } from './helpers.js';

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
});
