/**
 * Keeps the registry, the tests and the docs honest: every rule module is
 * registered, has its tests beside it and a docs page whose generated part
 * matches its metadata, and every example on that page does what it says.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnyRule } from '@trustlint/engine';
import { describe, expect, it } from 'vitest';
import { rules, RULE_DOCS_BASE } from './index.js';
import { formatFindingLine, parseExamples, updatePage, updateReadme } from './testing/docs.js';
import { lintFiles } from './testing/lint.js';

const RULES_DIR = join(import.meta.dirname, 'rules');
const DOCS_DIR = join(import.meta.dirname, '../docs');
const README = join(import.meta.dirname, '../../../README.md');
const UPDATE = process.env.TRUSTLINT_UPDATE_DOCS === '1';

const modules = readdirSync(RULES_DIR)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .map((name) => name.slice(0, -3));

/** Every rule module's rule, registered or not, so that a new rule's docs are checked before it is registered. */
const moduleRules: AnyRule[] = await Promise.all(
  modules.map(async (name) => ((await import(pathToFileURL(join(RULES_DIR, `${name}.ts`)).href)) as { rule: AnyRule }).rule),
);

describe('rule registry', () => {
  it('registers every rule module exactly once, under its file name', () => {
    expect([...rules.map((rule) => rule.name)].sort()).toEqual([...modules].sort());
  });

  it('has a test file beside every rule', () => {
    for (const name of modules) expect(existsSync(join(RULES_DIR, `${name}.test.ts`)), name).toBe(true);
  });

  it('names every rule after its module and derives its docs URL from that name', () => {
    for (const [index, rule] of moduleRules.entries()) {
      expect(rule.name).toBe(modules[index]);
      expect(rule.meta.docs.url).toBe(`${RULE_DOCS_BASE}${rule.name}.md`);
    }
  });

  it('keeps no docs page without a rule', () => {
    const pages = readdirSync(DOCS_DIR).filter((name) => name.endsWith('.md') && name !== 'README.md');
    expect(pages.map((name) => name.slice(0, -3)).sort()).toEqual([...modules].sort());
  });

  it("keeps the README's rules table true", () => {
    const readme = readFileSync(README, 'utf8');
    const updated = updateReadme(readme, rules, 'packages/rules/docs/');
    if (UPDATE && updated !== readme) writeFileSync(README, updated);
    else expect(readme, 'run `npm run docs` to regenerate').toBe(updated);
  });

  it('gives every rule a one-line description that ends with a period', () => {
    for (const rule of moduleRules) expect(rule.meta.docs.description, rule.name).toMatch(/^[A-Z][^\n]*\.$/);
  });
});

describe.each(moduleRules.map((rule) => [rule.name, rule] as const))('docs/%s.md', (name, rule) => {
  const path = join(DOCS_DIR, `${name}.md`);
  const page = existsSync(path) ? readFileSync(path, 'utf8') : '';

  it('exists, is titled with the rule name, and its generated part matches the metadata', () => {
    expect(page.startsWith(`# ${name}\n`), `${path} should start with "# ${name}"`).toBe(true);
    const updated = updatePage(page, rule);
    if (UPDATE && updated !== page) writeFileSync(path, updated);
    else expect(page, 'run `npm run docs` to regenerate').toBe(updated);
  });

  const examples = parseExamples(page);

  it('has an incorrect and a correct example', () => {
    expect(examples.some((example) => example.kind === 'incorrect')).toBe(true);
    expect(examples.some((example) => example.kind === 'correct')).toBe(true);
  });

  it.each(examples.map((example) => [`${example.kind}: ${example.title} (line ${example.line})`, example] as const))('example %s', (_, example) => {
    // As the CLI does, an example's trustlint-baseline.json is its baseline;
    // files titled `base:PATH` are the program at the base revision (`--base`).
    const baseline = example.files['trustlint-baseline.json'];
    const entries = Object.entries(example.files);
    const base = Object.fromEntries(entries.filter(([path]) => path.startsWith('base:')).map(([path, text]) => [path.slice(5), text]));
    const files = Object.fromEntries(entries.filter(([path]) => !path.startsWith('base:')));
    const { findings } = lintFiles(files, {
      rules: [rule],
      knownRuleIds: modules,
      ...(baseline === undefined ? {} : { baseline }),
      ...(Object.keys(base).length ? { base } : {}),
    });
    const reported = findings.filter((finding) => finding.ruleId === name).map(formatFindingLine);
    if (example.kind === 'correct') expect(reported).toEqual([]);
    else {
      expect(reported.length).toBeGreaterThan(0);
      expect(reported).toEqual(example.findings);
    }
  });
});
