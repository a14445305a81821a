/**
 * Property-based testing helpers: how many cases to run, and arbitraries
 * that derive hostile inputs from real files by mutating them.
 *
 * `npm test` runs a few thousand cases with a fixed seed, so that a run is
 * reproducible; `npm run fuzz` sets TRUSTLINT_FUZZ_RUNS (100,000 by default)
 * and a fresh seed, and each property adds its count to the file named by
 * TRUSTLINT_FUZZ_REPORT, which the script sums up.
 */
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { corpus, SAMPLE } from './index.js';

/** The seed of every property in a normal test run; `npm run fuzz` picks a new one (printed on failure). */
const SEED = Number(process.env.TRUSTLINT_FUZZ_SEED ?? 20_261_122);

/** How many cases all properties run in total: TRUSTLINT_FUZZ_RUNS, else the normal test run's 2,000. */
export const TOTAL_RUNS = Math.max(1, Number(process.env.TRUSTLINT_FUZZ_RUNS ?? 2_000));

/**
 * The fast-check parameters of one property, which runs `share` of all cases,
 * and the time it may take (vitest's limit) at `msPerCase`.
 */
export function fuzzParameters(share: number, msPerCase: number): { parameters: fc.Parameters<unknown>; timeout: number; runs: number } {
  const runs = Math.max(1, Math.round(TOTAL_RUNS * share));
  return { parameters: { numRuns: runs, seed: SEED, endOnFailure: true }, timeout: 20_000 + runs * msPerCase, runs };
}

/** Records that a property ran `runs` cases, for `npm run fuzz`'s total. */
export function reportRuns(property: string, runs: number): void {
  const report = process.env.TRUSTLINT_FUZZ_REPORT;
  if (report) appendFileSync(report, `${JSON.stringify({ property, runs })}\n`);
}

/**
 * Fragments that matter to YAML, front matter, Markdown, suppressions, the
 * criteria catalogs and terminals: inserted at random places, they reach the
 * corners of each parser far faster than random characters do.
 */
export const HOSTILE_FRAGMENTS = [
  '---\n', '...\n', '+++\n', '\n', '\r\n', '\r', ': ', ':', '- ', '? ', '[', ']', '{', '}', ',', '&a ', '*a', '&b [*a, *a]', '<<: *a\n',
  '!!binary ', '!!js/function ', '!custom ', '%YAML 1.2\n', '"', "'", '#', '|\n', '>-\n', '\t', '    ', '\\', '\u0000', '\uFEFF', '\u202E',
  '\u001b[31m', '\u001b]8;;x\u0007', '\u2028', '__proto__', 'constructor', 'prototype', 'toString', 'CC6.1', 'CC9.9', 'A.9.1', ' CC6.1 ',
  '\uD800', '😀', '`', '```\n', '~~~\n', '> ', '* ', '1. ', '<!-- ', ' -->', '<script>', '&amp;', '[x](./missing.md)', '[x](#nowhere)',
  '[x]: <y>\n', '](', '![i](', '\n# Heading\n', '\n## Policy\n', 'SOC 2 certified', '@everyone', '::error::', '%0A',
  '# trustlint-disable-next-line schema -- reason\n', '<!-- trustlint-disable-next-line -->\n', 'trustlint-disable-line syntax -- r until 2020-01-01',
  'id: ', 'owner: ', 'satisfies:\n  soc2: [', 'status: implemented\n', 'status: ', 'effective: 2026-02-30', 'last_reviewed: 1999-01-01',
];

export type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; length: number; text: string }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'byte'; at: number; byte: number };

const position = fc.double({ min: 0, max: 1, noNaN: true });
const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_FRAGMENTS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(' ', '\n', ':', '-', '[', ']', '{', '}', '#', '*', '&', '>', '|', '"', 'a'), maxLength: 24 }) },
);

/** One edit to a text: insert, delete, replace or duplicate a stretch, or overwrite one byte of its UTF-8. */
export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: position, text: fragment }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.nat({ max: 60 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: position, length: fc.nat({ max: 20 }), text: fragment }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at: position, length: fc.nat({ max: 200 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('byte' as const), at: position, byte: fc.integer({ min: 0, max: 255 }) }) },
);

const encoder = new TextEncoder();

/** Applies edits to a text, in order, and returns its bytes (UTF-8, with any byte edits applied last). */
export function mutate(text: string, mutations: readonly Mutation[]): Uint8Array {
  let result = text;
  const bytes: { at: number; byte: number }[] = [];
  for (const mutation of mutations) {
    const at = Math.floor(mutation.at * (result.length + 1));
    switch (mutation.kind) {
      case 'insert':
        result = result.slice(0, at) + mutation.text + result.slice(at);
        break;
      case 'delete':
        result = result.slice(0, at) + result.slice(at + mutation.length);
        break;
      case 'replace':
        result = result.slice(0, at) + mutation.text + result.slice(at + mutation.length);
        break;
      case 'duplicate':
        result = result.slice(0, at + mutation.length) + result.slice(at, at + mutation.length) + result.slice(at + mutation.length);
        break;
      case 'byte':
        bytes.push({ at: mutation.at, byte: mutation.byte });
        break;
    }
  }
  const encoded = encoder.encode(result);
  for (const { at, byte } of bytes) {
    if (encoded.length > 0) encoded[Math.min(encoded.length - 1, Math.floor(at * encoded.length))] = byte;
  }
  return encoded;
}

/** A text drawn from `seeds` and mutated a few times (or not at all), as bytes. */
export function mutatedArbitrary(seeds: readonly string[], maxMutations = 4): fc.Arbitrary<Uint8Array> {
  return fc.tuple(fc.nat({ max: seeds.length - 1 }), fc.array(mutationArbitrary, { maxLength: maxMutations })).map(([index, mutations]) => mutate(seeds[index] ?? '', mutations));
}

/** Arbitrary text: mostly mutated seeds, sometimes random characters of every kind. */
export function textArbitrary(seeds: readonly string[]): fc.Arbitrary<string> {
  const decoder = new TextDecoder();
  return fc.oneof(
    { weight: 3, arbitrary: mutatedArbitrary(seeds).map((bytes) => decoder.decode(bytes)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...HOSTILE_FRAGMENTS), { maxLength: 30 }).map((parts) => parts.join('')) },
  );
}

/**
 * Real files to mutate: the sample program's and the corpora's Markdown
 * (`.md`) or YAML (`.yaml`, `.yml`) files, sorted by path so that seeds
 * give the same cases on every machine.
 */
export function seedTexts(kind: 'markdown' | 'yaml'): string[] {
  const wanted = kind === 'markdown' ? /\.md$/ : /\.ya?ml$/;
  const texts: string[] = [];
  for (const folder of [SAMPLE, corpus('comply-soc2'), corpus('tailscale-security-policies')]) {
    const paths = readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((path) => wanted.test(path) && !path.split(/[\\/]/).includes('node_modules'))
      .sort();
    for (const path of paths) texts.push(readFileSync(join(folder, path), 'utf8'));
  }
  return texts;
}
