import { describe, expect, it } from 'vitest';
import { FREQUENCIES } from './entities.js';
import { contains, DEFAULT_EVIDENCE_PERIODS, describePeriod, missingPeriods, PERIOD_UNITS, periodContaining, periodsInWindow } from './periods.js';

describe('periodContaining', () => {
  it('names days, months, quarters, halves and years', () => {
    expect(periodContaining('day', '2026-04-01')).toEqual({ label: '2026-04-01', start: '2026-04-01', end: '2026-04-01' });
    expect(periodContaining('month', '2026-02-14')).toEqual({ label: '2026-02', start: '2026-02-01', end: '2026-02-28' });
    expect(periodContaining('month', '2028-02-14')).toEqual({ label: '2028-02', start: '2028-02-01', end: '2028-02-29' });
    expect(periodContaining('quarter', '2026-08-31')).toEqual({ label: '2026-Q3', start: '2026-07-01', end: '2026-09-30' });
    expect(periodContaining('quarter', '2026-12-31')).toEqual({ label: '2026-Q4', start: '2026-10-01', end: '2026-12-31' });
    expect(periodContaining('half', '2026-06-30')).toEqual({ label: '2026-H1', start: '2026-01-01', end: '2026-06-30' });
    expect(periodContaining('half', '2026-07-01')).toEqual({ label: '2026-H2', start: '2026-07-01', end: '2026-12-31' });
    expect(periodContaining('year', '2026-05-05')).toEqual({ label: '2026', start: '2026-01-01', end: '2026-12-31' });
  });

  it('runs ISO weeks from Monday to Sunday, numbered in the year of their Thursday', () => {
    expect(periodContaining('week', '2026-04-01')).toEqual({ label: '2026-W14', start: '2026-03-30', end: '2026-04-05' });
    // Sunday belongs to the week that started on the Monday before.
    expect(periodContaining('week', '2026-04-05')).toEqual({ label: '2026-W14', start: '2026-03-30', end: '2026-04-05' });
    // 2026-01-01 is a Thursday: week 1 of 2026 starts in 2025.
    expect(periodContaining('week', '2025-12-29')).toEqual({ label: '2026-W01', start: '2025-12-29', end: '2026-01-04' });
    // 2021-01-01 is a Friday: it belongs to the last week of 2020, which has 53.
    expect(periodContaining('week', '2021-01-01')).toEqual({ label: '2020-W53', start: '2020-12-28', end: '2021-01-03' });
    expect(periodContaining('week', '2026-12-31')).toEqual({ label: '2026-W53', start: '2026-12-28', end: '2027-01-03' });
  });
});

describe('periodsInWindow', () => {
  it('cuts the periods that overlap a window to the part inside it', () => {
    expect(periodsInWindow('quarter', { start: '2026-04-15', end: '2026-09-30' })).toEqual([
      { label: '2026-Q2', start: '2026-04-15', end: '2026-06-30' },
      { label: '2026-Q3', start: '2026-07-01', end: '2026-09-30' },
    ]);
    expect(periodsInWindow('year', { start: '2025-10-01', end: '2026-03-31' })).toEqual([
      { label: '2025', start: '2025-10-01', end: '2025-12-31' },
      { label: '2026', start: '2026-01-01', end: '2026-03-31' },
    ]);
  });

  it('lists every month, week and day of a window', () => {
    expect(periodsInWindow('month', { start: '2026-04-01', end: '2026-09-30' }).map((period) => period.label)).toEqual([
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
    ]);
    expect(periodsInWindow('week', { start: '2026-04-01', end: '2026-04-14' })).toEqual([
      { label: '2026-W14', start: '2026-04-01', end: '2026-04-05' },
      { label: '2026-W15', start: '2026-04-06', end: '2026-04-12' },
      { label: '2026-W16', start: '2026-04-13', end: '2026-04-14' },
    ]);
    expect(periodsInWindow('day', { start: '2026-02-27', end: '2026-03-02' }).map((period) => period.label)).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
  });

  it('gives one period for a one-day window and none for an inverted one', () => {
    expect(periodsInWindow('half', { start: '2026-07-01', end: '2026-07-01' })).toEqual([{ label: '2026-H2', start: '2026-07-01', end: '2026-07-01' }]);
    expect(periodsInWindow('month', { start: '2026-07-02', end: '2026-07-01' })).toEqual([]);
  });
});

describe('contains and describePeriod', () => {
  it('includes both ends', () => {
    const q3 = { label: '2026-Q3', start: '2026-07-01', end: '2026-09-30' };
    expect([contains(q3, '2026-06-30'), contains(q3, '2026-07-01'), contains(q3, '2026-09-30'), contains(q3, '2026-10-01')]).toEqual([false, true, true, false]);
  });

  it('names a period with its dates, and a day by its date alone', () => {
    expect(describePeriod({ label: '2026-Q3', start: '2026-07-01', end: '2026-09-30' })).toBe('2026-Q3 (2026-07-01 to 2026-09-30)');
    expect(describePeriod({ label: '2026-04-01', start: '2026-04-01', end: '2026-04-01' })).toBe('2026-04-01');
    expect(describePeriod({ label: '2026-04', start: '2026-04-30', end: '2026-04-30' })).toBe('2026-04 (2026-04-30 to 2026-04-30)');
  });
});

describe('missingPeriods', () => {
  const window = { start: '2026-04-01', end: '2026-09-30' };

  it('lists the elapsed periods without a record dated inside their part of the window', () => {
    expect(missingPeriods('quarter', window, '2026-11-22', ['2026-05-10'])).toEqual([{ label: '2026-Q3', start: '2026-07-01', end: '2026-09-30' }]);
    // A record of March is in Q1, not in the window's part of Q2.
    expect(missingPeriods('quarter', window, '2026-11-22', ['2026-03-31', '2026-07-01']).map((period) => period.label)).toEqual(['2026-Q2']);
    expect(missingPeriods('year', window, '2026-11-22', ['2026-09-30'])).toEqual([]);
  });

  it('requires nothing of a period until the day after it ends', () => {
    expect(missingPeriods('month', window, '2026-06-30', []).map((period) => period.label)).toEqual(['2026-04', '2026-05']);
    expect(missingPeriods('month', window, '2026-07-01', []).map((period) => period.label)).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(missingPeriods('month', window, '2026-03-31', [])).toEqual([]);
  });
});

describe('DEFAULT_EVIDENCE_PERIODS', () => {
  it('gives every frequency a period: monthly or rarer in its own period, more often once a month, on-event none', () => {
    expect(Object.keys(DEFAULT_EVIDENCE_PERIODS).sort()).toEqual([...FREQUENCIES].sort());
    for (const setting of Object.values(DEFAULT_EVIDENCE_PERIODS)) expect([...PERIOD_UNITS, 'none']).toContain(setting);
    expect(DEFAULT_EVIDENCE_PERIODS).toMatchObject({ continuous: 'month', weekly: 'month', quarterly: 'quarter', semiannual: 'half', annual: 'year', 'on-event': 'none' });
  });
});
