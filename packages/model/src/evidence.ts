/**
 * Where a control's evidence is: records inline under its `evidence`, and
 * records in every evidence log whose `control` names it.
 */
import { parseDate } from './dates.js';
import type { Control, EvidenceLog, EvidenceRecord } from './entities.js';

/** The valid dates of some records. */
export function recordDates(records: readonly EvidenceRecord[]): string[] {
  return records.flatMap((record) => parseDate(record.date) ?? []);
}

/** A lookup of each control's evidence dates (inline and logged), indexing the logs once. */
export function evidenceDates(logs: readonly EvidenceLog[]): (control: Control) => string[] {
  const logged = new Map<string, string[]>();
  for (const log of logs) {
    if (log.control === undefined) continue;
    logged.set(log.control.id, [...(logged.get(log.control.id) ?? []), ...recordDates(log.records)]);
  }
  return (control) => [...recordDates(control.evidence), ...(control.id === undefined ? [] : (logged.get(control.id) ?? []))];
}
