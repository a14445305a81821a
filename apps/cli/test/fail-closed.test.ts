/**
 * Fail closed: whatever cannot be checked — a rule that throws, a config that
 * cannot be read or is invalid, git missing for --base, an unknown revision,
 * an output that cannot be written — ends every command with exit 2 and a
 * message that says what could not be checked. The commands are read from
 * `trustlint --help`, so that a new command joins the matrix by itself.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '@trustlint/rules';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { copyOf, run, TODAY, type Run } from './helpers.js';

/** The commands `trustlint --help` lists, and the options each takes. */
async function commands(): Promise<{ name: string; options: string }[]> {
  const help = await run(['--help']);
  const names = [...help.stdout.matchAll(/^ {2}([a-z][a-z-]*) /gm)].map((match) => match[1] ?? '').filter((name) => name !== 'help');
  return Promise.all(names.map(async (name) => ({ name, options: (await run([name, '--help'])).stdout })));
}

const all = await commands();
/** The commands that read a program: they take --config. */
const programCommands = all.filter(({ options }) => options.includes('--config')).map(({ name }) => name);
const takes = (option: string) => all.filter(({ options }) => options.includes(option)).map(({ name }) => name);

/** A copy of the sample program in a git repository of its own. */
let program: string;

beforeAll(() => {
  program = copyOf();
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: program, stdio: 'pipe' });
  git('init', '--quiet', '--initial-branch=main');
  git('add', '.');
  git('commit', '--quiet', '-m', 'Program');
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs a command on the sample program's copy, from that folder (so that files it writes land there). */
function runOn(command: string, args: string[] = [], env: Record<string, string | undefined> = {}): Promise<Run> {
  return run([command, program, '--today', TODAY, ...args], { cwd: program, env });
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Exit 2, the reason on stderr, and nothing on stdout that a pipeline could read as a result. */
function expectFailed(result: Run, what: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(what);
  expect(result.stderr).not.toMatch(/passed|no problems/i);
  expect(result.stdout).toBe('');
}

describe('every command fails closed', () => {
  it('knows the commands', () => {
    expect(programCommands).toEqual(expect.arrayContaining(['lint', 'coverage', 'gate', 'report']));
    expect(all.map(({ name }) => name)).toEqual(expect.arrayContaining(['init', 'rules', 'explain']));
  });

  describe.each(programCommands)('trustlint %s', (command) => {
    it('exits 2 when a rule throws while checking a file, naming the rule, the file and what was not checked', async () => {
      const [first] = rules;
      if (first === undefined) throw new Error('no rules');
      vi.spyOn(first, 'create').mockImplementation(() => ({
        file: () => {
          throw new Error('simulated defect');
        },
      }));
      expectFailed(await runOn(command), /^trustlint: Rule `syntax` crashed while checking \S+: simulated defect\. Nothing it checks could be verified/);
    });

    it('exits 2 when a rule throws as it starts', async () => {
      const rule = rules.find(({ name }) => name === 'uncovered-criterion');
      if (rule === undefined) throw new Error('no uncovered-criterion rule');
      vi.spyOn(rule, 'create').mockImplementation(() => {
        throw new TypeError('simulated defect');
      });
      expectFailed(await runOn(command), /^trustlint: Rule `uncovered-criterion` crashed: simulated defect\. Nothing it checks could be verified/);
    });

    it('exits 2 when the config cannot be read, is not YAML, or is invalid', async () => {
      expectFailed(await runOn(command, ['--config', join(program, 'missing.yaml')]), /Cannot read the configuration file .*missing\.yaml: ENOENT/);
      const folder = join(program, 'a-folder.yaml');
      mkdirSync(folder, { recursive: true });
      expectFailed(await runOn(command, ['--config', folder]), /Cannot read the configuration file .*a-folder\.yaml: EISDIR/);
      const broken = join(program, 'broken.yaml');
      writeFileSync(broken, 'frameworks: [soc2\n');
      expectFailed(await runOn(command, ['--config', broken]), /Invalid configuration in broken\.yaml:\n {2}broken\.yaml:2:1: YAML syntax error/);
      const invalid = join(program, 'invalid.yaml');
      writeFileSync(invalid, 'frameworks:\n  soc3: {}\n');
      expectFailed(await runOn(command, ['--config', invalid]), /Invalid configuration in invalid\.yaml:\n {2}invalid\.yaml:2:3: Unexpected key `soc3`/);
      // Over the default size limit: refused without being read, whatever it says about limits.
      const huge = join(program, 'huge.yaml');
      writeFileSync(huge, `limits: {max_file_size: 100000000}\n${'#'.repeat(6 * 1024 * 1024)}\n`);
      expectFailed(
        await runOn(command, ['--config', huge]),
        /^trustlint: The configuration file huge\.yaml is 6291492 bytes, over the limit of 5242880 bytes for any file trustlint reads, and was not read;/,
      );
      const binary = join(program, 'binary.yaml');
      writeFileSync(binary, Uint8Array.from([0xff, 0xfe, 0x00, 0x41]));
      expect((await runOn(command, ['--config', binary])).code).toBe(2);
    });

    it.skipIf(process.getuid?.() === 0 || process.platform === 'win32')('exits 2 when the config may not be read (EACCES)', async () => {
      const locked = join(program, 'locked.yaml');
      writeFileSync(locked, readFileSync(join(program, 'trustlint.config.yaml')));
      chmodSync(locked, 0o000);
      expectFailed(await runOn(command, ['--config', locked]), /Cannot read the configuration file .*locked\.yaml: EACCES/);
    });

    it('exits 2 on an invalid date', async () => {
      expectFailed(await run([command, program, '--today', '2026-02-30'], { cwd: program }), /Invalid date "2026-02-30" in --today/);
      expectFailed(await run([command, program], { cwd: program, env: { TRUSTLINT_TODAY: 'soon' } }), /Invalid date "soon" in TRUSTLINT_TODAY/);
    });
  });

  describe.each(takes('--base'))('trustlint %s with git revisions', (command) => {
    it('exits 2 for an unknown revision, and outside a repository', async () => {
      const loose = copyOf();
      for (const option of ['--base', '--changed-since']) {
        expectFailed(await runOn(command, [option, 'no-such-revision']), /Unknown git revision "no-such-revision"/);
        expectFailed(await run([command, loose, option, 'HEAD', '--today', TODAY], { cwd: loose }), /is not in a git repository, so there is no revision "HEAD"/);
      }
    });

    it('exits 2 when --base needs git and there is none on PATH', async () => {
      const path = process.env.PATH;
      process.env.PATH = '/nonexistent';
      try {
        expectFailed(await runOn(command, ['--base', 'HEAD']), /needs git, which was not found on PATH/);
      } finally {
        process.env.PATH = path;
      }
    });
  });

  describe.each(takes('--output'))('trustlint %s --output', (command) => {
    it('exits 2 when the output cannot be written, saying where', async () => {
      expectFailed(await runOn(command, ['--output', join(program, 'no-such-folder', 'out.txt')]), /no-such-folder/);
    });

    it('exits 2, leaving the file as it was, when --output names a file the program reads', async () => {
      for (const [file, what] of [
        ['trustlint.config.yaml', 'the config file'],
        ['access-control.md', 'a policy'],
        ['owners.yaml', 'the owners file'],
        ['controls/access/AC-01.yaml', 'a control file'],
        ['.github/CODEOWNERS', 'the CODEOWNERS file'],
        ['evidence/AC-01.yaml', 'an evidence file'],
      ] as const) {
        const path = join(program, file);
        const before = readFileSync(path, 'utf8');
        const result = await runOn(command, ['--output', file]);
        expectFailed(result, new RegExp(`^trustlint: Refusing to write the (output|report) to ${escaped(file)}: that is ${escaped(file)}, ${what} this run reads, which the output would destroy;`));
        expect(readFileSync(path, 'utf8')).toBe(before);
      }
    });

    it('exits 2 when --output names a folder', async () => {
      expectFailed(await runOn(command, ['--output', 'controls']), /^trustlint: Refusing to write the (output|report) to controls: there is a folder at that path; expected the path of a file\.\n$/);
    });
  });

  it('trustlint explain exits 2 for an unknown rule; rules exits 2 for an unknown format', async () => {
    expect(await run(['explain', 'no-such-rule'])).toMatchObject({ code: 2 });
    expect(await run(['rules', '--format', 'yaml'])).toMatchObject({ code: 2 });
  });

  it('trustlint init exits 2 when it cannot write, and on an invalid date', async () => {
    const file = join(program, 'a-file');
    writeFileSync(file, 'not a folder\n');
    expect(await run(['init', join(file, 'program')])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^trustlint: /) });
    expect(await run(['init', join(program, 'new'), '--today', 'someday'])).toMatchObject({ code: 2 });
  });

  it('exits 2 on an unknown option or command, and without one', async () => {
    for (const { name } of all) expect((await run([name, '--no-such-option'])).code, name).toBe(2);
    expect((await run(['no-such-command'])).code).toBe(2);
    expect((await run([])).code).toBe(2);
  });
});
