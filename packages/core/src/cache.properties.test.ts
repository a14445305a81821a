/**
 * The cache's promise, over random edits: after any sequence of edits, a run
 * with the cache gives exactly the findings of a run without it. Edits move
 * text (prose or a comment added at a random line, which keeps the program
 * rules' findings unless they name the file), change what the rules read (a
 * control's status), or mutate a file at random (fuzz fragments).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { TODAY } from '@trustlint/test-support';
import { fuzzParameters, mutate, mutationArbitrary, reportRuns } from '@trustlint/test-support/fuzz';
import { writeProgram } from '@trustlint/test-support/generate';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheKey, LintCache } from './cache.js';
import { lint } from './lint.js';

const folder = mkdtempSync(join(tmpdir(), 'trustlint-cache-properties-'));
const program = join(folder, 'program');
const cachePath = join(folder, 'cache');

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

const editArbitrary = fc.record({
  file: fc.nat(),
  line: fc.double({ min: 0, max: 1, noNaN: true }),
  how: fc.constantFrom('prose', 'comment', 'status', 'mutate'),
  mutations: fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 }),
});

type Edit = typeof editArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** The program's files but the config (whose every change drops all that is kept), by path relative to the program. */
function files(): string[] {
  return readdirSync(program, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.(md|ya?ml)$/.test(path) && path !== 'trustlint.config.yaml')
    .sort();
}

/** Applies an edit, and gives the file a time of its own, as an editor's save would. */
function apply(edit: Edit, step: number): void {
  const paths = files();
  const path = join(program, paths[edit.file % paths.length] ?? '');
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  const at = Math.floor(edit.line * lines.length);
  let edited: string | Uint8Array;
  switch (edit.how) {
    case 'prose':
      edited = [...lines.slice(0, at), '', 'A line of prose that moves what follows.', '', ...lines.slice(at)].join('\n');
      break;
    case 'comment':
      edited = [...lines.slice(0, at), path.endsWith('.md') ? '<!-- a comment -->' : '# a comment', ...lines.slice(at)].join('\n');
      break;
    case 'status':
      edited = /^status: implemented$/m.test(text) ? text.replace(/^status: implemented$/m, 'status: partial') : text.replace(/^status: .*$/m, 'status: implemented');
      break;
    case 'mutate':
      edited = mutate(text, edit.mutations);
      break;
  }
  writeFileSync(path, edited);
  const time = new Date(Date.UTC(2030, 0, 1, 0, 0, step));
  utimesSync(path, time, time);
}

function findings(cached: boolean) {
  const cache = cached ? LintCache.open(cachePath, 'test-version') : undefined;
  const result = lint({ cwd: folder, dir: 'program', today: TODAY, baseline: false, ...(cache ? { cache } : {}) });
  if (cache) {
    cache.setOutput(cacheKey('properties'), result.inputs, null);
    cache.write();
  }
  return result.findings;
}

describe('the lint cache over random edits', () => {
  const { parameters, timeout, runs } = fuzzParameters(0.02, 400);

  it(`gives the findings of a run without it after every edit (${runs} cases)`, { timeout }, () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.array(editArbitrary, { minLength: 1, maxLength: 4 }), (seed, edits) => {
        writeProgram(program, { controls: 8, policies: 3, seed });
        rmSync(cachePath, { force: true });
        expect(findings(true)).toEqual(findings(false));
        for (const [step, edit] of edits.entries()) {
          apply(edit, step);
          const expected = findings(false);
          expect(findings(true), `after ${edit.how}`).toEqual(expected);
        }
      }),
      parameters,
    );
    reportRuns('lint cache', runs);
  });
});
