/**
 * The model behind the HTML report: plain data built from one run (its
 * `Report`), the program's controls, policies and evidence, and the facts of
 * the run (the commit). The page (html.ts) only lays it out.
 *
 * Like the coverage view, it holds data only: strings are as written in the
 * files (untrusted), and the page escapes each one.
 *
 * Evidence freshness follows the `evidence-missing` rule: over the
 * observation period, each control is evidenced once per calendar period of
 * its frequency (`DEFAULT_EVIDENCE_PERIODS`, or the periods the config gives
 * the rule), by a record dated inside the period, under the control's
 * `evidence` or in an evidence log that names it. Only implemented controls
 * of a SOC 2 Type 2 program need it.
 */
import type { Finding, Severity } from '@trustlint/engine';
import {
  addMonths,
  contains,
  DEFAULT_EVIDENCE_PERIODS,
  evidenceDates,
  parseDate,
  periodsInWindow,
  type Control,
  type ControlStatus,
  type DateWindow,
  type EvidenceLog,
  type Frequency,
  type PeriodSetting,
  type Policy,
  type PolicyStatus,
} from '@trustlint/model';
import { coverageView, type CoverageTotals, type CoverageView } from './coverage-view.js';
import type { Report } from './report.js';

/**
 * What a period of a control's timeline shows: evidence dated inside it; no
 * evidence although the period is over and evidence is required; no evidence
 * yet, and the period is not over; no evidence, and none is required.
 */
export type PeriodState = 'covered' | 'missing' | 'not-yet-due' | 'not-required';

export const PERIOD_STATES: readonly PeriodState[] = ['covered', 'missing', 'not-yet-due', 'not-required'];

export interface TimelinePeriod {
  /** `2026-Q3`, `2026-05`, …; `observation period` for an on-event control. */
  label: string;
  /** The part of the period inside the observation window, both ends inclusive. */
  start: string;
  end: string;
  state: PeriodState;
  /** How many evidence records are dated inside it. */
  records: number;
}

export interface EvidenceTimeline {
  /**
   * The calendar period the control is evidenced in (`none` for on-event
   * controls, which have one period: the whole window); undefined when the
   * control has no frequency.
   */
  unit: PeriodSetting | undefined;
  /** Whether the program needs evidence of this control (SOC 2 Type 2, implemented). */
  required: boolean;
  /** Each period of the observation window in order; empty without a window or a frequency. */
  periods: TimelinePeriod[];
  /** How many periods are in each state. */
  totals: Record<PeriodState, number>;
  /** Every valid record date of the control, wherever it is written. */
  records: number;
  /** The latest valid record date, if any. */
  lastRecord: string | undefined;
}

export interface ControlEntry {
  id: string | undefined;
  title: string | undefined;
  owner: string | undefined;
  status: ControlStatus | undefined;
  frequency: Frequency | undefined;
  /** Repository-relative path of the file that holds it. */
  file: string;
  /** The line of the control in its file (1-based). */
  line: number;
  evidence: EvidenceTimeline;
}

/** Where a policy stands with its reviews: past due (approved policies only), or not; unknown without a valid last review. */
export type ReviewState = 'overdue' | 'current' | 'unknown';

export interface PolicyEntry {
  id: string | undefined;
  title: string | undefined;
  owner: string | undefined;
  approver: string | undefined;
  version: string | undefined;
  status: PolicyStatus | undefined;
  /** `last_reviewed` as written (or as the dialect names it). */
  lastReviewed: string | undefined;
  /** Months between reviews. */
  reviewCycle: number;
  /** The last review plus the review cycle, when the last review is a valid date. */
  nextReview: string | undefined;
  review: ReviewState;
  file: string;
}

export interface FindingEntry {
  severity: Severity;
  rule: string;
  message: string;
  file: string;
  line: number;
  column: number;
  /** `file:line:col`. */
  location: string;
  /** The rule's docs page as the finding carries it (the page links it only when it is `https:`). */
  url: string;
}

/** A rule that has findings, for the rule filter. */
export interface RuleCount {
  id: string;
  url: string;
  count: number;
}

export interface ReportPage {
  program: string;
  /** The commit of the program's repository, when it is in one. */
  commit: string | undefined;
  /** The date the run was judged against. */
  today: string;
  toolVersion: string | undefined;
  /** SOC 2 Type 1 or 2, when SOC 2 is in scope. */
  soc2Type: 1 | 2 | undefined;
  observationPeriod: DateWindow | undefined;
  coverage: CoverageView;
  /** The totals over every framework. */
  coverageTotals: CoverageTotals;
  controls: ControlEntry[];
  policies: PolicyEntry[];
  findings: FindingEntry[];
  /** Counts per severity, for the summary and the severity filter. */
  severities: Record<Severity, number>;
  /** Rules with findings, in the order of their first finding. */
  rules: RuleCount[];
  suppressed: number;
  baselined: number;
}

export interface ReportPageInput {
  report: Report;
  controls: readonly Control[];
  policies: readonly Policy[];
  evidence: readonly EvidenceLog[];
  /** The config's `observation_period`. */
  observationPeriod?: DateWindow | undefined;
  /** The config's SOC 2 type; evidence is required only of Type 2. */
  soc2Type?: 1 | 2 | undefined;
  /** The period per frequency (the `evidence-missing` rule's `periods` option); left-out frequencies keep the defaults. */
  periods?: Partial<Record<Frequency, PeriodSetting>> | undefined;
  commit?: string | undefined;
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

function emptyPeriodTotals(): Record<PeriodState, number> {
  return { covered: 0, missing: 0, 'not-yet-due': 0, 'not-required': 0 };
}

function periodState(records: number, required: boolean, end: string, today: string): PeriodState {
  if (records > 0) return 'covered';
  if (!required) return 'not-required';
  // As the rule has it: a period needs evidence from the day after it ends.
  return end < today ? 'missing' : 'not-yet-due';
}

/** A control's evidence over the observation window, period by period. */
export function evidenceTimeline(
  control: Pick<Control, 'status' | 'frequency'>,
  dates: readonly string[],
  context: { window: DateWindow | undefined; type2: boolean; today: string; periods: Readonly<Record<Frequency, PeriodSetting>> },
): EvidenceTimeline {
  const unit = control.frequency === undefined ? undefined : context.periods[control.frequency];
  const required = context.type2 && control.status === 'implemented' && unit !== undefined && unit !== 'none';
  const { window } = context;
  let spans: { label: string; start: string; end: string }[] = [];
  if (window !== undefined && unit !== undefined) {
    spans = unit === 'none' ? (window.start <= window.end ? [{ label: 'observation period', ...window }] : []) : periodsInWindow(unit, window);
  }
  const totals = emptyPeriodTotals();
  const periods = spans.map((span): TimelinePeriod => {
    const records = dates.filter((date) => contains(span, date)).length;
    const state = periodState(records, required, span.end, context.today);
    totals[state]++;
    return { label: span.label, start: span.start, end: span.end, state, records };
  });
  const lastRecord = dates.reduce<string | undefined>((latest, date) => (latest === undefined || date > latest ? date : latest), undefined);
  return { unit, required, periods, totals, records: dates.length, lastRecord };
}

function controlEntry(control: Control, datesOf: (control: Control) => string[], context: Parameters<typeof evidenceTimeline>[2]): ControlEntry {
  const dates = datesOf(control);
  const at = control.locate();
  return {
    id: control.id,
    title: control.title,
    owner: control.owner,
    status: control.status,
    frequency: control.frequency,
    file: control.file.path,
    line: at.file.rangeOf(at.span).line,
    evidence: evidenceTimeline(control, dates, context),
  };
}

/** A policy's review dates, judged against `today` the way `review-overdue` judges them (without its grace days). */
export function policyEntry(policy: Policy, today: string): PolicyEntry {
  const lastReviewed = parseDate(policy.lastReviewed);
  const nextReview = lastReviewed === undefined ? undefined : addMonths(lastReviewed, policy.reviewCycle);
  let review: ReviewState = 'unknown';
  if (nextReview !== undefined) review = policy.status === 'approved' && nextReview < today ? 'overdue' : 'current';
  return {
    id: policy.id,
    title: policy.title,
    owner: policy.owner,
    approver: policy.approver,
    version: policy.version,
    status: policy.status,
    lastReviewed: policy.lastReviewed,
    reviewCycle: policy.reviewCycle,
    nextReview,
    review,
    file: policy.file.path,
  };
}

function findingEntry(finding: Finding): FindingEntry {
  return {
    severity: finding.severity,
    rule: finding.ruleId,
    message: finding.message,
    file: finding.file,
    line: finding.line,
    column: finding.column,
    location: `${finding.file}:${finding.line}:${finding.column}`,
    url: finding.url,
  };
}

function sumTotals(view: CoverageView): CoverageTotals {
  const sum: CoverageTotals = { covered: 0, partial: 0, uncovered: 0, excluded: 0, total: 0 };
  for (const { totals } of view.frameworks) {
    sum.covered += totals.covered;
    sum.partial += totals.partial;
    sum.uncovered += totals.uncovered;
    sum.excluded += totals.excluded;
    sum.total += totals.total;
  }
  return sum;
}

/** The entries that need work first, then the others, each in program order. */
function needsWorkFirst<T>(entries: readonly T[], needsWork: (entry: T) => boolean): T[] {
  return [...entries.filter(needsWork), ...entries.filter((entry) => !needsWork(entry))];
}

/** The page's data: controls with missing evidence first, then policies overdue for review first, each in program order. */
export function reportPage(input: ReportPageInput): ReportPage {
  const { report } = input;
  const coverage = coverageView(report.coverage);
  const context = {
    window: input.observationPeriod,
    type2: input.soc2Type === 2,
    today: report.today,
    periods: { ...DEFAULT_EVIDENCE_PERIODS, ...input.periods },
  };
  const datesOf = evidenceDates(input.evidence);
  const findings = report.findings.map(findingEntry);
  const severities: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const rules = new Map<string, RuleCount>();
  for (const finding of findings) {
    severities[finding.severity]++;
    const rule = rules.get(finding.rule);
    if (rule) rule.count++;
    else rules.set(finding.rule, { id: finding.rule, url: finding.url, count: 1 });
  }
  return {
    program: report.program,
    commit: input.commit,
    today: report.today,
    toolVersion: report.toolVersion,
    soc2Type: input.soc2Type,
    observationPeriod: input.observationPeriod,
    coverage,
    coverageTotals: sumTotals(coverage),
    controls: needsWorkFirst(
      input.controls.map((control) => controlEntry(control, datesOf, context)),
      (control) => control.evidence.totals.missing > 0,
    ),
    policies: needsWorkFirst(
      input.policies.map((policy) => policyEntry(policy, report.today)),
      (policy) => policy.review === 'overdue',
    ),
    findings,
    severities,
    rules: [...rules.values()],
    suppressed: report.suppressed,
    baselined: report.baselined,
  };
}
