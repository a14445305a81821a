/**
 * What every format is given: the findings, the coverage and the totals of
 * one run, and how to present them.
 */
import type { Finding, Summary } from '@trustlint/engine';
import type { Coverage } from '@trustlint/model';

export interface Report {
  /** The program's name. */
  program: string;
  findings: readonly Finding[];
  coverage: Coverage;
  summary: Summary;
  /** The date the run was judged against. */
  today: string;
}

export interface FormatOptions {
  /** Use ANSI colours (stylish only). */
  color: boolean;
}

export type Formatter = (report: Report, options: FormatOptions) => string;
