import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyOf, REPOSITORY, run, TODAY } from './helpers.js';

const FIXTURE = join(REPOSITORY, 'apps/cli/test/fixtures/report');
const folders: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'trustlint-report-'));
  folders.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** The row of a control in the controls table. */
function controlRow(html: string, id: string): string {
  const match = new RegExp(`<tr class="control" id="control-\\d+" data-evidence="[a-z]+"><th scope="row">${id}<.*?</tr>`).exec(html);
  if (!match) throw new Error(`no row for ${id}`);
  return match[0];
}

describe('trustlint report', () => {
  it('writes trustlint-report.html in the working folder by default, and exits 0 although the program has findings', async () => {
    const cwd = tempDir();
    const { code, stdout, stderr } = await run(['report', FIXTURE, '--today', TODAY], { cwd });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe('Wrote the report of Kestrel Pay SOC 2 to trustlint-report.html.\n');
    expect(readdirSync(cwd)).toEqual(['trustlint-report.html']);
    const html = readFileSync(join(cwd, 'trustlint-report.html'), 'utf8');
    expect(html).toContain('<h1>Kestrel Pay SOC 2</h1>');
    expect(html).toContain('<dt>Judged on</dt><dd><time datetime="2026-11-22">2026-11-22</time></dd>');
    expect(html.match(/<tr class="finding" /g)).toHaveLength(5);
    expect(html).toContain('Access Control Policy &lt;img src=x onerror=alert(1)&gt;&lt;script&gt;window.pwned=1&lt;/script&gt;');
  });

  it('writes --output atomically, relative to the working folder, and names the commit of the program’s repository', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'out'));
    const { code, stdout } = await run(['report', join(REPOSITORY, 'policies'), '--today', TODAY, '-o', 'out/sample.html'], { cwd });
    expect(code).toBe(0);
    expect(stdout).toBe('Wrote the report of Northwind Ledger to out/sample.html.\n');
    expect(readdirSync(join(cwd, 'out'))).toEqual(['sample.html']);
    const html = readFileSync(join(cwd, 'out/sample.html'), 'utf8');
    const head = execFileSync('git', ['-C', REPOSITORY, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
    expect(html).toContain(`<dt>Commit</dt><dd><code>${head}</code></dd>`);
    expect(html.match(/<tr class="criterion[ "][^>]* id="criterion-soc2-/g)).toHaveLength(38);
    expect(html.match(/<tr class="criterion[ "][^>]* id="criterion-iso27001-/g)).toHaveLength(93);
  });

  it('reports without a commit when the program is in no repository', async () => {
    const dir = copyOf(FIXTURE);
    folders.push(dir);
    const { code } = await run(['report', dir, '--today', TODAY, '--output', join(dir, 'report.html')]);
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('<dt>Commit</dt><dd><span class="muted">not in a git repository</span></dd>');
  });

  it('shows evidence with the periods the config gives evidence-missing', async () => {
    const cwd = tempDir();
    const defaults = await run(['report', FIXTURE, '--today', TODAY], { cwd });
    expect(defaults.code).toBe(0);
    const before = controlRow(readFileSync(join(cwd, 'trustlint-report.html'), 'utf8'), 'OPS-01');
    expect(before).toContain('6 of 9 months covered, 1 missing, 2 not yet due.');
    expect(before).toContain('data-evidence="missing"');

    const dir = copyOf(FIXTURE);
    folders.push(dir);
    const config = join(dir, 'trustlint.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('rules:\n', 'rules:\n  evidence-missing: [error, {periods: {continuous: quarter}}]\n'));
    expect((await run(['report', dir, '--today', TODAY], { cwd })).code).toBe(0);
    const after = controlRow(readFileSync(join(cwd, 'trustlint-report.html'), 'utf8'), 'OPS-01');
    expect(after).toContain('3 of 3 quarters covered.');
    expect(after).toContain('data-evidence="complete"');
  });

  it('exits 2 when it cannot report: a bad config, an invalid date, an unwritable file, no program', async () => {
    const dir = copyOf(FIXTURE);
    folders.push(dir);
    writeFileSync(join(dir, 'trustlint.config.yaml'), 'frameworks:\n  soc2:\n    categories: [security, avail]\n');
    expect(await run(['report', dir, '--today', TODAY, '-o', join(dir, 'r.html')])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('Did you mean `availability`?') });
    expect(await run(['report', FIXTURE, '--today', '2026-02-30', '-o', join(dir, 'r.html')])).toMatchObject({ code: 2, stderr: expect.stringContaining('Invalid date "2026-02-30" in --today') });
    const missing = join(tempDir(), 'no/such/folder/report.html');
    const unwritable = await run(['report', FIXTURE, '--today', TODAY, '-o', missing]);
    expect(unwritable).toMatchObject({ code: 2, stdout: '' });
    expect(unwritable.stderr).toBe(`trustlint: Could not write the report to ${missing}: the folder ${dirname(missing)} does not exist; expected a path in an existing folder (trustlint does not create folders).\n`);
    expect(await run(['report'], { cwd: tempDir() })).toMatchObject({ code: 2, stderr: expect.stringContaining('No trustlint.config.yaml found') });
    expect(readdirSync(dir).filter((name) => name.endsWith('.html') || name.endsWith('.tmp'))).toEqual([]);
  });

  it('replaces its own report at the default path, but refuses any other file there before linting, unless --force', async () => {
    const cwd = tempDir();
    const page = join(cwd, 'trustlint-report.html');
    expect((await run(['report', FIXTURE, '--today', TODAY], { cwd })).code).toBe(0);
    expect((await run(['report', FIXTURE, '--today', '2026-11-23'], { cwd })).code).toBe(0);
    expect(readFileSync(page, 'utf8')).toContain('<time datetime="2026-11-23">');

    writeFileSync(page, '<!DOCTYPE html><html><head><title>Our audit notes</title></head><body>Keep.</body></html>\n');
    const refused = await run(['report', FIXTURE, '--today', TODAY], { cwd });
    expect(refused).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'trustlint: Refusing to write the report to trustlint-report.html: a file is there that is not a report of trustlint (it has no `<meta name="generator" content="trustlint …">`), and trustlint does not replace it by default; expected no file there, or a report trustlint wrote. Give --force to replace it, or --output to write the report elsewhere.\n',
    });
    expect(readFileSync(page, 'utf8')).toContain('Our audit notes');
    // Refused before linting: even a program that cannot be read gives this refusal.
    expect((await run(['report', join(cwd, 'no-such-program'), '--today', TODAY], { cwd })).stderr).toMatch(/^trustlint: Refusing to write the report to trustlint-report\.html: /);

    expect(await run(['report', FIXTURE, '--today', TODAY, '--force'], { cwd })).toMatchObject({ code: 0, stdout: 'Wrote the report of Kestrel Pay SOC 2 to trustlint-report.html.\n' });
    expect(readFileSync(page, 'utf8')).toContain('<h1>Kestrel Pay SOC 2</h1>');
    expect(readdirSync(cwd)).toEqual(['trustlint-report.html']);
  });

  it('replaces any file that --output names, since the user named it, but never one the program reads', async () => {
    const dir = copyOf(FIXTURE);
    folders.push(dir);
    writeFileSync(join(dir, 'notes.html'), '<p>old notes</p>\n');
    expect((await run(['report', dir, '--today', TODAY, '-o', join(dir, 'notes.html')])).code).toBe(0);
    expect(readFileSync(join(dir, 'notes.html'), 'utf8')).toContain('<h1>Kestrel Pay SOC 2</h1>');

    const config = join(dir, 'trustlint.config.yaml');
    const before = readFileSync(config, 'utf8');
    for (const args of [['-o', 'trustlint.config.yaml'], ['-o', './trustlint.config.yaml', '--force']]) {
      expect(await run(['report', '.', '--today', TODAY, ...args], { cwd: dir })).toEqual({
        code: 2,
        stdout: '',
        stderr: `trustlint: Refusing to write the report to ${args[1] ?? ''}: that is trustlint.config.yaml, the config file this run reads, which the output would destroy; expected an output path that is none of the program's files (config, owners, CODEOWNERS, policies, controls, evidence, baseline).\n`,
      });
    }
    expect(readFileSync(config, 'utf8')).toBe(before);
  });

  it('has --help', async () => {
    const help = await run(['report', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: trustlint report [options] [dir]');
    const text = help.stdout.replace(/\s+/g, ' ');
    expect(text).toContain('-o, --output <file> where to write the page (atomically; replaces a file there, never one the program reads) (default: "trustlint-report.html")');
    expect(text).toContain('--force replace a file at trustlint-report.html that is not a report of trustlint (never one the program reads)');
    expect(text).toContain('-c, --config <file>');
    expect(text).toContain('--today <date>');
    expect((await run(['--help'])).stdout.replace(/\s+/g, ' ')).toContain('report [options] [dir] write the program in DIR as one self-contained HTML page');
  });
});
