/**
 * What every format is given: the findings, the coverage and the totals of
 * one run, and how to present them.
 */
import type { Finding, Severity, Summary } from '@trustlint/engine';
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

/** What a format may need to know about a rule; the CLI fills it from the rule registry. */
export interface RuleInfo {
  id: string;
  /** One line that says what the rule checks. */
  description: string;
  /** The rule's category (`criteria`, `ownership`, ...). */
  category: string;
  /** The default severity (a finding carries the severity the config gave it). */
  severity: Severity;
  /** The rule's docs page. */
  url: string;
  type: 'problem' | 'suggestion';
}

export interface FormatOptions {
  /** Use ANSI colours (stylish only). */
  color: boolean;
}

export type Formatter = (report: Report, options: FormatOptions) => string;
