import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RuleCreator } from '@trustlint/engine';
import { rules as builtinRules } from '@trustlint/rules';
import { TODAY } from '@trustlint/test-support';
import { SIZES, writeProgram } from '@trustlint/test-support/generate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheKey, LintCache } from './cache.js';
import { CACHE_FILE_NAME } from './names.js';
import { lint, type LintOptions } from './lint.js';

const VERSION = 'test-version';

let folder: string;
let program: string;
let cachePath: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'trustlint-cache-'));
  program = join(folder, 'program');
  cachePath = join(folder, CACHE_FILE_NAME);
  writeProgram(program, { ...SIZES.small, seed: 11 });
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

function run(options: Partial<LintOptions> = {}, cache?: LintCache) {
  const result = lint({ cwd: folder, dir: 'program', today: TODAY, baseline: false, ...options, ...(cache ? { cache } : {}) });
  cache?.write();
  return result;
}

/** The cache's first line: what it is, and the runs it keeps. */
function cacheHead(): unknown {
  return JSON.parse(readFileSync(cachePath, 'utf8').split('\n')[0] ?? '');
}

/**
 * A run with the cache, which keeps the run's inputs as the CLI does: their
 * sizes and modification times let the next run restore unchanged files
 * without reading them.
 */
function cachedRun(options: Partial<LintOptions> = {}) {
  const cache = LintCache.open(cachePath, VERSION);
  const result = lint({ cwd: folder, dir: 'program', today: TODAY, baseline: false, ...options, cache });
  cache.setOutput(cacheKey({ run: 'cachedRun', options }), result.inputs, null);
  cache.write();
  return result;
}

const firstPolicy = () => join(program, 'policies', readdirOf('policies')[0] ?? '');
const firstControl = () => join(program, 'controls', readdirOf('controls')[0] ?? '');
function readdirOf(sub: string): string[] {
  return readdirSync(join(program, sub), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(md|ya?ml)$/.test(name))
    .sort();
}

/** Gives a folder and every folder in it a modification time of a minute ago, as a checkout that has settled. */
function age(folder: string): void {
  const settled = new Date(Date.now() - 60_000);
  for (const entry of readdirSync(folder, { withFileTypes: true })) if (entry.isDirectory()) age(join(folder, entry.name));
  utimesSync(folder, settled, settled);
}

describe('the lint cache', () => {
  it('gives the findings of an uncached run, cold and warm, and after edits', () => {
    const plain = run().findings;
    expect(plain.length).toBeGreaterThan(10);
    expect(cachedRun().findings).toEqual(plain);
    // Warm: every outline and every file's findings come from the cache.
    expect(cachedRun().findings).toEqual(plain);

    // A policy gains a certification claim and a broken link; a control loses its owner.
    appendFileSync(firstPolicy(), '\nWe are SOC 2 certified. See [the plan](./no-such-plan.md).\n');
    const control = firstControl();
    writeFileSync(control, readFileSync(control, 'utf8').replace(/^owner: .*$/m, 'owner: nobody-at-all'));
    const edited = run().findings;
    expect(edited).not.toEqual(plain);
    expect(cachedRun().findings).toEqual(edited);
    expect(cachedRun().findings).toEqual(edited);
  });

  it('gives the findings and coverage of an uncached run after each kind of one-file change', () => {
    cachedRun();
    const control = firstControl();
    const policy = firstPolicy();
    const evidence = join(program, 'evidence', readdirOf('evidence')[0] ?? '');
    const edits: [string, () => void][] = [
      ['a policy body gains a line', () => { appendFileSync(policy, '\nOne more line of prose.\n'); }],
      ['a policy is retired in its front matter', () => { writeFileSync(policy, readFileSync(policy, 'utf8').replace(/^status: .*$/m, 'status: retired')); }],
      ['a control stops being implemented', () => { writeFileSync(control, readFileSync(control, 'utf8').replace(/^status: .*$/m, 'status: planned')); }],
      ['a control moves down a line', () => { writeFileSync(control, `# A comment\n${readFileSync(control, 'utf8')}`); }],
      ['an evidence log loses its records', () => { writeFileSync(evidence, readFileSync(evidence, 'utf8').replace(/records:[\s\S]*$/, 'records: []\n')); }],
      ['a control file breaks', () => { writeFileSync(control, 'id: [unclosed\n'); }],
      ['a policy is removed', () => { rmSync(policy); }],
      ['a control is added', () => { writeFileSync(join(program, 'controls', 'zz-added.yaml'), 'id: ZZ-1\ntitle: Added\nowner: nobody\nstatus: implemented\nsatisfies:\n  soc2: [CC1.1]\n'); }],
    ];
    for (const [what, edit] of edits) {
      edit();
      const plain = run();
      const cached = cachedRun();
      expect(cached.findings, what).toEqual(plain.findings);
      // Coverage holds the entities: compared as data, each file by its path, without the parsed YAML nodes.
      const data = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, item: unknown) => (key === 'file' ? (item as { path: string }).path : key === 'node' ? undefined : item)));
      expect(data(cached.coverage), what).toEqual(data(plain.coverage));
    }
  });

  it('restores an unchanged file without reading it, unless the program rules run and one of their findings points into it', () => {
    const plain = run().findings;
    cachedRun();
    appendFileSync(firstPolicy(), '\nOne more line of prose.\n');
    const edited = run().findings;
    const cached = cachedRun();
    expect(cached.findings).toEqual(edited);
    const files = cached.program.files;
    const unread = (result: typeof cached) => result.program.files.filter((entry) => !entry.file.loaded).map((entry) => entry.file.path);
    // The edit only moved the end of a body: the program rules' findings are kept, with their lines and columns.
    const pointedInto = new Set(cached.findings.filter((finding) => finding.ruleId === 'evidence-missing').map((finding) => finding.file));
    expect(plain.length).toBeGreaterThan(10);
    expect(pointedInto.size).toBeGreaterThan(0);
    expect(unread(cached)).toEqual(
      files.filter((entry) => entry.role !== 'config' && entry.role !== 'owners' && entry.role !== 'codeowners' && entry.file.path !== `policies/${readdirOf('policies')[0] ?? ''}`).map((entry) => entry.file.path),
    );

    // A control changes status: the program rules run, and read the files their findings point into.
    const control = firstControl();
    writeFileSync(control, readFileSync(control, 'utf8').replace(/^status: .*$/m, 'status: planned'));
    const again = cachedRun();
    expect(again.findings).toEqual(run().findings);
    expect(unread(again).length).toBeGreaterThan(files.length / 2);
    expect(unread(again).filter((path) => pointedInto.has(path))).toEqual([]);
  });

  it('stops with file-changed, naming the file, when a file taken to be unchanged turns out to have changed', () => {
    // A round modification time, which the edit below can put back exactly.
    const time = new Date(2026, 0, 1);
    for (const sub of ['controls', 'policies', 'evidence']) for (const name of readdirOf(sub)) utimesSync(join(program, sub, name), time, time);
    const pointedInto = run().findings.find((finding) => finding.ruleId === 'evidence-missing');
    expect(pointedInto).toBeDefined();
    cachedRun();
    // A control changes status, so that the program rules run and read the files their findings point into.
    const control = firstControl();
    writeFileSync(control, readFileSync(control, 'utf8').replace(/^status: .*$/m, 'status: planned'));
    // Without a repository around it, findings name files relative to the program.
    const path = join(program, pointedInto?.file ?? '');
    const text = readFileSync(path, 'utf8');
    // Same size, same time, other content: only its hash tells.
    writeFileSync(path, text.replace(/title: (\w)/, (_, first: string) => `title: ${first === 'X' ? 'Y' : 'X'}`));
    utimesSync(path, time, time);
    expect(() => cachedRun()).toThrow(
      expect.objectContaining({
        code: 'file-changed',
        message: `${path} changed while trustlint was reading the program: its content is not the one recorded at its size and modification time; expected it to hold what it held when it was listed. Nothing was checked to completion; run trustlint again.`,
      }),
    );
  });

  it('writes back the lines of unchanged files as it read them, and the changed file anew', () => {
    cachedRun();
    const before = readFileSync(cachePath, 'utf8').split('\n').slice(2);
    const policy = firstPolicy();
    appendFileSync(policy, '\nOne more line of prose.\n');
    cachedRun();
    const after = readFileSync(cachePath, 'utf8').split('\n').slice(2);
    const changed = after.filter((line) => !before.includes(line));
    expect(changed.map((line) => (JSON.parse(line) as [string])[0])).toEqual([`policy policies/${readdirOf('policies')[0] ?? ''}`]);
    expect(after.length).toBe(before.length);
  });

  it('writes the facts that restoring used up as it read them, when their records are written anew', () => {
    cachedRun();
    const records = () =>
      new Map(
        readFileSync(cachePath, 'utf8')
          .split('\n')
          .slice(2)
          .filter((line) => line !== '')
          .map((line) => JSON.parse(line) as [string, { facts?: unknown }]),
      );
    const before = records();
    // Another day: every file is restored from its facts, and every file's findings are made again, so each record is written anew.
    const later = '2031-01-01';
    expect(cachedRun({ today: later }).findings).toEqual(run({ today: later }).findings);
    const after = records();
    expect([...after.keys()]).toEqual([...before.keys()]);
    expect([...after].filter(([key, record]) => JSON.stringify(record) !== JSON.stringify(before.get(key))).length).toBeGreaterThan(100);
    expect([...after].map(([key, record]) => [key, record.facts])).toEqual([...before].map(([key, record]) => [key, record.facts]));
    appendFileSync(firstPolicy(), '\nOne more line of prose.\n');
    expect(cachedRun({ today: later }).findings).toEqual(run({ today: later }).findings);
  });

  it('gives the same findings when one cache serves two runs, and keeps the facts it read for both', () => {
    cachedRun();
    const plain = run().findings;
    const factsIn = () => readFileSync(cachePath, 'utf8').split('\n').slice(2).filter((line) => line !== '').map((line) => (JSON.parse(line) as [string, { facts?: unknown }])[1].facts);
    const before = factsIn();
    const cache = LintCache.open(cachePath, VERSION);
    expect(run({}, cache).findings).toEqual(plain);
    appendFileSync(firstPolicy(), '\nOne more line of prose.\n');
    expect(run({}, cache).findings).toEqual(run().findings);
    const after = factsIn();
    expect(after.length).toBe(before.length);
    expect(after.filter((facts, index) => JSON.stringify(facts) !== JSON.stringify(before[index]))).toHaveLength(1);
  });

  it('recomputes file findings when the owners, the config or today change', () => {
    cachedRun();
    const owners = join(program, 'owners.yaml');
    writeFileSync(owners, readFileSync(owners, 'utf8').replace(/active: true/, 'active: false'));
    expect(cachedRun().findings).toEqual(run().findings);
    expect(cachedRun({ today: '2031-01-01' }).findings).toEqual(run({ today: '2031-01-01' }).findings);
    const config = join(program, 'trustlint.config.yaml');
    appendFileSync(config, '\nrules:\n  review-overdue: off\n');
    const withoutRule = run().findings;
    expect(withoutRule.some((finding) => finding.ruleId === 'review-overdue')).toBe(false);
    expect(cachedRun().findings).toEqual(withoutRule);
  });

  it('records every input of a run, and reuses its output only while they are unchanged', () => {
    const key = cacheKey({ run: 'test' });
    const cache = LintCache.open(cachePath, VERSION);
    const result = run({}, cache);
    cache.setOutput(key, result.inputs, 'the output');
    cache.write();
    expect(result.inputs?.globs.length).toBeGreaterThan(0);
    expect(Object.keys(result.inputs?.files ?? {})).toContain(join(program, 'trustlint.config.yaml'));
    expect(LintCache.open(cachePath, VERSION).output(key)).toBe('the output');

    // Same content, new modification time (a fresh checkout): still the same inputs.
    const policy = firstPolicy();
    utimesSync(policy, new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect(LintCache.open(cachePath, VERSION).output(key)).toBe('the output');

    appendFileSync(policy, '\nMore prose.\n');
    expect(LintCache.open(cachePath, VERSION).output(key)).toBeUndefined();
  });

  it('does not reuse an output after a file is added, or a checked path appears', () => {
    const key = cacheKey({ run: 'test' });
    const cache = LintCache.open(cachePath, VERSION);
    cache.setOutput(key, run({}, cache).inputs, 'the output');
    cache.write();
    writeFileSync(join(program, 'policies', 'zz-new.md'), '---\ntitle: New\n---\n# New\n');
    expect(LintCache.open(cachePath, VERSION).output(key)).toBeUndefined();
    rmSync(join(program, 'policies', 'zz-new.md'));
    expect(LintCache.open(cachePath, VERSION).output(key)).toBe('the output');
    writeFileSync(join(program, 'CODEOWNERS'), '* @someone\n');
    expect(LintCache.open(cachePath, VERSION).output(key)).toBeUndefined();
  });

  it('trusts the times of folders that had settled before a glob, and still sees an entry added, removed or renamed', () => {
    const key = cacheKey({ run: 'test' });
    const record = (): void => {
      age(program);
      const cache = LintCache.open(cachePath, VERSION);
      cache.setOutput(key, run({}, cache).inputs, 'the output');
      cache.write();
    };
    const reused = () => LintCache.open(cachePath, VERSION).output(key);
    record();
    const globs = (cacheHead() as { runs: Record<string, { inputs: { globs: { patterns: string[]; folders?: [string, number | null][] }[] } }> }).runs;
    const kept = Object.values(globs)[0]?.inputs.globs ?? [];
    expect(kept.find((glob) => glob.patterns.some((pattern) => pattern.startsWith('policies/')))?.folders).toContainEqual([join(program, 'policies'), statSync(join(program, 'policies')).mtimeMs]);
    // A folder the program does not have is kept as missing, so that creating it shows.
    expect(kept.flatMap((glob) => glob.folders ?? [])).toContainEqual([join(program, 'narratives'), null]);
    expect(reused()).toBe('the output');

    const added = join(program, 'policies', 'zz-added.md');
    const edits: [string, () => void][] = [
      ['a policy is added', () => { writeFileSync(added, '---\ntitle: Added\n---\n# Added\n'); }],
      ['a policy is renamed', () => { renameSync(added, join(program, 'policies', 'zz-renamed.md')); }],
      ['a policy is removed', () => { rmSync(join(program, 'policies', 'zz-renamed.md')); }],
      ['a folder of controls is added', () => { mkdirSync(join(program, 'controls', 'zz-new')); writeFileSync(join(program, 'controls', 'zz-new', 'c.yaml'), 'id: ZZ-1\n'); }],
      ['a missing folder of narratives is created', () => { mkdirSync(join(program, 'narratives')); writeFileSync(join(program, 'narratives', 'n.md'), '# N\n'); }],
    ];
    for (const [what, edit] of edits) {
      edit();
      expect(reused(), what).toBeUndefined();
      record();
      expect(reused(), what).toBe('the output');
    }
  });

  it('lints with what an earlier glob matched while its folders keep their times, and sees files added since', () => {
    age(program);
    cachedRun();
    appendFileSync(firstPolicy(), '\nOne more line of prose.\n');
    expect(cachedRun().findings).toEqual(run().findings);
    writeFileSync(join(program, 'controls', 'zz-added.yaml'), 'id: ZZ-1\ntitle: Added\nowner: nobody\nstatus: implemented\nsatisfies:\n  soc2: [CC1.1]\n');
    const cached = cachedRun();
    expect(cached.findings).toEqual(run().findings);
    expect(cached.program.controls.map((control) => control.id)).toContain('ZZ-1');
  });

  it('does not keep the times of folders that changed just before the glob', () => {
    // The generated program's folders were all written a moment ago.
    const cache = LintCache.open(cachePath, VERSION);
    cache.setOutput(cacheKey({ run: 'test' }), run({}, cache).inputs, 'the output');
    cache.write();
    const { runs } = cacheHead() as { runs: Record<string, { inputs: { globs: { patterns: string[]; paths: string[]; folders?: unknown }[] } }> };
    const policies = Object.values(runs)[0]?.inputs.globs.find((glob) => glob.patterns.some((pattern) => pattern.startsWith('policies/')));
    expect(policies?.paths.length).toBeGreaterThan(0);
    expect(policies).not.toHaveProperty('folders');
    expect(LintCache.open(cachePath, VERSION).output(cacheKey({ run: 'test' }))).toBe('the output');
  });

  it('ignores a corrupted cache, or one from another version, and replaces it', () => {
    const plain = run().findings;
    for (const content of [
      '',
      '{"format": "trustlint-cache/1"',
      '{"format":"trustlint-cache/4","version":"test-version","parse":"x","settings":"y","files":{"program/owners.yaml":{"hash":1,"findings":"no"}},"runs":{}}',
      '{"format":"trustlint-cache/4","version":"test-version","parse":"x","settings":"y","files":{"program/owners.yaml":{"hash":"h","facts":{"entities":3}}},"runs":{"r":{"inputs":{"files":{"x":{"size":"big"}}}}}}',
      '{"format":"trustlint-cache/1","version":"test-version","parse":"x","settings":"y","files":{},"runs":{}}',
      '{"format":"trustlint-cache/4","version":"test-version","parse":"x","settings":"y","runs":{}}\n{"files": {"program/owners.yaml"',
      '{"format":"trustlint-cache/4","version":"test-version","parse":"x","settings":"y","runs":{}}\n["files"]\n["program/owners.yaml", 3]\n[1, {}]\n{}\n',
      ' {\n  "format": "trustlint-cache/0", "files": 12',
      '{"format":"trustlint-cache/4","version":"test-version","parse":"x","settings":"y","runs":{}}\n{"key": "k", "findings": [{"finding": 1}]\n',
      '{"format":"trustlint-cache/4","version":"test-version","parse":"x","settings":"y","runs":{}}\n{"key": "k", "findings": [], "exists": [["a", "yes"]], "files": []}\n["program/owners.yaml", {}]\n',
      '{"format":"trustlint-cache/4","version":"9.0.0"}',
    ]) {
      writeFileSync(cachePath, content);
      expect(cachedRun().findings).toEqual(plain);
      expect(cacheHead()).toMatchObject({ format: 'trustlint-cache/4', version: VERSION });
    }
    cachedRun();
    const other = LintCache.open(cachePath, 'another-version');
    expect(other.output(cacheKey({ run: 'test' }))).toBeUndefined();
    expect(run({}, other).findings).toEqual(plain);
    expect(cacheHead()).toMatchObject({ version: 'another-version' });
  });

  it('never replaces a file that is not a trustlint cache, and refuses it before linting', () => {
    for (const content of ['null', '[]', '{"files": {}}', 'frameworks:\n  soc2: {}\n', '# My notes\n\nDo not delete.\n']) {
      writeFileSync(cachePath, content);
      let failure: unknown;
      try {
        LintCache.open(cachePath, VERSION);
      } catch (error) {
        failure = error;
      }
      expect(failure).toMatchObject({
        code: 'output-exists',
        message: `Refusing to write the cache to ${cachePath}: a file is there that is not a trustlint cache (it does not begin with \`{"format":"trustlint-cache/\`), and trustlint does not replace it; expected --cache-location to name a trustlint cache or a file that does not exist yet (move the file away, or choose another --cache-location).`,
      });
      expect(readFileSync(cachePath, 'utf8')).toBe(content);
    }
    expect(readdirSync(folder).sort()).toEqual([CACHE_FILE_NAME, 'program']);
  });

  describe("the program rules' findings", () => {
    /** A program rule that reports nothing and counts how often it runs. */
    const probe = { runs: 0 };
    const probeRule = RuleCreator((name) => `https://docs.example/${name}`)<never, Record<string, never>>({
      name: 'probe',
      meta: {
        type: 'suggestion',
        docs: { description: 'Counts its runs.', category: 'meta' },
        messages: {},
        schema: undefined,
        defaultOptions: {},
        severity: 'info',
        scope: 'program',
        factsOnly: true,
      },
      create() {
        probe.runs++;
      },
    });
    const withProbe = { rules: [...builtinRules, probeRule] };
    /** Runs the program rules ran over, since the last call. */
    function programRuns(): number {
      const runs = probe.runs;
      probe.runs = 0;
      return runs;
    }
    const named = (findings: readonly { file: string; related?: readonly { file: string }[] }[]): Set<string> =>
      new Set(findings.flatMap((finding) => [finding.file, ...(finding.related ?? []).map((related) => related.file)]));

    it('are kept while edits only move things, placed again where they moved, and made again when what the rules read changes', () => {
      const plain = run(withProbe).findings;
      const policies = readdirOf('policies').map((name) => `policies/${name}`);
      const quiet = policies.find((path) => !named(plain).has(path));
      const loud = policies.find((path) => plain.some((finding) => finding.file === path && finding.ruleId === 'broken-link'));
      expect(quiet).toBeDefined();
      expect(loud).toBeDefined();
      expect(cachedRun(withProbe).findings).toEqual(plain);
      programRuns();

      const edits: [what: string, edit: () => void, rulesRun: number][] = [
        ['nothing changes', () => undefined, 0],
        ['prose is added to a policy no finding names', () => { appendFileSync(join(program, quiet ?? ''), '\nOne more paragraph.\n'); }, 0],
        [
          'a policy no finding names gains a line above its body',
          () => {
            const path = join(program, quiet ?? '');
            writeFileSync(path, readFileSync(path, 'utf8').replace(/\n---\n/, '\n---\n\nAn opening line.\n'));
          },
          0,
        ],
        ['a control gains a comment line on top', () => { writeFileSync(firstControl(), `# Reviewed.\n${readFileSync(firstControl(), 'utf8')}`); }, 0],
        [
          'a policy a finding names gains a line above its body',
          () => {
            const path = join(program, loud ?? '');
            writeFileSync(path, readFileSync(path, 'utf8').replace(/\n---\n/, '\n---\n\nAn opening line.\n'));
          },
          0,
        ],
        [
          'and then another line',
          () => {
            const path = join(program, loud ?? '');
            writeFileSync(path, readFileSync(path, 'utf8').replace(/\n---\n/, '\n---\n\nAnother opening line.\n'));
          },
          0,
        ],
        ['a control stops being implemented', () => { writeFileSync(firstControl(), readFileSync(firstControl(), 'utf8').replace(/^status: .*$/m, 'status: planned')); }, 1],
        ['a policy gains a link to a file that is not there', () => { appendFileSync(join(program, quiet ?? ''), '\nSee [the plan](./plan.txt).\n'); }, 1],
        ['the file the link leads to is created', () => { writeFileSync(join(program, 'policies', 'plan.txt'), 'The plan.\n'); }, 1],
        ['a heading is renamed', () => { writeFileSync(join(program, quiet ?? ''), readFileSync(join(program, quiet ?? ''), 'utf8').replace(/^## (.*)$/m, '## Renamed $1')); }, 1],
      ];
      for (const [what, edit, rulesRun] of edits) {
        edit();
        const expected = run(withProbe).findings;
        programRuns();
        expect(cachedRun(withProbe).findings, what).toEqual(expected);
        expect(programRuns(), what).toBe(rulesRun);
      }
      expect(run(withProbe).findings.some((finding) => finding.message.includes('plan.txt'))).toBe(false);
    });

    it('are made again under other rule settings, or after a run of other rules', () => {
      const later = { ...withProbe, today: '2031-01-01' };
      const expected = run(later).findings;
      cachedRun(withProbe);
      programRuns();
      expect(cachedRun(later).findings).toEqual(expected);
      expect(programRuns()).toBe(1);
      expect(cachedRun(later).findings).toEqual(expected);
      expect(programRuns()).toBe(0);
      // Only the last set of program findings is kept.
      cachedRun();
      expect(cachedRun(later).findings).toEqual(expected);
      expect(programRuns()).toBe(1);
    });
  });

  it('keeps what it read of a file apart for each role that two globs give it', () => {
    const config = join(program, 'trustlint.config.yaml');
    const policy = `policies/${readdirOf('policies')[0] ?? ''}`;
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^paths:\n/m, `paths:\n  narratives: ["${policy}"]\n`));
    const plain = run();
    expect(plain.program.documents.map((document) => document.file.path)).toEqual([policy]);
    expect(cachedRun().findings).toEqual(plain.findings);
    const cached = cachedRun();
    expect(cached.findings).toEqual(plain.findings);
    expect(cached.program.documents.map((document) => [document.file.path, document.kind])).toEqual([[policy, 'document']]);
  });

  it.skipIf(process.platform === 'win32')('tells apart files it could not read for different reasons', () => {
    writeFileSync(join(folder, 'a.yaml'), 'id: A\n');
    writeFileSync(join(folder, 'b.yaml'), 'id: B\n');
    const link = join(program, 'controls', 'zz-link.yaml');
    symlinkSync('../../a.yaml', link);
    const before = run().findings.filter((finding) => finding.file.endsWith('zz-link.yaml'));
    expect(before.map((finding) => finding.message).join()).toContain('a.yaml');
    cachedRun();
    rmSync(link);
    symlinkSync('../../b.yaml', link);
    const after = run().findings;
    expect(after.filter((finding) => finding.file.endsWith('zz-link.yaml')).map((finding) => finding.message).join()).toContain('b.yaml');
    expect(cachedRun().findings).toEqual(after);
  });

  it('keeps a file named like an object property as any other', () => {
    writeFileSync(join(program, 'policies', '__proto__.md'), '---\ntitle: Proto\n---\n# Proto\n');
    const plain = run().findings;
    expect(cachedRun().findings).toEqual(plain);
    expect(cachedRun().findings).toEqual(plain);
    expect(({} as Record<string, unknown>).hash).toBeUndefined();
  });
});
