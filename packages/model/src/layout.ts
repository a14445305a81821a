/**
 * What kind of program a folder holds, judged from its files: a trustlint
 * program, a strongdm/comply repository, a Hugo site of policies, plain
 * Markdown, or nothing yet. `trustlint init` writes what it finds into a
 * config; a run without a config uses it as its defaults.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { globSync } from 'tinyglobby';
import { catalogs } from '@trustlint/catalogs';
import { findFrontMatter, parseYaml, SourceFile } from '@trustlint/parser';
import { ALWAYS_IGNORED, DEFAULT_PATHS, type Dialect, type ProgramPaths } from './config.js';
import { FRAMEWORK_KEYS } from './entities.js';

export type LayoutKind = 'empty' | 'trustlint' | 'comply' | 'hugo' | 'markdown';

export interface Layout {
  kind: LayoutKind;
  dialect: Dialect;
  /** Paths that differ from the defaults. */
  paths: Partial<ProgramPaths>;
  /** SOC 2 categories the documents map criteria to (Security always among them). */
  categories: string[];
  /** How many documents of each role were found. */
  counts: { policies: number; narratives: number; procedures: number; controls: number };
  /** What a person should know about the guess. */
  notes: string[];
}

/** The most Markdown files looked at; past this, only the first ones decide. */
const MAX_FILES = 2000;
const MAX_SIZE = 1024 * 1024;

interface Scanned {
  path: string;
  header: 'fenced' | 'comply' | 'toml' | 'none';
  fields: Record<string, unknown>;
}

function scan(root: string, path: string): Scanned | undefined {
  try {
    if (statSync(join(root, path)).size > MAX_SIZE) return undefined;
    const file = new SourceFile(path, readFileSync(join(root, path), 'utf8'));
    const frontMatter = findFrontMatter(file.text);
    if (frontMatter.kind === 'none' || frontMatter.kind === 'toml' || !frontMatter.closed) return { path, header: frontMatter.kind === 'toml' ? 'toml' : 'none', fields: {} };
    const value = parseYaml(file, { span: frontMatter.content }).documents[0]?.value;
    const fields = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    return { path, header: frontMatter.kind, fields };
  } catch {
    return undefined;
  }
}

/** The SOC 2 categories that documents' `satisfies` lists point into. */
function categoriesOf(documents: readonly Scanned[]): string[] {
  const categories = new Set(['security']);
  for (const { fields } of documents) {
    const satisfies = fields.satisfies;
    if (typeof satisfies !== 'object' || satisfies === null) continue;
    for (const [key, list] of Object.entries(satisfies)) {
      if (FRAMEWORK_KEYS[key] !== 'soc2' || !Array.isArray(list)) continue;
      for (const id of list) {
        const canonical = typeof id === 'string' ? catalogs.soc2.canonicalize(id.trim()) : undefined;
        const category = canonical === undefined ? undefined : catalogs.soc2.categoryOf(canonical);
        if (category) categories.add(category.id);
      }
    }
  }
  return catalogs.soc2.categories.map((category) => category.id).filter((id) => categories.has(id));
}

/**
 * Globs that match exactly these files: `*\/index.md` when they are all a
 * folder's `index.md` at the same depth, `dir/*.md` when they share a folder,
 * else the paths themselves.
 */
export function globsFor(paths: readonly string[]): string[] {
  if (paths.length === 0) return [];
  const bases = new Set(paths.map((path) => posix.basename(path)));
  const depths = new Set(paths.map((path) => path.split('/').length));
  const [base] = bases;
  const [depth] = depths;
  if (paths.length > 1 && bases.size === 1 && depths.size === 1 && base !== undefined && depth !== undefined && depth > 1) {
    return [[...Array<string>(depth - 1).fill('*'), base].join('/')];
  }
  const folders = new Set(paths.map((path) => posix.dirname(path)));
  const [folder] = folders;
  if (paths.length > 1 && folders.size === 1 && folder !== undefined) return [folder === '.' ? '*.md' : `${folder}/*.md`];
  return [...paths].sort();
}

function hasFiles(root: string, patterns: readonly string[]): number {
  return globSync([...patterns], { cwd: root, ignore: ALWAYS_IGNORED, onlyFiles: true }).length;
}

/** Judges what kind of program the folder `root` holds. */
export function detectLayout(root: string): Layout {
  const markdown = globSync(['**/*.md'], { cwd: root, ignore: [...ALWAYS_IGNORED, '**/node_modules/**'], onlyFiles: true }).sort().slice(0, MAX_FILES);
  const scanned = markdown.map((path) => scan(root, path)).filter((entry): entry is Scanned => entry !== undefined);
  const controls = hasFiles(root, DEFAULT_PATHS.controls);
  const count = (kind: LayoutKind, paths: Partial<ProgramPaths>, dialect: Dialect, documents: readonly Scanned[], notes: string[]): Layout => ({
    kind,
    dialect,
    paths,
    categories: categoriesOf(documents),
    counts: {
      policies: hasFiles(root, paths.policies ?? DEFAULT_PATHS.policies),
      narratives: hasFiles(root, paths.narratives ?? DEFAULT_PATHS.narratives),
      procedures: hasFiles(root, paths.procedures ?? DEFAULT_PATHS.procedures),
      controls,
    },
    notes,
  });

  const comply = scanned.filter((entry) => entry.header === 'comply');
  if (comply.some((entry) => entry.path.startsWith('policies/'))) {
    return count(
      'comply',
      { policies: ['policies/**/*.md'], narratives: ['narratives/**/*.md'], procedures: ['procedures/**/*.md'], standards: ['standards/**/*.yml', 'standards/**/*.yaml'] },
      'comply',
      comply,
      [
        'strongdm/comply documents are read as they are: headers without an opening `---`, criteria under `satisfies: {TSC: [...]}`, `acronym` as the id and `majorRevisions` as the revision history.',
        'comply documents map criteria but implement none: add controls in controls/**/*.yaml to cover them.',
      ],
    );
  }

  const fenced = scanned.filter((entry) => entry.header === 'fenced');
  const trustlint = fenced.filter((entry) => typeof entry.fields.id === 'string');
  if (trustlint.length > 0) {
    const inDefaults = trustlint.every((entry) => !entry.path.includes('/') || entry.path.startsWith('policies/'));
    return count('trustlint', inDefaults ? {} : { policies: globsFor(trustlint.map((entry) => entry.path)) }, 'auto', trustlint, []);
  }

  const hugo = fenced.filter((entry) => typeof entry.fields.title === 'string' && ['slug', 'weight', 'last_updated', 'lastmod', 'date', 'draft'].some((key) => key in entry.fields));
  if (hugo.length > 0) {
    const flagged = hugo.filter((entry) => entry.fields.policy === true);
    const policies = flagged.length ? flagged : hugo;
    const policyPaths = new Set(policies.map((entry) => entry.path));
    const others = scanned.filter((entry) => !policyPaths.has(entry.path)).map((entry) => entry.path);
    return count(
      'hugo',
      { policies: globsFor([...policyPaths]), narratives: others },
      'hugo',
      policies,
      [
        `Hugo front matter is read as policy metadata: \`title\`, \`slug\` as the id, \`last_updated\` (or \`lastmod\`) as the last review.${flagged.length ? ' Pages marked `policy: true` are the policies; the other pages are read as narratives.' : ''}`,
        'Add `owner`, `approver`, `version`, `status` and `satisfies` to each policy\'s front matter for trustlint to check them.',
      ],
    );
  }

  if (scanned.length > 0) {
    return count('markdown', { policies: globsFor(scanned.map((entry) => entry.path)) }, 'auto', [], [
      'These Markdown files have no front matter: add YAML between `---` lines at the top of each policy (id, title, owner, approver, version, effective, last_reviewed, status, satisfies).',
    ]);
  }
  return count('empty', {}, 'auto', [], []);
}
