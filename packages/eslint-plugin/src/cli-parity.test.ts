/**
 * ESLint with the plugin finds, file by file, what `trustlint lint` finds
 * with its per-file rules: the same files, rules, severities, lines,
 * columns and messages. The ESLint Node API used here is what the ESLint CLI
 * runs (`eslint .` with an eslint.config.js holding the recommended config).
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ESLint } from 'eslint';
import { lint } from '@trustlint/core';
import type { Finding } from '@trustlint/engine';
import { copyOf, REPOSITORY, SAMPLE, TODAY } from '@trustlint/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from './index.js';
import { clearCaches } from './program-state.js';
import { fileRules } from './rules.js';

interface Row {
  file: string;
  ruleId: string;
  /** ESLint's: 2 for an error, 1 for a warning. */
  severity: number;
  line: number;
  column: number;
  endLine: number | undefined;
  endColumn: number | undefined;
  message: string;
}

const FILE_RULES = new Set(fileRules.map((rule) => rule.name));

function byPlace(a: Row, b: Row): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);
}

/** What `trustlint lint` reports with its file rules, in ESLint's terms (the folder's config sets no severities). */
function cliRows(dir: string): Row[] {
  const { findings } = lint({ cwd: dir, today: TODAY });
  return findings
    .filter((finding) => FILE_RULES.has(finding.ruleId))
    .map((finding: Finding) => ({
      file: finding.file,
      ruleId: `trustlint/${finding.ruleId}`,
      severity: finding.severity === 'error' ? 2 : 1,
      line: finding.line,
      column: finding.column,
      endLine: finding.endLine,
      endColumn: finding.endColumn,
      message: finding.message,
    }))
    .sort(byPlace);
}

/** What ESLint reports over the folder with the recommended config; files relative to `root` (the repository's, or the folder). */
async function eslintRows(dir: string, root = REPOSITORY): Promise<Row[]> {
  clearCaches();
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [...plugin.configs.recommended] });
  const results = await eslint.lintFiles(['.']);
  return results
    .flatMap((result) =>
      result.messages.map((message) => ({
        file: relative(root, result.filePath).split(sep).join('/'),
        ruleId: message.ruleId ?? '(none)',
        severity: message.severity,
        line: message.line,
        column: message.column,
        endLine: message.endLine,
        endColumn: message.endColumn,
        message: message.message,
      })),
    )
    .sort(byPlace);
}

const previousToday = process.env.TRUSTLINT_TODAY;
beforeAll(() => {
  process.env.TRUSTLINT_TODAY = TODAY;
});
afterAll(() => {
  if (previousToday === undefined) delete process.env.TRUSTLINT_TODAY;
  else process.env.TRUSTLINT_TODAY = previousToday;
});

describe('ESLint with the plugin and `trustlint lint` agree', () => {
  it('on a program with known violations', async () => {
    const dir = join(REPOSITORY, 'apps/cli/test/fixtures/violations');
    const cli = cliRows(dir);
    expect(cli.map((row) => row.ruleId)).toEqual(['trustlint/unknown-criterion', 'trustlint/owner-unknown', 'trustlint/review-overdue', 'trustlint/criterion-out-of-scope']);
    expect(await eslintRows(dir)).toEqual(cli);
  });

  it('on the sample program, which is clean', async () => {
    const cli = cliRows(SAMPLE);
    expect(cli).toEqual([]);
    expect(await eslintRows(SAMPLE)).toEqual(cli);
  });

  it('on a changed copy of the sample: rule options, owners, CODEOWNERS, evidence, suppressions and a baseline', async () => {
    const dir = copyOf(SAMPLE);
    const edit = (path: string, from: string | RegExp, to: string): void => {
      const file = join(dir, path);
      const text = readFileSync(file, 'utf8');
      const changed = text.replace(from, to);
      if (changed === text) throw new Error(`${path} has no ${String(from)}`);
      writeFileSync(file, changed);
    };
    // Debt accepted before the baseline was written.
    edit('controls/access/AC-02.yaml', 'owner: it', 'owner: secuirty');
    lint({ cwd: dir, today: TODAY, writeBaseline: true });
    // New problems.
    appendFileSync(join(dir, 'trustlint.config.yaml'), '\nrules:\n  required-sections: [warning, { sections: [Purpose, Scope, Policy, Enforcement] }]\n');
    edit('owners.yaml', /(id: hannah\.cho[\s\S]*?active: )true/, '$1false');
    edit('.github/CODEOWNERS', '/access-control.md @northwind-ledger/security', '/access-control.md @northwind-ledger/it');
    edit('controls/access/AC-02.yaml', 'status: implemented', 'status: done');
    edit('controls/access/AC-02.yaml', 'frequency: on-event', '# trustlint-disable-next-line schema\nfrequency: on-event');
    edit('evidence/AC-02.yaml', 'date: 2026-06-29', 'date: 2027-06-29');
    edit('access-control.md', '## Purpose', '## Purpose\n\nNorthwind Ledger is SOC 2 certified.\n\n<!-- trustlint-disable-next-line soc2-certification-language -- quoting the 2023 sales deck -->\nOur deck says we are SOC 2 certified.\n\n<!-- trustlint-disable-next-line duplicate-id, review-overdue -- POL-ACCESS is being split in two -->\n');
    edit('encryption.md', 'last_reviewed: ', 'last_reviewed: 2024-01-10\nreviewed_by: ');
    edit('encryption.md', '## Enforcement', '## Consequences');

    const cli = cliRows(dir);
    // A suppression of a whole-program rule cannot be judged one file at a time: the editor never calls it unused.
    const programRuleUnused = (row: Row) => row.ruleId === 'trustlint/suppression' && row.message.startsWith('Suppression of `duplicate-id` suppresses nothing');
    expect(cli.filter(programRuleUnused)).toHaveLength(1);
    expect(new Set(cli.map((row) => row.ruleId))).toEqual(
      new Set([
        'trustlint/codeowners-mismatch',
        'trustlint/evidence-date',
        'trustlint/owner-inactive',
        'trustlint/required-sections',
        'trustlint/review-overdue',
        'trustlint/schema',
        'trustlint/soc2-certification-language',
        'trustlint/suppression',
      ]),
    );
    expect(cli.some((row) => row.ruleId === 'trustlint/owner-unknown')).toBe(false);
    // The copy is not in a git repository: findings name files relative to it.
    expect(cli.every((row) => !row.file.startsWith('..'))).toBe(true);
    expect(await eslintRows(dir, dir)).toEqual(cli.filter((row) => !programRuleUnused(row)));
  });
});
