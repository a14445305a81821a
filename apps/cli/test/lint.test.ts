import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOf, corpus, REPOSITORY, run, TODAY } from './helpers.js';

interface JsonReport {
  findings: { ruleId: string; severity: string; message: string; file: string; line: number; column: number; endLine: number; endColumn: number; url: string }[];
  coverage: Record<string, { inScope: string[]; covered: string[]; uncovered: string[]; excluded: string[] }>;
  summary: { errors: number; warnings: number };
}

function parse(stdout: string): JsonReport {
  return JSON.parse(stdout) as JsonReport;
}

/** Every file under a folder, relative to it. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(dir, join(prefix, entry.name)) : [join(prefix, entry.name)],
  );
}

describe('trustlint lint', () => {
  it('lints the sample program clean and shows coverage of every in-scope criterion', async () => {
    const { code, stdout, stderr } = await run(['lint', 'policies', '--today', TODAY]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('✔ SOC 2 coverage: 38/38 in-scope criteria covered (Security 33/33, Availability 3/3, Confidentiality 2/2)');
    expect(stdout).toContain(
      '✔ ISO/IEC 27001 coverage: 89/89 in-scope criteria covered, 4 excluded (Organizational controls 37/37, People controls 8/8, Physical controls 11/11, Technological controls 33/33)',
    );
    expect(stdout).toContain('✔ No problems found in Northwind Ledger (judged on 2026-11-22).');
  });

  it('prints the JSON shape of the product contract', async () => {
    const { code, stdout } = await run(['lint', 'policies', '--format', 'json', '--today', TODAY]);
    expect(code).toBe(0);
    const report = parse(stdout);
    expect(report.findings).toEqual([]);
    expect(report.summary).toEqual({ errors: 0, warnings: 0, infos: 0, suppressed: 0, baselined: 0 });
    expect(report.coverage.soc2?.inScope).toHaveLength(38);
    expect(report.coverage.soc2?.covered).toEqual(report.coverage.soc2?.inScope);
    expect(report.coverage.soc2?.uncovered).toEqual([]);
    expect(report.coverage.iso27001?.inScope).toHaveLength(93);
    expect(report.coverage.iso27001?.covered).toHaveLength(89);
    expect(report.coverage.iso27001?.excluded).toEqual(['A.7.6', 'A.7.11', 'A.7.12', 'A.8.30']);
    expect(report.coverage.iso27001?.uncovered).toEqual([]);
  });

  it('exits 1 and points at an invented criterion id, suggesting the real one', async () => {
    const dir = copyOf();
    const path = join(dir, 'controls/access/AC-01.yaml');
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace('soc2: [CC6.2, CC6.3]', 'soc2: [CC6.2, CC6.10]'));
    const line = text.split('\n').findIndex((l) => l.includes('soc2: [CC6.2, CC6.3]')) + 1;
    const { code, stdout } = await run(['lint', dir, '--format', 'json', '--today', TODAY]);
    expect(code).toBe(1);
    const [finding] = parse(stdout).findings;
    expect(finding).toMatchObject({
      ruleId: 'unknown-criterion',
      severity: 'error',
      file: 'controls/access/AC-01.yaml',
      line,
      column: 17,
      endLine: line,
      endColumn: 23,
      message: 'Unexpected criterion `CC6.10`: not a SOC 2 criterion (TSC 2017); did you mean `CC6.1`?',
      url: 'https://github.com/trustlint/trustlint/blob/main/packages/rules/docs/unknown-criterion.md',
    });
    rmSync(dir, { recursive: true });
  });

  it('names a criterion as uncovered once the controls covering it are removed', async () => {
    const dir = copyOf();
    const covering = filesUnder(join(dir, 'controls')).filter((file) => /\bCC6\.6\b/.test(readFileSync(join(dir, 'controls', file), 'utf8')));
    expect(covering.length).toBeGreaterThan(0);
    for (const file of covering) rmSync(join(dir, 'controls', file));
    const { code, stdout } = await run(['lint', dir, '--format', 'json', '--today', TODAY]);
    expect(code).toBe(1);
    const report = parse(stdout);
    expect(report.coverage.soc2?.uncovered).toContain('CC6.6');
    expect(report.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'uncovered-criterion', file: 'trustlint.config.yaml', message: expect.stringMatching(/^In-scope SOC 2 criterion CC6\.6 /) }),
    );
    rmSync(dir, { recursive: true });
  });

  it('lints the real-world corpora without crashing', async () => {
    for (const name of ['comply-soc2', 'tailscale-security-policies'] as const) {
      const { code, stdout, stderr } = await run(['lint', corpus(name), '--format', 'json', '--today', TODAY]);
      expect(stderr).toBe('');
      expect(code).toBe(1);
      const report = parse(stdout);
      expect(report.summary.errors).toBeGreaterThan(0);
      for (const finding of report.findings) expect(finding.line).toBeGreaterThanOrEqual(1);
    }
  });

  it('finds the config from the working folder when no folder is named', async () => {
    const { code, stdout } = await run(['lint', '--today', TODAY], { cwd: join(REPOSITORY, 'policies/controls') });
    expect(code).toBe(0);
    expect(stdout).toContain('38/38');
  });

  it('takes today from TRUSTLINT_TODAY', async () => {
    const { stdout } = await run(['lint', 'policies'], { env: { TRUSTLINT_TODAY: '2026-12-01' } });
    expect(stdout).toContain('judged on 2026-12-01');
  });

  it('writes the report to a file with --output and prints nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustlint-out-'));
    const output = join(dir, 'report.json');
    const { code, stdout } = await run(['lint', 'policies', '--format', 'json', '--output', output, '--today', TODAY]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(parse(readFileSync(output, 'utf8')).summary.errors).toBe(0);
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('colours stylish output on a terminal, and honours NO_COLOR and FORCE_COLOR', async () => {
    expect((await run(['lint', 'policies', '--today', TODAY], { tty: true })).stdout).toContain('\u001b[');
    expect((await run(['lint', 'policies', '--today', TODAY], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await run(['lint', 'policies', '--today', TODAY], { env: { FORCE_COLOR: '1' } })).stdout).toContain('\u001b[');
  });

  it('fails on warnings with --fail-on warning, and never with --fail-on never', async () => {
    const dir = copyOf();
    writeFileSync(join(dir, 'trustlint.config.yaml'), `${readFileSync(join(dir, 'trustlint.config.yaml'), 'utf8')}rules:\n  unknown-criterion: warning\n`);
    const path = join(dir, 'controls/access/AC-01.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('CC6.3]', 'CC6.3, CC6.99]'));
    expect((await run(['lint', dir, '--today', TODAY])).code).toBe(0);
    expect((await run(['lint', dir, '--today', TODAY, '--fail-on', 'warning'])).code).toBe(1);
    writeFileSync(path, readFileSync(path, 'utf8').replace('CC6.99', 'CC6.3'));
    rmSync(dir, { recursive: true });
  });
});

describe('trustlint errors', () => {
  it('exits 2 with the file, line and column of a bad config', async () => {
    const dir = copyOf();
    writeFileSync(join(dir, 'trustlint.config.yaml'), 'frameworks:\n  soc2:\n    categories: [security, avail]\n');
    const { code, stdout, stderr } = await run(['lint', dir, '--today', TODAY]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/trustlint\.config\.yaml:3:28: Unexpected value `avail` for `frameworks\.soc2\.categories\[1\]`; expected one of .* Did you mean `availability`\?/);
    rmSync(dir, { recursive: true });
  });

  it('exits 2 naming an unknown rule in the config', async () => {
    const dir = copyOf();
    writeFileSync(join(dir, 'trustlint.config.yaml'), 'rules:\n  unknown-critrion: warning\n');
    const { code, stderr } = await run(['lint', dir, '--today', TODAY]);
    expect(code).toBe(2);
    expect(stderr).toContain('trustlint.config.yaml:2:3: Unknown rule `unknown-critrion`; did you mean `unknown-criterion`? `trustlint rules` lists every rule.');
    rmSync(dir, { recursive: true });
  });

  it('exits 2 when no config is found and no folder is named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustlint-empty-'));
    const { code, stderr } = await run(['lint'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain('No trustlint.config.yaml found in');
    expect(stderr).toContain('`trustlint init`');
  });

  it('exits 2 when a folder holds no policies or controls', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustlint-empty-'));
    const { code, stderr } = await run(['lint', dir]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/No policies or controls found in .* matching "\*\.md", "policies\/\*\*\/\*\.md", "controls\/\*\*\/\*\.yaml", "controls\/\*\*\/\*\.yml"\./);
  });

  it('exits 2 on an invalid date, an unknown option, an unknown format and a missing command', async () => {
    expect(await run(['lint', 'policies', '--today', '2026-02-30'])).toMatchObject({ code: 2, stderr: expect.stringContaining('Invalid date "2026-02-30" in --today; expected a calendar date written YYYY-MM-DD') });
    expect(await run(['lint', 'policies'], { env: { TRUSTLINT_TODAY: 'tomorrow' } })).toMatchObject({ code: 2, stderr: expect.stringContaining('in TRUSTLINT_TODAY') });
    expect(await run(['lint', '--frobnicate'])).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown option '--frobnicate'") });
    expect(await run(['lint', '--format', 'xml'])).toMatchObject({ code: 2, stderr: expect.stringContaining("argument 'xml' is invalid. Allowed choices are stylish, json") });
    expect((await run([])).code).toBe(2);
  });

  it('prints its version and help with exit 0', async () => {
    expect(await run(['--version'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
    expect(await run(['lint', '--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: trustlint lint [options] [dir]') });
  });
});
