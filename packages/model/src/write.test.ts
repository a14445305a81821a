import { spawnSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { TrustlintError } from './errors.js';
import { checkOutput, createFileExclusive, writeFileAtomic, writeOutput, type InputFile, type OutputTarget } from './write.js';

const isWindows = process.platform === 'win32';

/** The error a call throws (undefined when it throws none). */
function failureOf(call: () => void): TrustlintError | undefined {
  try {
    call();
  } catch (error) {
    if (error instanceof TrustlintError) return error;
    throw error;
  }
  return undefined;
}

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'trustlint-write-'));
});

describe('writing files', () => {
  it('replaces a file atomically and leaves no temporary file behind', () => {
    const path = join(dir, 'report.json');
    writeFileSync(path, 'old');
    writeFileAtomic(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('writes bytes given in parts in their order, however many and however large', () => {
    const path = join(dir, '.trustlintcache');
    const big = Buffer.alloc(3 << 20, 'x');
    const parts = [Buffer.from('head\n'), new Uint8Array(), ...Array.from({ length: 3000 }, (_, index) => Buffer.from(`${index}\n`)), big.subarray(5, 2 << 20), Buffer.from('end')];
    writeFileAtomic(path, parts);
    expect(readFileSync(path)).toEqual(Buffer.concat(parts));
    expect(readdirSync(dir)).toEqual(['.trustlintcache']);
  });

  it('creates a file only when nothing is there, and never overwrites', () => {
    const path = join(dir, 'owners.yaml');
    expect(createFileExclusive(path, 'first')).toBe(true);
    expect(createFileExclusive(path, 'second')).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('first');
    expect(readdirSync(dir)).toEqual(['owners.yaml']);
  });

  it.skipIf(isWindows)('creates nothing where a link leads nowhere', () => {
    symlinkSync('gone.yaml', join(dir, 'owners.yaml'));
    expect(createFileExclusive(join(dir, 'owners.yaml'), 'first')).toBe(false);
    expect(readlinkSync(join(dir, 'owners.yaml'))).toBe('gone.yaml');
  });
});

describe('the write policy', () => {
  const target = (name: string, more: Partial<OutputTarget> = {}): OutputTarget => ({ path: join(dir, name), what: `the output to ${name}`, ...more });

  it('writes a new file and replaces an existing one atomically, leaving no temporary file', () => {
    writeOutput(target('out.json'), 'first');
    writeOutput(target('out.json'), 'second');
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe('second');
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('names a missing folder, and a file where the folder should be, and writes nothing', () => {
    const missing = failureOf(() => { writeOutput(target('missing-folder/out.json'), 'text'); });
    expect(missing?.code).toBe('output-folder-missing');
    expect(missing?.message).toBe(
      `Could not write the output to missing-folder/out.json: the folder ${join(dir, 'missing-folder')} does not exist; expected a path in an existing folder (trustlint does not create folders).`,
    );
    writeFileSync(join(dir, 'plain'), 'text');
    const notFolder = failureOf(() => { writeOutput(target('plain/out.json'), 'text'); });
    expect(notFolder?.code).toBe('output-folder-missing');
    expect(notFolder?.message).toBe(`Could not write the output to plain/out.json: ${join(dir, 'plain')} is not a folder; expected a path in an existing folder.`);
    expect(readdirSync(dir)).toEqual(['plain']);
  });

  it('refuses a folder at the path', () => {
    mkdirSync(join(dir, 'out.json'));
    const failure = failureOf(() => { writeOutput(target('out.json'), 'text'); });
    expect(failure?.code).toBe('output-is-folder');
    expect(failure?.message).toBe('Refusing to write the output to out.json: there is a folder at that path; expected the path of a file.');
    expect(readdirSync(join(dir, 'out.json'))).toEqual([]);
  });

  it.skipIf(isWindows)('refuses a symbolic link at the path, whether it leads to a file or nowhere, and leaves both link and file alone', () => {
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    symlinkSync('notes.txt', join(dir, 'out.json'));
    symlinkSync('gone.txt', join(dir, 'dangling.json'));
    const failure = failureOf(() => { writeOutput(target('out.json'), 'text'); });
    expect(failure?.code).toBe('output-is-link');
    expect(failure?.message).toBe(
      "Refusing to write the output to out.json: it is a symbolic link (to notes.txt), and trustlint neither writes through a link nor replaces one; expected the path of a regular file (write to the link's target directly, or remove the link).",
    );
    expect(failureOf(() => { writeOutput(target('dangling.json'), 'text'); })?.code).toBe('output-is-link');
    expect(readlinkSync(join(dir, 'out.json'))).toBe('notes.txt');
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readdirSync(dir).sort()).toEqual(['dangling.json', 'notes.txt', 'out.json']);
  });

  it.skipIf(isWindows)('refuses a pipe at the path without opening it', () => {
    expect(spawnSync('mkfifo', [join(dir, 'out.json')]).status).toBe(0);
    const failure = failureOf(() => { writeOutput(target('out.json'), 'text'); });
    expect(failure?.code).toBe('output-not-a-file');
    expect(failure?.message).toBe('Refusing to write the output to out.json: there is a pipe, socket or device at that path, not a regular file; expected the path of a regular file.');
  });

  describe('inputs', () => {
    let inputs: InputFile[];

    beforeEach(() => {
      mkdirSync(join(dir, 'policies'));
      writeFileSync(join(dir, 'policies/access.md'), 'policy');
      writeFileSync(join(dir, 'trustlint.config.yaml'), 'config');
      inputs = [
        { path: join(dir, 'trustlint.config.yaml'), shown: 'trustlint.config.yaml', what: 'the config file' },
        { path: join(dir, 'policies/access.md'), shown: 'policies/access.md', what: 'a policy' },
      ];
    });

    it('never replaces a file the run reads, and says which', () => {
      const failure = failureOf(() => { writeOutput(target('policies/access.md', { inputs }), 'text'); });
      expect(failure?.code).toBe('output-is-input');
      expect(failure?.message).toBe(
        "Refusing to write the output to policies/access.md: that is policies/access.md, a policy this run reads, which the output would destroy; expected an output path that is none of the program's files (config, owners, CODEOWNERS, policies, controls, evidence, baseline).",
      );
      expect(failureOf(() => { writeOutput(target('./policies/../trustlint.config.yaml', { inputs }), 'text'); })?.message).toMatch(/: that is trustlint\.config\.yaml, the config file this run reads,/);
      expect(readFileSync(join(dir, 'policies/access.md'), 'utf8')).toBe('policy');
      expect(readFileSync(join(dir, 'trustlint.config.yaml'), 'utf8')).toBe('config');
    });

    it.skipIf(isWindows)('knows an input reached through a linked folder or a hard link', () => {
      symlinkSync('policies', join(dir, 'linked'));
      linkSync(join(dir, 'policies/access.md'), join(dir, 'hard.md'));
      expect(failureOf(() => { writeOutput(target('linked/access.md', { inputs }), 'text'); })?.code).toBe('output-is-input');
      expect(failureOf(() => { writeOutput(target('hard.md', { inputs }), 'text'); })?.code).toBe('output-is-input');
      expect(readFileSync(join(dir, 'policies/access.md'), 'utf8')).toBe('policy');
    });

    it('writes any other path', () => {
      writeOutput(target('out.json', { inputs }), 'text');
      writeFileSync(join(dir, 'notes.md'), 'notes');
      writeOutput(target('notes.md', { inputs }), 'text');
      expect(readFileSync(join(dir, 'notes.md'), 'utf8')).toBe('text');
    });
  });

  describe('onlyOwn', () => {
    const onlyOwn = { isOwn: (head: string) => head.startsWith('<!-- ours -->'), refusal: 'a file is there that trustlint did not write; give --force to replace it.' };

    it('replaces a file trustlint wrote, an empty file, or nothing', () => {
      writeOutput(target('page.html', { onlyOwn }), '<!-- ours --> one');
      writeOutput(target('page.html', { onlyOwn }), '<!-- ours --> two');
      expect(readFileSync(join(dir, 'page.html'), 'utf8')).toBe('<!-- ours --> two');
      writeFileSync(join(dir, 'empty.html'), '');
      writeOutput(target('empty.html', { onlyOwn }), '<!-- ours -->');
      expect(readFileSync(join(dir, 'empty.html'), 'utf8')).toBe('<!-- ours -->');
    });

    it('refuses to replace any other file, before writing anything', () => {
      writeFileSync(join(dir, 'page.html'), '<h1>My notes</h1>');
      const failure = failureOf(() => { checkOutput(target('page.html', { onlyOwn })); });
      expect(failure?.code).toBe('output-exists');
      expect(failure?.message).toBe('Refusing to write the output to page.html: a file is there that trustlint did not write; give --force to replace it.');
      expect(failureOf(() => { writeOutput(target('page.html', { onlyOwn }), '<!-- ours -->'); })?.code).toBe('output-exists');
      expect(readFileSync(join(dir, 'page.html'), 'utf8')).toBe('<h1>My notes</h1>');
      expect(readdirSync(dir)).toEqual(['page.html']);
    });
  });

  it('names a write that fails for another reason', () => {
    const failure = failureOf(() => { writeOutput(target('x'.repeat(300)), 'text'); });
    expect(failure?.code).toBe('output-unwritable');
    expect(failure?.message).toMatch(/^Could not write the output to x+: ENAMETOOLONG: name too long, .*; expected a file path in an existing folder that trustlint may write to\.$/);
  });
});
