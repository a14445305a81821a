import { localToday, parseDate, TrustlintError } from '@trustlint/model/io';

/** Which date runs are judged against: `--today`, TRUSTLINT_TODAY, or the calendar. */
export function resolveToday(option: string | undefined, env: Readonly<Record<string, string | undefined>>): string {
  const given = option ?? env.TRUSTLINT_TODAY;
  if (given === undefined || given === '') return localToday();
  const date = parseDate(given);
  if (date === undefined) {
    const source = option === undefined ? 'TRUSTLINT_TODAY' : '--today';
    throw new TrustlintError('invalid-today', `Invalid date "${given}" in ${source}; expected a calendar date written YYYY-MM-DD, such as 2026-03-31.`);
  }
  return date;
}
