/**
 * `trustlint coverage [DIR]`: the coverage matrix, criterion by criterion,
 * with the controls that cover each and the totals per category. Exit 0 when
 * every in-scope criterion is covered or excluded, 1 otherwise, 2 when it
 * could not check. It prints no findings (`trustlint lint` does).
 */
import type { CriterionState } from '@trustlint/model';
import {
  controlText,
  coverageMarkdown,
  createColors,
  coverageView,
  coverageViewJson,
  isComplete,
  oneLine,
  STATE_MARKS,
  totalsText,
  type CoverageView,
  type CriterionRow,
  type Report,
} from '@trustlint/reporters';
import { useColor } from '../io.js';
import { EXIT_CLEAN, EXIT_FINDINGS, type CommandContext } from '../main.js';
import type { CoverageCommandOptions } from '../commands/coverage.js';
import { emit } from '../output.js';
import { buildReport, lintProgram } from '../report.js';


type Colors = ReturnType<typeof createColors>;

function stateLabel(state: CriterionState, c: Colors): string {
  const text = `${STATE_MARKS[state]} ${state.padEnd(9)}`;
  if (state === 'covered') return c.green(text);
  if (state === 'excluded') return c.dim(text);
  return state === 'partial' ? c.yellow(text) : c.red(text);
}

/** What covers a criterion, or why it needs nothing, on one line. */
function coveredBy(criterion: CriterionRow): string {
  const parts = criterion.controls.map(controlText);
  const { exclusion } = criterion;
  if (criterion.state === 'excluded' && exclusion) {
    parts.unshift(`excluded: ${exclusion.reason ?? 'no reason given'} (${exclusion.approver === undefined ? 'no approver' : `approved by ${exclusion.approver}`})`);
  }
  return parts.length ? oneLine(parts.join(', ')) : '—';
}

/** The terminal table: per enabled framework and category the totals, then a row per criterion. */
export function coverageTable(report: Report, view: CoverageView, c: Colors): string {
  const out = [`${c.bold(oneLine(report.program))}: coverage judged on ${report.today}`, ''];
  for (const framework of view.frameworks) {
    const rows = framework.categories.flatMap((category) => category.criteria);
    const idWidth = Math.max(...rows.map((row) => row.id.length));
    const titleWidth = Math.max(...rows.map((row) => row.title.length));
    out.push(c.bold(`${framework.name} coverage: ${totalsText(framework.totals)}`), c.dim(framework.catalog), '');
    for (const category of framework.categories) {
      out.push(`${c.bold(category.name)}: ${totalsText(category.totals)}`);
      for (const row of category.criteria) {
        out.push(`  ${stateLabel(row.state, c)}  ${row.id.padEnd(idWidth)}  ${oneLine(row.title).padEnd(titleWidth)}  ${coveredBy(row)}`);
      }
      out.push('');
    }
  }
  const open = view.frameworks
    .map((framework) => ({
      name: framework.name,
      rows: framework.categories.flatMap((category) => category.criteria.filter((row) => row.state === 'uncovered' || row.state === 'partial')),
    }))
    .filter(({ rows }) => rows.length > 0);
  const count = open.reduce((sum, { rows }) => sum + rows.length, 0);
  // With several frameworks, each list says which framework it is of.
  const lists = open.map(({ name, rows }) => {
    const ids = rows.map((row) => (row.state === 'partial' ? `${row.id} (partial)` : row.id)).join(', ');
    return view.frameworks.length > 1 ? `${name}: ${ids}` : ids;
  });
  out.push(
    count === 0
      ? c.green('✔ Every in-scope criterion is covered or excluded.')
      : c.red(`✖ ${count} in-scope ${count === 1 ? 'criterion' : 'criteria'} uncovered: ${lists.join('; ')}.`),
  );
  return `${out.join('\n')}\n`;
}


export function runCoverage(dir: string | undefined, options: CoverageCommandOptions, { io }: CommandContext): number {
  // Coverage does not depend on which findings a baseline accepts, so a baseline is not read.
  const result = lintProgram(io, dir, { ...options, baseline: false });
  const report = buildReport(result);
  const view = coverageView(report.coverage);
  let text: string;
  if (options.format === 'json') text = coverageViewJson(report, view);
  else if (options.format === 'markdown') text = coverageMarkdown(report);
  else text = coverageTable(report, view, createColors(options.output === undefined && useColor(io, options.color)));
  emit(io, options.output, text, result.inputFiles);
  return view.frameworks.every((framework) => isComplete(framework.totals)) ? EXIT_CLEAN : EXIT_FINDINGS;
}
