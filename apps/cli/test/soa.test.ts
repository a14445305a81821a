import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { iso27001 } from '@trustlint/catalogs';
import type { StatementOfApplicability } from '@trustlint/reporters';
import { describe, expect, it } from 'vitest';
import { copyOf, run, TODAY } from './helpers.js';

const FIXTURE = 'apps/cli/test/fixtures/violations';
const EXCLUDED = ['A.7.6', 'A.7.11', 'A.7.12', 'A.8.30'];
const COMPLETE = '✔ Statement of Applicability complete: 89 applicable Annex A controls implemented, 4 excluded with a justification and an approver.\n';

/** Replaces text in a file of a program copy. */
function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const changed = text.replace(from, to);
  expect(changed, `${file}: nothing to replace`).not.toBe(text);
  writeFileSync(path, changed);
}

/** The cells of a Markdown table row, split at the pipes that are not escaped. */
function cells(line: string): string[] {
  return line
    .split(/(?<!\\)\|/)
    .slice(1, -1)
    .map((cell) => cell.trim());
}

describe('trustlint soa', () => {
  it('writes the Statement of Applicability of the sample program: 93 rows with applicability and the implementing controls', async () => {
    const { code, stdout, stderr } = await run(['soa', 'policies', '--today', TODAY]);
    expect(stderr).toBe(COMPLETE);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines.slice(0, 8)).toEqual([
      '## ✅ Statement of Applicability: Northwind Ledger',
      '',
      'ISO/IEC 27001 Annex A 2022 · judged on 2026-11-22',
      '',
      '93 Annex A controls: 89 applicable (89 implemented), 4 excluded (4 justified and approved).',
      '',
      '| control | title | applicable | justification | approver | implementing controls | state |',
      '| --- | --- | --- | --- | --- | --- | --- |',
    ]);
    const rows = lines.slice(8).filter((line) => line.startsWith('| ')).map(cells);
    expect(rows).toHaveLength(93);
    expect(rows.map((row) => row[0]?.replaceAll('\\', ''))).toEqual(iso27001.criteria.map((criterion) => criterion.id));
    for (const row of rows) {
      const id = row[0]?.replaceAll('\\', '') ?? '';
      if (EXCLUDED.includes(id)) {
        expect(row.slice(2), id).toEqual(['no', expect.stringMatching(/\S/), '`dana.whitfield`', '—', '– excluded']);
      } else {
        expect(row[2], id).toBe('yes');
        expect(row[3], id).toMatch(/^Implemented by `[A-Z]+-\d+`/);
        expect(row[5], id).toMatch(/^`[A-Z]+-\d+` \(implemented, `[a-z.-]+`\)/);
        expect(row[6], id).toBe('✔ implemented');
      }
    }
    expect(lines).toContain(
      '| A\\.8\\.20 | Network security | yes | Implemented by `OPS-07`. | — | `OPS-07` (implemented, `sre`) | ✔ implemented |',
    );
    expect(lines.find((line) => line.startsWith('| A\\.8\\.30 '))).toBe(
      '| A\\.8\\.30 | Outsourced development | no | Development is not outsourced\\: employees write all of the code\\. Security reviews this exclusion before any contract for development is signed\\. | `dana.whitfield` | — | – excluded |',
    );
  });

  it('writes CSV: a header, then one quoted record per Annex A control', async () => {
    const { code, stdout, stderr } = await run(['soa', 'policies', '--format', 'csv', '--today', TODAY]);
    expect([code, stderr]).toEqual([0, COMPLETE]);
    const records = stdout.split('\r\n');
    expect(records).toHaveLength(95);
    expect(records[0]).toBe('control,title,theme,applicable,state,justification,approver,implementing controls,problems');
    expect(records).toContain('A.8.20,Network security,Technological controls,yes,implemented,Implemented by OPS-07.,,"OPS-07 (implemented, sre)",');
    expect(records.find((record) => record.startsWith('A.7.11,'))).toBe(
      'A.7.11,Supporting utilities,Physical controls,no,excluded,"No information processing facility of ours needs supporting utilities: power and cooling of production are AWS\'s (covered by its certificate), laptops run on battery, and the service does not depend on the office.",dana.whitfield,,',
    );
  });

  it('keeps CSV cells inert and in place whatever a file says', async () => {
    const dir = copyOf();
    edit(dir, 'trustlint.config.yaml', /criterion: A\.7\.6\n {4}reason: >-\n[\s\S]*?\n {4}approver: dana\.whitfield/, 'criterion: A.7.6\n    reason: "=HYPERLINK(\\"https://evil.example\\",\\"x\\"),\\r\\nsecond line"\n    approver: "@dana"');
    const { code, stdout } = await run(['soa', dir, '--format', 'csv', '--today', TODAY]);
    expect(code).toBe(1);
    const record = stdout.slice(stdout.indexOf('\r\nA.7.6,') + 2, stdout.indexOf('\r\nA.7.7,'));
    expect(record).toBe(
      'A.7.6,Working in secure areas,Physical controls,no,excluded,"\'=HYPERLINK(""https://evil.example"",""x""),\r\nsecond line",\'@dana,,approver @dana is not in owners.yaml',
    );
    rmSync(dir, { recursive: true });
  });

  it('writes JSON: the totals and every row', async () => {
    const { code, stdout } = await run(['soa', 'policies', '--format', 'json', '--today', TODAY]);
    expect(code).toBe(0);
    const soa = JSON.parse(stdout) as StatementOfApplicability;
    expect(soa).toMatchObject({ program: 'Northwind Ledger', today: TODAY, catalog: 'ISO/IEC 27001 Annex A 2022', complete: true });
    expect(soa.totals).toEqual({ total: 93, applicable: 89, implemented: 89, partial: 0, notImplemented: 0, excluded: 4, excludedIncomplete: 0 });
    expect(soa.rows.filter((row) => !row.applicable).map((row) => row.id)).toEqual(EXCLUDED);
    expect(soa.rows.find((row) => row.id === 'A.8.14')?.controls).toEqual([
      { id: 'AV-06', title: 'Production spread across three availability zones', status: 'implemented', owner: 'sre', file: 'policies/controls/availability/AV-06.yaml' },
      { id: 'AV-05', title: expect.any(String), status: 'planned', owner: 'sre', file: 'policies/controls/availability/AV-05.yaml' },
    ]);
  });

  it('exits 1 on an exclusion without a justification, which lint reports where it is', async () => {
    const dir = copyOf();
    edit(dir, 'trustlint.config.yaml', /(criterion: A\.7\.12\n) {4}reason: >-\n[\s\S]*?\n( {4}approver)/, '$1$2');
    const soa = await run(['soa', dir, '--today', TODAY]);
    expect(soa.code).toBe(1);
    expect(soa.stderr).toBe('✖ Statement of Applicability incomplete: 1 exclusion incomplete (A.7.12: no justification).\n');
    expect(soa.stdout).toContain('| A\\.7\\.12 | Cabling security | no | **no justification** | `dana.whitfield` | — | – excluded: no justification |');
    const lint = await run(['lint', dir, '--format', 'json', '--today', TODAY]);
    expect(lint.code).toBe(1);
    const config = readFileSync(join(dir, 'trustlint.config.yaml'), 'utf8').split('\n');
    const line = config.findIndex((text) => text.includes('criterion: A.7.12')) + 1;
    expect((JSON.parse(lint.stdout) as { findings: unknown[] }).findings).toEqual([
      expect.objectContaining({
        ruleId: 'exclusion-incomplete',
        message:
          'Exclusion of ISO/IEC 27001 control `A.7.12` has no justification; the Statement of Applicability needs one for every excluded control: expected a non-blank `reason` that says why the control is not applicable.',
        file: expect.stringMatching(/trustlint\.config\.yaml$/),
        line: line - 1,
        column: 5,
        endLine: line - 1,
        endColumn: 24,
      }),
    ]);
    rmSync(dir, { recursive: true });
  });

  it('exits 1 on an applicable Annex A control that is not implemented, and names it', async () => {
    const dir = copyOf();
    edit(dir, 'controls/operations/OPS-08.yaml', 'status: implemented', 'status: planned');
    const { code, stdout, stderr } = await run(['soa', dir, '--today', TODAY]);
    expect(code).toBe(1);
    expect(stderr).toBe('✖ Statement of Applicability incomplete: 1 applicable control not implemented (A.5.7).\n');
    expect(stdout).toContain('| A\\.5\\.7 | Threat intelligence | yes | **Not implemented yet**: listed only by `OPS-08`. | — | `OPS-08` (planned, `security`) | ✖ not implemented |');
    rmSync(dir, { recursive: true });
  });

  it('writes to --output, and still prints the verdict', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustlint-soa-'));
    const output = join(dir, 'soa.csv');
    const { code, stdout, stderr } = await run(['soa', 'policies', '--format', 'csv', '--output', output, '--today', TODAY]);
    expect([code, stdout, stderr]).toEqual([0, '', COMPLETE]);
    expect(readFileSync(output, 'utf8').split('\r\n')).toHaveLength(95);
    rmSync(dir, { recursive: true });
  });

  it('exits 2 when ISO/IEC 27001 is not enabled, or the format is unknown', async () => {
    expect(await run(['soa', FIXTURE, '--today', TODAY])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringContaining(
        'ISO/IEC 27001 is not enabled, so there is no Statement of Applicability to write; expected `iso27001: {}` under `frameworks` in apps/cli/test/fixtures/violations/trustlint.config.yaml.',
      ),
    });
    expect(await run(['soa', 'policies', '--format', 'xlsx'])).toMatchObject({ code: 2, stderr: expect.stringContaining("argument 'xlsx' is invalid. Allowed choices are markdown, csv, json.") });
  });

  it('has --help, and is listed', async () => {
    const help = await run(['soa', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: trustlint soa [options] [dir]');
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('-f, --format <format> output format (choices: "markdown", "csv", "json", default: "markdown")');
    expect((await run(['--help'])).stdout).toMatch(/soa \[options\] \[dir\]/);
  });
});
