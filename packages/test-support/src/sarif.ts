/**
 * Microsoft's SARIF validator (`@microsoft/sarif-multitool`), for the tests
 * of every SARIF output: the reporters' unit reports and the CLI's real runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Log } from 'sarif';

const multitool = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;

export interface SarifDiagnostic {
  rule: string;
  level: string;
  /** The message id, then its arguments joined with ` | `. */
  message: string;
}

/**
 * Every diagnostic of the validator with its SARIF rules and its GitHub (code
 * scanning, Advanced Security) rules, every level down to notes. Throws when
 * the validator itself did not run to completion.
 */
export function validateSarif(text: string): SarifDiagnostic[] {
  const scratch = mkdtempSync(join(tmpdir(), 'trustlint-sarif-'));
  try {
    const input = join(scratch, 'log.sarif');
    const output = join(scratch, 'validation.sarif');
    writeFileSync(input, text);
    const run = spawnSync(
      multitool,
      ['validate', input, '--output', output, '--log', 'ForceOverwrite', '--rule-kind', 'Sarif;Gh;Ghas', '--level', 'Error;Warning;Note'],
      { encoding: 'utf8' },
    );
    if (run.error) throw run.error;
    const validation = (JSON.parse(readFileSync(output, 'utf8')) as Log).runs[0];
    const invocation = validation?.invocations?.[0];
    if (validation === undefined || invocation?.executionSuccessful !== true || (invocation.toolExecutionNotifications ?? []).length > 0) {
      throw new Error(`The SARIF validator did not run to completion:\n${run.stdout}${run.stderr}\n${JSON.stringify(invocation?.toolExecutionNotifications ?? [])}`);
    }
    return (validation.results ?? []).map((result) => ({
      rule: result.ruleId ?? '',
      level: result.level ?? 'warning',
      message: `${result.message.id ?? ''} ${(result.message.arguments ?? []).join(' | ')}`,
    }));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Notes the validator gives any log like trustlint's and that it leaves on
 * purpose, by rule and message id: SARIF2002 (message ids and arguments
 * instead of text: the messages are already rendered), SARIF2003 (version
 * control provenance: the format does not know the commit; upload-sarif adds
 * it), SARIF2006 (the $schema URI is not reachable without a network),
 * SARIF2009 (rule ids like `TL1001`: trustlint's are names, as in ESLint),
 * SARIF2010 and SARIF2011 (snippets and context regions: the format does not
 * read files).
 */
export const ALLOWED_SARIF_NOTES: ReadonlySet<string> = new Set([
  'SARIF2002 Note_Default',
  'SARIF2003 Note_Default',
  'SARIF2006 Note_Default',
  'SARIF2009 Note_UseConventionalRuleIds',
  'SARIF2010 Note_Default',
  'SARIF2011 Note_Default',
]);

/**
 * SARIF2012 asks for a friendly name; a one-word rule id (`syntax`, `schema`,
 * `baseline`) has none on purpose: its only PascalCase name would equal the
 * id but for case, which SARIF1001 forbids.
 */
function oneWordRuleWithoutName(d: SarifDiagnostic): boolean {
  return d.rule === 'SARIF2012' && /^Note_ProvideFriendlyName \S+ \| [a-z0-9]+$/.test(d.message);
}

/** The notes that are not allowed on purpose. */
export function unexpectedSarifNotes(diagnostics: readonly SarifDiagnostic[]): SarifDiagnostic[] {
  return diagnostics.filter((d) => d.level === 'note' && !ALLOWED_SARIF_NOTES.has(`${d.rule} ${d.message.split(' ')[0] ?? ''}`) && !oneWordRuleWithoutName(d));
}

/** What makes a log invalid: every error and warning, and every note not allowed on purpose; empty when valid. */
export function sarifProblems(text: string): SarifDiagnostic[] {
  const diagnostics = validateSarif(text);
  return [...diagnostics.filter((d) => d.level !== 'note'), ...unexpectedSarifNotes(diagnostics)];
}
