import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyOf, run, TODAY } from './helpers.js';

let program: string;

beforeEach(() => {
  program = copyOf();
  appendFileSync(join(program, 'controls', 'access', 'AC-01.yaml'), '\n# trustlint cache test\n');
});

afterEach(() => {
  rmSync(program, { recursive: true, force: true });
});

/** Replaces the text every kept run printed, to tell a reused output from a recomputed one. */
function tamperWithKeptOutputs(cacheFile: string, text: string): void {
  // The first line holds the runs; each other line, one file.
  const [head = '', ...files] = readFileSync(cacheFile, 'utf8').split('\n');
  const data = JSON.parse(head) as { runs: Record<string, { output: { text: string } }> };
  for (const entry of Object.values(data.runs)) entry.output.text = text;
  writeFileSync(cacheFile, [JSON.stringify(data), ...files].join('\n'));
}

describe('trustlint lint --cache', () => {
  it('keeps its cache in .trustlintcache in the working folder, and prints the same as without it', async () => {
    const plain = await run(['lint', '.', '--today', TODAY, '-f', 'json'], { cwd: program });
    const cold = await run(['lint', '.', '--today', TODAY, '-f', 'json', '--cache'], { cwd: program });
    const warm = await run(['lint', '.', '--today', TODAY, '-f', 'json', '--cache'], { cwd: program });
    expect(existsSync(join(program, '.trustlintcache'))).toBe(true);
    expect(cold).toEqual(plain);
    expect(warm).toEqual(plain);
  });

  it('reuses the output of a run while nothing it read has changed, and only then', async () => {
    const cacheFile = join(program, 'cache', 'lint.json');
    const args = ['lint', '.', '--today', TODAY, '--cache-location', 'cache/lint.json'];
    mkdirSync(join(program, 'cache'));
    const first = await run(args, { cwd: program });
    expect(first.stdout).not.toBe('');
    tamperWithKeptOutputs(cacheFile, 'reused\n');
    expect((await run(args, { cwd: program })).stdout).toBe('reused\n');
    // Another format, or another day, is another run.
    expect((await run([...args, '-f', 'json'], { cwd: program })).stdout).not.toBe('reused\n');
    expect((await run([...args.slice(0, 2), '--today', '2026-11-23', ...args.slice(4)], { cwd: program })).stdout).not.toBe('reused\n');

    const control = join(program, 'controls', 'access', 'AC-01.yaml');
    writeFileSync(control, readFileSync(control, 'utf8').replace(/^owner: .*$/m, 'owner: nobody-at-all'));
    const edited = await run(args, { cwd: program });
    expect(edited.code).toBe(1);
    expect(edited.stdout).not.toBe('reused\n');
    expect(edited.stdout).toContain('nobody-at-all');
    expect(edited).toEqual(await run(args.slice(0, 4), { cwd: program }));
  });

  it('fails with a named error, before linting, when the cache cannot be written there', async () => {
    const { code, stdout, stderr } = await run(['lint', '.', '--today', TODAY, '--cache-location', 'no-such-folder/cache.json'], { cwd: program });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `trustlint: Could not write the cache to ${join(program, 'no-such-folder', 'cache.json')}: the folder ${join(program, 'no-such-folder')} does not exist; expected a path in an existing folder (trustlint does not create folders).\n`,
    );
  });

  it('never replaces a file that is not a trustlint cache, such as the config named by mistake', async () => {
    const config = join(program, 'trustlint.config.yaml');
    const before = readFileSync(config, 'utf8');
    const { code, stdout, stderr } = await run(['lint', '.', '--today', TODAY, '--cache-location', 'trustlint.config.yaml'], { cwd: program });
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe(
      `trustlint: Refusing to write the cache to ${config}: a file is there that is not a trustlint cache (it does not begin with \`{"format":"trustlint-cache/\`), and trustlint does not replace it; expected --cache-location to name a trustlint cache or a file that does not exist yet (move the file away, or choose another --cache-location).\n`,
    );
    expect(readFileSync(config, 'utf8')).toBe(before);
  });
});
