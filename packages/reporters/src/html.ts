/**
 * The HTML report (`trustlint report`): one self-contained page for security
 * leads and auditors, laid out from the page model (report-model.ts).
 *
 *   header     the program, the commit, the date it was judged against, the
 *              frameworks and the totals (a coverage card per framework when
 *              there are several, since their criteria do not add up)
 *   coverage   per framework: totals per category, then the matrix of every
 *              in-scope criterion by category (gaps first) with its controls
 *   controls   owner, status, frequency, and evidence period by period over
 *              the observation window
 *   policies   owner, approver, version, status, last review and next due date
 *   findings   filterable by severity and by rule, each linked to its docs
 *
 * Safety: the page loads nothing. Its Content-Security-Policy forbids every
 * fetch (`default-src 'none'`) and allows only its own inline style and
 * script, by hash; the only URLs in it are the rule docs links, and only
 * when they are `https:`. Every string from the program (and every other
 * string that is not a literal here) goes through `escapeHtml`.
 *
 * Accessibility: semantic tables with captions and scoped header cells;
 * every state is written as a word and a symbol, colour only repeats it; the
 * colours meet WCAG AA contrast (4.5:1, checked by the tests from
 * `PALETTE`). The filters are progressive: without the script every finding
 * shows and the form stays hidden. In print the filters are gone, every
 * finding shows, and each section starts a page.
 */
import { createHash } from 'node:crypto';
import type { Severity } from '@trustlint/engine';
import type { CriterionState } from '@trustlint/model';
import { STATE_MARKS, totalsText, type CategoryRows, type ControlRow, type CoverageTotals, type CriterionRow, type FrameworkRows } from './coverage-view.js';
import { escapeHtml, safeHref } from './html-text.js';
import type { ControlEntry, EvidenceTimeline, FindingEntry, PeriodState, PolicyEntry, ReportPage, ReviewState, TimelinePeriod } from './report-model.js';
import { PERIOD_STATES, SEVERITIES } from './report-model.js';
import { plural } from './text.js';

/** A foreground and the background it is shown on. */
export interface ColorPair {
  fg: string;
  bg: string;
}

/** Every colour pair of the page; each meets 4.5:1. */
export const PALETTE = {
  page: { fg: '#1b1f24', bg: '#ffffff' },
  muted: { fg: '#57606a', bg: '#ffffff' },
  link: { fg: '#0a55c7', bg: '#ffffff' },
  head: { fg: '#1b1f24', bg: '#eef1f4' },
  gapRow: { fg: '#1b1f24', bg: '#fff6f6' },
  gapRowMuted: { fg: '#57606a', bg: '#fff6f6' },
  gapRowLink: { fg: '#0a55c7', bg: '#fff6f6' },
  covered: { fg: '#145a2b', bg: '#ddf4e4' },
  partial: { fg: '#6a4500', bg: '#fff1c7' },
  uncovered: { fg: '#a01616', bg: '#fde2e2' },
  excluded: { fg: '#3d4650', bg: '#e8ebef' },
  missing: { fg: '#a01616', bg: '#fde2e2' },
  notYetDue: { fg: '#1d4f91', bg: '#e3edfa' },
  notRequired: { fg: '#4b5563', bg: '#f1f3f5' },
  error: { fg: '#a01616', bg: '#fde2e2' },
  warning: { fg: '#6a4500', bg: '#fff1c7' },
  info: { fg: '#1d4f91', bg: '#e3edfa' },
} as const satisfies Record<string, ColorPair>;

/** A period's state as a symbol that also reads without colour, and its words. */
export const PERIOD_MARKS: Readonly<Record<PeriodState, string>> = { covered: '✔', missing: '✖', 'not-yet-due': '◷', 'not-required': '–' };
const PERIOD_WORDS: Readonly<Record<PeriodState, string>> = { covered: 'covered', missing: 'missing', 'not-yet-due': 'not yet due', 'not-required': 'not required' };
const PERIOD_MEANINGS: Readonly<Record<PeriodState, string>> = {
  covered: 'a record is dated in the period',
  missing: 'the period is over and has no record',
  'not-yet-due': 'the period is not over yet and has no record',
  'not-required': 'no record, and none is required (the control is not implemented, or the program is not Type 2)',
};
const PERIOD_CLASSES: Readonly<Record<PeriodState, keyof typeof PALETTE>> = { covered: 'covered', missing: 'missing', 'not-yet-due': 'notYetDue', 'not-required': 'notRequired' };

export const SEVERITY_MARKS: Readonly<Record<Severity, string>> = { error: '✖', warning: '⚠', info: 'ℹ' };
const REVIEW_MARKS: Readonly<Record<ReviewState, string>> = { overdue: '✖', current: '✔', unknown: '?' };
const UNIT_WORDS: Readonly<Record<string, readonly [string, string]>> = {
  day: ['day', 'days'],
  week: ['ISO week', 'ISO weeks'],
  month: ['month', 'months'],
  quarter: ['quarter', 'quarters'],
  half: ['half-year', 'half-years'],
  year: ['calendar year', 'calendar years'],
};

function pairCss(selector: string, pair: ColorPair): string {
  return `${selector}{color:${pair.fg};background:${pair.bg}}`;
}

const P = PALETTE;

/** The page's only style sheet (its CSP allows it by hash). */
export const HTML_STYLE = [
  `:root{color-scheme:light;--line:#c9d1d9}`,
  `*{box-sizing:border-box}`,
  `html{-webkit-text-size-adjust:100%}`,
  `body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans","Helvetica Neue",Arial,sans-serif;color:${P.page.fg};background:${P.page.bg}}`,
  `.page{max-width:1240px;margin:0 auto;padding:24px 28px 48px}`,
  `a{color:${P.link.fg}}`,
  `a:focus-visible,input:focus-visible,select:focus-visible,button:focus-visible,.scroll:focus-visible{outline:3px solid ${P.link.fg};outline-offset:2px}`,
  `.skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;background:${P.page.bg};padding:4px 8px}`,
  `h1{font-size:1.9rem;line-height:1.2;margin:.1rem 0 .8rem;overflow-wrap:anywhere}`,
  `h2{font-size:1.45rem;margin:2.2rem 0 .6rem;padding-bottom:.3rem;border-bottom:2px solid var(--line)}`,
  `h3{font-size:1.15rem;margin:1.4rem 0 .4rem}`,
  `.eyebrow{margin:0;font-size:.85rem;letter-spacing:.06em;text-transform:uppercase;color:${P.muted.fg}}`,
  `.muted,.file{color:${P.muted.fg}}`,
  `.file{font-size:.82rem;overflow-wrap:anywhere}`,
  `code{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.88em;overflow-wrap:break-word}`,
  `.findings td:nth-child(3) code{overflow-wrap:anywhere}`,
  `.facts{display:flex;flex-wrap:wrap;gap:.4rem 2rem;margin:0 0 1rem}.facts div{min-width:0}`,
  `.facts dt{font-size:.8rem;color:${P.muted.fg}}.facts dd{margin:0;font-weight:600;overflow-wrap:anywhere}`,
  `.cards{display:flex;flex-wrap:wrap;gap:.75rem;list-style:none;padding:0;margin:0 0 1rem}`,
  `.cards li{border:1px solid var(--line);border-radius:8px;padding:.55rem .9rem;flex:1 1 13rem;max-width:22rem}`,
  `.cards strong{display:block;font-size:1.05rem}`,
  `nav ul{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;list-style:none;padding:0;margin:0}`,
  `.scroll{overflow-x:auto;max-width:100%}`,
  `table{border-collapse:collapse;width:100%;margin:.4rem 0 1.2rem;font-size:.92rem}`,
  `caption{text-align:left;font-weight:600;padding:.3rem 0;caption-side:top}`,
  `th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top;overflow-wrap:break-word}`,
  `thead th{white-space:nowrap}.nowrap{white-space:nowrap}`,
  `.controls th[scope=row],.policies th[scope=row]{min-width:10rem}`,
  `.totals{width:auto;min-width:min(100%,44rem)}`,
  `.findings td:nth-child(2){white-space:nowrap}.findings td:nth-child(3){min-width:14rem}`,
  `thead th{color:${P.head.fg};background:${P.head.bg}}`,
  `td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}`,
  `.matrix th[scope=rowgroup]{color:${P.head.fg};background:${P.head.bg};font-size:1rem}`,
  `.matrix tr.gap>*{background:${P.gapRow.bg}}.matrix tr.gap>th[scope=row]{border-left:4px solid ${P.uncovered.fg}}`,
  `.matrix tr.gap .file,.matrix tr.gap .muted{color:${P.gapRowMuted.fg}}`,
  `.matrix td:first-child{white-space:nowrap;width:9.5rem}.matrix th[scope=row]{white-space:nowrap;width:5.5rem}`,
  `.badge{display:inline-block;border-radius:4px;padding:0 .4rem;font-weight:600;white-space:nowrap}`,
  ...(['covered', 'partial', 'uncovered', 'excluded', 'error', 'warning', 'info'] as const).map((name) => pairCss(`.s-${name}`, P[name])),
  ...(Object.keys(PERIOD_CLASSES) as PeriodState[]).map((state) => pairCss(`.p-${state}`, P[PERIOD_CLASSES[state]])),
  `ul.plain{list-style:none;margin:0;padding:0}ul.plain li+li{margin-top:.2rem}`,
  `.timeline{display:flex;flex-wrap:wrap;gap:.25rem;list-style:none;margin:.25rem 0 0;padding:0}`,
  `.timeline li{border-radius:4px;padding:0 .35rem;font-size:.8rem;white-space:nowrap;border:1px solid rgba(0,0,0,.12)}`,
  `.legend{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;list-style:none;padding:0;margin:.4rem 0}`,
  `.legend .badge{font-size:.8rem}`,
  `.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}`,
  `.filters{display:flex;flex-wrap:wrap;align-items:flex-end;gap:.6rem 1.6rem;border:1px solid var(--line);border-radius:8px;padding:.6rem .9rem;margin:.6rem 0}`,
  `.filters fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem 1rem}`,
  `.filters legend{font-weight:600;padding:0;margin-bottom:.2rem;float:left;width:100%}`,
  `.filters label{white-space:nowrap}`,
  `.filters select,.filters button{font:inherit;padding:.15rem .4rem}`,
  `.filters .rule label{display:block;font-weight:600}`,
  `#findings-count{margin:.3rem 0}`,
  `footer{margin-top:3rem;border-top:1px solid var(--line);padding-top:.8rem;font-size:.85rem;color:${P.muted.fg}}`,
  `@media (max-width:700px){.page{padding:14px}body{font-size:14px}}`,
  `@media print{` +
    `@page{margin:12mm}` +
    `body{font-size:9.5pt}` +
    `.page{max-width:none;padding:0}` +
    `nav,.skip,.filters,#findings-count{display:none!important}` +
    `tr.finding[hidden]{display:table-row!important}` +
    `main>section{break-before:page}` +
    `.scroll{overflow:visible}` +
    `thead{display:table-header-group}` +
    `tr,.timeline li,.cards li{break-inside:avoid}` +
    `h2,h3,caption{break-after:avoid}` +
    `a{color:inherit}` +
    `*{-webkit-print-color-adjust:exact;print-color-adjust:exact}` +
    `}`,
].join('\n');

/** The page's only script: the findings filters (its CSP allows it by hash). It reads the DOM only. */
export const HTML_SCRIPT = `(function () {
  'use strict';
  var form = document.getElementById('filters');
  var table = document.getElementById('findings-table');
  var count = document.getElementById('findings-count');
  if (!form || !table || !count) return;
  var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr.finding'));
  var select = form.querySelector('select[name="rule"]');
  function apply() {
    var severities = {};
    Array.prototype.forEach.call(form.querySelectorAll('input[name="severity"]'), function (box) {
      severities[box.value] = box.checked;
    });
    var rule = select ? select.value : '';
    var shown = 0;
    rows.forEach(function (row) {
      var visible = severities[row.getAttribute('data-severity')] !== false && (rule === '' || row.getAttribute('data-rule') === rule);
      row.hidden = !visible;
      if (visible) shown++;
    });
    count.textContent = 'Showing ' + shown + ' of ' + rows.length + (rows.length === 1 ? ' finding.' : ' findings.');
  }
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  form.addEventListener('reset', function () { setTimeout(apply, 0); });
  form.hidden = false;
  count.hidden = false;
  apply();
})();`;

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Nothing may be fetched; only the inline style and script above may apply. */
export const HTML_CSP = [
  "default-src 'none'",
  `style-src ${sha256(HTML_STYLE)}`,
  `script-src ${sha256(HTML_SCRIPT)}`,
  "img-src 'none'",
  "font-src 'none'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// ---------------------------------------------------------------------------

const esc = escapeHtml;

/** A value from a file, or a muted note that it is not there. */
function value(text: string | undefined, missing = 'not set'): string {
  return text === undefined || text === '' ? `<span class="muted">${esc(missing)}</span>` : esc(text);
}

/** A state as a symbol and a word; the class (`s-…`, `p-…`) only colours it. */
function badge(className: string, mark: string, words: string): string {
  return `<span class="badge ${className}"><span aria-hidden="true">${mark}</span> ${esc(words)}</span>`;
}

function stateBadge(state: CriterionState): string {
  return badge(`s-${state}`, STATE_MARKS[state], state);
}

function severityBadge(severity: Severity): string {
  return badge(`s-${severity}`, SEVERITY_MARKS[severity], severity);
}

/** A trustlint message: its backticked values as code, the rest as text. */
function messageHtml(message: string): string {
  return message
    .split('`')
    .map((segment, index) => (index % 2 === 1 ? `<code>${esc(segment)}</code>` : esc(segment)))
    .join('');
}

function table(options: { id?: string; className?: string; caption: string; head: readonly string[]; body: string; foot?: string; numeric?: readonly number[] }): string {
  const numeric = new Set(options.numeric ?? []);
  const head = options.head.map((cell, index) => `<th scope="col"${numeric.has(index) ? ' class="num"' : ''}>${esc(cell)}</th>`).join('');
  const id = options.id === undefined ? '' : ` id="${esc(options.id)}"`;
  const className = options.className === undefined ? '' : ` class="${esc(options.className)}"`;
  return [
    `<div class="scroll" role="region" aria-label="${esc(options.caption)}" tabindex="0">`,
    `<table${id}${className}>`,
    `<caption>${esc(options.caption)}</caption>`,
    `<thead><tr>${head}</tr></thead>`,
    options.body,
    options.foot ?? '',
    '</table>',
    '</div>',
  ].join('\n');
}

// --- header ----------------------------------------------------------------

function totalsWords(totals: CoverageTotals): string {
  return `${totals.covered}/${totals.total - totals.excluded} criteria covered`;
}

function evidenceTotals(page: ReportPage): { missing: number; controls: number } {
  const gaps = page.controls.filter((control) => control.evidence.totals.missing > 0);
  return { missing: gaps.reduce((sum, control) => sum + control.evidence.totals.missing, 0), controls: gaps.length };
}

/** `Security 33/33 · Availability 3/3`, with the gaps: what a coverage card says under its total. */
function coverageDetail(frameworks: readonly FrameworkRows[], totals: CoverageTotals): string {
  const categories = frameworks.flatMap((framework) => framework.categories);
  const parts = categories.map((category) => `${category.name} ${category.totals.covered}/${category.totals.total - category.totals.excluded}`);
  const { partial, uncovered, excluded } = totals;
  const gaps = [...(uncovered ? [`${uncovered} uncovered`] : []), ...(partial ? [`${partial} partial`] : []), ...(excluded ? [`${excluded} excluded`] : [])];
  return [parts.join(' · '), gaps.join(', ')].filter((part) => part !== '').join('; ');
}

/** A coverage card: over every framework when there is one, else one card per framework. */
function coverageCards(page: ReportPage): string[][] {
  const card = (frameworks: readonly FrameworkRows[], totals: CoverageTotals, name: string | undefined): string[] => [
    totals.partial + totals.uncovered === 0 ? badge('s-covered', STATE_MARKS.covered, 'complete') : badge('s-uncovered', STATE_MARKS.uncovered, 'gaps'),
    `<strong>${esc(`${name === undefined ? '' : `${name}: `}${totalsWords(totals)}`)}</strong>`,
    esc(coverageDetail(frameworks, totals)),
  ];
  const { frameworks } = page.coverage;
  if (frameworks.length <= 1) return [card(frameworks, page.coverageTotals, undefined)];
  return frameworks.map((framework) => card([framework], framework.totals, framework.name));
}

/** The most serious severity that has findings. */
function worst(page: ReportPage): Severity {
  return SEVERITIES.find((severity) => page.severities[severity] > 0) ?? 'info';
}

/** The navigation's link to the coverage: one per framework when there are several. */
function coverageLinks(page: ReportPage): string {
  const { frameworks } = page.coverage;
  if (frameworks.length <= 1) return '<li><a href="#coverage">Coverage</a></li>';
  return frameworks.map((framework) => `<li><a href="#${esc(`framework-${framework.framework}`)}">${esc(`${framework.name} coverage`)}</a></li>`).join('');
}

function headerHtml(page: ReportPage): string {
  const facts: [string, string][] = [
    ['Judged on', `<time datetime="${esc(page.today)}">${esc(page.today)}</time>`],
    ['Commit', page.commit === undefined ? '<span class="muted">not in a git repository</span>' : `<code>${esc(page.commit)}</code>`],
  ];
  if (page.coverage.frameworks.length) facts.push(['Frameworks', esc(page.coverage.frameworks.map((framework) => framework.name).join(' and '))]);
  if (page.soc2Type !== undefined) facts.push(['Examination', `SOC 2 Type ${page.soc2Type}`]);
  facts.push([
    'Observation period',
    page.observationPeriod === undefined ? '<span class="muted">none set</span>' : `${esc(page.observationPeriod.start)} to ${esc(page.observationPeriod.end)}`,
  ]);
  const { missing, controls } = evidenceTotals(page);
  const overdue = page.policies.filter((policy) => policy.review === 'overdue').length;
  const findings = page.findings.length;
  const cards = [
    ...coverageCards(page),
    [
      findings === 0 ? badge('s-covered', '✔', 'clean') : badge(`s-${worst(page)}`, SEVERITY_MARKS[worst(page)], worst(page)),
      `<strong>${esc(plural(findings, 'finding'))}</strong>`,
      esc(`${plural(page.severities.error, 'error')}, ${plural(page.severities.warning, 'warning')}, ${page.severities.info} info`),
    ],
    page.observationPeriod === undefined
      ? [badge('p-not-required', PERIOD_MARKS['not-required'], 'not judged'), '<strong>Evidence not judged</strong>', 'no observation period']
      : [
          missing === 0 ? badge('p-covered', PERIOD_MARKS.covered, 'evidenced') : badge('p-missing', PERIOD_MARKS.missing, 'missing'),
          `<strong>${esc(`${plural(missing, 'period')} without evidence`)}</strong>`,
          esc(missing === 0 ? plural(page.controls.length, 'control') : `in ${plural(controls, 'control')} of ${page.controls.length}`),
        ],
    [
      overdue === 0 ? badge('s-covered', REVIEW_MARKS.current, 'reviewed') : badge('s-uncovered', REVIEW_MARKS.overdue, 'overdue'),
      `<strong>${esc(`${plural(overdue, 'review')} overdue`)}</strong>`,
      esc(page.policies.length === 1 ? '1 policy' : `${page.policies.length} policies`),
    ],
  ];
  return [
    '<header>',
    '<p class="eyebrow">trustlint report</p>',
    `<h1>${esc(page.program)}</h1>`,
    `<dl class="facts">${facts.map(([term, detail]) => `<div><dt>${esc(term)}</dt><dd>${detail}</dd></div>`).join('')}</dl>`,
    `<ul class="cards" aria-label="Summary">${cards.map((card) => `<li>${card.join(' ')}</li>`).join('')}</ul>`,
    '<nav aria-label="Sections"><ul>',
    `${coverageLinks(page)}<li><a href="#controls">Controls and evidence</a></li><li><a href="#policies">Policies</a></li><li><a href="#findings">Findings</a></li>`,
    '</ul></nav>',
    '</header>',
  ].join('\n');
}

// --- coverage --------------------------------------------------------------

const STATE_MEANINGS: Readonly<Record<CriterionState, string>> = {
  covered: 'an implemented control covers it',
  partial: 'only a partially implemented control (not covered)',
  uncovered: 'no implemented control',
  excluded: 'taken out of scope by an exclusion',
};

/** Links a control of the matrix to its row in the controls table. */
type ControlAnchors = (control: ControlRow) => string | undefined;

function controlItem(control: ControlRow, anchor: ControlAnchors): string {
  const id = control.id === undefined ? `<span class="muted">no id</span> <span class="file">${esc(control.file)}</span>` : esc(control.id);
  const target = anchor(control);
  const name = target === undefined ? `<strong>${id}</strong>` : `<a href="#${esc(target)}"><strong>${id}</strong></a>`;
  const title = control.title === undefined ? '' : ` ${esc(control.title)}`;
  return `<li>${name}${title} <span class="muted">(${esc(control.status ?? 'no status')}, owner ${esc(control.owner ?? 'not set')})</span></li>`;
}

function coveredByHtml(criterion: CriterionRow, anchor: ControlAnchors): string {
  const items = criterion.controls.map((control) => controlItem(control, anchor));
  const { exclusion } = criterion;
  if (criterion.state === 'excluded' && exclusion) {
    items.unshift(
      `<li><strong>Excluded:</strong> ${value(exclusion.reason, 'no reason given')} <span class="muted">(${exclusion.approver === undefined ? 'no approver' : `approved by ${esc(exclusion.approver)}`})</span></li>`,
    );
  }
  return items.length ? `<ul class="plain">${items.join('')}</ul>` : '<span class="muted">no control</span>';
}

function criterionRowHtml(framework: string, criterion: CriterionRow, anchor: ControlAnchors): string {
  const gap = criterion.state === 'uncovered' || criterion.state === 'partial';
  return (
    `<tr class="criterion${gap ? ' gap' : ''}" id="${esc(`criterion-${framework}-${criterion.id}`)}" data-state="${esc(criterion.state)}">` +
    `<td>${stateBadge(criterion.state)}</td>` +
    `<th scope="row">${esc(criterion.id)}</th>` +
    `<td>${esc(criterion.title)}</td>` +
    `<td>${coveredByHtml(criterion, anchor)}</td>` +
    '</tr>'
  );
}

function categoryBody(framework: string, category: CategoryRows, anchor: ControlAnchors): string {
  return [
    `<tbody class="category" data-category="${esc(category.id)}">`,
    `<tr><th scope="rowgroup" colspan="4">${esc(category.name)} <span class="muted">· ${esc(totalsText(category.totals))}</span></th></tr>`,
    ...category.criteria.map((criterion) => criterionRowHtml(framework, criterion, anchor)),
    '</tbody>',
  ].join('\n');
}

function totalsRow(header: string, totals: CoverageTotals): string {
  const cells = [totals.covered, totals.partial, totals.uncovered, totals.excluded, totals.total].map((n) => `<td class="num">${n}</td>`).join('');
  return `<tr><th scope="row">${esc(header)}</th>${cells}</tr>`;
}

function frameworkHtml(framework: FrameworkRows, anchor: ControlAnchors): string {
  const key = framework.framework;
  const totalsHead = ['Category', `${STATE_MARKS.covered} Covered`, `${STATE_MARKS.partial} Partial`, `${STATE_MARKS.uncovered} Uncovered`, `${STATE_MARKS.excluded} Excluded`, 'Total'];
  return [
    `<h3 id="${esc(`framework-${key}`)}">${esc(framework.name)}: ${esc(totalsText(framework.totals))}</h3>`,
    `<p class="muted">${esc(framework.catalog)}</p>`,
    table({
      id: `totals-${key}`,
      className: 'totals',
      caption: `${framework.name}: in-scope criteria per category and state`,
      head: totalsHead,
      numeric: [1, 2, 3, 4, 5],
      body: `<tbody>${framework.categories.map((category) => totalsRow(category.name, category.totals)).join('')}</tbody>`,
      foot: `<tfoot>${totalsRow('All categories', framework.totals)}</tfoot>`,
    }),
    table({
      id: `matrix-${key}`,
      className: 'matrix',
      caption: `${framework.name} coverage matrix: every in-scope criterion by category, those that need work first`,
      head: ['State', 'Criterion', 'Description', 'Controls'],
      body: framework.categories.map((category) => categoryBody(key, category, anchor)).join('\n'),
    }),
  ].join('\n');
}

function coverageHtml(page: ReportPage, anchor: ControlAnchors): string {
  const legend = (['uncovered', 'partial', 'excluded', 'covered'] as const)
    .map((state) => `<li>${stateBadge(state)} ${esc(STATE_MEANINGS[state])}</li>`)
    .join('');
  const frameworks = page.coverage.frameworks.length
    ? page.coverage.frameworks.map((framework) => frameworkHtml(framework, anchor)).join('\n')
    : '<p>No framework is in scope.</p>';
  return [
    '<section id="coverage" aria-labelledby="coverage-title">',
    '<h2 id="coverage-title">Coverage</h2>',
    `<ul class="legend" aria-label="Criterion states">${legend}</ul>`,
    frameworks,
    '</section>',
  ].join('\n');
}

// --- controls --------------------------------------------------------------

function unitWords(unit: string, count: number): string {
  const [one, many] = UNIT_WORDS[unit] ?? [unit, unit];
  return `${count} ${count === 1 ? one : many}`;
}

function evidenceSummary(evidence: EvidenceTimeline, page: ReportPage): string {
  if (evidence.unit === undefined) return 'No frequency, so no evidence periods.';
  if (page.observationPeriod === undefined) return 'No observation period to judge evidence against.';
  const { totals, periods } = evidence;
  if (evidence.unit === 'none') {
    return evidence.totals.covered ? `On event: ${plural(periods[0]?.records ?? 0, 'record')} in the observation period.` : 'On event: no record in the observation period; not checked per period.';
  }
  const parts = [`${totals.covered} of ${unitWords(evidence.unit, periods.length)} covered`];
  if (totals.missing) parts.push(`${totals.missing} missing`);
  if (totals['not-yet-due']) parts.push(`${totals['not-yet-due']} not yet due`);
  if (totals['not-required']) parts.push(`${totals['not-required']} not required`);
  return `${parts.join(', ')}.`;
}

function periodItem(period: TimelinePeriod): string {
  const dates = period.start === period.end ? period.start : `${period.start} to ${period.end}`;
  const records = period.records ? `, ${plural(period.records, 'record')}` : '';
  return (
    `<li class="p-${period.state}" title="${esc(`${period.label} (${dates}): ${PERIOD_WORDS[period.state]}${records}`)}">` +
    `<span aria-hidden="true">${PERIOD_MARKS[period.state]}</span> ${esc(period.label)}<span class="vh">: ${esc(PERIOD_WORDS[period.state])}</span></li>`
  );
}

function controlRowHtml(control: ControlEntry, index: number, page: ReportPage): string {
  const { evidence } = control;
  const name = control.id ?? 'control without an id';
  const timeline = evidence.periods.length
    ? `<ol class="timeline" aria-label="${esc(`Evidence of ${name}, period by period`)}">${evidence.periods.map(periodItem).join('')}</ol>`
    : '';
  const state = evidence.totals.missing ? 'missing' : evidence.periods.length ? 'complete' : 'none';
  return (
    `<tr class="control" id="control-${index}" data-evidence="${state}">` +
    `<th scope="row">${value(control.id, 'no id')}<div class="file">${esc(`${control.file}:${control.line}`)}</div></th>` +
    `<td>${value(control.title, 'no title')}</td>` +
    `<td>${value(control.owner)}</td>` +
    `<td class="nowrap">${value(control.status)}</td>` +
    `<td class="nowrap">${value(control.frequency)}</td>` +
    `<td>${evidence.totals.missing ? `${badge('p-missing', PERIOD_MARKS.missing, 'gaps')} ` : ''}${esc(evidenceSummary(evidence, page))}${timeline}</td>` +
    `<td class="nowrap">${value(evidence.lastRecord, 'none')}</td>` +
    '</tr>'
  );
}

function controlsHtml(page: ReportPage): string {
  const window = page.observationPeriod;
  const intro =
    window === undefined
      ? 'The config sets no observation period (<code>observation_period</code>), so evidence is not judged period by period; the last record of each control is shown.'
      : `Evidence over the observation period ${esc(window.start)} to ${esc(window.end)}: each control needs a record dated in every period of its frequency once the period is over` +
        (page.soc2Type === 2 ? ' (SOC 2 Type 2; implemented controls only).' : '. The program is not SOC 2 Type 2, so no evidence is required; the periods show what is recorded.') +
        ' Controls with missing periods come first.';
  const legend = PERIOD_STATES.map((state) => `<li>${badge(`p-${state}`, PERIOD_MARKS[state], PERIOD_WORDS[state])} ${esc(PERIOD_MEANINGS[state])}</li>`).join('');
  const body = page.controls.length
    ? table({
        id: 'controls-table',
        className: 'controls',
        caption: 'Controls: owner, status, frequency, and evidence per period of the observation period',
        head: ['Control', 'Title', 'Owner', 'Status', 'Frequency', 'Evidence', 'Last record'],
        body: `<tbody>${page.controls.map((control, index) => controlRowHtml(control, index, page)).join('\n')}</tbody>`,
      })
    : '<p>No controls.</p>';
  return [
    '<section id="controls" aria-labelledby="controls-title">',
    '<h2 id="controls-title">Controls and evidence</h2>',
    `<p>${intro}</p>`,
    `<ul class="legend" aria-label="Evidence period states">${legend}</ul>`,
    body,
    '</section>',
  ].join('\n');
}

// --- policies --------------------------------------------------------------

function reviewHtml(policy: PolicyEntry): string {
  if (policy.nextReview === undefined) return '<span class="muted">unknown (no valid last review)</span>';
  const due = `<time class="nowrap" datetime="${esc(policy.nextReview)}">${esc(policy.nextReview)}</time>`;
  return policy.review === 'overdue' ? `${badge('s-uncovered', REVIEW_MARKS.overdue, 'overdue')} ${due}` : due;
}

function policyRowHtml(policy: PolicyEntry): string {
  return (
    `<tr class="policy" data-review="${esc(policy.review)}">` +
    `<th scope="row">${value(policy.id, 'no id')}<div class="file">${esc(policy.file)}</div></th>` +
    `<td>${value(policy.title, 'no title')}</td>` +
    `<td>${value(policy.owner)}</td>` +
    `<td>${value(policy.approver)}</td>` +
    `<td>${value(policy.version)}</td>` +
    `<td class="nowrap">${value(policy.status)}</td>` +
    `<td class="nowrap">${value(policy.lastReviewed)}</td>` +
    `<td class="num nowrap">${esc(plural(policy.reviewCycle, 'month'))}</td>` +
    `<td>${reviewHtml(policy)}</td>` +
    '</tr>'
  );
}

function policiesHtml(page: ReportPage): string {
  const body = page.policies.length
    ? table({
        id: 'policies-table',
        className: 'policies',
        caption: 'Policies: ownership, version and reviews (next review due = last review + review cycle; overdue first)',
        head: ['Policy', 'Title', 'Owner', 'Approver', 'Version', 'Status', 'Last review', 'Review cycle', 'Next review due'],
        numeric: [7],
        body: `<tbody>${page.policies.map(policyRowHtml).join('\n')}</tbody>`,
      })
    : '<p>No policies.</p>';
  return ['<section id="policies" aria-labelledby="policies-title">', '<h2 id="policies-title">Policies</h2>', body, '</section>'].join('\n');
}

// --- findings --------------------------------------------------------------

function ruleLink(finding: Pick<FindingEntry, 'rule' | 'url'>): string {
  const href = safeHref(finding.url);
  return href === undefined ? `<code>${esc(finding.rule)}</code>` : `<a href="${href}" rel="noopener noreferrer"><code>${esc(finding.rule)}</code></a>`;
}

function findingRowHtml(finding: FindingEntry): string {
  return (
    `<tr class="finding" data-severity="${esc(finding.severity)}" data-rule="${esc(finding.rule)}">` +
    `<td>${severityBadge(finding.severity)}</td>` +
    `<td>${ruleLink(finding)}</td>` +
    `<td><code>${esc(finding.location)}</code></td>` +
    `<td>${messageHtml(finding.message)}</td>` +
    '</tr>'
  );
}

function filtersHtml(page: ReportPage): string {
  const boxes = SEVERITIES.map(
    (severity) =>
      `<label><input type="checkbox" name="severity" value="${esc(severity)}" checked> <span aria-hidden="true">${SEVERITY_MARKS[severity]}</span> ${esc(severity)} (${page.severities[severity]})</label>`,
  ).join('\n');
  const options = [
    `<option value="">All rules (${page.findings.length})</option>`,
    ...page.rules.map((rule) => `<option value="${esc(rule.id)}">${esc(rule.id)} (${rule.count})</option>`),
  ].join('');
  return [
    '<form class="filters" id="filters" aria-label="Filter findings" hidden>',
    `<fieldset><legend>Severity</legend>${boxes}</fieldset>`,
    `<div class="rule"><label for="rule-filter">Rule</label><select id="rule-filter" name="rule">${options}</select></div>`,
    '<div><button type="reset">Show all</button></div>',
    '</form>',
    `<p id="findings-count" role="status" aria-live="polite" hidden>Showing ${page.findings.length} of ${plural(page.findings.length, 'finding')}.</p>`,
  ].join('\n');
}

function findingsHtml(page: ReportPage): string {
  const accepted = [
    ...(page.suppressed ? [`${page.suppressed} suppressed inline`] : []),
    ...(page.baselined ? [`${page.baselined} accepted by the baseline`] : []),
  ];
  const body = page.findings.length
    ? [
        filtersHtml(page),
        table({
          id: 'findings-table',
          className: 'findings',
          caption: 'Findings, by file and position, each linked to its rule’s docs',
          head: ['Severity', 'Rule', 'Location', 'Message'],
          body: `<tbody>${page.findings.map(findingRowHtml).join('\n')}</tbody>`,
        }),
      ].join('\n')
    : '<p>No findings.</p>';
  return [
    '<section id="findings" aria-labelledby="findings-title">',
    `<h2 id="findings-title">Findings</h2>`,
    body,
    accepted.length ? `<p class="muted">Not shown: ${esc(accepted.join(', '))}.</p>` : '',
    '</section>',
  ].join('\n');
}

// ---------------------------------------------------------------------------

/** Finds, for a control of the coverage matrix, the row of the same control in the controls table. */
function controlAnchors(page: ReportPage): ControlAnchors {
  const byKey = new Map<string, number>();
  page.controls.forEach((control, index) => {
    const key = `${control.file}\u0000${control.id ?? ''}`;
    if (!byKey.has(key)) byKey.set(key, index);
  });
  return (control) => {
    const index = byKey.get(`${control.file}\u0000${control.id ?? ''}`);
    return index === undefined ? undefined : `control-${index}`;
  };
}

/** How the head of every page `htmlReport` writes names its generator (the version may follow). */
const GENERATOR_META = /<meta name="generator" content="trustlint[ "]/;

/**
 * Whether the start of an HTML file (its first few kilobytes; the generator
 * meta is in the first few hundred bytes) shows a report that trustlint
 * wrote, which `trustlint report` may replace without `--force`.
 */
export function isHtmlReport(head: string): boolean {
  const end = head.search(/<\/head>|<body[\s>]/i);
  return GENERATOR_META.test(end < 0 ? head : head.slice(0, end));
}

/** The whole report as one self-contained HTML document. */
export function htmlReport(page: ReportPage): string {
  const anchor = controlAnchors(page);
  const generator = page.toolVersion === undefined ? 'trustlint' : `trustlint ${page.toolVersion}`;
  return `${[
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(HTML_CSP)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<meta name="generator" content="${esc(generator)}">`,
    `<title>${esc(`${page.program}: trustlint report, ${page.today}`)}</title>`,
    `<style>${HTML_STYLE}</style>`,
    '</head>',
    '<body>',
    '<a class="skip" href="#main">Skip to the report</a>',
    '<div class="page">',
    headerHtml(page),
    '<main id="main">',
    coverageHtml(page, anchor),
    controlsHtml(page),
    policiesHtml(page),
    findingsHtml(page),
    '</main>',
    '<footer>',
    `<p>Generated by ${esc(generator)} from the program's files, judged against ${esc(page.today)}${page.commit === undefined ? '' : ` at commit <code>${esc(page.commit)}</code>`}. ` +
      'SOC 2 yields an attestation report by a CPA firm; this page checks that the program is consistent, owned and complete, and certifies nothing.</p>',
    '</footer>',
    '</div>',
    `<script>${HTML_SCRIPT}</script>`,
    '</body>',
    '</html>',
  ].join('\n')}\n`;
}
