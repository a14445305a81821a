import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyOf, corpus, REPOSITORY, SAMPLE, TODAY } from '@trustlint/test-support';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { init } from './init.js';
import { lint } from './lint.js';

const person = { name: 'Maya Okafor', email: 'maya@example.com' };

describe('init', () => {
  it('starts a program in an empty folder whose only findings are the criteria it does not cover yet', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustlint-init-'));
    const result = init(dir, { today: TODAY, person });
    expect(result.layout.kind).toBe('empty');
    expect(result.created).toEqual(['trustlint.config.yaml', 'owners.yaml', 'policies/information-security.md', 'controls/SEC-01.yaml']);
    expect(readFileSync(join(dir, 'owners.yaml'), 'utf8')).toContain('  - id: maya.okafor\n    name: "Maya Okafor"');
    const { findings, program } = lint({ cwd: dir, today: TODAY });
    expect(program.policies.map((policy) => policy.id)).toEqual(['POL-SECURITY']);
    expect(program.controls.map((control) => control.id)).toEqual(['SEC-01']);
    expect(new Set(findings.map((finding) => finding.ruleId))).toEqual(new Set(['uncovered-criterion']));
  });

  it('never overwrites: a second run keeps every file as it is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustlint-init-'));
    init(dir, { today: TODAY, person });
    const before = readFileSync(join(dir, 'trustlint.config.yaml'), 'utf8');
    const again = init(dir, { today: '2030-01-01', person: { name: 'Someone Else', email: 'x@example.com' } });
    expect(again.created).toEqual([]);
    expect(again.kept).toEqual(['trustlint.config.yaml', 'owners.yaml']);
    expect(readFileSync(join(dir, 'trustlint.config.yaml'), 'utf8')).toBe(before);
  });

  it('keeps an existing config and does not add starter files to an existing program', () => {
    const dir = copyOf(SAMPLE);
    const result = init(dir, { today: TODAY, person });
    expect(result.layout.kind).toBe('trustlint');
    expect(result.created).toEqual([]);
    expect(result.kept).toEqual(['trustlint.config.yaml', 'owners.yaml']);
  });

  it('adopts a strongdm/comply repository as it is', () => {
    const dir = copyOf(corpus('comply-soc2'));
    const result = init(dir, { today: TODAY, person });
    expect(result.created).toEqual(['trustlint.config.yaml', 'owners.yaml']);
    const config = readFileSync(join(dir, 'trustlint.config.yaml'), 'utf8');
    expect(config).toContain('    categories: [security, availability, processing-integrity, confidentiality, privacy]\n');
    expect(config).toContain('\ndialect: comply\n');
    expect(config).toContain('  policies: [policies/**/*.md]\n');
    const { findings, program, configPath } = lint({ cwd: dir, today: TODAY });
    expect(configPath).toBe('trustlint.config.yaml');
    expect(program.policies).toHaveLength(27);
    expect(program.documents).toHaveLength(9);
    expect(new Set(findings.map((finding) => finding.ruleId))).toEqual(new Set(['owner-missing', 'required-sections', 'uncovered-criterion', 'unknown-criterion']));
  });

  it('adopts a Hugo site of policies as it is', () => {
    const dir = copyOf(corpus('tailscale-security-policies'));
    init(dir, { today: TODAY, person });
    const config = readFileSync(join(dir, 'trustlint.config.yaml'), 'utf8');
    expect(config).toContain('\ndialect: hugo\n');
    expect(config).toContain('  policies: ["*/index.md"]\n');
    expect(lint({ cwd: dir, today: TODAY }).program.policies).toHaveLength(14);
  });
});

describe('init --editor', () => {
  const SCHEMAS = './node_modules/@trustlint/schemas/schemas/editor';

  it('modeline: starts each YAML file it creates with a yaml-language-server modeline to the editor schema, relative to the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustlint-init-'));
    writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
    mkdirSync(join(dir, 'node_modules/@trustlint'), { recursive: true });
    symlinkSync(join(REPOSITORY, 'packages/schemas'), join(dir, 'node_modules/@trustlint/schemas'));
    const result = init(dir, { today: TODAY, person, editor: 'modeline' });
    expect(result.created).toEqual(['trustlint.config.yaml', 'owners.yaml', 'policies/information-security.md', 'controls/SEC-01.yaml']);
    const firstLine = (path: string) => readFileSync(join(dir, path), 'utf8').split('\n')[0];
    expect(firstLine('trustlint.config.yaml')).toBe(`# yaml-language-server: $schema=${SCHEMAS}/config.schema.json`);
    expect(firstLine('owners.yaml')).toBe(`# yaml-language-server: $schema=${SCHEMAS}/owners.schema.json`);
    expect(firstLine('controls/SEC-01.yaml')).toBe('# yaml-language-server: $schema=../node_modules/@trustlint/schemas/schemas/editor/control.schema.json');
    expect(firstLine('policies/information-security.md')).toBe('---');
    // Each modeline leads to the published editor schema.
    expect(existsSync(join(dir, 'controls', '../node_modules/@trustlint/schemas/schemas/editor/control.schema.json'))).toBe(true);
    expect(existsSync(join(dir, SCHEMAS, 'config.schema.json'))).toBe(true);
    // The modelines change nothing for trustlint itself.
    const { findings } = lint({ cwd: dir, today: TODAY });
    expect(new Set(findings.map((finding) => finding.ruleId))).toEqual(new Set(['uncovered-criterion']));
  });

  it('none (the default) writes no modeline and no settings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustlint-init-'));
    const result = init(dir, { today: TODAY, person });
    expect(result.snippets).toEqual([]);
    expect(readFileSync(join(dir, 'controls/SEC-01.yaml'), 'utf8')).not.toContain('yaml-language-server');
    expect(existsSync(join(dir, '.vscode'))).toBe(false);
  });

  it('vscode: creates .vscode/settings.json mapping the schemas to the config\'s globs and turning ESLint on for Markdown and YAML', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustlint-init-'));
    const result = init(dir, { today: TODAY, person, editor: 'vscode' });
    expect(result.created).toContain('.vscode/settings.json');
    expect(readFileSync(join(dir, 'controls/SEC-01.yaml'), 'utf8')).not.toContain('yaml-language-server');
    expect(JSON.parse(readFileSync(join(dir, '.vscode/settings.json'), 'utf8'))).toEqual({
      'yaml.schemas': {
        [`${SCHEMAS}/config.schema.json`]: ['trustlint.config.yaml', 'trustlint.config.yml'],
        [`${SCHEMAS}/control.schema.json`]: ['controls/**/*.yaml', 'controls/**/*.yml'],
        [`${SCHEMAS}/owners.schema.json`]: ['owners.yaml'],
        [`${SCHEMAS}/evidence.schema.json`]: ['evidence/**/*.yaml', 'evidence/**/*.yml'],
      },
      'eslint.validate': ['markdown', 'yaml'],
    });
  });

  it('vscode: never touches existing settings, and returns what to add by hand', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustlint-init-'));
    mkdirSync(join(dir, '.vscode'));
    writeFileSync(join(dir, '.vscode/settings.json'), '{ "editor.tabSize": 4 }\n');
    const result = init(dir, { today: TODAY, person, editor: 'vscode' });
    expect(result.kept).toEqual(['.vscode/settings.json']);
    expect(readFileSync(join(dir, '.vscode/settings.json'), 'utf8')).toBe('{ "editor.tabSize": 4 }\n');
    expect(result.snippets.map((snippet) => snippet.path)).toEqual(['.vscode/settings.json']);
    expect(JSON.parse(result.snippets[0]!.content)).toMatchObject({ 'eslint.validate': ['markdown', 'yaml'] });
  });

  it('vscode: writes the settings at the repository root for a program in a sub-folder, with globs from its existing config', () => {
    const repo = mkdtempSync(join(tmpdir(), 'trustlint-init-'));
    mkdirSync(join(repo, '.git'));
    writeFileSync(join(repo, 'package.json'), '{ "private": true }\n');
    const dir = join(repo, 'compliance');
    mkdirSync(dir);
    writeFileSync(join(dir, 'trustlint.config.yaml'), 'paths:\n  controls: ["controls/*.yaml"]\n  owners: people/owners.yaml\n  evidence: []\n');
    const result = init(dir, { today: TODAY, person, editor: 'vscode' });
    expect(result.created).toContain('../.vscode/settings.json');
    expect(JSON.parse(readFileSync(join(repo, '.vscode/settings.json'), 'utf8'))).toEqual({
      'yaml.schemas': {
        [`${SCHEMAS}/config.schema.json`]: ['compliance/trustlint.config.yaml', 'compliance/trustlint.config.yml'],
        [`${SCHEMAS}/control.schema.json`]: ['compliance/controls/*.yaml'],
        [`${SCHEMAS}/owners.schema.json`]: ['compliance/people/owners.yaml'],
        [`${SCHEMAS}/evidence.schema.json`]: [],
      },
      'eslint.validate': ['markdown', 'yaml'],
    });
  });
});
