import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeText, DiskSource, isInside } from './files.js';

const isWindows = process.platform === 'win32';

describe('DiskSource', () => {
  let repo: string;
  let outside: string;
  const MAX = 1024 * 1024;

  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), 'trustlint-files-'));
    outside = mkdtempSync(join(tmpdir(), 'trustlint-outside-'));
    mkdirSync(join(repo, 'controls'));
    writeFileSync(join(repo, 'controls/a.yaml'), 'id: A\n');
    writeFileSync(join(outside, 'secret.yaml'), 'id: SECRET\n');
  });

  afterEach(() => {
    rmSync(repo, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it.skipIf(isWindows)('lists symbolic links and pipes with the files, and linked folders a glob reaches, without walking them', () => {
    symlinkSync(join(outside, 'secret.yaml'), join(repo, 'controls/out.yaml'));
    symlinkSync('loop.yaml', join(repo, 'controls/loop.yaml'));
    symlinkSync(outside, join(repo, 'controls/linked'));
    symlinkSync('..', join(repo, 'controls/up'));
    expect(spawnSync('mkfifo', [join(repo, 'controls/pipe.yaml')]).status).toBe(0);
    const source = new DiskSource(repo);
    expect(source.glob(['controls/**/*.yaml'], [])).toEqual(['controls/a.yaml', 'controls/linked', 'controls/loop.yaml', 'controls/out.yaml', 'controls/pipe.yaml', 'controls/up']);
    // A glob that cannot reach into them, or ignores them, does not list them.
    expect(source.glob(['controls/*.yaml'], [])).toEqual(['controls/a.yaml', 'controls/loop.yaml', 'controls/out.yaml', 'controls/pipe.yaml']);
    expect(source.glob(['controls/**/*.yaml'], ['controls/linked', 'controls/up/**'])).toEqual(['controls/a.yaml', 'controls/loop.yaml', 'controls/out.yaml', 'controls/pipe.yaml']);
  });

  it.skipIf(isWindows)('reports a linked folder: one that leaves the repository as a link outside, one inside as a linked folder', () => {
    mkdirSync(join(repo, 'shared'));
    writeFileSync(join(repo, 'shared/s.yaml'), 'id: S\n');
    symlinkSync(outside, join(repo, 'controls/linked'));
    symlinkSync('../shared', join(repo, 'controls/shared'));
    symlinkSync('..', join(repo, 'controls/up'));
    const source = new DiskSource(repo);
    expect(source.read('controls/linked', MAX)).toEqual({ ok: false, code: 'symlink-outside', target: outside });
    expect(source.read('controls/shared', MAX)).toEqual({ ok: false, code: 'linked-folder', target: 'shared' });
    expect(source.read('controls/up', MAX)).toEqual({ ok: false, code: 'linked-folder', target: '.' });
  });

  it.skipIf(isWindows)('does not follow a linked folder that is where a glob starts, but walks a program root that is a link', () => {
    mkdirSync(join(repo, 'elsewhere'));
    writeFileSync(join(repo, 'elsewhere/e.yaml'), 'id: E\n');
    symlinkSync('elsewhere', join(repo, 'linked-controls'));
    symlinkSync(outside, join(repo, 'outside-controls'));
    const source = new DiskSource(repo);
    expect(source.glob(['linked-controls/**/*.yaml', 'outside-controls/*.yaml'], [])).toEqual(['linked-controls', 'outside-controls']);
    expect(source.read('outside-controls', MAX)).toEqual({ ok: false, code: 'symlink-outside', target: outside });
    symlinkSync(repo, join(outside, 'program'));
    const linkedRoot = new DiskSource(join(outside, 'program'));
    expect(linkedRoot.glob(['controls/*.yaml', '*.yaml'], [])).toEqual(['controls/a.yaml']);
  });

  it.skipIf(isWindows)('reads a link within the repository, and reports one that leaves it, loops or leads nowhere', () => {
    symlinkSync('a.yaml', join(repo, 'controls/in.yaml'));
    symlinkSync(join(outside, 'secret.yaml'), join(repo, 'controls/out.yaml'));
    symlinkSync('loop.yaml', join(repo, 'controls/loop.yaml'));
    symlinkSync('gone.yaml', join(repo, 'controls/dangling.yaml'));
    const source = new DiskSource(repo);
    expect(source.read('controls/in.yaml', MAX)).toEqual({ ok: true, bytes: new Uint8Array(Buffer.from('id: A\n')), stat: { size: 6, mtimeMs: expect.any(Number) } });
    expect(source.read('controls/out.yaml', MAX)).toEqual({ ok: false, code: 'symlink-outside', target: join(outside, 'secret.yaml') });
    expect(source.read('controls/loop.yaml', MAX)).toEqual({ ok: false, code: 'unreadable', reason: 'a symbolic link loop' });
    expect(source.read('controls/dangling.yaml', MAX)).toEqual({ ok: false, code: 'unreadable', reason: 'a symbolic link to gone.yaml, which does not exist' });
  });

  it.skipIf(isWindows)('refuses a pipe without opening it, and a folder', () => {
    expect(spawnSync('mkfifo', [join(repo, 'controls/pipe.yaml')]).status).toBe(0);
    mkdirSync(join(repo, 'controls/folder.yaml'));
    const source = new DiskSource(repo);
    expect(source.read('controls/pipe.yaml', MAX)).toEqual({ ok: false, code: 'not-a-file' });
    expect(source.read('controls/folder.yaml', MAX)).toEqual({ ok: false, code: 'not-a-file' });
  });

  it('refuses a file over the size limit without reading it, and says a missing file is missing', () => {
    writeFileSync(join(repo, 'controls/big.yaml'), Buffer.alloc(4096, '#\n'));
    const source = new DiskSource(repo);
    expect(source.read('controls/big.yaml', 4095)).toEqual({ ok: false, code: 'too-large', size: 4096, limit: 4095 });
    expect(source.read('controls/none.yaml', MAX)).toEqual({ ok: false, code: 'missing' });
  });

  it.skipIf(process.getuid?.() === 0 || isWindows)('reports a file it may not read', () => {
    chmodSync(join(repo, 'controls/a.yaml'), 0o000);
    expect(new DiskSource(repo).read('controls/a.yaml', MAX)).toEqual({ ok: false, code: 'unreadable', reason: 'permission denied' });
  });
});

describe('isInside', () => {
  it('tells paths inside a folder from those that lead out of it, however they are written', () => {
    const cases: [folder: string, path: string, inside: boolean][] = [
      ['/repo', '/repo', true],
      ['/repo', '/repo/policies/a.md', true],
      ['/repo/', '/repo/a.md', true],
      ['/', '/etc/passwd', true],
      ['/repo', '/repository/a.md', false],
      ['/repo', '/repo/../etc/passwd', false],
      ['/repo', '/repo/policies/../../etc', false],
      ['/repo', '/repo/policies/../a.md', true],
      ['/repo', '/repo/..a.md', true],
      ['/repo/sub/..', '/repo/a.md', true],
      ['/repo/sub/..', '/repo/sub/../a.md', true],
      ['/repo', '/etc', false],
    ];
    expect(cases.map(([folder, path]) => isInside(folder, path))).toEqual(cases.map(([, , inside]) => inside));
  });
});

describe('decodeText', () => {
  it('reads UTF-8 with or without a byte order mark', () => {
    expect(decodeText(Buffer.from('id: é\n'))).toEqual({ ok: true, text: 'id: é\n' });
    expect(decodeText(Buffer.from('\uFEFFid: A\n'))).toEqual({ ok: true, text: '\uFEFFid: A\n' });
  });

  it('refuses UTF-16 of either byte order, NUL bytes and invalid UTF-8, with the offset of the first bad byte', () => {
    expect(decodeText(Buffer.from('\uFEFFid', 'utf16le'))).toEqual({ ok: false, code: 'utf16', offset: 0 });
    expect(decodeText(Buffer.from('\uFEFFid', 'utf16le').swap16())).toEqual({ ok: false, code: 'utf16', offset: 0 });
    expect(decodeText(Buffer.from('id: A\u0000'))).toEqual({ ok: false, code: 'binary', offset: 5 });
    expect(decodeText(Uint8Array.from([0x61, 0xc3, 0x28]))).toEqual({ ok: false, code: 'invalid-utf8', offset: 1 });
    expect(decodeText(Uint8Array.from([0x61, 0xed, 0xa0, 0x80]))).toEqual({ ok: false, code: 'invalid-utf8', offset: 1 });
    expect(decodeText(Uint8Array.from([0x61, 0xc0, 0xaf]))).toEqual({ ok: false, code: 'invalid-utf8', offset: 1 });
    expect(decodeText(Uint8Array.from([0x61, 0xf4, 0x90, 0x80, 0x80]))).toEqual({ ok: false, code: 'invalid-utf8', offset: 1 });
    expect(decodeText(Uint8Array.from([0x61, 0xf0, 0x9f]))).toEqual({ ok: false, code: 'invalid-utf8', offset: 1 });
  });
});
