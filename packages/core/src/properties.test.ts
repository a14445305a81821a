/**
 * Properties of the whole engine over mutated programs: a generated program
 * (and files of the sample program and the corpora) with some files changed
 * at random, linted with every built-in rule and with the unchanged program as
 * the base revision. Nothing throws out of the engine, every finding has a
 * range inside its file, and the same input always gives the same findings.
 */
import fc from 'fast-check';
import { resolveRules, runRules, type Finding } from '@trustlint/engine';
import { ConfigError, loadProgram, MemorySource, parseConfig, TrustlintError, type Program } from '@trustlint/model';
import type { SourceFile } from '@trustlint/parser';
import { rules } from '@trustlint/rules';
import { TODAY } from '@trustlint/test-support';
import { fuzzParameters, mutate, mutatedArbitrary, mutationArbitrary, reportRuns, seedTexts } from '@trustlint/test-support/fuzz';
import { generateProgram } from '@trustlint/test-support/generate';
import { describe, expect, it } from 'vitest';

const ROOT = '/fuzz-program';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A small generated program: a config, owners, CODEOWNERS, policies, controls (alone and in lists) and evidence. */
const BASE = new Map([...generateProgram({ controls: 4, policies: 1, seed: 5 })].filter(([path]) => !path.endsWith('.svg')));
const PATHS = [...BASE.keys()].sort();
const CONFIG_PATH = 'trustlint.config.yaml';
const SEEDS = { markdown: seedTexts('markdown'), yaml: seedTexts('yaml') };

function programOf(files: ReadonlyMap<string, Uint8Array>): Program {
  const configBytes = files.get(CONFIG_PATH);
  const config = parseConfig(configBytes ? decoder.decode(configBytes) : '{}\n', `${ROOT}/${CONFIG_PATH}`, CONFIG_PATH);
  return loadProgram(config, { source: new MemorySource(files), repoRoot: ROOT });
}

/** Lints files in memory with every built-in rule, against the unchanged program as the base. */
function lintFiles(files: ReadonlyMap<string, Uint8Array>, base: Program): { program: Program; findings: Finding[] } {
  const program = programOf(files);
  const resolved = resolveRules(rules, program.config);
  const { findings } = runRules({ program, rules: resolved, today: TODAY, base: { program: base, ref: 'main' } });
  return { program, findings };
}

function expectRangeInside(file: SourceFile, range: { line: number; column: number; endLine: number; endColumn: number }, what: string): void {
  const { line, column, endLine, endColumn } = range;
  expect(line, what).toBeGreaterThanOrEqual(1);
  expect(endLine, what).toBeLessThanOrEqual(file.lineCount);
  expect(endLine, what).toBeGreaterThanOrEqual(line);
  expect(column, what).toBeGreaterThanOrEqual(1);
  expect(column, what).toBeLessThanOrEqual(file.lineText(line).length + 1);
  expect(endColumn, what).toBeGreaterThanOrEqual(1);
  expect(endColumn, what).toBeLessThanOrEqual(file.lineText(endLine).length + 1);
  if (endLine === line) expect(endColumn, what).toBeGreaterThanOrEqual(column);
}

/** A change to one of the program's files: mutated, emptied, or swapped for a mutated real file of the same kind. */
const changeArbitrary = fc.record({
  index: fc.nat({ max: PATHS.length - 1 }),
  how: fc.constantFrom('mutate', 'mutate', 'mutate', 'mutate', 'seed', 'empty', 'bom'),
  mutations: fc.array(mutationArbitrary, { minLength: 1, maxLength: 4 }),
  markdown: mutatedArbitrary(SEEDS.markdown),
  yaml: mutatedArbitrary(SEEDS.yaml),
});

function changed(path: string, change: typeof changeArbitrary extends fc.Arbitrary<infer T> ? T : never): Uint8Array {
  switch (change.how) {
    case 'mutate':
      return mutate(BASE.get(path) ?? '', change.mutations);
    case 'seed':
      return path.endsWith('.md') ? change.markdown : change.yaml;
    case 'empty':
      return new Uint8Array();
    case 'bom':
      return encoder.encode(`\uFEFF${BASE.get(path) ?? ''}`);
  }
}

describe('engine properties', () => {
  const base = programOf(new Map([...BASE].map(([path, text]) => [path, encoder.encode(text)])));
  const { parameters, timeout, runs } = fuzzParameters(0.3, 40);

  it(`never throws, keeps every finding inside its file, and gives the same findings for the same input (${runs} cases)`, { timeout }, () => {
    fc.assert(
      fc.property(fc.array(changeArbitrary, { minLength: 1, maxLength: 3 }), (changes) => {
          const files = new Map<string, Uint8Array>([...BASE].map(([path, text]) => [path, encoder.encode(text)]));
          for (const change of changes) {
            const path = PATHS[change.index] ?? CONFIG_PATH;
            files.set(path, changed(path, change));
          }
          let first: { program: Program; findings: Finding[] };
          try {
            first = lintFiles(files, base);
          } catch (error) {
            // Only the config can stop a run, and only with a ConfigError that says where.
            if (error instanceof ConfigError) {
              expect(error.problems.length).toBeGreaterThan(0);
              return;
            }
            if (error instanceof TrustlintError) throw new Error(`Unexpected ${error.code}: ${error.message}`, { cause: error });
            throw error;
          }
          const sources = new Map<string, SourceFile>(first.program.files.map((entry) => [entry.file.path, entry.file]));
          for (const finding of first.findings) {
            const file = sources.get(finding.file);
            expect(file, `${finding.ruleId} names ${finding.file}, which the program did not read`).toBeDefined();
            if (file === undefined) continue;
            expectRangeInside(file, finding, `${finding.ruleId}: ${finding.message}`);
            for (const related of finding.related ?? []) {
              const other = sources.get(related.file);
              expect(other, `${finding.ruleId} relates to ${related.file}`).toBeDefined();
              if (other) expectRangeInside(other, related, `${finding.ruleId} (related): ${related.message}`);
            }
          }
          expect(lintFiles(files, base).findings).toEqual(first.findings);
        }),
      parameters,
    );
    reportRuns('engine', runs);
  });
});
