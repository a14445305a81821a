/**
 * `--format stylish` (the default): findings grouped by file, as ESLint
 * prints them, then a coverage summary and a totals line.
 */
import { createColors } from 'picocolors';
import type { Finding } from '@trustlint/engine';
import type { Coverage } from '@trustlint/model';
import type { Formatter } from './report.js';
import { FRAMEWORK_NAMES } from './coverage-view.js';
import { oneLine, plural } from './text.js';


/** A text's length without ANSI colour codes. */
function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleLength(text)));
}

export function coverageLines(coverage: Coverage, c: ReturnType<typeof createColors>): string[] {
  const lines: string[] = [];
  for (const entry of coverage.frameworks) {
    const required = entry.inScope.length - entry.excluded.length;
    const complete = entry.uncovered.length === 0;
    const categories = entry.categories
      .map((category) => `${category.category.name} ${category.covered}/${category.total - category.excluded}`)
      .join(', ');
    const mark = complete ? c.green('✔') : c.red('✖');
    const excluded = entry.excluded.length ? `, ${entry.excluded.length} excluded` : '';
    lines.push(`${mark} ${FRAMEWORK_NAMES[entry.framework]} coverage: ${entry.covered.length}/${required} in-scope criteria covered${excluded} (${categories})`);
    if (!complete) {
      const partial = new Set(entry.partial);
      const list = entry.uncovered.map((id) => (partial.has(id) ? `${id} (partial)` : id)).join(', ');
      lines.push(`  ${c.red('uncovered:')} ${list}`);
    }
  }
  return lines;
}

export const stylish: Formatter = (report, options) => {
  const c = createColors(options.color);
  const out: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const finding of report.findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  for (const [file, findings] of byFile) {
    out.push(c.underline(oneLine(file)));
    const rows = findings.map((finding) => {
      const severity = finding.severity === 'error' ? c.red('error') : finding.severity === 'warning' ? c.yellow('warning') : c.blue('info');
      return [c.dim(`${finding.line}:${finding.column}`), severity, oneLine(finding.message), c.dim(finding.ruleId)] as const;
    });
    const width = (index: 0 | 1) => Math.max(...rows.map((row) => visibleLength(row[index])));
    const [place, severity] = [width(0), width(1)];
    for (const row of rows) out.push(`  ${pad(row[0], place)}  ${pad(row[1], severity)}  ${row[2]}  ${row[3]}`);
    out.push('');
  }
  out.push(...coverageLines(report.coverage, c));
  const { errors, warnings, infos } = report.summary;
  const total = errors + warnings + infos;
  const accepted = [
    ...(report.suppressed ? [`${report.suppressed} suppressed inline`] : []),
    ...(report.baselined ? [`${report.baselined} accepted by the baseline`] : []),
  ];
  const aside = accepted.length ? c.dim(`; ${accepted.join(', ')}`) : '';
  if (total === 0) {
    out.push(`${c.green(`✔ No problems found in ${oneLine(report.program)} (judged on ${report.today})`)}${aside}${c.green('.')}`);
  } else {
    const parts = [plural(errors, 'error'), plural(warnings, 'warning'), ...(infos ? [`${infos} info`] : [])].join(', ');
    const line = `✖ ${plural(total, 'problem')} (${parts})`;
    out.push((errors ? c.red(c.bold(line)) : c.yellow(c.bold(line))) + aside);
  }
  return `${out.join('\n')}\n`;
};
