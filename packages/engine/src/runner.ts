/**
 * Running rules over a program: file rules file by file, then program rules
 * over the whole program and its coverage.
 */
import { computeCoverage, interpolate, type Coverage, type Program, type ProgramFile } from '@trustlint/model';
import { RuleCrashError } from './errors.js';
import { compareFindings, rangeOfLocation, type Finding } from './finding.js';
import type { ResolvedRule } from './resolve.js';
import {
  isFileRule,
  isProgramRule,
  type AnyRule,
  type FileVisitors,
  type ReportDescriptor,
  type RuleSettings,
  type Severity,
} from './rule.js';

type Reporter = (descriptor: ReportDescriptor<string>) => void;

function reporter(rule: AnyRule, severity: Severity, sink: Finding[]): Reporter {
  return (descriptor) => {
    const template = rule.meta.messages[descriptor.messageId];
    if (template === undefined) throw new Error(`Rule \`${rule.name}\` reported an undeclared message id \`${descriptor.messageId}\``);
    const finding: Finding = {
      ruleId: rule.name,
      severity,
      message: interpolate(template, descriptor.data),
      messageId: descriptor.messageId,
      file: descriptor.at.file.path,
      ...rangeOfLocation(descriptor.at),
      url: rule.meta.docs.url,
    };
    if (descriptor.related?.length) {
      finding.related = descriptor.related.map((related) => ({
        file: related.at.file.path,
        ...rangeOfLocation(related.at),
        message: related.message,
      }));
    }
    sink.push(finding);
  };
}

/** Runs file rules over some files; usable one file at a time (editors, caches, workers). */
export function runFileRules(rules: readonly ResolvedRule[], files: readonly ProgramFile[], settings: RuleSettings): Finding[] {
  const findings: Finding[] = [];
  const instances: { rule: AnyRule; visitors: FileVisitors }[] = [];
  for (const { rule, severity, options } of rules) {
    if (!isFileRule(rule)) continue;
    const report = reporter(rule, severity, findings);
    try {
      instances.push({ rule, visitors: rule.create({ id: rule.name, options, settings, report }) });
    } catch (error) {
      throw new RuleCrashError(rule.name, undefined, error);
    }
  }
  for (const entry of files) {
    for (const { rule, visitors } of instances) {
      try {
        visitors.file?.(entry);
        for (const entity of entry.entities) {
          switch (entity.kind) {
            case 'policy':
              visitors.policy?.(entity);
              break;
            case 'control':
              visitors.control?.(entity);
              break;
            case 'evidence':
              visitors.evidence?.(entity);
              break;
            case 'owners':
              visitors.owners?.(entity);
              break;
          }
        }
      } catch (error) {
        if (error instanceof RuleCrashError) throw error;
        throw new RuleCrashError(rule.name, entry.file.path, error);
      }
    }
  }
  return findings;
}

export interface RunInput {
  program: Program;
  rules: readonly ResolvedRule[];
  today: string;
  /** The program at a base revision, for rules that compare (`needsBase`). */
  base?: Program;
}

export interface RunResult {
  findings: Finding[];
  coverage: Coverage;
}

export function runRules({ program, rules, today, base }: RunInput): RunResult {
  const settings: RuleSettings = { config: program.config, owners: program.owners, today, codeowners: program.codeowners };
  const coverage = computeCoverage(program.config, program.controls);
  const active = rules.filter(({ rule }) => !rule.meta.needsBase || base !== undefined);
  const findings = runFileRules(active, program.files, settings);
  const baseState = base ? { program: base, coverage: computeCoverage(base.config, base.controls) } : undefined;
  for (const { rule, severity, options } of active) {
    if (!isProgramRule(rule)) continue;
    const report = reporter(rule, severity, findings);
    try {
      rule.create({ id: rule.name, options, settings, report, program, coverage, base: baseState });
    } catch (error) {
      throw new RuleCrashError(rule.name, undefined, error);
    }
  }
  findings.sort(compareFindings);
  return { findings, coverage };
}
