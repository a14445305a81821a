import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '@trustlint/core';
import { copyOf, corpus, run, SAMPLE, TODAY } from './helpers.js';

describe('trustlint rules', () => {
  it('lists every rule with its default severity and category', async () => {
    const { code, stdout } = await run(['rules']);
    expect(code).toBe(0);
    for (const rule of rules) expect(stdout).toMatch(new RegExp(`^${rule.name} +${rule.meta.severity} +${rule.meta.docs.category} +`, 'm'));
  });

  it('lists them as JSON with their docs URLs', async () => {
    const list = JSON.parse((await run(['rules', '--format', 'json'])).stdout) as { id: string; url: string; scope: string }[];
    expect(list.map((rule) => rule.id)).toEqual(rules.map((rule) => rule.name));
    expect(list.every((rule) => rule.url.endsWith(`/${rule.id}.md`))).toBe(true);
  });
});

describe('trustlint explain', () => {
  it("prints a rule's page", async () => {
    const { code, stdout } = await run(['explain', 'unknown-criterion']);
    expect(code).toBe(0);
    expect(stdout.startsWith('# unknown-criterion\n')).toBe(true);
    expect(stdout).toContain('## Examples');
  });

  it('exits 2 for an unknown rule, suggesting the closest', async () => {
    expect(await run(['explain', 'unknown-critrion'])).toMatchObject({
      code: 2,
      stderr: 'trustlint: Unknown rule "unknown-critrion"; did you mean `unknown-criterion`? `trustlint rules` lists every rule.\n',
    });
  });
});

describe('inline suppressions and the baseline', () => {
  it('suppresses with a reason, counts what was suppressed, and reports unused suppressions', async () => {
    const dir = copyOf();
    const path = join(dir, 'controls/access/AC-01.yaml');
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace('owner: security', '# trustlint-disable-next-line owner-unknown -- moving to the new team\nowner: security-team'));
    const quiet = await run(['lint', dir, '--today', TODAY]);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toContain('; 1 suppressed inline.');
    writeFileSync(path, text.replace('owner: security', '# trustlint-disable-next-line owner-unknown -- moving to the new team\nowner: security'));
    const unused = await run(['lint', dir, '--today', TODAY, '--format', 'json']);
    expect(unused.code).toBe(0);
    expect((JSON.parse(unused.stdout) as { findings: { ruleId: string; severity: string }[] }).findings).toEqual([
      expect.objectContaining({ ruleId: 'suppression', severity: 'warning' }),
    ]);
  });

  it('writes a baseline, then reports only new findings and stale entries', async () => {
    const dir = copyOf();
    const path = join(dir, 'controls/access/AC-01.yaml');
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace('[CC6.2, CC6.3]', '[CC6.2, CC6.30]'));
    expect((await run(['lint', dir, '--today', TODAY])).code).toBe(1);

    const written = await run(['lint', dir, '--today', TODAY, '--write-baseline']);
    expect(written).toMatchObject({ code: 0, stderr: expect.stringContaining('wrote 1 finding(s) to') });
    expect(existsSync(join(dir, 'trustlint-baseline.json'))).toBe(true);

    const accepted = await run(['lint', dir, '--today', TODAY]);
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain('; 1 accepted by the baseline.');
    expect((await run(['lint', dir, '--today', TODAY, '--no-baseline'])).code).toBe(1);

    writeFileSync(path, text);
    const stale = await run(['lint', dir, '--today', TODAY, '--format', 'json']);
    expect((JSON.parse(stale.stdout) as { findings: { ruleId: string; file: string }[] }).findings).toEqual([
      expect.objectContaining({ ruleId: 'baseline', file: 'trustlint-baseline.json' }),
    ]);
  });

  it('replaces the baseline with --write-baseline, but never another file the program reads', async () => {
    const dir = copyOf();
    writeFileSync(join(dir, 'trustlint-baseline.json'), '{"version": 1, "findings": []}\n');
    expect((await run(['lint', dir, '--today', TODAY, '--write-baseline'])).code).toBe(0);
    expect(readFileSync(join(dir, 'trustlint-baseline.json'), 'utf8')).not.toBe('{"version": 1, "findings": []}\n');
    const config = join(dir, 'trustlint.config.yaml');
    const before = readFileSync(config, 'utf8');
    expect(await run(['lint', '.', '--today', TODAY, '--baseline', 'trustlint.config.yaml', '--write-baseline'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: `trustlint: Refusing to write the baseline to trustlint.config.yaml: that is trustlint.config.yaml, the config file this run reads, which the output would destroy; expected an output path that is none of the program's files (config, owners, CODEOWNERS, policies, controls, evidence, baseline).\n`,
    });
    expect(readFileSync(config, 'utf8')).toBe(before);
  });

  it('never writes --output over the baseline, nor over the cache, even when the run is reused from the cache', async () => {
    const dir = copyOf();
    expect((await run(['lint', '.', '--today', TODAY, '--write-baseline'], { cwd: dir })).code).toBe(0);
    const baseline = readFileSync(join(dir, 'trustlint-baseline.json'), 'utf8');
    for (const command of ['lint', 'gate', 'coverage']) {
      expect((await run([command, '.', '--today', TODAY, '-o', 'trustlint-baseline.json'], { cwd: dir })).stderr).toMatch(
        /^trustlint: Refusing to write the output to trustlint-baseline\.json: that is trustlint-baseline\.json, the baseline this run reads, which the output would destroy;/,
      );
    }
    expect(readFileSync(join(dir, 'trustlint-baseline.json'), 'utf8')).toBe(baseline);

    const cached = ['lint', '.', '--today', TODAY, '--cache'];
    expect((await run([...cached, '-o', 'out.txt'], { cwd: dir })).code).toBe(0);
    const cache = readFileSync(join(dir, '.trustlintcache'), 'utf8');
    // The second run reuses the first one's output without reading the program, and still knows what it read.
    for (const output of ['.trustlintcache', 'access-control.md']) {
      const refused = await run([...cached, '-o', output], { cwd: dir });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(new RegExp(`^trustlint: Refusing to write the output to ${output.replace('.', '\\.')}: that is `));
    }
    expect(readFileSync(join(dir, '.trustlintcache'), 'utf8')).toBe(cache);
    expect(readFileSync(join(dir, 'access-control.md'), 'utf8')).toBe(readFileSync(join(SAMPLE, 'access-control.md'), 'utf8'));
  });

  it('exits 2 on a baseline that is not valid', async () => {
    const dir = copyOf();
    writeFileSync(join(dir, 'trustlint-baseline.json'), '{"version": 2, "findings": []}\n');
    const { code, stderr } = await run(['lint', dir, '--today', TODAY]);
    expect(code).toBe(2);
    expect(stderr).toContain('Invalid baseline');
  });
});

describe('trustlint init', () => {
  it('starts a program in a new folder, says what it did, and never overwrites', async () => {
    const parent = copyOf();
    const first = await run(['init', 'new-program', '--today', TODAY], { cwd: parent });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Found an empty folder: starting a program with a starter policy and control in ');
    expect(first.stdout).toContain('  created trustlint.config.yaml\n  created owners.yaml\n  created policies/information-security.md\n  created controls/SEC-01.yaml\n');
    const second = await run(['init', 'new-program'], { cwd: parent });
    expect(second.stdout).toContain('  kept    trustlint.config.yaml (already there; not changed)\n');
    const linted = await run(['lint', 'new-program', '--today', TODAY, '--format', 'json'], { cwd: parent });
    expect(linted.code).toBe(1);
    expect(new Set((JSON.parse(linted.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId))).toEqual(new Set(['uncovered-criterion']));
  });

  it('adopts a comply repository and explains how it reads it', async () => {
    const dir = copyOf(corpus('comply-soc2'));
    const { code, stdout } = await run(['init', dir, '--today', TODAY]);
    expect(code).toBe(0);
    expect(stdout).toContain('Found a strongdm/comply repository in ');
    expect(stdout).toContain('  27 policies, 5 narratives, 4 procedures, 0 control files.');
    expect(stdout).toContain('comply documents map criteria but implement none');
  });

  it('exits 2 on an invalid date', async () => {
    expect((await run(['init', copyOf(), '--today', 'someday'])).code).toBe(2);
  });

  it('--editor vscode writes VS Code settings once, then prints what to add instead of changing them', async () => {
    const parent = copyOf();
    const first = await run(['init', 'new-program', '--today', TODAY, '--editor', 'vscode'], { cwd: parent });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('  created .vscode/settings.json\n');
    expect(first.stdout).toContain('see "In your editor" in the README');
    const settings = readFileSync(join(parent, 'new-program/.vscode/settings.json'), 'utf8');
    expect(JSON.parse(settings)).toMatchObject({ 'eslint.validate': ['markdown', 'yaml'] });
    const second = await run(['init', 'new-program', '--editor', 'vscode'], { cwd: parent });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('  kept    .vscode/settings.json (already there; not changed)\n');
    expect(second.stdout).toContain(`Add these settings to .vscode/settings.json by hand:\n\n${settings.trimEnd()}\n`);
    expect(readFileSync(join(parent, 'new-program/.vscode/settings.json'), 'utf8')).toBe(settings);
  });

  it('--editor modeline points the YAML files it creates at the editor schemas', async () => {
    const parent = copyOf();
    const { code } = await run(['init', 'new-program', '--today', TODAY, '--editor', 'modeline'], { cwd: parent });
    expect(code).toBe(0);
    expect(readFileSync(join(parent, 'new-program/controls/SEC-01.yaml'), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/node_modules\/@trustlint\/schemas\/schemas\/editor\/control\.schema\.json\n/,
    );
    expect(readFileSync(join(parent, 'new-program/trustlint.config.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\/node_modules\/.*\/config\.schema\.json\n/);
  });

  it('--editor takes vscode, modeline or none, and exits 2 on anything else', async () => {
    const none = copyOf();
    expect((await run(['init', 'new-program', '--today', TODAY, '--editor', 'none'], { cwd: none })).code).toBe(0);
    expect(readFileSync(join(none, 'new-program/controls/SEC-01.yaml'), 'utf8')).not.toContain('yaml-language-server');
    const bad = await run(['init', copyOf(), '--editor', 'emacs']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('emacs');
  });
});

describe('trustlint lint --changed-since', () => {
  it('reports only what changed since a revision, and exits 2 for an unknown one', async () => {
    const dir = copyOf();
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: dir, stdio: 'pipe' });
    writeFileSync(join(dir, 'controls/access/AC-02.yaml'), readFileSync(join(dir, 'controls/access/AC-02.yaml'), 'utf8').replace(/owner: \S+/, 'owner: old-contractor'));
    git('init', '--quiet', '--initial-branch=main');
    git('add', '.');
    git('commit', '--quiet', '-m', 'Program');
    expect((await run(['lint', dir, '--today', TODAY])).code).toBe(1);
    expect((await run(['lint', dir, '--today', TODAY, '--changed-since', 'HEAD'])).code).toBe(0);
    const unknown = await run(['lint', dir, '--today', TODAY, '--changed-since', 'nope']);
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown git revision "nope"') });
  });
});
