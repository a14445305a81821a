/**
 * Calendar periods (days, ISO weeks, months, quarters, halves, years) and the
 * parts of them that fall inside a date window. Dates are `YYYY-MM-DD`
 * strings; a period's `start` and `end` are both inclusive.
 */
import { addDays } from './dates.js';
import type { Frequency } from './entities.js';

export const PERIOD_UNITS = ['day', 'week', 'month', 'quarter', 'half', 'year'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

/** The period a control frequency is evidenced in, or `none` when it is not checked per period. */
export type PeriodSetting = PeriodUnit | 'none';

/**
 * The period in which a SOC 2 Type 2 window needs evidence of a control, by
 * its frequency (the `evidence-missing` rule's defaults, and what reports
 * show). Controls that run more often than monthly are evidenced once a month
 * (an export of the month's runs); on-event controls are not checked per period.
 */
export const DEFAULT_EVIDENCE_PERIODS: Readonly<Record<Frequency, PeriodSetting>> = {
  continuous: 'month',
  daily: 'month',
  weekly: 'month',
  monthly: 'month',
  quarterly: 'quarter',
  semiannual: 'half',
  annual: 'year',
  'on-event': 'none',
};

export interface Period {
  /** How the period is named: `2026-04-01`, `2026-W14`, `2026-05`, `2026-Q3`, `2026-H2`, `2026`. */
  label: string;
  start: string;
  end: string;
}

/** A window of dates, both ends inclusive. */
export interface DateWindow {
  start: string;
  end: string;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function partsOf(date: string): { year: number; month: number; day: number } {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return { year, month, day };
}

/** The last day of a month (1-based). */
function lastDayOf(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

/** The months `first` to `first + count - 1` of a year, as one period. */
function monthSpan(year: number, first: number, count: number, label: string): Period {
  return { label, start: `${year}-${pad(first)}-01`, end: lastDayOf(year, first + count - 1) };
}

/** Monday 1 … Sunday 7. */
function isoWeekday(date: string): number {
  const { year, month, day } = partsOf(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
}

/** The ISO week (Monday to Sunday) holding a date, named after the year of its Thursday. */
function isoWeek(date: string): Period {
  const start = addDays(date, 1 - isoWeekday(date));
  const thursday = addDays(start, 3);
  const year = partsOf(thursday).year;
  const week = Math.floor((Date.parse(`${thursday}T00:00:00Z`) - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return { label: `${year}-W${pad(week)}`, start, end: addDays(start, 6) };
}

/** The calendar period of a unit that holds a date. */
export function periodContaining(unit: PeriodUnit, date: string): Period {
  const { year, month } = partsOf(date);
  switch (unit) {
    case 'day':
      return { label: date, start: date, end: date };
    case 'week':
      return isoWeek(date);
    case 'month':
      return monthSpan(year, month, 1, `${year}-${pad(month)}`);
    case 'quarter': {
      const quarter = Math.ceil(month / 3);
      return monthSpan(year, quarter * 3 - 2, 3, `${year}-Q${quarter}`);
    }
    case 'half': {
      const half = month <= 6 ? 1 : 2;
      return monthSpan(year, half * 6 - 5, 6, `${year}-H${half}`);
    }
    case 'year':
      return monthSpan(year, 1, 12, String(year));
  }
}

/**
 * Every calendar period of a unit that overlaps a window, cut to the part
 * inside it (so the first and last may be shorter than a whole period).
 */
export function periodsInWindow(unit: PeriodUnit, window: DateWindow): Period[] {
  const periods: Period[] = [];
  if (window.start > window.end) return periods;
  let period = periodContaining(unit, window.start);
  while (period.start <= window.end) {
    periods.push({
      label: period.label,
      start: period.start < window.start ? window.start : period.start,
      end: period.end > window.end ? window.end : period.end,
    });
    period = periodContaining(unit, addDays(period.end, 1));
  }
  return periods;
}

/** Whether a date lies in a period (or window), ends included. */
export function contains(period: DateWindow, date: string): boolean {
  return period.start <= date && date <= period.end;
}

/**
 * The periods of a window that have fully elapsed (they ended before today,
 * so evidence made on their last day still counts) and hold none of the
 * given dates.
 */
export function missingPeriods(unit: PeriodUnit, window: DateWindow, today: string, dates: readonly string[]): Period[] {
  return periodsWithout(elapsedPeriods(unit, window, today), dates);
}

/** The periods of a window that have fully elapsed: they ended before today. */
export function elapsedPeriods(unit: PeriodUnit, window: DateWindow, today: string): Period[] {
  return periodsInWindow(unit, window).filter((period) => period.end < today);
}

/** The periods that hold none of the dates. */
export function periodsWithout(periods: readonly Period[], dates: readonly string[]): Period[] {
  return periods.filter((period) => !dates.some((date) => contains(period, date)));
}

/** `2026-Q3 (2026-07-01 to 2026-09-30)`; a single day is just its date. */
export function describePeriod(period: Period): string {
  if (period.start === period.end && period.label === period.start) return period.label;
  return `${period.label} (${period.start} to ${period.end})`;
}
