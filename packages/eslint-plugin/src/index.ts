/**
 * @trustlint/eslint-plugin: trustlint's per-file rules in ESLint, so that
 * editors show their findings while you type.
 *
 *     // eslint.config.js
 *     import trustlint from '@trustlint/eslint-plugin';
 *     export default [...trustlint.configs.recommended];
 *
 * Rules: `trustlint/<name>` for every trustlint rule whose scope is `file`
 * (rules.ts). Whole-program rules (coverage, duplicate ids, references
 * between documents, evidence over the observation period, changes against a
 * base revision, the baseline's stale entries) need every file and stay in
 * the CLI (`trustlint lint`).
 *
 * `configs.recommended` (a flat config array): Markdown files, at any depth,
 * are read with @eslint/markdown's `markdown/commonmark` language and YAML
 * front matter; YAML files (`.yaml`, `.yml`) with yaml-eslint-parser; every
 * trustlint file rule is on at its default severity (error → `error`,
 * warning and info → `warn`). Files outside a trustlint program (no
 * `trustlint.config.yaml` above them, or no path glob of it matches) get no
 * findings, so the config can apply to a whole repository.
 *
 * The packages @eslint/markdown and yaml-eslint-parser are peer dependencies: the
 * recommended config registers the `markdown` plugin object the user has
 * installed, so that a config of the user's own that registers it too gets
 * the same object.
 */
import { readFileSync } from 'node:fs';
import markdown from '@eslint/markdown';
import type { ESLint, Linter } from 'eslint';
import * as yamlParser from 'yaml-eslint-parser';
import { eslintRules, fileRules, type TrustlintEslintRule } from './rules.js';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };

/** The plugin's rules as ESLint's own types see them. */
const rules = eslintRules as unknown as Record<string, NonNullable<ESLint.Plugin['rules']>[string]>;

/** Every per-file rule at its default severity. */
const recommendedRules: Linter.RulesRecord = Object.fromEntries(
  fileRules.map((rule) => [`trustlint/${rule.name}`, rule.meta.severity === 'error' ? 'error' : 'warn']),
);

const plugin = {
  meta: { name: manifest.name, version: manifest.version },
  rules,
  configs: { recommended: [] as Linter.Config[] },
} satisfies ESLint.Plugin;

plugin.configs.recommended.push(
  {
    name: 'trustlint/recommended/markdown',
    files: ['**/*.md'],
    plugins: { markdown, trustlint: plugin },
    language: 'markdown/commonmark',
    languageOptions: { frontmatter: 'yaml' },
    rules: recommendedRules,
  },
  {
    name: 'trustlint/recommended/yaml',
    files: ['**/*.{yaml,yml}'],
    plugins: { trustlint: plugin },
    languageOptions: { parser: yamlParser },
    rules: recommendedRules,
  },
);

export default plugin;
export { eslintRules, fileRules, type TrustlintEslintRule };
// What `require('@trustlint/eslint-plugin')` gives (Node.js 20.19 and later `require()` ES modules):
// the plugin itself, as a CommonJS ESLint config (`eslint.config.cjs`, `.eslintrc.js`) expects.
export { plugin as 'module.exports' };
