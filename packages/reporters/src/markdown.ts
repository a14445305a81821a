/**
 * `--format markdown`: a report for a pull-request comment or a job summary.
 *
 *   ## ❌ trustlint: 5 problems (3 errors, 2 warnings) · 2 in-scope criteria uncovered
 *   **Program name** · judged on 2026-11-22
 *   ### SOC 2 coverage: 33/35 covered, 1 partial, 1 uncovered, 1 excluded
 *   | category | covered | partial | uncovered | excluded | total |   (one row per category)
 *   <details open><summary>✖ Security: 32/33 covered, 1 uncovered</summary>
 *   | state | criterion | title | controls |                        (gaps first)
 *   </details>                                  (complete categories stay folded)
 *   ### Findings
 *   | severity | location | rule | message |                        (the first `maxFindings`)
 *   … and 12 more findings: run `trustlint lint` locally or see the job log.
 *   Not shown: 1 suppressed inline, 2 accepted by the baseline.
 *
 * The verdict is ❌ when a finding is at or above the threshold (`failOn`,
 * default `error`, as the gate and `lint` use it) or an in-scope criterion is
 * not covered (partial counts as uncovered), ✅ otherwise. Every enabled
 * framework has its own section. When the gate requires only some of them
 * (`frameworks`), the verdict judges those, as the gate does, and the
 * sections of the others say that they are not required.
 *
 * `markdownReport` keeps the whole text within `maxLength` characters (UTF-16
 * code units, which never undercount GitHub's characters): it drops findings
 * rows first, then the criteria of complete categories, then the whole
 * criteria matrix, and says what it left out.
 *
 * Untrusted text (messages, paths, control ids, owners, the program's name,
 * exclusion reasons) enters only through `messageMarkdown`, `escapeMarkdown`
 * and `codeSpan`; catalog ids and titles too, which costs nothing. Framework
 * names, numbers and the date (checked to be YYYY-MM-DD) go in as they are.
 * Inside `<summary>`,
 * where GitHub does not read Markdown, only trusted catalog names and numbers
 * go, HTML-escaped all the same. A docs URL is linked only when it is an
 * `https:` URL with no character that could end the link or the table cell.
 */
import { failsAt, type Finding, type Severity } from '@trustlint/engine';
import type { FrameworkId } from '@trustlint/model';
import {
  coverageView,
  criteriaCount,
  isComplete,
  STATE_MARKS,
  totalsText,
  type CategoryRows,
  type ControlRow,
  type CoverageView,
  type CriterionRow,
  type FrameworkRows,
} from './coverage-view.js';
import { coverageFramework } from './gate.js';
import { codeSpan, escapeMarkdown, messageMarkdown } from './markdown-text.js';
import type { Formatter, Report } from './report.js';
import { plural } from './text.js';

/** Under GitHub's 65,536-character limit for a comment, with room for a marker. */
export const MARKDOWN_MAX_LENGTH = 65_000;
export const MARKDOWN_MAX_FINDINGS = 50;

export interface MarkdownOptions {
  /** How many findings rows to show at most (default 50). */
  maxFindings?: number;
  /** The most characters the result may have (default 65,000). */
  maxLength?: number;
  /** The lowest severity that fails the run, for the verdict (default `error`). */
  failOn?: Severity | 'never';
  /** The frameworks whose coverage the gate requires (default: every enabled framework). */
  frameworks?: readonly FrameworkId[] | undefined;
}

/** How much of the criteria matrix to show: every category, only those with gaps, or none. */
type Detail = 'all' | 'gaps' | 'none';

const SEVERITY_LABELS: Readonly<Record<Severity, string>> = { error: '✖ error', warning: '⚠ warning', info: 'ℹ info' };
const LINKABLE = /^https:\/\/[^\s()<>[\]{}|\\^`"']+$/;
const HTML_ENTITIES: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' };

/** Text inside an HTML element (the `<summary>`): entities only. Used for catalog names and numbers. */
function htmlText(text: string): string {
  return text.replace(/[<>&"']/g, (char) => HTML_ENTITIES[char] ?? char);
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function categoryMark(category: CategoryRows): string {
  if (category.totals.uncovered) return STATE_MARKS.uncovered;
  if (category.totals.partial) return STATE_MARKS.partial;
  return STATE_MARKS.covered;
}

function controlMarkdown(control: ControlRow): string {
  const id = control.id === undefined ? `(no id) in ${codeSpan(control.file)}` : codeSpan(control.id);
  const owner = control.owner === undefined ? 'no owner' : codeSpan(control.owner);
  return `${id} (${escapeMarkdown(control.status ?? 'no status')}, ${owner})`;
}

function coveredBy(criterion: CriterionRow): string {
  const parts = criterion.controls.map(controlMarkdown);
  const { exclusion } = criterion;
  if (criterion.state === 'excluded' && exclusion) {
    const reason = exclusion.reason === undefined ? 'no reason given' : escapeMarkdown(exclusion.reason);
    const approver = exclusion.approver === undefined ? 'no approver' : `approved by ${codeSpan(exclusion.approver)}`;
    parts.unshift(`excluded: ${reason} (${approver})`);
  }
  return parts.length ? parts.join('<br>') : '—';
}

function criteriaTable(category: CategoryRows): string[] {
  return [
    row(['state', 'criterion', 'title', 'controls']),
    row(['---', '---', '---', '---']),
    ...category.criteria.map((criterion) =>
      row([`${STATE_MARKS[criterion.state]} ${criterion.state}`, escapeMarkdown(criterion.id), escapeMarkdown(criterion.title), coveredBy(criterion)]),
    ),
  ];
}

function categoryDetails(category: CategoryRows): string[] {
  const open = isComplete(category.totals) ? '' : ' open';
  return [
    `<details${open}>`,
    `<summary>${htmlText(`${categoryMark(category)} ${category.name}: ${totalsText(category.totals)}`)}</summary>`,
    '',
    ...criteriaTable(category),
    '',
    '</details>',
    '',
  ];
}

function frameworkMarkdown(framework: FrameworkRows, detail: Detail, required: boolean): string[] {
  const lines = [
    `### ${framework.name} coverage: ${totalsText(framework.totals)}${required ? '' : ' (not required by the gate)'}`,
    '',
    row(['category', 'covered', 'partial', 'uncovered', 'excluded', 'total']),
    row(['---', '---:', '---:', '---:', '---:', '---:']),
    ...framework.categories.map((category) =>
      row([
        `${categoryMark(category)} ${escapeMarkdown(category.name)}`,
        String(category.totals.covered),
        String(category.totals.partial),
        String(category.totals.uncovered),
        String(category.totals.excluded),
        String(category.totals.total),
      ]),
    ),
    '',
  ];
  // Categories with gaps first, then the complete ones, each in catalog order.
  const ordered = [...framework.categories.filter((c) => !isComplete(c.totals)), ...framework.categories.filter((c) => isComplete(c.totals))];
  const shown = detail === 'all' ? ordered : detail === 'gaps' ? ordered.filter((c) => !isComplete(c.totals)) : [];
  for (const category of shown) lines.push(...categoryDetails(category));
  const hidden = ordered.filter((category) => !shown.includes(category)).reduce((sum, category) => sum + category.totals.total, 0);
  if (hidden) {
    const what = detail === 'gaps' ? 'the criteria of complete categories' : 'the criteria matrix';
    lines.push(`_${criteriaCount(hidden)} left out (${what}) to keep this within the size limit: run \`trustlint coverage\` to see them._`, '');
  }
  return lines;
}

/** Whether the gate requires a framework's coverage (every framework when none are named). */
function isRequired(framework: FrameworkId, required: readonly FrameworkId[] | undefined): boolean {
  return required === undefined || required.includes(framework);
}

/** The coverage matrix: per framework a table of category totals, then the criteria by category. */
function matrixMarkdown(view: CoverageView, detail: Detail, required?: readonly FrameworkId[]): string[] {
  return view.frameworks.flatMap((framework) => frameworkMarkdown(framework, detail, isRequired(framework.framework, required)));
}

/** Criteria that are not covered (partial ones included), over every required framework. */
function openCriteria(view: CoverageView, required?: readonly FrameworkId[]): number {
  return view.frameworks
    .filter((framework) => isRequired(framework.framework, required))
    .reduce((sum, framework) => sum + framework.totals.uncovered + framework.totals.partial, 0);
}

/** `2 in-scope criteria uncovered`; `some` when the gate requires only some frameworks. */
function coverageWords(open: number, some = false): string {
  const scope = some ? 'of the required frameworks ' : '';
  return open ? `${open} in-scope ${open === 1 ? 'criterion' : 'criteria'} ${scope}uncovered` : `every in-scope criterion ${scope}covered`;
}

function problemsWords(report: Report): string {
  const { errors, warnings, infos } = report.summary;
  const total = errors + warnings + infos;
  if (total === 0) return 'no problems';
  const parts = [plural(errors, 'error'), plural(warnings, 'warning'), ...(infos ? [`${infos} info`] : [])];
  return `${plural(total, 'problem')} (${parts.join(', ')})`;
}

function byline(report: Report): string {
  return `**${escapeMarkdown(report.program)}** · judged on ${report.today}`;
}

function findingRow(finding: Finding): string {
  const rule = LINKABLE.test(finding.url) ? `[${escapeMarkdown(finding.ruleId)}](${finding.url})` : codeSpan(finding.ruleId);
  return row([SEVERITY_LABELS[finding.severity], codeSpan(`${finding.file}:${finding.line}:${finding.column}`), rule, messageMarkdown(finding.message)]);
}

function findingsMarkdown(report: Report, rows: readonly string[], shown: number): string[] {
  const lines = ['### Findings', ''];
  if (rows.length === 0) lines.push('No findings.', '');
  if (shown > 0) lines.push(row(['severity', 'location', 'rule', 'message']), row(['---', '---', '---', '---']), ...rows.slice(0, shown), '');
  const rest = rows.length - shown;
  if (rest > 0) {
    const count = shown > 0 ? `… and ${rest} more ${rest === 1 ? 'finding' : 'findings'}` : `${plural(rest, 'finding')} not shown`;
    lines.push(`${count}: run \`trustlint lint\` locally or see the job log.`, '');
  }
  const accepted = [
    ...(report.suppressed ? [`${report.suppressed} suppressed inline`] : []),
    ...(report.baselined ? [`${report.baselined} accepted by the baseline`] : []),
  ];
  if (accepted.length) lines.push(`Not shown: ${accepted.join(', ')}.`, '');
  return lines;
}

function heading(report: Report, view: CoverageView, failOn: Severity | 'never', required?: readonly FrameworkId[]): string {
  const open = openCriteria(view, required);
  const counted = report.findings.filter((finding) => {
    const framework = coverageFramework(finding);
    return framework === undefined || isRequired(framework, required);
  });
  const failed = open > 0 || failsAt(counted, failOn);
  const some = view.frameworks.some((framework) => !isRequired(framework.framework, required));
  return `## ${failed ? '❌' : '✅'} trustlint: ${problemsWords(report)} · ${coverageWords(open, some)}`;
}

function joinLines(lines: readonly string[]): string {
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The largest `count` in 0…`max` for which `fits(count)`, assuming fewer always fits better; -1 when none does. */
function largestFitting(max: number, fits: (count: number) => boolean): number {
  if (!fits(0)) return -1;
  let low = 0;
  let high = max;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Cuts trusted text to `length` without splitting a surrogate pair. */
function cut(text: string, length: number): string {
  if (text.length <= length) return text;
  const end = /[\ud800-\udbff]/.test(text.charAt(length - 1)) ? length - 1 : length;
  return text.slice(0, Math.max(0, end));
}

/** The report in Markdown, at most `maxLength` characters. */
export function markdownReport(report: Report, options: MarkdownOptions = {}): string {
  const maxLength = options.maxLength ?? MARKDOWN_MAX_LENGTH;
  const maxFindings = Math.max(0, Math.floor(options.maxFindings ?? MARKDOWN_MAX_FINDINGS));
  const view = coverageView(report.coverage);
  const head = [heading(report, view, options.failOn ?? 'error', options.frameworks), '', byline(report), ''];
  const rows = report.findings.map(findingRow);
  const compose = (detail: Detail, shown: number) => joinLines([...head, ...matrixMarkdown(view, detail, options.frameworks), ...findingsMarkdown(report, rows, shown)]);
  for (const detail of ['all', 'gaps', 'none'] as const) {
    const shown = largestFitting(Math.min(maxFindings, rows.length), (count) => compose(detail, count).length <= maxLength);
    if (shown >= 0) return compose(detail, shown);
  }
  // Not even the totals fit: the verdict alone, which holds no untrusted text.
  const [verdict = ''] = head;
  return cut(joinLines([verdict, '', 'The rest of this report was left out to keep it within the size limit: run `trustlint lint` locally or see the job log.']), maxLength);
}

/** The coverage matrix alone (`trustlint coverage --format markdown`), with a verdict on coverage. */
export function coverageMarkdown(report: Report): string {
  const view = coverageView(report.coverage);
  const open = openCriteria(view);
  return joinLines([`## ${open ? '❌' : '✅'} trustlint coverage: ${coverageWords(open)}`, '', byline(report), '', ...matrixMarkdown(view, 'all')]);
}

export const markdown: Formatter = (report) => markdownReport(report);
