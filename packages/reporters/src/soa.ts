/**
 * The Statement of Applicability (SoA) that ISO/IEC 27001 requires: for each
 * of the 93 Annex A controls, in catalog order, whether it applies, why, and
 * what implements it.
 *
 * - An Annex A control is applicable unless the config excludes it
 *   (`exclusions` with `framework: iso27001`). An exclusion decides
 *   applicability; controls that still list an excluded Annex A control are
 *   shown beside it all the same.
 * - An applicable control is complete when an implemented control lists it;
 *   partial and not implemented ones are reported.
 * - An excluded control is complete when its exclusion has a justification
 *   (its `reason`) and an approver; given the owners, the approver must be an
 *   active person.
 *
 * `statementOfApplicability` only builds data (strings as written in the
 * files, which are untrusted); `soaMarkdown`, `soaCsv` and `soaJson` render
 * it, each escaping for its own syntax.
 */
import type { SoaFormat } from './names.js';
import { safeJson, type Control, type ControlStatus, type FrameworkCoverage, type Owners } from '@trustlint/model';
import { codeSpan, escapeMarkdown } from './markdown-text.js';
import { oneLine } from './text.js';


/** Where an Annex A control stands in the SoA. */
export type SoaState = 'implemented' | 'partial' | 'not-implemented' | 'excluded';

/** A control of the program that lists an Annex A control, as its file says. */
export interface SoaControl {
  id: string | undefined;
  title: string | undefined;
  status: ControlStatus | undefined;
  owner: string | undefined;
  /** Repository-relative path of the file that holds it. */
  file: string;
}

export interface SoaRow {
  /** Canonical Annex A id: `A.5.15`. */
  id: string;
  /** The catalog's short title. */
  title: string;
  /** The Annex A theme: `Organizational controls`. */
  theme: string;
  applicable: boolean;
  /**
   * Why it is in or out: for an exclusion, its reason as written (empty when
   * there is none); for an applicable control, which controls implement it or
   * that it is not implemented yet.
   */
  justification: string;
  /** Who approved the exclusion, as written; undefined when it is applicable or none is named. */
  approver: string | undefined;
  /** Every control that lists it: the implemented ones first, then the others, each in program order. */
  controls: SoaControl[];
  state: SoaState;
  /** What keeps this row from being complete (empty when it is). */
  problems: string[];
}

export interface SoaTotals {
  /** Every Annex A control: applicable + excluded. */
  total: number;
  applicable: number;
  implemented: number;
  partial: number;
  notImplemented: number;
  excluded: number;
  /** Excluded controls without a justification or a valid approver. */
  excludedIncomplete: number;
}

export interface StatementOfApplicability {
  program: string;
  /** The date it was judged on (YYYY-MM-DD). */
  today: string;
  /** `ISO/IEC 27001 Annex A 2022`. */
  catalog: string;
  totals: SoaTotals;
  /** Whether every applicable control is implemented and every exclusion is justified and approved. */
  complete: boolean;
  rows: SoaRow[];
}

export interface SoaInput {
  program: string;
  today: string;
  /** The coverage of ISO/IEC 27001. */
  coverage: FrameworkCoverage;
  /** The program's owners; when given, an approver must be an active person among them. */
  owners?: Owners;
}

function controlOf(control: Control): SoaControl {
  return { id: control.id, title: control.title, status: control.status, owner: control.owner, file: control.file.path };
}

/** `AC-01`, or where a control without an id is. */
function controlName(control: SoaControl): string {
  return control.id ?? `(no id, ${control.file})`;
}

function names(controls: readonly SoaControl[]): string {
  const list = controls.map(controlName);
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} and ${list.at(-1) ?? ''}`;
}

function blank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

/** What is wrong with an exclusion's approver, if anything. */
function approverProblem(approver: string | undefined, owners: Owners | undefined): string | undefined {
  if (approver === undefined || blank(approver)) return 'no approver';
  if (owners === undefined) return undefined;
  const found = owners.find(approver);
  if (found === undefined) return `approver ${approver} is not in ${owners.file.path}`;
  if (found.kind === 'team') return `approver ${approver} is a team, not a person`;
  return found.person.active ? undefined : `approver ${approver} is inactive`;
}

/** Builds the SoA from the coverage of ISO/IEC 27001. */
export function statementOfApplicability(input: SoaInput): StatementOfApplicability {
  const { coverage, owners } = input;
  if (coverage.framework !== 'iso27001') throw new Error(`A Statement of Applicability is built from ISO/IEC 27001 coverage, not ${coverage.framework}`);
  const themes = new Map(coverage.catalog.categories.map((category) => [category.id, category.name]));
  const rows = coverage.criteria.map((entry): SoaRow => {
    const implemented = entry.controls.map(controlOf);
    const others = entry.otherControls.map(controlOf);
    const controls = [...implemented, ...others];
    const base = { id: entry.criterion.id, title: entry.criterion.title, theme: themes.get(entry.criterion.category) ?? entry.criterion.category };
    /** A row in the order of `SoaRow`, which is the order of its JSON. */
    const rowOf = (applicable: boolean, justification: string, approver: string | undefined, state: SoaState, problems: string[]): SoaRow => ({
      ...base,
      applicable,
      justification,
      approver,
      controls,
      state,
      problems,
    });
    const { exclusion } = entry;
    if (exclusion) {
      const problems = [...(blank(exclusion.reason) ? ['no justification'] : []), ...[approverProblem(exclusion.approver, owners)].filter((problem) => problem !== undefined)];
      return rowOf(false, exclusion.reason ?? '', exclusion.approver, 'excluded', problems);
    }
    if (implemented.length) return rowOf(true, `Implemented by ${names(implemented)}.`, undefined, 'implemented', []);
    const partial = others.filter((control) => control.status === 'partially-implemented');
    if (partial.length) return rowOf(true, `Not implemented yet: only partially, by ${names(partial)}.`, undefined, 'partial', ['partially implemented']);
    const listed = others.map((control) => `${controlName(control)} (${control.status ?? 'no status'})`);
    const justification = listed.length ? `Not implemented yet: listed only by ${listed.join(', ')}.` : 'Not implemented yet: no control lists it.';
    return rowOf(true, justification, undefined, 'not-implemented', ['not implemented']);
  });
  const count = (test: (row: SoaRow) => boolean) => rows.filter(test).length;
  const totals: SoaTotals = {
    total: rows.length,
    applicable: count((row) => row.applicable),
    implemented: count((row) => row.state === 'implemented'),
    partial: count((row) => row.state === 'partial'),
    notImplemented: count((row) => row.state === 'not-implemented'),
    excluded: count((row) => !row.applicable),
    excludedIncomplete: count((row) => !row.applicable && row.problems.length > 0),
  };
  return {
    program: input.program,
    today: input.today,
    catalog: `${coverage.catalog.name} ${coverage.catalog.version}`,
    totals,
    complete: rows.every((row) => row.problems.length === 0),
    rows,
  };
}

/**
 * The totals in words: `93 Annex A controls: 87 applicable (87 implemented),
 * 6 excluded (6 justified and approved).`
 */
export function soaSummary(soa: StatementOfApplicability): string {
  const { totals } = soa;
  const applicable = [
    `${totals.implemented} implemented`,
    ...(totals.partial ? [`${totals.partial} partial`] : []),
    ...(totals.notImplemented ? [`${totals.notImplemented} not implemented`] : []),
  ];
  const excluded = totals.excluded
    ? ` (${totals.excluded - totals.excludedIncomplete} justified and approved${totals.excludedIncomplete ? `, ${totals.excludedIncomplete} incomplete` : ''})`
    : '';
  return `${totals.total} Annex A controls: ${totals.applicable} applicable (${applicable.join(', ')}), ${totals.excluded} excluded${excluded}.`;
}

/** How many ids a verdict names before it only counts. */
const NAMED = 10;

function idList(rows: readonly SoaRow[], detail: (row: SoaRow) => string = (row) => row.id): string {
  const shown = rows.slice(0, NAMED).map(detail).join(', ');
  return rows.length > NAMED ? `${shown} and ${rows.length - NAMED} more` : shown;
}

/** One line: whether the SoA is complete, and if not what is missing. Untrusted text is shown escaped. */
export function soaVerdict(soa: StatementOfApplicability): string {
  if (soa.complete) {
    return `✔ Statement of Applicability complete: ${soa.totals.applicable} applicable Annex A controls implemented, ${soa.totals.excluded} excluded with a justification and an approver.`;
  }
  const open = soa.rows.filter((row) => row.applicable && row.problems.length > 0);
  const excluded = soa.rows.filter((row) => !row.applicable && row.problems.length > 0);
  const reasons = [
    ...(open.length ? [`${open.length} applicable ${open.length === 1 ? 'control' : 'controls'} not implemented (${idList(open, (row) => (row.state === 'partial' ? `${row.id} (partial)` : row.id))})`] : []),
    ...(excluded.length ? [`${excluded.length} ${excluded.length === 1 ? 'exclusion' : 'exclusions'} incomplete (${idList(excluded, (row) => `${row.id}: ${row.problems.join(', ')}`)})`] : []),
  ];
  return oneLine(`✖ Statement of Applicability incomplete: ${reasons.join('; ')}.`);
}

const STATE_WORDS: Readonly<Record<SoaState, string>> = {
  implemented: '✔ implemented',
  partial: '◐ partial',
  'not-implemented': '✖ not implemented',
  excluded: '– excluded',
};

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function controlMarkdown(control: SoaControl): string {
  const id = control.id === undefined ? `(no id) in ${codeSpan(control.file)}` : codeSpan(control.id);
  const owner = control.owner === undefined ? 'no owner' : codeSpan(control.owner);
  return `${id} (${escapeMarkdown(control.status ?? 'no status')}, ${owner})`;
}

function namesMarkdown(controls: readonly SoaControl[]): string {
  return controls.map((control) => (control.id === undefined ? `(no id) in ${codeSpan(control.file)}` : codeSpan(control.id))).join(', ');
}

/** The justification with untrusted parts escaped: control ids as code, a reason as text. */
function justificationMarkdown(soaRow: SoaRow): string {
  if (!soaRow.applicable) return blank(soaRow.justification) ? '**no justification**' : escapeMarkdown(soaRow.justification);
  const implemented = soaRow.controls.filter((control) => control.status === 'implemented');
  if (soaRow.state === 'implemented') return `Implemented by ${namesMarkdown(implemented)}.`;
  const partial = soaRow.controls.filter((control) => control.status === 'partially-implemented');
  if (soaRow.state === 'partial') return `**Not implemented yet**: only partially, by ${namesMarkdown(partial)}.`;
  return soaRow.controls.length ? `**Not implemented yet**: listed only by ${namesMarkdown(soaRow.controls)}.` : '**Not implemented yet**: no control lists it.';
}

function approverMarkdown(soaRow: SoaRow): string {
  if (soaRow.applicable) return '—';
  return soaRow.approver === undefined || blank(soaRow.approver) ? '**no approver**' : codeSpan(soaRow.approver);
}

function stateMarkdown(soaRow: SoaRow): string {
  const problems = soaRow.state === 'excluded' && soaRow.problems.length ? `: ${escapeMarkdown(soaRow.problems.join(', '))}` : '';
  return `${STATE_WORDS[soaRow.state]}${problems}`;
}

/** The SoA as a Markdown document: a heading, the totals, a verdict, and one table row per Annex A control. */
export function soaMarkdown(soa: StatementOfApplicability): string {
  const lines = [
    `## ${soa.complete ? '✅' : '❌'} Statement of Applicability: ${escapeMarkdown(soa.program)}`,
    '',
    `${soa.catalog} · judged on ${soa.today}`,
    '',
    soaSummary(soa),
    '',
    row(['control', 'title', 'applicable', 'justification', 'approver', 'implementing controls', 'state']),
    row(['---', '---', '---', '---', '---', '---', '---']),
    ...soa.rows.map((soaRow) =>
      row([
        escapeMarkdown(soaRow.id),
        escapeMarkdown(soaRow.title),
        soaRow.applicable ? 'yes' : 'no',
        justificationMarkdown(soaRow),
        approverMarkdown(soaRow),
        soaRow.controls.length ? soaRow.controls.map(controlMarkdown).join('<br>') : '—',
        stateMarkdown(soaRow),
      ]),
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** Characters that make a spreadsheet read a cell as a formula (or hide one). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line
 * break, quotes doubled. A field that a spreadsheet would run as a formula
 * gets a leading `'`, which shows it as text.
 */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const SOA_CSV_COLUMNS = ['control', 'title', 'theme', 'applicable', 'state', 'justification', 'approver', 'implementing controls', 'problems'] as const;

function controlText(control: SoaControl): string {
  return `${controlName(control)} (${control.status ?? 'no status'}, ${control.owner ?? 'no owner'})`;
}

/** The SoA as CSV: a header, then one record per Annex A control, each line ending in CRLF. */
export function soaCsv(soa: StatementOfApplicability): string {
  const records = [
    [...SOA_CSV_COLUMNS],
    ...soa.rows.map((soaRow) => [
      soaRow.id,
      soaRow.title,
      soaRow.theme,
      soaRow.applicable ? 'yes' : 'no',
      soaRow.state,
      soaRow.justification,
      soaRow.approver ?? '',
      soaRow.controls.map(controlText).join('; '),
      soaRow.problems.join('; '),
    ]),
  ];
  return records.map((record) => `${record.map(csvField).join(',')}\r\n`).join('');
}

/** The SoA as one JSON object; what a file leaves out (an approver, a control's owner) is `null`. */
export function soaJson(soa: StatementOfApplicability): string {
  return `${safeJson(soa, 2, (_key, value) => (value === undefined ? null : value))}\n`;
}

/** The SoA in one of the `SOA_FORMATS` (names.ts). */
export function renderSoa(soa: StatementOfApplicability, format: SoaFormat): string {
  if (format === 'csv') return soaCsv(soa);
  if (format === 'json') return soaJson(soa);
  return soaMarkdown(soa);
}
