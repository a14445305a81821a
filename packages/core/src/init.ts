/**
 * Starting a program, or adopting a folder that already has policies: a
 * config that reads the folder as it is, an owners file, and for an empty
 * folder a starter policy and control. Nothing that exists is overwritten.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAMES, createFileExclusive, detectLayout, findConfigFile, localToday, type Layout } from '@trustlint/model';

export interface InitFile {
  /** Path relative to the program folder. */
  path: string;
  content: string;
}

export interface InitResult {
  dir: string;
  layout: Layout;
  created: string[];
  /** Files that already existed and were left as they were. */
  kept: string[];
}

export interface InitOptions {
  /** The date written into a starter policy (default: today). */
  today?: string;
  /** Who to name as the first owner (default: from git's user.name and user.email). */
  person?: { name: string; email: string };
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

/** The files `init` would write into `dir`. */
export function planInit(dir: string, options: InitOptions = {}): { layout: Layout; files: InitFile[] } {
  const layout = detectLayout(dir);
  const identity = options.person ?? gitIdentity(dir) ?? { name: 'Your Name', email: 'you@example.com' };
  const person = { id: personId(identity.name), ...identity };
  const today = options.today ?? localToday();
  const files: InitFile[] = [
    { path: CONFIG_FILE_NAMES[0], content: renderConfig(basename(resolve(dir)), layout) },
    { path: 'owners.yaml', content: renderOwners(person) },
  ];
  if (layout.kind === 'empty') {
    files.push({ path: 'policies/information-security.md', content: starterPolicy(person.id, today) });
    files.push({ path: 'controls/SEC-01.yaml', content: starterControl() });
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
  for (const file of files) {
    const path = join(root, file.path);
    const isConfig = file.path === CONFIG_FILE_NAMES[0];
    if (isConfig && existingConfig !== undefined && dirname(existingConfig) === root) {
      kept.push(basename(existingConfig));
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    (createFileExclusive(path, file.content) ? created : kept).push(file.path);
  }
  return { dir: root, layout, created, kept };
}

