/**
 * The Action runs its committed dist/index.js as it is: this test rebuilds
 * the bundle in memory and fails when the committed file differs, so that
 * `npm test` catches a stale bundle (run `npm run bundle -w @trustlint/action`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { REPOSITORY } from '@trustlint/test-support';
import { describe, expect, it } from 'vitest';
// @ts-expect-error The build script is plain JavaScript without types.
import { options } from '../build.mjs';

const ACTION = join(REPOSITORY, 'apps/action');

describe('the committed bundle', () => {
  it('is what the sources build to today', async () => {
    const result = await build({ ...(options as object), absWorkingDir: ACTION, write: false, outfile: join(ACTION, 'dist/index.js') });
    const fresh = result.outputFiles[0]?.text ?? '';
    const committed = readFileSync(join(ACTION, 'dist/index.js'), 'utf8');
    expect(fresh.length).toBeGreaterThan(100_000);
    expect(committed === fresh, 'apps/action/dist/index.js is stale: run `npm run bundle -w @trustlint/action` and commit it').toBe(true);
  });

  it('is declared as a node24 action whose main is the bundle', () => {
    const manifest = readFileSync(join(ACTION, 'action.yml'), 'utf8');
    expect(manifest).toMatch(/^runs:\n {2}using: node24\n {2}main: dist\/index\.js\n/m);
  });
});
