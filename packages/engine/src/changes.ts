/**
 * `--changed-since`: only what a change touches. A finding of a file rule is
 * kept when it sits on a line the change added or modified (or anywhere in a
 * new file); a finding of a program rule — coverage, references across files —
 * is kept when the change caused it, that is when the program at the base
 * revision did not have it (compared by fingerprint).
 */
import type { ChangedLines } from '@trustlint/model';
import type { Finding } from './finding.js';

export function touches(changes: ChangedLines, finding: Finding): boolean {
  const lines = changes.get(finding.file);
  if (lines === undefined) return false;
  if (lines === 'all') return true;
  for (let line = finding.line; line <= finding.endLine; line++) if (lines.has(line)) return true;
  return false;
}

export function restrictToChanges(
  findings: readonly Finding[],
  changes: ChangedLines,
  programRuleIds: ReadonlySet<string>,
  baseFingerprints: ReadonlySet<string>,
): Finding[] {
  return findings.filter((finding) => (programRuleIds.has(finding.ruleId) ? !baseFingerprints.has(finding.fingerprint) : touches(changes, finding)));
}
