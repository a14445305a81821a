#!/usr/bin/env node
// Runs the property-based tests with many more cases than `npm test` does,
// with a fresh seed, and says how many cases ran and how long they took.
//
//   npm run fuzz                              100,000 cases, a random seed
//   TRUSTLINT_FUZZ_RUNS=1000000 npm run fuzz  more
//   TRUSTLINT_FUZZ_SEED=1234 npm run fuzz     replay a seed that failed
//
// The properties split the cases between them (see the `fuzzParameters`
// shares in each properties test); each adds its count to a report file,
// which this script sums up. On a failure, fast-check prints the seed and
// the smallest counterexample it found.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const runs = process.env.TRUSTLINT_FUZZ_RUNS ?? '100000';
const seed = process.env.TRUSTLINT_FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
const folder = mkdtempSync(join(tmpdir(), 'trustlint-fuzz-'));
const report = join(folder, 'runs.jsonl');

console.log(`fuzz: ${runs} cases, seed ${seed}`);
const started = performance.now();
const result = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'properties.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TRUSTLINT_FUZZ_RUNS: runs, TRUSTLINT_FUZZ_SEED: seed, TRUSTLINT_FUZZ_REPORT: report },
});
const seconds = ((performance.now() - started) / 1000).toFixed(1);

const counts = new Map();
if (existsSync(report)) {
  for (const line of readFileSync(report, 'utf8').split('\n')) {
    if (!line) continue;
    const { property, runs: count } = JSON.parse(line);
    counts.set(property, (counts.get(property) ?? 0) + count);
  }
}
rmSync(folder, { recursive: true, force: true });
const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
const parts = [...counts].map(([property, count]) => `${property} ${count}`).join(', ');
if (result.status === 0) {
  console.log(`fuzz: ${total} cases passed in ${seconds} s (${parts}); seed ${seed}`);
} else {
  console.error(`fuzz: FAILED after ${seconds} s; ${total} cases passed in the properties that finished (${parts || 'none'}). Replay with TRUSTLINT_FUZZ_SEED=${seed}.`);
}
process.exit(result.status ?? 1);
