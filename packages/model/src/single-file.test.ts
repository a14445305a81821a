import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyOf, corpus, REPOSITORY, SAMPLE } from '@trustlint/test-support';
import { describe, expect, it } from 'vitest';
import { defaultConfig, loadConfig, parseConfig } from './config.js';
import { MemorySource } from './files.js';
import { detectLayout } from './layout.js';
import { loadProgram, type ProgramFile } from './program.js';
import { buildProgramFiles, loadSharedFacts, programOfFile, rolesOf } from './single-file.js';

/** An entry as plain data: functions dropped, maps as entries, files by path. */
function plain(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_key, item: unknown) => {
      if (typeof item === 'function') return undefined;
      if (item instanceof Map) return [...item.entries()];
      return item;
    }),
  );
}

/** Every entry of a program, rebuilt one file at a time, equals the entry `loadProgram` built. */
function expectSameEntries(programDir: string, config = loadConfig(join(programDir, 'trustlint.config.yaml'))): ProgramFile[] {
  const program = loadProgram(config);
  expect(program.files.length).toBeGreaterThan(3);
  for (const entry of program.files) {
    const absolute = entry.file.absolutePath;
    const rebuilt = buildProgramFiles(config, absolute, readFileSync(absolute, 'utf8'));
    const expected = program.files.filter((other) => other.file.absolutePath === absolute);
    expect(rebuilt.map((other) => other.role)).toEqual(expected.map((other) => other.role));
    expect(plain(rebuilt)).toEqual(plain(expected));
  }
  return program.files;
}

describe('one file without the program', () => {
  it('builds the same entry for every file of the sample program as loadProgram does', () => {
    const files = expectSameEntries(SAMPLE);
    expect(new Set(files.map((entry) => entry.role))).toEqual(new Set(['config', 'policy', 'control', 'evidence', 'owners', 'codeowners']));
  });

  it('builds the same entries for a program with problems, and for a comply repository read without a config', () => {
    expectSameEntries(join(REPOSITORY, 'apps/cli/test/fixtures/violations'));
    const comply = corpus('comply-soc2');
    const files = expectSameEntries(comply, defaultConfig(comply, detectLayout(comply)));
    expect(new Set(files.map((entry) => entry.role))).toEqual(new Set(['policy', 'narrative', 'procedure', 'standard']));
  });

  it('decides the role from the config and leaves out files that are not part of the program', () => {
    const config = loadConfig(join(SAMPLE, 'trustlint.config.yaml'));
    expect(rolesOf(config, join(SAMPLE, 'access-control.md'))).toEqual(['policy']);
    expect(rolesOf(config, join(SAMPLE, 'controls/access/AC-01.yaml'))).toEqual(['control']);
    expect(rolesOf(config, join(SAMPLE, 'evidence/AC-01.yaml'))).toEqual(['evidence']);
    expect(rolesOf(config, join(SAMPLE, 'owners.yaml'))).toEqual(['owners']);
    expect(rolesOf(config, join(SAMPLE, 'trustlint.config.yaml'))).toEqual(['config']);
    expect(rolesOf(config, join(SAMPLE, '.github/CODEOWNERS'))).toEqual(['codeowners']);
    expect(rolesOf(config, join(SAMPLE, 'README.md'))).toEqual([]);
    expect(rolesOf(config, join(SAMPLE, 'notes/todo.yaml'))).toEqual([]);
    expect(rolesOf(config, join(REPOSITORY, 'README.md'))).toEqual([]);
    expect(buildProgramFiles(config, join(SAMPLE, 'notes/todo.yaml'), 'id: X\n')).toEqual([]);
  });

  it('reads the text being edited, not the file on disk, with the problems a run would find in it', () => {
    const config = loadConfig(join(SAMPLE, 'trustlint.config.yaml'));
    const path = join(SAMPLE, 'controls/access/AC-01.yaml');
    const text = readFileSync(path, 'utf8').replace(/^owner: .*$/m, 'owner: someone-new');
    const [entry, ...rest] = buildProgramFiles(config, path, text);
    expect(rest).toEqual([]);
    expect(entry?.file.path).toBe('policies/controls/access/AC-01.yaml');
    expect(entry?.entities).toMatchObject([{ kind: 'control', owner: 'someone-new' }]);
    const [broken] = buildProgramFiles(config, path, 'id: [unclosed\n# trustlint-disable-next-line schema -- testing\n');
    expect(broken?.problems.map((problem) => problem.code)).toEqual(['yaml-syntax']);
    expect(broken?.entities).toEqual([]);
    expect(broken?.directives).toHaveLength(1);
    const [binary] = buildProgramFiles(config, path, 'id: A\u0000');
    expect(binary?.problems.map((problem) => problem.code)).toEqual(['binary']);
  });

  it('reads a file once per role when several globs match it, as loadProgram does', () => {
    const config = parseConfig('paths:\n  policies: ["docs/*.md"]\n  narratives: ["docs/*.md"]\n', '/r/trustlint.config.yaml');
    const text = '---\nid: POL-1\n---\n# Title\n';
    const program = loadProgram(config, { repoRoot: '/r', source: new MemorySource({ 'docs/a.md': text }) });
    const rebuilt = buildProgramFiles(config, '/r/docs/a.md', text, { repoRoot: '/r', source: new MemorySource({}) });
    expect(rebuilt.map((entry) => entry.role)).toEqual(['policy', 'narrative']);
    expect(plain(rebuilt)).toEqual(plain(program.files.filter((entry) => entry.file.path === 'docs/a.md')));
  });

  it('loads the owners and CODEOWNERS as a whole run does, and lets the buffer of either stand in for the file', () => {
    const config = loadConfig(join(SAMPLE, 'trustlint.config.yaml'));
    const program = loadProgram(config);
    const facts = loadSharedFacts(config);
    expect(facts.repoRoot).toBe(REPOSITORY);
    expect(plain(facts.owners)).toEqual(plain(program.owners));
    expect(plain(facts.codeowners)).toEqual(plain(program.codeowners));
    expect(facts.files).toEqual([join(SAMPLE, 'owners.yaml'), join(SAMPLE, '.github/CODEOWNERS')]);

    const policy = join(SAMPLE, 'access-control.md');
    const single = programOfFile(config, facts, buildProgramFiles(config, policy, readFileSync(policy, 'utf8')));
    expect(single.policies.map((entity) => entity.id)).toEqual(program.policies.filter((entity) => entity.file.absolutePath === policy).map((entity) => entity.id));
    expect(single.owners).toBe(facts.owners);
    expect(single.codeowners).toBe(facts.codeowners);

    const ownersPath = join(SAMPLE, 'owners.yaml');
    const edited = programOfFile(config, facts, buildProgramFiles(config, ownersPath, 'people: []\n'));
    expect(edited.owners.people.size).toBe(0);
  });

  it('looks for CODEOWNERS where a run would, and notices one that appears', () => {
    const dir = copyOf(join(REPOSITORY, 'apps/cli/test/fixtures/violations'));
    const config = loadConfig(join(dir, 'trustlint.config.yaml'));
    expect(loadSharedFacts(config).codeowners).toBeUndefined();
    expect(rolesOf(config, join(dir, 'CODEOWNERS'))).toEqual([]);
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs/CODEOWNERS'), '* @harbor/security\n');
    expect(loadSharedFacts(config).codeowners?.file.path).toBe(loadProgram(config).codeowners?.file.path);
    expect(rolesOf(config, join(dir, 'docs/CODEOWNERS'))).toEqual(['codeowners']);
  });
});
