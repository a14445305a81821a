import { join } from 'node:path';
import { SourceFile } from '@trustlint/parser';
import { corpus, REPOSITORY } from '@trustlint/test-support';
import { SIZES, writeProgram } from '@trustlint/test-support/generate';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultConfig, loadConfig, parseConfig, type Config } from './config.js';
import { factsOf, factsWithoutPlaces, movedPlaces, releaseYaml, restoreFromFacts, type FactsStore, type FileFacts } from './facts.js';
import { MemorySource } from './files.js';
import { detectLayout } from './layout.js';
import { loadProgram, type LoadProgramOptions, type Program, type ProgramFile } from './program.js';

/** Locations as `path@start-end`, so that programs loaded twice compare by place rather than by object. */
function placed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(placed);
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof SourceFile) return value.path;
  const record = value as Record<string, unknown>;
  if (record.file instanceof SourceFile && typeof record.span === 'object' && Object.keys(record).length === 2) {
    const span = record.span as { start: number; end: number };
    return `${record.file.path}@${span.start}-${span.end}`;
  }
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, placed(item)]));
}

/** A store that keeps facts as a cache does: through JSON. */
function jsonStore(): FactsStore & { hits: number } {
  const kept = new Map<string, string>();
  const store = {
    hits: 0,
    get(entry: ProgramFile): FileFacts | undefined {
      const text = kept.get(`${entry.file.path}\n${entry.file.text}`);
      if (text !== undefined) store.hits++;
      return text === undefined ? undefined : (JSON.parse(text) as FileFacts);
    },
    set(entry: ProgramFile, facts: FileFacts): void {
      kept.set(`${entry.file.path}\n${entry.file.text}`, JSON.stringify(facts));
    },
  };
  return store;
}

/** Paths a rule might locate in an entity: itself, each key, a missing key, and deeper paths that need the YAML. */
function probes(value: unknown): [(string | number)[], 'key' | 'value'][] {
  const keys = typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value) : [];
  const paths: (string | number)[][] = [[], ['\u0000'], ['no-such-key'], [0], ['satisfies', 'soc2', 0], ['evidence', 0, 'date'], ['revisions', 1]];
  for (const key of keys) paths.push([key], [key, 0], [key, 'id']);
  return paths.flatMap((path) => [[path, 'value'] as const, [path, 'key'] as const]).map(([path, target]) => [path, target]);
}

/** Expects a program loaded another way (from facts, letting go of YAML) to be the same as one parsed, in every way rules can see. */
function expectSamePrograms(parsed: Program, other: Program): void {
  expect(other.files.map((entry) => entry.file.path)).toEqual(parsed.files.map((entry) => entry.file.path));
  parsed.files.forEach((entry, fileIndex) => {
    const copyOf = other.files[fileIndex] as ProgramFile;
    const where = entry.file.path;
    expect(placed(copyOf.problems), where).toEqual(placed(entry.problems));
    expect(copyOf.directives, where).toEqual(entry.directives);
    expect(copyOf.entities.length, where).toBe(entry.entities.length);
    entry.entities.forEach((entity, index) => {
      const copy = copyOf.entities[index] as unknown as Record<string, unknown>;
      const original = entity as unknown as Record<string, unknown>;
      const at = `${where} entity ${index}`;
      expect(Object.keys(copy).sort(), at).toEqual(Object.keys(original).sort());
      for (const key of Object.keys(original)) {
        if (typeof original[key] === 'function' || key === 'node' || key === 'value') continue;
        expect(placed(copy[key]), `${at}: ${key}`).toEqual(placed(original[key]));
      }
      for (const [path, target] of probes(entity.value)) {
        expect(placed(copy.locate && (copy as unknown as typeof entity).locate(path, target)), `${at}: locate ${JSON.stringify(path)} ${target}`).toEqual(
          placed(entity.locate(path, target)),
        );
      }
      if ('outline' in entity) expect((copy as unknown as typeof entity).outline(), at).toEqual(entity.outline());
      expect(copy.value, at).toEqual(entity.value);
      expect(copy.node, at).toEqual(entity.node);
    });
    expect(copyOf.documents, where).toEqual(entry.documents);
  });
}

/** Whether an entry holds its YAML documents itself, rather than parsing the file again for them. */
function holdsYaml(entry: ProgramFile): boolean {
  return Object.getOwnPropertyDescriptor(entry, 'documents')?.get === undefined;
}

/**
 * Loads a program by parsing; then letting go of each file's YAML once it is
 * checked; then again from its facts; and expects each to be the same as
 * the first in every way rules can see.
 */
function expectSameFromFacts(config: Config, options: LoadProgramOptions = {}): Program {
  const parsed = loadProgram(config, options);
  const checked: ProgramFile[] = [];
  const released = loadProgram(config, {
    ...options,
    releaseYaml: true,
    check: () => (entry) => {
      expect(holdsYaml(entry), entry.file.path).toBe(true);
      checked.push(entry);
    },
  });
  expect(checked).toHaveLength(released.files.length);
  expect(checked.every((entry, index) => entry === released.files[index])).toBe(true);
  const globbed = parsed.files.filter((entry) => entry.role !== 'config' && entry.role !== 'owners' && entry.role !== 'codeowners' && entry.problems.every((problem) => !['too-large', 'unreadable', 'binary', 'utf16', 'invalid-utf8', 'symlink-outside', 'linked-folder', 'not-a-file'].includes(problem.code)));
  const pathOf = (entry: ProgramFile): string => `${entry.role} ${entry.file.path}`;
  expect(released.files.filter((entry) => !holdsYaml(entry)).map(pathOf)).toEqual(globbed.map(pathOf));
  expectSamePrograms(parsed, released);

  const store = jsonStore();
  expectSamePrograms(parsed, loadProgram(config, { ...options, facts: store, releaseYaml: true }));
  expect(store.hits).toBe(0);
  const restored = loadProgram(config, { ...options, facts: store });
  expect(store.hits).toBe(globbed.length);
  expectSamePrograms(parsed, restored);
  return restored;
}

describe('file facts', () => {
  it('give back the sample program as parsing reads it', () => {
    const program = expectSameFromFacts(loadConfig(join(REPOSITORY, 'policies/trustlint.config.yaml')));
    expect(program.controls.length).toBeGreaterThan(30);
  });

  it('give back the real-world corpora as parsing reads them', () => {
    for (const name of ['comply-soc2', 'tailscale-security-policies'] as const) {
      const dir = corpus(name);
      const program = expectSameFromFacts(defaultConfig(dir, detectLayout(dir)));
      expect(program.policies.length, name).toBeGreaterThan(5);
    }
  });

  it('give back a generated program with every kind of file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustlint-facts-'));
    try {
      writeProgram(dir, { ...SIZES.small, seed: 5 });
      expectSameFromFacts(loadConfig(join(dir, 'trustlint.config.yaml')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('give back odd and broken files exactly, problems included', () => {
    const config = parseConfig(
      'paths:\n  policies: [policies/*.md]\n  narratives: [narratives/*.md]\n  standards: [standards/*.yaml]\n  controls: [controls/*.yaml]\n  evidence: [evidence/*.yaml]\n',
      '/r/trustlint.config.yaml',
    );
    const source = new MemorySource({
      'controls/list.yaml': '- id: L-1\n  owner: c\n- id: L-2\n  owner: d\n  satisfies: {soc2: [CC1.1]}\n- just text\n',
      'controls/multi.yaml': 'id: M-1\nowner: a\n---\nid: M-2\nowner: b\nstatus: implemented\n',
      'controls/anchors.yaml': 'base: &base\n  owner: a\nid: A-1\n<<: *base\nsatisfies:\n  soc2: &ids [CC6.1, CC6.2]\n  iso27001: [5.1, 6.10, "8.2"]\npolicies: *ids\n',
      'controls/alias-root.yaml': '- &one\n  id: R-1\n  owner: a\n- *one\n',
      'controls/duplicates.yaml': 'id: D-1\nowner: a\nowner: b\n"id": D-2\n__proto__: x\nconstructor: y\n',
      'controls/quoted.yaml': '"id": Q-1\n\'owner\': "q"\n? complex\n: value\nempty:\nblock:\n  - 1\n# trustlint-disable-next-line owner-unknown -- testing\nstatus: planned\n',
      'controls/scalar.yaml': 'just some text\n',
      'controls/empty.yaml': '',
      'controls/comments.yaml': '# only a comment\n',
      'controls/syntax.yaml': 'id: S-1\nowner: [unclosed\n',
      'controls/evidence.yaml': 'id: E-1\nfrequency: monthly\nevidence:\n  - date: 2026-01-02\n    summary: ok\n  - date: not-a-date\n  - just text\n',
      'evidence/log.yaml': 'control: E-1\nrecords:\n  - date: 2026-02-03\n    summary: ok\n',
      'standards/tsc.yaml': 'name: TSC\nCC1.1:\n  name: x\nCC1.2: {}\n',
      'policies/plain.md': '---\nid: POL-1\ntitle: Plain\nowner: a\nversion: 1.10\nrevisions:\n  - version: 1.0\n    date: 2026-01-01\nsatisfies:\n  soc2: [CC1.1]\n---\n# Plain\n\nSee [x](./none.md) <!-- trustlint-disable-next-line broken-link -- later -->\n',
      'policies/none.md': '# No front matter\n',
      'policies/toml.md': '+++\ntitle = "x"\n+++\n# Toml\n',
      'policies/unclosed.md': '---\ntitle: x\n# Body\n',
      'policies/empty.md': '---\n---\n# Empty\n',
      'policies/list.md': '---\n- a\n- b\n---\n# List\n',
      'policies/comply.md': 'name: Comply\nacronym: CMP\nsatisfies:\n  TSC:\n    - CC1.1\nmajorRevisions:\n  - date: Jun 1 2018\n    comment: Initial\n---\n# Comply\n',
      'policies/crlf.md': '\uFEFF---\r\nid: POL-2\r\ntitle: Crlf\r\n---\r\n# Crlf\r\n',
      'narratives/story.md': '# A narrative without front matter\n',
      'owners.yaml': 'people:\n  - id: a\n',
    });
    const program = expectSameFromFacts(config, { source, repoRoot: '/r' });
    expect(program.files.some((entry) => entry.problems.some((problem) => problem.code === 'duplicate-key'))).toBe(true);
    expect(program.files.some((entry) => entry.problems.some((problem) => problem.code === 'yaml-syntax'))).toBe(true);
    expect(program.controls.map((control) => control.id)).toContain('R-1');
  });

  it('parse a file again only when something beyond the facts is asked for, and only once', () => {
    const config = parseConfig('{}\n', '/r/trustlint.config.yaml');
    const source = new MemorySource({ 'controls/c.yaml': 'id: C-1\nowner: a\nsatisfies:\n  soc2: [CC1.1]\nevidence:\n  - date: 2026-01-02\n' });
    const [entry] = loadProgram(config, { source, repoRoot: '/r' }).files.filter((file) => file.role === 'control');
    if (entry === undefined) throw new Error('no control file');
    const facts = JSON.parse(JSON.stringify(factsOf(entry))) as FileFacts;
    let parses = 0;
    const bare: ProgramFile = { file: entry.file, role: 'control', problems: [], documents: [], entities: [], directives: [] };
    const [control] = restoreFromFacts(bare, facts, () => {
      parses++;
      return entry;
    });
    if (control?.kind !== 'control') throw new Error('no control');
    expect([control.id, control.owner, control.satisfies[0]?.id, control.evidence[0]?.date]).toEqual(['C-1', 'a', 'CC1.1', '2026-01-02']);
    expect(control.locate(['owner']).span).toEqual(entry.entities[0]?.locate(['owner']).span);
    expect(control.locate([]).span).toEqual({ start: 0, end: 7 });
    expect(parses).toBe(0);
    expect(control.locate(['satisfies', 'soc2', 0]).span).toEqual(control.satisfies[0]?.location.span);
    expect(control.value).toMatchObject({ id: 'C-1' });
    expect(bare.documents).toHaveLength(1);
    expect(parses).toBe(1);
    // Letting go of its YAML again lets go of what was parsed: the next ask parses once more.
    releaseYaml(bare, () => {
      throw new Error('a restored entry is parsed by the function it was restored with');
    });
    expect(control.locate(['owner']).span).toEqual(entry.entities[0]?.locate(['owner']).span);
    expect(parses).toBe(1);
    expect(control.node).toEqual(entry.entities[0]?.node);
    expect(parses).toBe(2);
  });

  it('let go of a parsed file\'s YAML, locating from places and parsing again on first use, once', () => {
    const config = parseConfig('{}\n', '/r/trustlint.config.yaml');
    const source = new MemorySource({ 'controls/c.yaml': '# c\nid: C-1\nowner: a\nsatisfies:\n  soc2: [CC1.1]\n', 'owners.yaml': 'people:\n  - id: a\n' });
    const parsed = loadProgram(config, { source, repoRoot: '/r' });
    const [entry] = parsed.files.filter((file) => file.role === 'control');
    const [control] = parsed.controls;
    if (entry === undefined || control === undefined) throw new Error('no control');
    const node = control.node;
    let parses = 0;
    releaseYaml(entry, () => {
      parses++;
      return loadProgram(config, { source, repoRoot: '/r' }).files.find((file) => file.role === 'control') as ProgramFile;
    });
    expect(control.locate(['owner']).span).toEqual({ start: 19, end: 20 });
    expect(control.locate([]).span).toEqual({ start: 4, end: 11 });
    expect(control.satisfies[0]?.location.span).toEqual({ start: 41, end: 46 });
    expect(parses).toBe(0);
    expect(control.locate(['satisfies', 'soc2', 0]).span).toEqual({ start: 41, end: 46 });
    expect(control.node).toEqual(node);
    expect(entry.documents).toHaveLength(1);
    expect(parses).toBe(1);
    const owners = parsed.files.find((file) => file.role === 'owners') as ProgramFile;
    expect(() => {
      releaseYaml(owners, () => owners);
    }).toThrow('The owners are always read from their file, and keep their YAML.');
  });

  it('refuse facts that do not match the file, rather than mixing them', () => {
    const config = parseConfig('{}\n', '/r/trustlint.config.yaml');
    const source = new MemorySource({ 'controls/c.yaml': 'id: C-1\n---\nid: C-2\n' });
    const [entry] = loadProgram(config, { source, repoRoot: '/r' }).files.filter((file) => file.role === 'control');
    if (entry === undefined) throw new Error('no control file');
    const facts = factsOf(entry);
    const bare: ProgramFile = { file: entry.file, role: 'control', problems: [], documents: [], entities: [], directives: [] };
    const [control] = restoreFromFacts(bare, facts, () => ({ ...entry, entities: entry.entities.slice(1) }));
    expect(() => control?.value).toThrow('The facts kept of controls/c.yaml do not match its content (2 entities kept, 1 read); if they came from a cache, delete it.');
  });
});

describe('places in facts', () => {
  const facts = (at: number, other: number): FileFacts => ({
    problems: [],
    directives: [],
    entities: [
      {
        fields: { kind: 'control', id: 'A-1', reviewCycle: 12, body: { start: at, end: at + 10 }, refs: [{ id: 'CC1.1', location: { $at: [at + 2, at + 5] } }, { id: 'CC1.2', location: { $at: [other, other + 3] } }] },
        places: { self: { start: 0, end: at + 10 }, absent: { start: 0, end: 3 }, keys: [['id', at, at + 3, at - 4, at - 2]] },
      },
    ],
  });

  it('leaves out every span, location and key place, and keeps every value', () => {
    expect(factsWithoutPlaces(facts(10, 30), undefined)).toEqual(factsWithoutPlaces(facts(50, 70), undefined));
    expect(factsWithoutPlaces(facts(10, 30), undefined)).toMatchObject({ entities: [{ fields: { reviewCycle: 12, body: 0, refs: [{ id: 'CC1.1', location: 0 }, { id: 'CC1.2', location: 0 }] }, keys: ['id'] }] });
    const renamed = facts(10, 30);
    (renamed.entities[0]?.fields.refs as { id: string }[])[1] = { id: 'CC9.9' };
    expect(factsWithoutPlaces(renamed, undefined)).not.toEqual(factsWithoutPlaces(facts(10, 30), undefined));
  });

  it('tells where each place went, and that a place that was one and went two ways went nowhere', () => {
    const moves = movedPlaces({ facts: facts(10, 40), outline: undefined }, { facts: facts(20, 50), outline: undefined });
    expect(moves?.of({ start: 10, end: 20 })).toEqual({ start: 20, end: 30 });
    expect(moves?.of({ start: 12, end: 15 })).toEqual({ start: 22, end: 25 });
    expect(moves?.of({ start: 40, end: 43 })).toEqual({ start: 50, end: 53 });
    expect(moves?.of({ start: 6, end: 8 })).toEqual({ start: 16, end: 18 });
    expect(moves?.of({ start: 0, end: 3 })).toEqual({ start: 0, end: 3 });
    expect(moves?.of({ start: 1, end: 2 })).toBeUndefined();
    // Two references at one place, which the edit set apart.
    const apart = movedPlaces({ facts: facts(10, 12), outline: undefined }, { facts: facts(10, 13), outline: undefined });
    expect(apart?.of({ start: 12, end: 15 })).toBeUndefined();
    expect(apart?.of({ start: 10, end: 20 })).toEqual({ start: 10, end: 20 });
    // Facts that do not line up have no moves.
    expect(movedPlaces({ facts: facts(10, 40), outline: undefined }, { facts: { ...facts(10, 40), entities: [] }, outline: undefined })).toBeUndefined();
  });
});
