/**
 * Hostile and broken files, run through the bundled command as a user runs
 * it: each must end in bounded time and memory with a clear finding and a
 * non-zero exit, never a crash, a hang or a pass. Large and binary files are
 * made here, in a temporary folder, rather than kept in the repository.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { soc2 } from '@trustlint/catalogs';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY, run, TODAY } from './helpers.js';

/** Every case must finish well within this, start-up included. */
const TIME_LIMIT_MS = 5_000;
/** The V8 heap the command may use; an alias bomb or a whole 50 MB file read would need far more. */
const HEAP_LIMIT_MB = 128;

/** Every Security criterion, so that the program around each hostile file is otherwise covered. */
const CRITERIA = soc2.criteria.filter((criterion) => criterion.category === 'security').map((criterion) => criterion.id);

const POLICY = `---
id: POL-SEC
title: Information Security Policy
owner: ana
approver: ben
version: 1.0.0
effective: 2026-01-01
last_reviewed: 2026-06-01
status: approved
satisfies:
  soc2: [CC1.1]
---
# Information Security Policy

## Purpose

Keep customer data safe.

## Scope

Every system and person.

## Policy

Be careful.
`;

/** A small program that lints clean, so that any finding is the hostile file's. */
const CLEAN_PROGRAM: Readonly<Record<string, string>> = {
  'trustlint.config.yaml': 'program: Minimal\nframeworks:\n  soc2:\n    categories: [security]\n    type: 1\n',
  'owners.yaml':
    'people:\n' +
    '  - { id: ana, name: Ana Lima, email: ana@example.com, github: ana, active: true }\n' +
    '  - { id: ben, name: Ben Ode, email: ben@example.com, github: ben, active: true }\n',
  'policies/security.md': POLICY,
  'controls/all.yaml': `id: CTL-01
title: Everything
description: One control that covers every Security criterion.
owner: ana
status: implemented
frequency: continuous
policies: [POL-SEC]
satisfies:
  soc2: [${CRITERIA.join(', ')}]
`,
};

interface JsonFinding {
  ruleId: string;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

interface Outcome {
  code: number | null;
  stderr: string;
  findings: JsonFinding[];
  ms: number;
}

let scratch: string;
let cli: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'trustlint-adversarial-'));
  cli = join(scratch, 'trustlint.mjs');
  // The command as it ships (one bundle), built apart from apps/cli/dist so that no other test sees it half-written.
  await build({
    entryPoints: [join(REPOSITORY, 'apps/cli/src/index.ts')],
    outfile: cli,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    conditions: ['@trustlint/source'],
    keepNames: true,
    logLevel: 'error',
    banner: { js: "import { createRequire as __trustlintCreateRequire } from 'node:module'; const require = __trustlintCreateRequire(import.meta.url);" },
  });
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

let programs = 0;

/** A fresh copy of the clean program, a repository of its own, changed by `setup`. */
function program(setup: (dir: string) => void): string {
  const dir = join(scratch, `program-${++programs}`);
  for (const [path, content] of Object.entries(CLEAN_PROGRAM)) write(dir, path, content);
  mkdirSync(join(dir, '.git'));
  setup(dir);
  return dir;
}

function write(dir: string, path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), content);
}

/** Runs `trustlint lint --format json` on a program in a child process with a capped heap. */
function lint(dir: string, args: string[] = []): Outcome {
  const started = performance.now();
  const result = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_LIMIT_MB}`, cli, 'lint', dir, '--format', 'json', '--today', TODAY, ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: TIME_LIMIT_MS * 4,
    maxBuffer: 64 * 1024 * 1024,
    env: { PATH: process.env.PATH, NO_COLOR: '1' },
  });
  const ms = performance.now() - started;
  let findings: JsonFinding[] = [];
  if (result.status === 1 || result.status === 0) findings = (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings;
  return { code: result.status, stderr: result.stderr, findings, ms };
}

/** Lints a program changed by `setup`; expects exit 1 within the time limit, and returns the findings. */
function lintFailing(setup: (dir: string) => void): JsonFinding[] {
  const outcome = lint(program(setup));
  expect(outcome.stderr).toBe('');
  expect(outcome.code).toBe(1);
  expect(outcome.ms).toBeLessThan(TIME_LIMIT_MS);
  return outcome.findings;
}

/** The findings about one file, briefly. */
function about(findings: readonly JsonFinding[], file: string) {
  return findings.filter((finding) => finding.file === file).map(({ ruleId, message, line, column }) => ({ ruleId, message, line, column }));
}

const isRoot = process.getuid?.() === 0;
const isWindows = process.platform === 'win32';

describe('hostile and broken files', { timeout: 60_000 }, () => {
  it('lints the clean program clean, so that every finding below is the hostile file’s', () => {
    const outcome = lint(program(() => {}));
    expect(outcome.stderr).toBe('');
    expect(outcome.findings).toEqual([]);
    expect(outcome.code).toBe(0);
  });

  it('refuses a YAML alias bomb (billion laughs) in a control and in front matter', () => {
    const levels = 'abcdefghi'.split('');
    const bomb = levels
      .map((name, index) => `${name}: &${name} [${Array.from({ length: 9 }, () => (index === 0 ? '"lol"' : `*${levels[index - 1] ?? ''}`)).join(', ')}]`)
      .join('\n');
    const findings = lintFailing((dir) => {
      write(dir, 'controls/bomb.yaml', `${bomb}\n`);
      write(dir, 'policies/bomb.md', `---\n${bomb}\n---\n# Bomb\n`);
    });
    const message = expect.stringMatching(/^YAML syntax error: aliases expand this document beyond 100000 nodes \(an alias bomb\?\)/);
    expect(about(findings, 'controls/bomb.yaml')).toEqual([{ ruleId: 'syntax', message, line: 2, column: 8 }]);
    expect(about(findings, 'policies/bomb.md')).toContainEqual({ ruleId: 'syntax', message, line: 3, column: 8 });
  });

  it('refuses YAML nested 200 levels deep, in flow and block style and in front matter', () => {
    const block = Array.from({ length: 200 }, (_, depth) => `${' '.repeat(depth)}k${depth}:`).join('\n');
    const findings = lintFailing((dir) => {
      write(dir, 'controls/flow.yaml', `id: CTL-F\nx: ${'['.repeat(200)}${']'.repeat(200)}\n`);
      write(dir, 'controls/block.yaml', `${block} deep\n`);
      write(dir, 'policies/nested.md', `---\nid: POL-N\nx: ${'{a: '.repeat(200)}1${'}'.repeat(200)}\n---\n# Nested\n`);
    });
    const message = 'YAML syntax error: nesting exceeded maxDepth (64).';
    expect(about(findings, 'controls/flow.yaml')).toEqual([{ ruleId: 'syntax', message, line: 2, column: 67 }]);
    expect(about(findings, 'controls/block.yaml')).toEqual([{ ruleId: 'syntax', message, line: 64, column: 64 }]);
    expect(about(findings, 'policies/nested.md')).toContainEqual({ ruleId: 'syntax', message, line: 3, column: 253 });
  });

  it('reads Markdown nested 200 levels deep (valid, if odd) in bounded time', () => {
    const lists = Array.from({ length: 200 }, (_, depth) => `${'  '.repeat(depth)}- item ${depth}`).join('\n');
    const quotes = `${'>'.repeat(200)} deep`;
    const outcome = lint(
      program((dir) => {
        write(dir, 'policies/security.md', `${POLICY}\n${lists}\n\n${quotes}\n`);
      }),
    );
    expect(outcome.stderr).toBe('');
    expect(outcome.findings).toEqual([]);
    expect(outcome.code).toBe(0);
    expect(outcome.ms).toBeLessThan(TIME_LIMIT_MS);
  });

  it('reports a 50 MB file as too large without reading it', () => {
    const size = 50 * 1024 * 1024;
    const findings = lintFailing((dir) => {
      write(dir, 'controls/huge.yaml', Buffer.alloc(size, '# padding\n'));
    });
    expect(about(findings, 'controls/huge.yaml')).toEqual([
      {
        ruleId: 'syntax',
        message: `File is ${size} bytes, over the limit of ${5 * 1024 * 1024} bytes, and was not read; raise \`limits.max_file_size\` in the config if it is meant to be this large.`,
        line: 1,
        column: 1,
      },
    ]);
  });

  it('takes the size limit from limits.max_file_size, lower or higher', () => {
    const lower = lintFailing((dir) => {
      write(dir, 'trustlint.config.yaml', `${CLEAN_PROGRAM['trustlint.config.yaml'] ?? ''}limits:\n  max_file_size: 1024\n`);
      write(dir, 'controls/all.yaml', `${CLEAN_PROGRAM['controls/all.yaml'] ?? ''}${'# Reviewed and unchanged.\n'.repeat(100)}`);
    });
    expect(about(lower, 'controls/all.yaml')).toEqual([expect.objectContaining({ ruleId: 'syntax', message: expect.stringMatching(/^File is \d+ bytes, over the limit of 1024 bytes/) })]);

    const large = `${CLEAN_PROGRAM['controls/all.yaml'] ?? ''}notes: >-\n${'  Reviewed and unchanged.\n'.repeat(250_000)}`;
    expect(large.length).toBeGreaterThan(5 * 1024 * 1024);
    const raised = lint(
      program((dir) => {
        write(dir, 'trustlint.config.yaml', `${CLEAN_PROGRAM['trustlint.config.yaml'] ?? ''}limits:\n  max_file_size: 8000000\n`);
        write(dir, 'controls/all.yaml', large);
      }),
    );
    expect(raised.stderr).toBe('');
    expect(raised.findings).toEqual([]);
    expect(raised.code).toBe(0);
    expect(raised.ms).toBeLessThan(TIME_LIMIT_MS);
  });

  it('refuses a binary file named .yaml, NUL bytes, invalid UTF-8 and UTF-16, saying where', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, ...Array.from({ length: 4096 }, (_, i) => (i * 151) % 256)]);
    const utf16 = (text: string, bigEndian: boolean) => {
      const bytes = Buffer.from(`\uFEFF${text}`, 'utf16le');
      return bigEndian ? bytes.swap16() : bytes;
    };
    const findings = lintFailing((dir) => {
      write(dir, 'controls/image.yaml', png);
      write(dir, 'controls/nul.yaml', 'id: CTL-N\ntitle: a\u0000b\n');
      write(dir, 'controls/latin1.yaml', Buffer.concat([Buffer.from('id: CTL-L\ntitle: caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
      write(dir, 'controls/utf16le.yaml', utf16('id: CTL-U\n', false));
      write(dir, 'policies/utf16be.md', utf16(POLICY, true));
    });
    const brief = (file: string) => about(findings, file).map(({ message, line, column }) => [message.split(';')[0], line, column]);
    expect(brief('controls/image.yaml')).toEqual([['File holds a NUL byte (binary content) and was not read', 3, 1]]);
    expect(brief('controls/nul.yaml')).toEqual([['File holds a NUL byte (binary content) and was not read', 2, 9]]);
    expect(brief('controls/latin1.yaml')).toEqual([['Invalid UTF-8 byte sequence here', 2, 11]]);
    expect(brief('controls/utf16le.yaml')).toEqual([['File is encoded as UTF-16 and was not read', 1, 1]]);
    expect(brief('policies/utf16be.md')).toEqual([['File is encoded as UTF-16 and was not read', 1, 1]]);
  });

  it('reports duplicate keys in a control and in front matter, pointing at the first', () => {
    const findings = lintFailing((dir) => {
      write(dir, 'controls/all.yaml', `${CLEAN_PROGRAM['controls/all.yaml'] ?? ''}owner: ben\n`);
      write(dir, 'policies/security.md', POLICY.replace('status: approved', 'status: approved\nstatus: draft'));
    });
    expect(about(findings, 'controls/all.yaml')).toEqual([
      { ruleId: 'syntax', message: expect.stringMatching(/^Duplicate key `owner`: already defined at line 4/), line: 10, column: 1 },
    ]);
    expect(about(findings, 'policies/security.md')).toEqual([
      { ruleId: 'syntax', message: expect.stringMatching(/^Duplicate key `status`: already defined at line 9/), line: 10, column: 1 },
    ]);
  });

  it('reads __proto__, constructor and prototype keys as plain, unknown keys', () => {
    const hostile = '__proto__: { polluted: yes }\nconstructor: { prototype: { polluted: yes } }\nprototype: { polluted: yes }\n';
    const findings = lintFailing((dir) => {
      write(dir, 'controls/all.yaml', `${CLEAN_PROGRAM['controls/all.yaml'] ?? ''}  __proto__: [CC6.1]\n  constructor: [CC6.1]\n${hostile}`);
      write(dir, 'policies/security.md', POLICY.replace('status: approved', `status: approved\n${hostile.trimEnd()}`));
    });
    const unexpected = (key: string, line: number, column = 1) => ({ ruleId: 'schema', message: expect.stringContaining(`Unexpected key \`${key}\``), line, column });
    expect(about(findings, 'controls/all.yaml')).toEqual([
      unexpected('__proto__', 10, 3),
      unexpected('constructor', 11, 3),
      unexpected('__proto__', 12),
      unexpected('constructor', 13),
      unexpected('prototype', 14),
    ]);
    expect(about(findings, 'policies/security.md')).toEqual([unexpected('__proto__', 10), unexpected('constructor', 11), unexpected('prototype', 12)]);
  });

  it('gives exact positions on very long lines, in YAML and in Markdown', () => {
    const long = 'x'.repeat(3_000_000);
    const control = `{id: CTL-L, title: Long, description: "${long}", owner: ana, status: implemented, frequency: daily, policies: [POL-SEC], satisfies: {soc2: [CC9.9]}}\n`;
    const findings = lintFailing((dir) => {
      write(dir, 'controls/long.yaml', control);
      write(dir, 'policies/security.md', `${POLICY}\n${'We keep the data safe. '.repeat(100_000)}We are SOC 2 certified.\n`);
    });
    expect(about(findings, 'controls/long.yaml')).toEqual([
      { ruleId: 'unknown-criterion', message: expect.stringContaining('`CC9.9`'), line: 1, column: control.indexOf('CC9.9') + 1 },
    ]);
    expect(about(findings, 'policies/security.md')).toEqual([
      { ruleId: 'soc2-certification-language', message: expect.any(String), line: 27, column: 'We keep the data safe. '.length * 100_000 + 'We are '.length + 1 },
    ]);
  });

  it.skipIf(isWindows)('does not follow a symbolic link out of the repository, and reports it', () => {
    const findings = lintFailing((dir) => {
      symlinkSync(join(REPOSITORY, 'package.json'), join(dir, 'controls/outside.yaml'));
      symlinkSync('all.yaml', join(dir, 'controls/inside.yaml'));
    });
    expect(about(findings, 'controls/outside.yaml')).toEqual([
      { ruleId: 'syntax', message: `Symbolic link points outside the repository (to ${join(REPOSITORY, 'package.json')}) and was not followed.`, line: 1, column: 1 },
    ]);
    // A link within the repository is read, here as a second copy of a control.
    expect(findings.map((finding) => finding.ruleId)).toContain('duplicate-id');
  });

  it.skipIf(isWindows)('reports symbolic link loops and links to nothing, and never walks a linked folder', () => {
    const findings = lintFailing((dir) => {
      symlinkSync('self.yaml', join(dir, 'controls/self.yaml'));
      symlinkSync('b.yaml', join(dir, 'controls/a.yaml'));
      symlinkSync('a.yaml', join(dir, 'controls/b.yaml'));
      symlinkSync('missing.yaml', join(dir, 'controls/dangling.yaml'));
      symlinkSync('..', join(dir, 'controls/up'));
    });
    const loop = (file: string) => ({ ruleId: 'syntax', message: 'File could not be read (a symbolic link loop); nothing in it was checked.', line: 1, column: 1, file });
    expect(findings.map(({ ruleId, message, line, column, file }) => ({ ruleId, message, line, column, file }))).toEqual([
      loop('controls/a.yaml'),
      loop('controls/b.yaml'),
      {
        ruleId: 'syntax',
        message: 'File could not be read (a symbolic link to missing.yaml, which does not exist); nothing in it was checked.',
        line: 1,
        column: 1,
        file: 'controls/dangling.yaml',
      },
      loop('controls/self.yaml'),
      {
        ruleId: 'syntax',
        message:
          'Symbolic link to the folder ., which trustlint does not follow, so none of its files were checked; expected the files themselves here, or a glob in `paths` that names the folder where it is (or this link in `paths.ignore`).',
        line: 1,
        column: 1,
        file: 'controls/up',
      },
    ]);
  });

  it.skipIf(isWindows)('reports a linked folder in a glob instead of skipping it silently, and never reads through one out of the repository', () => {
    const outside = join(scratch, `outside-${++programs}`);
    write(outside, 'stolen.yaml', 'id: CTL-X\ntitle: Not ours\nowner: ana\nstatus: implemented\nsatisfies: {soc2: [CC1.1]}\n');
    const findings = lintFailing((dir) => {
      write(dir, 'shared/controls/extra.yaml', 'id: CTL-02\ntitle: Shared\nowner: ana\nstatus: implemented\nsatisfies: {soc2: [CC1.1]}\n');
      symlinkSync('../shared/controls', join(dir, 'controls/shared'));
      symlinkSync(outside, join(dir, 'controls/outside'));
      symlinkSync(outside, join(dir, 'policies/outside'));
    });
    expect(findings.map(({ ruleId, message, file }) => ({ ruleId, message, file }))).toEqual([
      { ruleId: 'syntax', message: `Symbolic link points outside the repository (to ${outside}) and was not followed.`, file: 'controls/outside' },
      {
        ruleId: 'syntax',
        message:
          'Symbolic link to the folder shared/controls, which trustlint does not follow, so none of its files were checked; expected the files themselves here, or a glob in `paths` that names the folder where it is (or this link in `paths.ignore`).',
        file: 'controls/shared',
      },
      { ruleId: 'syntax', message: `Symbolic link points outside the repository (to ${outside}) and was not followed.`, file: 'policies/outside' },
    ]);
    expect(JSON.stringify(findings)).not.toContain('CTL-X');
  });

  it('refuses a config far over the size limit with a named error, without reading it', () => {
    const dir = program((root) => {
      write(root, 'trustlint.config.yaml', `program: Huge\n${`# ${'x'.repeat(78)}\n`.repeat(640 * 1024)}`);
    });
    const outcome = lint(dir);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/^trustlint: The configuration file trustlint\.config\.yaml is 53084174 bytes, over the limit of 5242880 bytes for any file trustlint reads, and was not read;/);
    expect(outcome.ms).toBeLessThan(TIME_LIMIT_MS);
  });

  it.skipIf(isRoot || isWindows)('reports a file it may not read (EACCES)', () => {
    const findings = lintFailing((dir) => {
      write(dir, 'controls/secret.yaml', 'id: CTL-S\n');
      chmodSync(join(dir, 'controls/secret.yaml'), 0o000);
    });
    expect(about(findings, 'controls/secret.yaml')).toEqual([
      { ruleId: 'syntax', message: 'File could not be read (permission denied); nothing in it was checked.', line: 1, column: 1 },
    ]);
  });

  it.skipIf(isWindows)('reports a pipe named .yaml without opening it (which would wait for a writer)', () => {
    const findings = lintFailing((dir) => {
      const made = spawnSync('mkfifo', [join(dir, 'controls/pipe.yaml')]);
      expect(made.status).toBe(0);
    });
    expect(about(findings, 'controls/pipe.yaml')).toEqual([
      { ruleId: 'syntax', message: 'Expected a regular file; this path is something else and was not read.', line: 1, column: 1 },
    ]);
  });

  it('reports empty files and a control file of only comments', () => {
    const findings = lintFailing((dir) => {
      write(dir, 'controls/empty.yaml', '');
      write(dir, 'controls/comments.yaml', '# Moved to all.yaml\n');
      write(dir, 'policies/empty.md', '');
    });
    expect(about(findings, 'controls/empty.yaml')).toEqual([{ ruleId: 'syntax', message: 'Expected a mapping of keys to values, found an empty file.', line: 1, column: 1 }]);
    expect(about(findings, 'controls/comments.yaml')).toEqual([
      { ruleId: 'syntax', message: 'Expected a mapping of keys to values, found no YAML content (only comments or blank documents).', line: 1, column: 1 },
    ]);
    expect(about(findings, 'policies/empty.md')).toContainEqual({ ruleId: 'syntax', message: expect.stringMatching(/^No front matter found/), line: 1, column: 1 });
  });

  it('reports front matter that never closes', () => {
    const findings = lintFailing((dir) => {
      write(dir, 'policies/security.md', POLICY.replace('---\n#', '#'));
    });
    expect(about(findings, 'policies/security.md')).toContainEqual({
      ruleId: 'syntax',
      message: 'Front matter opened with `---` on line 1 never closes; expected a closing `---` line after the YAML.',
      line: 1,
      column: 1,
    });
  });
});

describe('prototype pollution', () => {
  it('is impossible through any file: config, policies, controls, owners and evidence', async () => {
    const hostile = '__proto__: { polluted: yes }\nconstructor: { prototype: { polluted: yes } }\n';
    const dir = program((dir) => {
      write(dir, 'policies/security.md', POLICY.replace('status: approved', `status: approved\n${hostile.trimEnd()}`));
      write(dir, 'controls/all.yaml', `${CLEAN_PROGRAM['controls/all.yaml'] ?? ''}${hostile}evidence:\n  - { __proto__: { polluted: yes }, date: 2026-01-01 }\n`);
      write(dir, 'owners.yaml', `${CLEAN_PROGRAM['owners.yaml'] ?? ''}${hostile}teams:\n  - { id: __proto__, members: [constructor, ana], github_team: acme/prototype }\n`);
      write(dir, 'evidence/log.yaml', `control: CTL-01\n${hostile}records:\n  - { date: 2026-01-01, __proto__: { polluted: yes } }\n`);
    });
    const outcome = await run(['lint', dir, '--format', 'json', '--today', TODAY]);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');

    for (const config of [hostile, 'rules:\n  __proto__: off\n  constructor: error\n', 'exclusions:\n  - { criterion: __proto__, reason: x, approver: ana }\n']) {
      write(dir, 'trustlint.config.yaml', `${CLEAN_PROGRAM['trustlint.config.yaml'] ?? ''}${config}`);
      const invalid = await run(['lint', dir, '--today', TODAY]);
      expect(invalid.code, config).not.toBe(0);
      expect(invalid.stderr, config).not.toMatch(/internal error/);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });
});
