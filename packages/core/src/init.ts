/**
 * Starting a program, or adopting a folder that already has policies: a
 * config that reads the folder as it is, an owners file, and for an empty
 * folder a starter policy and control. Nothing that exists is overwritten.
 *
 * Editors (`editor`): the JSON Schemas are wired from the editor-ready copies
 * in `node_modules/@trustlint/schemas/schemas/editor/` (they need no
 * network). That folder is looked for from the program folder upwards; when
 * it is not installed yet, it is expected in the `node_modules` beside the
 * nearest `package.json` above (else at the repository root, else in the
 * program folder).
 * - `modeline`: the YAML files init creates (config, owners, starter control)
 *   start with `# yaml-language-server: $schema=<path>`, the path relative
 *   to the file.
 * - `vscode`: `.vscode/settings.json` in the workspace folder (the
 *   repository root, else the program folder) maps the schemas to the
 *   config's globs (`yaml.schemas`) and turns ESLint on for Markdown and YAML
 *   (`eslint.validate`). An existing settings file is never changed: the
 *   settings to add are returned instead (`snippets`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import {
  CONFIG_FILE_NAMES,
  ConfigError,
  createFileExclusive,
  DEFAULT_PATHS,
  detectLayout,
  findConfigFile,
  findRepoRoot,
  loadConfig,
  localToday,
  type Layout,
  type ProgramPaths,
} from '@trustlint/model';

export interface InitFile {
  /** Path relative to the program folder (editor settings may be in a folder above it). */
  path: string;
  content: string;
  /** Editor settings: when the file exists already, its content is what to add to it by hand. */
  settings?: true;
}

/** How `init` wires the schemas and ESLint into editors. */
export type EditorSetup = 'vscode' | 'modeline' | 'none';

export const EDITOR_SETUPS: readonly EditorSetup[] = ['vscode', 'modeline', 'none'];

export interface InitResult {
  dir: string;
  layout: Layout;
  created: string[];
  /** Files that already existed and were left as they were. */
  kept: string[];
  /** Editor settings files that existed (and were kept), with the settings to add to each by hand. */
  snippets: InitFile[];
}

export interface InitOptions {
  /** The date written into a starter policy (default: today). */
  today?: string;
  /** Who to name as the first owner (default: from git's user.name and user.email). */
  person?: { name: string; email: string };
  /** How to wire the schemas into editors (default `none`). */
  editor?: EditorSetup;
}

function gitIdentity(dir: string): { name: string; email: string } | undefined {
  try {
    const read = (key: string) => execFileSync('git', ['config', '--get', key], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const name = read('user.name');
    const email = read('user.email');
    return name && email ? { name, email } : undefined;
  } catch {
    return undefined;
  }
}

/** A YAML flow list of plain strings, quoted when they need it. */
function flowList(values: readonly string[]): string {
  return `[${values.map((value) => (/^[\w./*-]+$/.test(value) && !value.startsWith('*') ? value : JSON.stringify(value))).join(', ')}]`;
}

function personId(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '.')
      .replace(/^\.+|\.+$/g, '') || 'owner'
  );
}

export function renderConfig(program: string, layout: Layout): string {
  const paths = Object.entries(layout.paths).map(([key, value]) => `  ${key}: ${Array.isArray(value) ? flowList(value) : JSON.stringify(value)}`);
  return [
    '# trustlint configuration: what is in scope, where the files are, how rules are set.',
    '# Rules and options: run `trustlint rules` and `trustlint explain RULE`.',
    `program: ${JSON.stringify(program)}`,
    '',
    '# SOC 2 Security is always in scope; add the other categories your report covers:',
    '# availability, processing-integrity, confidentiality, privacy.',
    'frameworks:',
    '  soc2:',
    `    categories: ${flowList(layout.categories)}`,
    '    type: 2',
    '',
    '# The Type 2 observation window; evidence is checked for every period of it.',
    '# observation_period:',
    '#   start: 2026-01-01',
    '#   end: 2026-06-30',
    ...(layout.dialect === 'auto' ? [] : ['', `# Policies carry their metadata with ${layout.kind === 'comply' ? "strongdm/comply's" : "a Hugo site's"} key names.`, `dialect: ${layout.dialect}`]),
    ...(paths.length ? ['', '# Where the files are, relative to this file.', 'paths:', ...paths] : []),
    '',
  ].join('\n');
}

function renderOwners(person: { id: string; name: string; email: string }): string {
  return [
    '# People and teams that may own and approve policies and controls.',
    '# Set `active: false` when someone leaves; add `github` handles to check CODEOWNERS.',
    'people:',
    `  - id: ${person.id}`,
    `    name: ${JSON.stringify(person.name)}`,
    `    email: ${JSON.stringify(person.email)}`,
    '    active: true',
    'teams:',
    '  - id: security',
    '    name: Security',
    `    members: [${person.id}]`,
    '',
  ].join('\n');
}

function starterPolicy(approver: string, today: string): string {
  return `---
id: POL-SECURITY
title: Information Security Policy
owner: security
approver: ${approver}
version: "0.1"
effective: ${today}
last_reviewed: ${today}
review_cycle: 12
status: draft
satisfies:
  soc2: [CC1.1, CC2.2, CC5.3]
---

# Information Security Policy

## Purpose

State why the company protects its information and what this policy sets out to achieve.

## Scope

Say which people, systems and data this policy covers.

## Policy

Write the rules: who is responsible for what, how access is granted, how changes are made, how
incidents are handled. Link to the more specific policies as you write them.
`;
}

function starterControl(): string {
  return `# One control per file (or a list of them). Only implemented controls cover criteria.
id: SEC-01
title: Annual review of the security policies
description: >-
  Each year the Security team reviews every policy, records the review date in its
  front matter, and has the approver sign off changes.
owner: security
status: planned
frequency: annual
satisfies:
  soc2: [CC5.3]
policies: [POL-SECURITY]
`;
}

/** Where the `@trustlint/schemas` package is, or will be once installed, for a program folder. */
export function schemasPackageDir(dir: string): string {
  const root = resolve(dir);
  for (let current = root; ; current = dirname(current)) {
    const installed = join(current, 'node_modules', '@trustlint', 'schemas');
    if (existsSync(installed)) return installed;
    if (dirname(current) === current) break;
  }
  for (let current = root; ; current = dirname(current)) {
    if (existsSync(join(current, 'package.json'))) return join(current, 'node_modules', '@trustlint', 'schemas');
    if (dirname(current) === current) break;
  }
  return join(findRepoRoot(root) ?? root, 'node_modules', '@trustlint', 'schemas');
}

type SchemaName = 'config' | 'control' | 'owners' | 'evidence';

function editorSchemaFile(schemasDir: string, name: SchemaName): string {
  return join(schemasDir, 'schemas', 'editor', `${name}.schema.json`);
}

/** A relative path written with `/`, starting with `./` or `../`. */
function relativePath(from: string, to: string): string {
  const path = relative(from, to).split(sep).join('/');
  return path.startsWith('../') ? path : `./${path}`;
}

/** The first line that points yaml-language-server at a schema, by a path relative to the file. */
export function schemaModeline(fileDir: string, schemaFile: string): string {
  return `# yaml-language-server: $schema=${relativePath(fileDir, schemaFile)}`;
}

/** The program's path globs: the existing config's, or those of the config init writes. */
function programPaths(root: string, layout: Layout): ProgramPaths {
  const existing = findConfigFile(root);
  if (existing !== undefined && dirname(existing) === root) {
    try {
      return loadConfig(existing).paths;
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
    }
  }
  return { ...DEFAULT_PATHS, ...layout.paths };
}

/** VS Code settings: the schemas for the program's YAML files, and ESLint for Markdown and YAML. */
export function vscodeSettings(workspace: string, programDir: string, schemasDir: string, paths: ProgramPaths): string {
  const prefix = relative(workspace, programDir).split(sep).join('/');
  const glob = (pattern: string) => (prefix === '' ? pattern : `${prefix}/${pattern.replace(/^\.\//, '')}`);
  const schema = (name: SchemaName) => relativePath(workspace, editorSchemaFile(schemasDir, name));
  const settings = {
    'yaml.schemas': {
      [schema('config')]: CONFIG_FILE_NAMES.map(glob),
      [schema('control')]: paths.controls.map(glob),
      [schema('owners')]: [glob(paths.owners)],
      [schema('evidence')]: paths.evidence.map(glob),
    },
    'eslint.validate': ['markdown', 'yaml'],
  };
  return `${JSON.stringify(settings, null, 2)}\n`;
}

/** The files `init` would write into `dir`. */
export function planInit(dir: string, options: InitOptions = {}): { layout: Layout; files: InitFile[] } {
  const root = resolve(dir);
  const layout = detectLayout(root);
  const identity = options.person ?? gitIdentity(root) ?? { name: 'Your Name', email: 'you@example.com' };
  const person = { id: personId(identity.name), ...identity };
  const today = options.today ?? localToday();
  const editor = options.editor ?? 'none';
  const schemasDir = schemasPackageDir(root);
  /** A YAML file's content, with a modeline first when asked for. */
  const yaml = (path: string, name: SchemaName, content: string): InitFile => ({
    path,
    content: editor === 'modeline' ? `${schemaModeline(dirname(join(root, path)), editorSchemaFile(schemasDir, name))}\n${content}` : content,
  });
  const files: InitFile[] = [
    yaml(CONFIG_FILE_NAMES[0], 'config', renderConfig(basename(root), layout)),
    yaml('owners.yaml', 'owners', renderOwners(person)),
  ];
  if (layout.kind === 'empty') {
    files.push({ path: 'policies/information-security.md', content: starterPolicy(person.id, today) });
    files.push(yaml('controls/SEC-01.yaml', 'control', starterControl()));
  }
  if (editor === 'vscode') {
    const workspace = findRepoRoot(root) ?? root;
    const settings = join(workspace, '.vscode', 'settings.json');
    files.push({ path: relative(root, settings).split(sep).join('/'), content: vscodeSettings(workspace, root, schemasDir, programPaths(root, layout)), settings: true });
  }
  return { layout, files };
}

/** Writes what `planInit` plans, creating nothing that exists already. */
export function init(dir: string, options: InitOptions = {}): InitResult {
  const root = resolve(dir);
  mkdirSync(root, { recursive: true });
  const { layout, files } = planInit(root, options);
  const existingConfig = findConfigFile(root);
  const created: string[] = [];
  const kept: string[] = [];
  const snippets: InitFile[] = [];
  for (const file of files) {
    const path = join(root, file.path);
    const isConfig = file.path === CONFIG_FILE_NAMES[0];
    if (isConfig && existingConfig !== undefined && dirname(existingConfig) === root) {
      kept.push(basename(existingConfig));
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    if (createFileExclusive(path, file.content)) {
      created.push(file.path);
    } else {
      kept.push(file.path);
      if (file.settings) snippets.push(file);
    }
  }
  return { dir: root, layout, created, kept, snippets };
}

