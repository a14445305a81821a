import { DEFAULT_EVIDENCE_PERIODS, missingPeriods, type PeriodUnit } from '@trustlint/model';
import { describe, expect, it } from 'vitest';
import { HOSTILE, PROGRAM_FILES, pageInput, programFindings, programReport, sampleProgram } from './__fixtures__/program.js';
import { coverageView } from './coverage-view.js';
import { evidenceTimeline, reportPage, type ControlEntry } from './report-model.js';

const WINDOW = { start: '2026-04-01', end: '2026-12-31' };


function byId(controls: readonly ControlEntry[], id: string): ControlEntry {
  const control = controls.find((entry) => entry.id === id);
  if (!control) throw new Error(`no control ${id}`);
  return control;
}

function states(control: ControlEntry): string[] {
  return control.evidence.periods.map((period) => `${period.label} ${period.state}`);
}

describe('reportPage: the run', () => {
  const page = reportPage(pageInput());

  it('carries the program, the commit, the date, the version, the examination and its window', () => {
    expect(page).toMatchObject({
      program: 'Kestrel Pay',
      commit: '0123456789abcdef0123456789abcdef01234567',
      today: '2026-11-22',
      toolVersion: '0.1.0',
      soc2Type: 2,
      observationPeriod: WINDOW,
      suppressed: 0,
      baselined: 0,
    });
    expect(reportPage(pageInput({ commit: undefined })).commit).toBeUndefined();
  });

  it('shows the coverage as the coverage view has it, with totals over every framework', () => {
    const program = sampleProgram();
    expect(page.coverage).toEqual(coverageView(programReport(program).coverage));
    const [soc2] = page.coverage.frameworks;
    expect(soc2?.categories.map((category) => category.criteria.length)).toEqual([33, 3]);
    expect(page.coverageTotals).toEqual({ covered: 5, partial: 0, uncovered: 30, excluded: 1, total: 36 });
  });
});

describe('reportPage: controls and their evidence', () => {
  const page = reportPage(pageInput());

  it('describes each control as its file says, with where it is', () => {
    expect(byId(page.controls, 'OPS-02')).toMatchObject({
      id: 'OPS-02',
      title: 'Incident response',
      owner: 'sre',
      status: 'implemented',
      frequency: 'on-event',
      file: 'controls/operations.yaml',
      line: 7,
    });
    expect(byId(page.controls, 'AC-01')).toMatchObject({ file: 'controls/access.yaml', line: 1 });
  });

  it('marks each period of an implemented control covered, missing (over, no record) or not yet due', () => {
    // AC-01: a record inline in Q2 and one in a log on the first day of Q3; Q4 is not over on 2026-11-22.
    expect(states(byId(page.controls, 'AC-01'))).toEqual(['2026-Q2 covered', '2026-Q3 covered', '2026-Q4 not-yet-due']);
    // OPS-01 (continuous, evidenced monthly): no record in July; the invalid date counts for nothing.
    expect(states(byId(page.controls, 'OPS-01'))).toEqual([
      '2026-04 covered',
      '2026-05 covered',
      '2026-06 covered',
      '2026-07 missing',
      '2026-08 covered',
      '2026-09 covered',
      '2026-10 covered',
      '2026-11 not-yet-due',
      '2026-12 not-yet-due',
    ]);
    const ops = byId(page.controls, 'OPS-01').evidence;
    expect(ops).toMatchObject({ unit: 'month', required: true, records: 6, lastRecord: '2026-10-31' });
    expect(ops.totals).toEqual({ covered: 6, missing: 1, 'not-yet-due': 2, 'not-required': 0 });
    expect(ops.periods[3]).toEqual({ label: '2026-07', start: '2026-07-01', end: '2026-07-31', state: 'missing', records: 0 });
    expect(ops.periods[0]?.records).toBe(1);
  });

  it('requires nothing of a control that is not implemented, and gives on-event controls one period', () => {
    expect(states(byId(page.controls, 'OPS-03'))).toEqual(['2026-Q2 not-required', '2026-Q3 not-required', '2026-Q4 not-required']);
    expect(byId(page.controls, 'OPS-03').evidence).toMatchObject({ required: false, records: 0, lastRecord: undefined });
    expect(byId(page.controls, 'OPS-02').evidence).toMatchObject({
      unit: 'none',
      required: false,
      periods: [{ label: 'observation period', start: '2026-04-01', end: '2026-12-31', state: 'covered', records: 2 }],
      lastRecord: '2026-09-02',
    });
  });

  it('shows no periods without a frequency or without an observation period, but still the last record', () => {
    expect(byId(page.controls, 'OPS-04').evidence).toMatchObject({ unit: undefined, required: false, periods: [] });
    const windowless = reportPage(pageInput({ observationPeriod: undefined }));
    expect(windowless.controls.every((control) => control.evidence.periods.length === 0)).toBe(true);
    expect(byId(windowless.controls, 'AC-01').evidence).toMatchObject({ records: 2, lastRecord: '2026-07-01', required: true });
  });

  it('requires no evidence of a Type 1 program', () => {
    const type1 = reportPage(pageInput({ soc2Type: 1 }));
    expect(states(byId(type1.controls, 'OPS-01'))).toContain('2026-07 not-required');
    expect(type1.controls.every((control) => control.evidence.totals.missing === 0)).toBe(true);
  });

  it('takes the period per frequency from the settings, keeping the defaults of the others', () => {
    const page = reportPage(pageInput({ periods: { continuous: 'quarter', 'on-event': 'month' } }));
    expect(states(byId(page.controls, 'OPS-01'))).toEqual(['2026-Q2 covered', '2026-Q3 covered', '2026-Q4 covered']);
    expect(byId(page.controls, 'OPS-02').evidence.periods).toHaveLength(9);
    expect(byId(page.controls, 'AC-01').evidence.unit).toBe('quarter');
  });

  it('puts the controls with missing periods first, the others in program order', () => {
    expect(page.controls.map((control) => control.id)).toEqual(['OPS-01', 'AC-01', 'OPS-02', 'OPS-03', 'OPS-04']);
  });
});

describe('evidenceTimeline', () => {
  const context = { window: WINDOW, type2: true, today: '2026-11-22', periods: DEFAULT_EVIDENCE_PERIODS };

  it('needs evidence of a period from the day after it ends, as the evidence-missing rule does', () => {
    const control = { status: 'implemented', frequency: 'monthly' } as const;
    expect(evidenceTimeline(control, [], { ...context, today: '2026-10-31' }).periods[6]).toMatchObject({ label: '2026-10', state: 'not-yet-due' });
    expect(evidenceTimeline(control, [], { ...context, today: '2026-11-01' }).periods[6]).toMatchObject({ label: '2026-10', state: 'missing' });
  });

  it('marks missing exactly the periods the evidence-missing rule reports', () => {
    const dates = ['2026-04-03', '2026-06-30', '2026-07-01', '2026-09-12', '2027-01-01', '2026-03-31'];
    for (const frequency of ['daily', 'weekly', 'monthly', 'quarterly', 'semiannual', 'annual'] as const) {
      const unit = DEFAULT_EVIDENCE_PERIODS[frequency] as PeriodUnit;
      for (const today of ['2026-05-01', '2026-11-22', '2027-02-01']) {
        const timeline = evidenceTimeline({ status: 'implemented', frequency }, dates, { ...context, today });
        const missing = timeline.periods.filter((period) => period.state === 'missing').map(({ label, start, end }) => ({ label, start, end }));
        expect(missing, `${frequency} on ${today}`).toEqual(missingPeriods(unit, WINDOW, today, dates));
      }
    }
  });

  it('cuts the first and last period to the window and counts records per period', () => {
    const timeline = evidenceTimeline({ status: 'implemented', frequency: 'quarterly' }, ['2026-05-05', '2026-05-06'], {
      ...context,
      window: { start: '2026-05-01', end: '2026-08-15' },
    });
    expect(timeline.periods).toEqual([
      { label: '2026-Q2', start: '2026-05-01', end: '2026-06-30', state: 'covered', records: 2 },
      { label: '2026-Q3', start: '2026-07-01', end: '2026-08-15', state: 'missing', records: 0 },
    ]);
  });
});

describe('reportPage: policies', () => {
  const page = reportPage(pageInput());

  it('computes the next review as the last review plus the review cycle, and puts overdue reviews first', () => {
    expect(page.policies.map((policy) => [policy.id, policy.lastReviewed, policy.reviewCycle, policy.nextReview, policy.review])).toEqual([
      // 2025-08-31 + 6 months is the last day of February.
      ['POL-ISP', '2025-08-31', 6, '2026-02-28', 'overdue'],
      ['POL-ACCESS', '2026-06-10', 12, '2027-06-10', 'current'],
      ['POL-DRAFT', 'someday', 12, undefined, 'unknown'],
    ]);
  });

  it('keeps owner, approver, version, status and title as written', () => {
    expect(page.policies.find((policy) => policy.id === 'POL-ACCESS')).toMatchObject({
      title: `Access Control ${HOSTILE}`,
      owner: 'security',
      approver: 'ola',
      version: '2.0',
      status: 'approved',
      file: 'policies/access.md',
    });
    expect(page.policies.find((policy) => policy.id === 'POL-DRAFT')).toMatchObject({ approver: undefined, version: undefined, status: 'draft' });
  });

  it('calls a review overdue from the day after it is due, and only for approved policies', () => {
    const program = sampleProgram();
    const on = (today: string) => reportPage({ ...pageInput(), report: { ...programReport(program), today } }).policies.find((policy) => policy.id === 'POL-ACCESS')?.review;
    expect(on('2027-06-10')).toBe('current');
    expect(on('2027-06-11')).toBe('overdue');
    const draft = sampleProgram(undefined, { ...PROGRAM_FILES, 'policies/draft.md': PROGRAM_FILES['policies/draft.md']!.replace('someday', '2020-01-01') });
    expect(reportPage(pageInput({ policies: draft.policies })).policies.find((policy) => policy.id === 'POL-DRAFT')).toMatchObject({ nextReview: '2021-01-01', review: 'current' });
  });
});

describe('reportPage: findings', () => {
  const page = reportPage(pageInput());

  it('lists each finding in report order with its place and docs URL', () => {
    expect(page.findings.map((finding) => [finding.severity, finding.rule, finding.location])).toEqual([
      ['error', 'evidence-missing', 'controls/access.yaml:5:12'],
      ['warning', 'review-overdue', 'policies/isp.md:7:16'],
      ['error', 'evidence-missing', 'controls/operations.yaml:5:14'],
      ['info', 'soc2-certification-language', 'policies/isp.md:12:3'],
    ]);
    expect(page.findings[0]?.url).toBe(programFindings()[0]?.url);
  });

  it('counts findings per severity and per rule, rules in the order of their first finding', () => {
    expect(page.severities).toEqual({ error: 2, warning: 1, info: 1 });
    expect(page.rules.map((rule) => [rule.id, rule.count])).toEqual([
      ['evidence-missing', 2],
      ['review-overdue', 1],
      ['soc2-certification-language', 1],
    ]);
  });
});
