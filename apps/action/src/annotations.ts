/**
 * Which findings become annotations, and annotations as workflow commands.
 *
 * On a pull request (with `changed-only`), only findings on lines the pull
 * request changed are annotated, plus coverage regressions, which this pull
 * request caused wherever they are reported. Everything else is in the log,
 * the comment and the job summary.
 *
 * GitHub shows at most 10 error and 10 warning annotations (and 10 notices)
 * from workflow commands per step; more would be lost silently, so the rest
 * are counted in one notice that says where to find them.
 */
import { touches, type Finding, type Severity } from '@trustlint/engine';
import type { ChangedLines } from '@trustlint/model';
import { findingCommand, workflowCommand } from '@trustlint/reporters';

/** Findings a pull request caused wherever they sit. */
const ALWAYS_ANNOTATED = new Set(['coverage-regression']);

export const SHOWN_PER_SEVERITY = 10;

export function findingsToAnnotate(findings: readonly Finding[], changes: ChangedLines | undefined): Finding[] {
  if (changes === undefined) return [...findings];
  return findings.filter((finding) => ALWAYS_ANNOTATED.has(finding.ruleId) || touches(changes, finding));
}

/** The workflow-command lines: up to 10 annotations per severity, then a notice counting the rest. */
export function workflowAnnotations(findings: readonly Finding[], elsewhere: string): string[] {
  const shown = new Map<Severity, number>();
  const lines: string[] = [];
  let hidden = 0;
  for (const finding of findings) {
    const count = shown.get(finding.severity) ?? 0;
    if (count >= SHOWN_PER_SEVERITY) {
      hidden++;
      continue;
    }
    shown.set(finding.severity, count + 1);
    lines.push(findingCommand(finding));
  }
  if (hidden > 0) {
    lines.push(
      workflowCommand(
        'notice',
        { title: 'trustlint' },
        `${hidden} more finding${hidden === 1 ? ' is' : 's are'} not annotated: GitHub shows ${SHOWN_PER_SEVERITY} annotations of each kind per step. See ${elsewhere}.`,
      ),
    );
  }
  return lines;
}
