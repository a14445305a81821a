/**
 * What every format is given: the findings, the coverage and the totals of
 * one run, and how to present them.
 */
import type { Finding, RuleInfo, Summary } from '@trustlint/engine';
import type { Coverage } from '@trustlint/model';

export interface Report {
  /** The program's name. */
  program: string;
  findings: readonly Finding[];
  coverage: Coverage;
  summary: Summary;
  /** The date the run was judged against. */
  today: string;
  /** How many findings inline suppressions took out. */
  suppressed: number;
  /** How many findings the baseline accepted. */
  baselined: number;
  /**
   * The rules this run applied (those the config leaves on), in the order
   * `trustlint rules` lists them. Formats that describe rules (SARIF's rule
   * descriptors, JUnit's suites) use it; without it they know only the rules
   * that have findings, and only what those findings carry.
   */
  rules?: readonly RuleInfo[];
  /** trustlint's version, for formats that record the tool (SARIF's `tool.driver.version`). */
  toolVersion?: string;
}

export type { RuleInfo };

/** What a lint run yields, as `lint()` of @trustlint/core returns it (only what a report needs). */
export interface RunOutcome {
  config: { program: string };
  findings: readonly Finding[];
  coverage: Coverage;
  summary: Summary;
  today: string;
  suppressed: number;
  baselined: number;
  /** The rules the run applied, in registry order. */
  appliedRules: readonly RuleInfo[];
}

/** The report of a run, for every format; `toolVersion` is the front end's version. */
export function reportOf(run: RunOutcome, toolVersion: string): Report {
  return {
    program: run.config.program,
    findings: run.findings,
    coverage: run.coverage,
    summary: run.summary,
    today: run.today,
    suppressed: run.suppressed,
    baselined: run.baselined,
    rules: run.appliedRules,
    toolVersion,
  };
}

export interface FormatOptions {
  /** Use ANSI colours (stylish only). */
  color: boolean;
}

export type Formatter = (report: Report, options: FormatOptions) => string;
