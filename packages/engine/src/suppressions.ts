/**
 * Applying inline suppressions to findings. A directive applies only when it
 * names the finding's rule, gives a reason, and has not expired; a directive
 * that applies to nothing is returned as unused so it can be reported.
 */
import type { Directive, DirectiveRule, Program } from '@trustlint/model';
import type { SourceFile } from '@trustlint/parser';
import type { Finding } from './finding.js';

/** The rule whose findings are about suppressions themselves; they cannot be suppressed. */
export const SUPPRESSION_RULE = 'suppression';

export interface FileDirectives {
  file: SourceFile;
  directives: Directive[];
}

/** Every directive of a program, by repository-relative path. */
export function programDirectives(program: Program): Map<string, FileDirectives> {
  const byPath = new Map<string, FileDirectives>();
  for (const entry of program.files) {
    if (entry.directives.length) byPath.set(entry.file.path, { file: entry.file, directives: entry.directives });
  }
  return byPath;
}

/** Whether a directive is in force on `today`: it has a reason and has not expired. */
export function isInForce(directive: Directive, today: string): boolean {
  return directive.reason !== '' && directive.invalidUntil === undefined && (directive.until === undefined || directive.until >= today);
}

export interface SuppressionOutcome {
  /** Findings no directive suppressed. */
  kept: Finding[];
  /** How many findings were suppressed. */
  suppressed: number;
  /** Rule ids of directives in force that suppressed nothing. */
  unused: { file: SourceFile; directive: Directive; rule: DirectiveRule }[];
}

export function applySuppressions(findings: readonly Finding[], directives: ReadonlyMap<string, FileDirectives>, today: string): SuppressionOutcome {
  const used = new Set<DirectiveRule>();
  const kept: Finding[] = [];
  for (const finding of findings) {
    const entry = directives.get(finding.file);
    const match =
      finding.ruleId === SUPPRESSION_RULE || entry === undefined
        ? undefined
        : entry.directives
            .filter((directive) => isInForce(directive, today) && (directive.kind === 'file' || directive.targetLine === finding.line))
            .flatMap((directive) => directive.rules)
            .find((rule) => rule.id === finding.ruleId);
    if (match) used.add(match);
    else kept.push(finding);
  }
  const unused: SuppressionOutcome['unused'] = [];
  for (const { file, directives: list } of directives.values()) {
    for (const directive of list) {
      if (!isInForce(directive, today)) continue;
      for (const rule of directive.rules) if (!used.has(rule)) unused.push({ file, directive, rule });
    }
  }
  return { kept, suppressed: findings.length - kept.length, unused };
}
