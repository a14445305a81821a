import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOf, run, TODAY } from './helpers.js';

const FIXTURE = join(import.meta.dirname, 'fixtures/violations');
const FAILED = '✖ Gate failed: 2 in-scope criteria uncovered (CC6.6, A1.2 (partial)), 4 errors (uncovered-criterion ×2, owner-unknown ×1, unknown-criterion ×1).\n';

interface GateJson {
  findings: { ruleId: string }[];
  summary: { errors: number };
  gate: { passed: boolean; threshold: string; frameworks: string[]; uncovered: Record<string, string[]>; blocking: Record<string, number>; notRequired: number };
}

/** Replaces text in a file of a program copy. */
function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const changed = text.replace(from, to);
  expect(changed, `${file}: nothing to replace`).not.toBe(text);
  writeFileSync(path, changed);
}

describe('trustlint gate', () => {
  it('passes the sample program with exit 0, saying what it checked', async () => {
    const { code, stdout, stderr } = await run(['gate', 'policies', '--today', TODAY]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.endsWith('\n✔ Gate passed: every in-scope criterion covered (SOC 2 38/38; ISO/IEC 27001 89/89, 4 excluded), no findings at or above error.\n')).toBe(true);
  });

  it('fails the fixture with exit 1, naming the uncovered criteria and the blocking findings by rule', async () => {
    const { code, stdout } = await run(['gate', FIXTURE, '--today', TODAY]);
    expect(code).toBe(1);
    expect(stdout.endsWith(`\n${FAILED}`)).toBe(true);
  });

  it('fails on an uncovered criterion even when the rule that reports it is off', async () => {
    const dir = copyOf();
    // OPS-07 is mapped to both frameworks: it uncovers criteria of both.
    edit(dir, 'controls/operations/OPS-07.yaml', 'status: implemented', 'status: planned');
    edit(dir, 'trustlint.config.yaml', /$/, 'rules:\n  uncovered-criterion: off\n');
    expect((await run(['lint', dir, '--today', TODAY])).code).toBe(0);
    const { code, stdout } = await run(['gate', dir, '--today', TODAY]);
    expect(code).toBe(1);
    expect(stdout).toContain('✖ Gate failed: 4 in-scope criteria uncovered (SOC 2: CC6.6; ISO/IEC 27001: A.8.20, A.8.21, A.8.22).\n');
    rmSync(dir, { recursive: true });
  });

  it('passes with findings below the threshold, and fails on them with a lower --fail-on', async () => {
    const dir = copyOf();
    edit(dir, 'access-control.md', 'last_reviewed: 2026-08-14', 'last_reviewed: 2025-08-14');
    const passed = await run(['gate', dir, '--today', TODAY]);
    expect(passed.code).toBe(0);
    expect(passed.stdout).toContain('✔ Gate passed: every in-scope criterion covered (SOC 2 38/38; ISO/IEC 27001 89/89, 4 excluded), no findings at or above error (1 warning below it).\n');
    const failed = await run(['gate', dir, '--today', TODAY, '--fail-on', 'warning']);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('✖ Gate failed: 1 warning (review-overdue ×1).\n');
    expect((await run(['gate', dir, '--today', TODAY, '--fail-on', 'info'])).code).toBe(1);
    rmSync(dir, { recursive: true });
  });

  it('counts an excluded criterion as covered, and says so', async () => {
    const dir = copyOf();
    // RSK-03, the only control covering CC3.3, is mapped to SOC 2 alone.
    edit(dir, 'controls/risk/RSK-03.yaml', 'status: implemented', 'status: planned');
    edit(dir, 'trustlint.config.yaml', /\nexclusions:\n/, '\nexclusions:\n  - criterion: CC3.3\n    reason: The fraud risk assessment is the parent company\'s.\n    approver: maya.okafor\n');
    const { code, stdout } = await run(['gate', dir, '--today', TODAY]);
    expect(code).toBe(0);
    expect(stdout).toContain('✔ Gate passed: every in-scope criterion covered (SOC 2 37/37, 1 excluded; ISO/IEC 27001 89/89, 4 excluded), no findings at or above error.\n');
    rmSync(dir, { recursive: true });
  });

  it('cannot be passed by a baseline: accepted findings stop blocking, uncovered criteria do not', async () => {
    const dir = copyOf(FIXTURE);
    expect((await run(['lint', dir, '--today', TODAY, '--write-baseline'])).code).toBe(0);
    const { code, stdout } = await run(['gate', dir, '--today', TODAY]);
    expect(code).toBe(1);
    expect(stdout).toContain('✖ Gate failed: 2 in-scope criteria uncovered (CC6.6, A1.2 (partial)); 6 accepted by the baseline.\n');
    expect((await run(['gate', dir, '--today', TODAY, '--no-baseline'])).stdout).toContain(FAILED);
    rmSync(dir, { recursive: true });
  });

  it('adds a gate object to --format json instead of the text verdict', async () => {
    const failed = await run(['gate', FIXTURE, '--format', 'json', '--today', TODAY]);
    expect(failed).toMatchObject({ code: 1, stderr: '' });
    const report = JSON.parse(failed.stdout) as GateJson;
    expect(Object.keys(report)).toEqual(['findings', 'coverage', 'summary', 'gate']);
    expect(report.gate).toEqual({
      passed: false,
      threshold: 'error',
      frameworks: ['soc2'],
      uncovered: { soc2: ['CC6.6', 'A1.2'] },
      blocking: { 'uncovered-criterion': 2, 'owner-unknown': 1, 'unknown-criterion': 1 },
      notRequired: 0,
    });
    const passed = await run(['gate', 'policies', '--format', 'json', '--today', TODAY, '--fail-on', 'warning']);
    expect(passed).toMatchObject({ code: 0, stderr: '' });
    expect((JSON.parse(passed.stdout) as GateJson).gate).toEqual({
      passed: true,
      threshold: 'warning',
      frameworks: ['soc2', 'iso27001'],
      uncovered: { soc2: [], iso27001: [] },
      blocking: {},
      notRequired: 0,
    });
  });

  it('keeps stdout one document for the other formats, with the verdict on stderr', async () => {
    for (const format of ['sarif', 'github', 'markdown', 'junit']) {
      const { code, stdout, stderr } = await run(['gate', FIXTURE, '--format', format, '--today', TODAY]);
      expect(code, format).toBe(1);
      expect(stderr, format).toBe(FAILED);
      expect(stdout, format).not.toContain('Gate failed');
    }
    expect(JSON.parse((await run(['gate', FIXTURE, '--format', 'sarif', '--today', TODAY])).stdout)).toMatchObject({ version: '2.1.0' });
    // The Markdown verdict follows the gate's threshold.
    const dir = copyOf();
    edit(dir, 'access-control.md', 'last_reviewed: 2026-08-14', 'last_reviewed: 2025-08-14');
    expect((await run(['gate', dir, '--format', 'markdown', '--today', TODAY])).stdout).toMatch(/^## ✅ /);
    expect((await run(['gate', dir, '--format', 'markdown', '--today', TODAY, '--fail-on', 'warning'])).stdout).toMatch(/^## ❌ /);
    rmSync(dir, { recursive: true });
  });

  it('writes the findings to --output and still prints the verdict', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustlint-out-'));
    const output = join(dir, 'gate.sarif');
    const { code, stdout, stderr } = await run(['gate', FIXTURE, '--format', 'sarif', '--output', output, '--today', TODAY]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(FAILED);
    expect(JSON.parse(readFileSync(output, 'utf8'))).toMatchObject({ version: '2.1.0' });
    rmSync(dir, { recursive: true });
  });

  it('exits 2, never 0, when it cannot check', async () => {
    const dir = copyOf();
    writeFileSync(join(dir, 'trustlint.config.yaml'), 'rules:\n  unknown-critrion: warning\n');
    expect(await run(['gate', dir, '--today', TODAY])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('Unknown rule `unknown-critrion`') });
    expect(await run(['gate', 'policies', '--today', 'tomorrow'])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('Invalid date "tomorrow" in --today') });
    expect(await run(['gate', 'policies', '--format', 'xml'])).toMatchObject({ code: 2, stderr: expect.stringContaining("argument 'xml' is invalid") });
    expect(await run(['gate', 'policies', '--fail-on', 'never'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("argument 'never' is invalid. Allowed choices are error, warning, info"),
    });
    expect(await run(['gate', 'policies', '--base', 'no-such-branch', '--today', TODAY])).toMatchObject({ code: 2, stdout: '' });
    const baseline = copyOf();
    writeFileSync(join(baseline, 'trustlint-baseline.json'), '{"version": 2, "findings": []}\n');
    expect(await run(['gate', baseline, '--today', TODAY])).toMatchObject({ code: 2, stderr: expect.stringContaining('Invalid baseline') });
    // Nothing in scope: the config's schema refuses it, and the gate would refuse it too.
    writeFileSync(join(dir, 'trustlint.config.yaml'), 'frameworks: {}\n');
    expect(await run(['gate', dir, '--today', TODAY])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('`frameworks`') });
    rmSync(dir, { recursive: true });
    rmSync(baseline, { recursive: true });
  });

  describe('--framework', () => {
    /** The sample program with AC-07, the office's physical security, only planned: Annex A gaps, SOC 2 still covered. */
    function officeUnprotected(): string {
      const dir = copyOf();
      edit(dir, 'controls/access/AC-07.yaml', 'status: implemented', 'status: planned');
      return dir;
    }
    const ISO_GAPS = 'A.7.1, A.7.3, A.7.4, A.7.5, A.7.8';

    it('requires every enabled framework by default, and each one it names', async () => {
      const dir = officeUnprotected();
      const all = await run(['gate', dir, '--today', TODAY]);
      expect(all.code).toBe(1);
      expect(all.stdout).toContain(`✖ Gate failed: 5 in-scope criteria uncovered (ISO/IEC 27001: ${ISO_GAPS}), 5 errors (uncovered-criterion ×5).\n`);
      for (const frameworks of ['iso27001', 'soc2,iso27001', ' iso27001 , soc2 ,iso27001']) {
        const named = await run(['gate', dir, '--today', TODAY, '--framework', frameworks]);
        expect(named.code, frameworks).toBe(1);
        expect(named.stdout, frameworks).toContain(`✖ Gate failed: 5 in-scope criteria uncovered (ISO/IEC 27001: ${ISO_GAPS}), 5 errors (uncovered-criterion ×5).\n`);
      }
      rmSync(dir, { recursive: true });
    });

    it('passes on the frameworks it requires, while the others are still reported', async () => {
      const dir = officeUnprotected();
      const { code, stdout } = await run(['gate', dir, '--today', TODAY, '--framework', 'soc2']);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^trustlint\.config\.yaml\n {2}\d+:3 {2}error {2}In-scope ISO\/IEC 27001 criterion A\.7\.1 \(Physical security perimeters\) has no implemented control: it is listed only by `AC-07` \(planned\);/m);
      expect(stdout).toContain(
        '✔ Gate passed: every in-scope criterion of the required frameworks covered (SOC 2 38/38; ISO/IEC 27001 not required), no findings at or above error; 5 findings on the coverage of ISO/IEC 27001, not required.\n',
      );
      const json = await run(['gate', dir, '--format', 'json', '--today', TODAY, '--framework', 'soc2']);
      expect(json.code).toBe(0);
      const report = JSON.parse(json.stdout) as GateJson;
      expect(report.summary.errors).toBe(5);
      expect(report.gate).toEqual({ passed: true, threshold: 'error', frameworks: ['soc2'], uncovered: { soc2: [] }, blocking: {}, notRequired: 5 });
      const markdown = await run(['gate', dir, '--format', 'markdown', '--today', TODAY, '--framework', 'soc2']);
      expect(markdown.stdout).toMatch(/^## ✅ trustlint: 5 problems \(5 errors, 0 warnings\) · every in-scope criterion of the required frameworks covered\n/);
      expect(markdown.stdout).toContain('### ISO/IEC 27001 coverage: 84/89 covered, 5 uncovered, 4 excluded (not required by the gate)\n');
      rmSync(dir, { recursive: true });
    });

    it('still counts every other finding, whichever framework it concerns', async () => {
      const dir = copyOf();
      edit(dir, 'controls/access/AC-07.yaml', 'A.7.8]', 'A.7.8, A.11.1.4]');
      const { code, stdout } = await run(['gate', dir, '--today', TODAY, '--framework', 'soc2']);
      expect(code).toBe(1);
      expect(stdout).toContain('`A.11.1.4` is ISO/IEC 27001:2013 numbering, but the 2022 catalog applies; expected `A.7.5`.');
      expect(stdout).toContain('✖ Gate failed: 1 error (unknown-criterion ×1).\n');
      rmSync(dir, { recursive: true });
    });

    it('exits 2 on an unknown framework, and on one the config does not enable', async () => {
      for (const [value, message] of [
        ['pci', 'Unknown framework `pci` in --framework; expected a comma-separated list of `soc2` and `iso27001`, such as `--framework soc2,iso27001`.'],
        ['soc2,', 'Empty framework name in --framework "soc2,"; expected a comma-separated list of `soc2` and `iso27001`, such as `--framework soc2,iso27001`.'],
      ]) {
        expect(await run(['gate', 'policies', '--today', TODAY, '--framework', value ?? ''])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining(message ?? '') });
      }
      expect(await run(['gate', FIXTURE, '--today', TODAY, '--framework', 'soc2,iso27001'])).toMatchObject({
        code: 2,
        stdout: '',
        stderr: expect.stringContaining('--framework names `iso27001` (ISO/IEC 27001), which apps/cli/test/fixtures/violations/trustlint.config.yaml does not enable, so the gate cannot require it; enabled: `soc2`.'),
      });
    });
  });

  it('has --help', async () => {
    const help = await run(['gate', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: trustlint gate [options] [dir]');
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('--fail-on <severity> lowest severity of a finding that fails the gate (choices: "error", "warning", "info", default: "error")');
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('(choices: "stylish", "json", "sarif", "github", "markdown", "junit", default: "stylish")');
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('--framework <ids> require the coverage of these frameworks only, comma-separated (soc2, iso27001; default: every enabled framework)');
    expect((await run(['--help'])).stdout).toMatch(/coverage \[options\] \[dir\][\s\S]*gate \[options\] \[dir\]/);
  });
});
