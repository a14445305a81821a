/**
 * The coverage matrix as plain rows, for every display of it (the terminal
 * table of `trustlint coverage`, its JSON, the Markdown of a PR comment or a
 * job summary, an HTML report): per framework, per in-scope category with
 * its totals, per criterion with its state and the controls that list it.
 *
 * It holds data only, no output syntax: strings here are as written in the
 * files (control ids, titles, owners and paths are untrusted), and each
 * display escapes them for its own syntax.
 *
 * Within a category the criteria that need work come first (uncovered and
 * partial), then the excluded, then the covered, each group in catalog
 * order; categories stay in catalog order. The four states are disjoint:
 * `total = covered + partial + uncovered + excluded`. A partial criterion is
 * not covered (the gate counts it as uncovered).
 */
import { safeJson, type Control, type ControlStatus, type Coverage, type CriterionCoverage, type CriterionState, type FrameworkId } from '@trustlint/model';
import type { Report } from './report.js';

/** How reports name each framework. */
export const FRAMEWORK_NAMES: Readonly<Record<FrameworkId, string>> = { soc2: 'SOC 2', iso27001: 'ISO/IEC 27001' };

/** A criterion's state as a mark that also reads without colour, and its word. */
export const STATE_MARKS: Readonly<Record<CriterionState, string>> = { covered: '✔', partial: '◐', uncovered: '✖', excluded: '–' };

export interface CoverageTotals {
  covered: number;
  partial: number;
  uncovered: number;
  excluded: number;
  /** Every in-scope criterion: the sum of the four states. */
  total: number;
}

/** A control that lists a criterion, as its file says. */
export interface ControlRow {
  id: string | undefined;
  title: string | undefined;
  status: ControlStatus | undefined;
  owner: string | undefined;
  /** Repository-relative path of the file that holds it. */
  file: string;
}

export interface CriterionRow {
  id: string;
  /** The catalog's short title. */
  title: string;
  state: CriterionState;
  /** Every control that lists it: the implemented ones first, then the others, each in program order. */
  controls: ControlRow[];
  /** The exclusion that takes it out of the gate, when there is one. */
  exclusion?: { reason: string | undefined; approver: string | undefined };
}

export interface CategoryRows {
  id: string;
  name: string;
  totals: CoverageTotals;
  criteria: CriterionRow[];
}

export interface FrameworkRows {
  framework: FrameworkId;
  /** `SOC 2`, `ISO/IEC 27001`. */
  name: string;
  /** The catalog the criteria come from, with its version. */
  catalog: string;
  totals: CoverageTotals;
  categories: CategoryRows[];
}

export interface CoverageView {
  frameworks: FrameworkRows[];
}

const STATE_ORDER: Readonly<Record<CriterionState, number>> = { uncovered: 0, partial: 0, excluded: 1, covered: 2 };

export function emptyTotals(): CoverageTotals {
  return { covered: 0, partial: 0, uncovered: 0, excluded: 0, total: 0 };
}

function addTotals(sum: CoverageTotals, add: CoverageTotals): CoverageTotals {
  return {
    covered: sum.covered + add.covered,
    partial: sum.partial + add.partial,
    uncovered: sum.uncovered + add.uncovered,
    excluded: sum.excluded + add.excluded,
    total: sum.total + add.total,
  };
}

function controlRow(control: Control): ControlRow {
  return { id: control.id, title: control.title, status: control.status, owner: control.owner, file: control.file.path };
}

function criterionRow(entry: CriterionCoverage): CriterionRow {
  const { exclusion } = entry;
  return {
    id: entry.criterion.id,
    title: entry.criterion.title,
    state: entry.state,
    controls: [...entry.controls, ...entry.otherControls].map(controlRow),
    ...(exclusion ? { exclusion: { reason: exclusion.reason, approver: exclusion.approver } } : {}),
  };
}

/** The rows of every coverage display. */
export function coverageView(coverage: Coverage): CoverageView {
  return {
    frameworks: coverage.frameworks.map((entry) => {
      const categories = entry.categories.map(({ category }): CategoryRows => {
        const criteria = entry.criteria
          .filter((criterion) => criterion.criterion.category === category.id)
          .map(criterionRow)
          .map((row, index) => ({ row, index }))
          .sort((a, b) => STATE_ORDER[a.row.state] - STATE_ORDER[b.row.state] || a.index - b.index)
          .map(({ row }) => row);
        const totals = emptyTotals();
        for (const row of criteria) {
          totals[row.state]++;
          totals.total++;
        }
        return { id: category.id, name: category.name, totals, criteria };
      });
      return {
        framework: entry.framework,
        name: FRAMEWORK_NAMES[entry.framework],
        catalog: `${entry.catalog.name} ${entry.catalog.version}`,
        totals: categories.reduce((sum, category) => addTotals(sum, category.totals), emptyTotals()),
        categories,
      };
    }),
  };
}

/** `coverage --format json`: the program, the date and the view of every enabled framework. */
export function coverageViewJson(report: Report, view: CoverageView = coverageView(report.coverage)): string {
  return `${safeJson({ program: report.program, today: report.today, ...view }, 2)}\n`;
}

/** Whether every criterion is covered or excluded. */
export function isComplete(totals: CoverageTotals): boolean {
  return totals.partial + totals.uncovered === 0;
}

/**
 * Totals in words: `32/33 covered, 1 uncovered`, `2/2 covered, 1 excluded`.
 * Covered counts against the criteria that need a control (excluded ones do
 * not); states with no criterion are left out.
 */
export function totalsText(totals: CoverageTotals): string {
  const parts = [
    `${totals.covered}/${totals.total - totals.excluded} covered`,
    ...(totals.partial ? [`${totals.partial} partial`] : []),
    ...(totals.uncovered ? [`${totals.uncovered} uncovered`] : []),
    ...(totals.excluded ? [`${totals.excluded} excluded`] : []),
  ];
  return parts.join(', ');
}

/** `AC-01 (implemented, security)`, with words for what the file leaves out; untrusted parts as written. */
export function controlText(control: ControlRow): string {
  return `${control.id ?? `(no id, ${control.file})`} (${control.status ?? 'no status'}, ${control.owner ?? 'no owner'})`;
}

/** `2 criteria`, `1 criterion`. */
export function criteriaCount(count: number): string {
  return count === 1 ? '1 criterion' : `${count} criteria`;
}
