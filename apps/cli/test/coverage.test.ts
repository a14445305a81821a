import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoverageView } from '@trustlint/reporters';
import { describe, expect, it } from 'vitest';
import { copyOf, run, TODAY } from './helpers.js';

const FIXTURE = 'apps/cli/test/fixtures/violations';

/** A copy of the sample program in which OPS-07, the only control covering CC6.6 (and A.8.20 to A.8.22), is only planned. */
function withoutCC66(): { dir: string; config: string } {
  const dir = copyOf();
  const path = join(dir, 'controls/operations/OPS-07.yaml');
  writeFileSync(path, readFileSync(path, 'utf8').replace('status: implemented', 'status: planned'));
  return { dir, config: join(dir, 'trustlint.config.yaml') };
}

describe('trustlint coverage', () => {
  it('shows every in-scope criterion of the sample program as covered, framework by framework, and exits 0', async () => {
    const { code, stdout, stderr } = await run(['coverage', 'policies', '--today', TODAY]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(0, 6)).toEqual([
      'Northwind Ledger: coverage judged on 2026-11-22',
      '',
      'SOC 2 coverage: 38/38 covered',
      'AICPA Trust Services Criteria 2017 (points of focus revised 2022)',
      '',
      'Security: 33/33 covered',
    ]);
    expect(stdout.match(/^ {2}✔ covered {4}(?:CC|A|C)\d\.\d+ /gm)).toHaveLength(38);
    expect(stdout.match(/^ {2}✔ covered {4}A\.\d\.\d+ /gm)).toHaveLength(89);
    expect(stdout.match(/^ {2}– excluded {3}A\.\d\.\d+ /gm)).toHaveLength(4);
    expect(stdout).toMatch(/^ {2}✔ covered {4}CC6\.2 {2}User registration and credentials +AC-01 \(implemented, security\), /m);
    expect(stdout).toContain('\nAvailability: 3/3 covered\n');
    expect(stdout).toContain('\nConfidentiality: 2/2 covered\n');
    expect(stdout).toContain('\nISO/IEC 27001 coverage: 89/89 covered, 4 excluded\nISO/IEC 27001 Annex A 2022\n\nOrganizational controls: 37/37 covered\n');
    expect(stdout).toContain('\nPhysical controls: 11/11 covered, 3 excluded\n');
    expect(stdout).toMatch(/^ {2}– excluded {3}A\.8\.30 {2}Outsourced development +excluded: Development is not outsourced: employees write all of the code\. .* \(approved by dana\.whitfield\)\n/m);
    // A control mapped to both frameworks is listed under each.
    expect(stdout).toMatch(/^ {2}✔ covered {4}CC6\.6 {2}.*OPS-07 \(implemented, sre\)/m);
    expect(stdout).toMatch(/^ {2}✔ covered {4}A\.8\.20 {2}.*OPS-07 \(implemented, sre\)/m);
    expect(stdout.endsWith('\n✔ Every in-scope criterion is covered or excluded.\n')).toBe(true);
  });

  it('exits 1 and puts the uncovered criteria first, with the control that does not cover them, in each framework', async () => {
    const { dir } = withoutCC66();
    const { code, stdout } = await run(['coverage', dir, '--today', TODAY]);
    expect(code).toBe(1);
    expect(stdout).toContain('Security: 32/33 covered, 1 uncovered\n  ✖ uncovered  CC6.6  Protection against external threats ');
    expect(stdout).toMatch(/CC6\.6 {2}Protection against external threats +OPS-07 \(planned, \S+\)\n/);
    expect(stdout).toContain('Technological controls: 30/33 covered, 3 uncovered, 1 excluded\n  ✖ uncovered  A.8.20  Network security ');
    expect(stdout.endsWith('\n✖ 4 in-scope criteria uncovered: SOC 2: CC6.6; ISO/IEC 27001: A.8.20, A.8.21, A.8.22.\n')).toBe(true);
    rmSync(dir, { recursive: true });
  });

  it('counts an excluded criterion as needing nothing, in its own framework only, and shows why', async () => {
    const { dir, config } = withoutCC66();
    writeFileSync(
      config,
      readFileSync(config, 'utf8').replace('\nexclusions:\n', '\nexclusions:\n  - criterion: CC6.6\n    reason: No system is reachable from outside.\n    approver: maya.okafor\n'),
    );
    const { code, stdout } = await run(['coverage', dir, '--today', TODAY]);
    expect(code).toBe(1);
    expect(stdout).toContain('SOC 2 coverage: 37/37 covered, 1 excluded');
    expect(stdout).toMatch(/ {2}– excluded {3}CC6\.6 {2}Protection against external threats +excluded: No system is reachable from outside\. \(approved by maya\.okafor\), OPS-07 \(planned, \S+\)\n/);
    expect(stdout.endsWith('\n✖ 3 in-scope criteria uncovered: ISO/IEC 27001: A.8.20, A.8.21, A.8.22.\n')).toBe(true);
    rmSync(dir, { recursive: true });
  });

  it('prints the coverage view as JSON', async () => {
    const { code, stdout } = await run(['coverage', FIXTURE, '--format', 'json', '--today', TODAY]);
    expect(code).toBe(1);
    const view = JSON.parse(stdout) as CoverageView & { program: string; today: string };
    expect(view.program).toBe('Harbor Analytics SOC 2');
    expect(view.today).toBe(TODAY);
    const [soc2] = view.frameworks;
    expect(soc2?.totals).toEqual({ covered: 33, partial: 1, uncovered: 1, excluded: 1, total: 36 });
    expect(soc2?.categories.map((category) => [category.name, category.criteria.slice(0, 2).map((row) => `${row.id} ${row.state}`)])).toEqual([
      ['Security', ['CC6.6 uncovered', 'CC1.1 covered']],
      ['Availability', ['A1.2 partial', 'A1.3 excluded']],
    ]);
    expect(soc2?.categories[1]?.criteria[0]?.controls).toEqual([
      { id: 'BCP-01', title: 'Backup restore test', status: 'partially-implemented', owner: 'sre', file: `${FIXTURE}/controls/continuity.yaml` },
    ]);
  });

  it('prints no findings in any format', async () => {
    for (const format of ['table', 'json', 'markdown']) {
      const { stdout } = await run(['coverage', FIXTURE, '--format', format, '--today', TODAY]);
      expect(stdout).not.toContain('secuirty');
      expect(stdout).not.toContain('review overdue');
    }
  });

  it('writes to --output and prints nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustlint-out-'));
    const output = join(dir, 'coverage.md');
    const { code, stdout } = await run(['coverage', 'policies', '--format', 'markdown', '--output', output, '--today', TODAY]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(readFileSync(output, 'utf8')).toMatch(/^## ✅ trustlint coverage: every in-scope criterion covered\n/);
    expect(readdirSync(dir)).toEqual(['coverage.md']);
    rmSync(dir, { recursive: true });
  });

  it('colours the table on a terminal, honours NO_COLOR and FORCE_COLOR, and keeps the words', async () => {
    const tty = await run(['coverage', FIXTURE, '--today', TODAY], { tty: true });
    expect(tty.stdout).toContain('\u001b[');
    expect(tty.stdout).toContain('uncovered');
    expect((await run(['coverage', FIXTURE, '--today', TODAY], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await run(['coverage', FIXTURE, '--today', TODAY], { env: { FORCE_COLOR: '1' } })).stdout).toContain('\u001b[');
    expect((await run(['coverage', FIXTURE, '--today', TODAY, '--no-color'], { tty: true })).stdout).not.toContain('\u001b[');
    expect((await run(['coverage', FIXTURE, '--format', 'json', '--today', TODAY], { tty: true })).stdout).not.toContain('\u001b[');
  });

  it('shows control characters and line breaks from files as visible escapes', async () => {
    const dir = copyOf(join(import.meta.dirname, 'fixtures/violations'));
    const path = join(dir, 'controls/continuity.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('owner: sre', 'owner: "sre\\u001b[2J\\nX"'));
    const { stdout } = await run(['coverage', dir, '--today', TODAY]);
    expect(stdout).toContain('BCP-01 (partially-implemented, sre\\u001b[2J\\nX)');
    rmSync(dir, { recursive: true });
  });

  it('does not read the baseline, which only filters findings', async () => {
    const dir = copyOf();
    writeFileSync(join(dir, 'trustlint-baseline.json'), '{"version": 2, "findings": []}\n');
    expect((await run(['coverage', dir, '--today', TODAY])).code).toBe(0);
    rmSync(dir, { recursive: true });
  });

  it('exits 2 when it cannot check: a bad config, an invalid date, an unknown format, no program', async () => {
    const dir = copyOf();
    writeFileSync(join(dir, 'trustlint.config.yaml'), 'frameworks:\n  soc2:\n    categories: [security, avail]\n');
    expect(await run(['coverage', dir, '--today', TODAY])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('Did you mean `availability`?') });
    expect(await run(['coverage', 'policies', '--today', '2026-02-30'])).toMatchObject({ code: 2, stderr: expect.stringContaining('Invalid date "2026-02-30" in --today') });
    expect(await run(['coverage', 'policies', '--format', 'html'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("argument 'html' is invalid. Allowed choices are table, json, markdown"),
    });
    expect(await run(['coverage'], { cwd: mkdtempSync(join(tmpdir(), 'trustlint-empty-')) })).toMatchObject({ code: 2, stderr: expect.stringContaining('No trustlint.config.yaml found') });
    rmSync(dir, { recursive: true });
  });

  it('has --help', async () => {
    const help = await run(['coverage', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: trustlint coverage [options] [dir]');
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('-f, --format <format> output format (choices: "table", "json", "markdown", default: "table")');
  });
});
