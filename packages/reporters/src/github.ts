/**
 * `--format github`: GitHub Actions workflow commands. Run in a workflow
 * step, each finding becomes an annotation on its file and line:
 *
 *   ::error file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::MESSAGE (RULE: DOCS-URL)
 *
 * `warning` for warnings, `notice` for info. Columns are given only when the
 * range is on one line (GitHub ignores them otherwise); end columns are
 * exclusive, as everywhere in trustlint. Related locations follow the message
 * on lines of their own, each starting `See also PATH:LINE:COL:`.
 *
 * The output ends with exactly one more line, a `::notice title=trustlint::`
 * with the totals, what suppressions and the baseline took out, and the
 * coverage per framework. GitHub shows only the first few annotations of each
 * kind per step, so this line says how many there are in all; every
 * annotation stays in the log. Nothing else is printed: no groups, no plain
 * lines.
 *
 * Paths and messages are untrusted. Before the runner's escapes (those of
 * `@actions/core`: `%`, CR and LF in data, and `:` and `,` as well in
 * property values), they are made one line with every control character
 * visible (text.ts), so that no line break, carriage return or escape
 * sequence from a file reaches the log, and no part of them can end the
 * properties, start a workflow command or a `##[` log command. Lines that
 * trustlint itself breaks (related locations) start with fixed text.
 * Mentions (`@someone`) are inert in annotations and are left as written.
 */
import type { Finding, RelatedLocation } from '@trustlint/engine';
import type { Formatter, Report } from './report.js';
import { oneLine, plural } from './text.js';
import { FRAMEWORK_NAMES } from './coverage-view.js';

const COMMANDS = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** Escapes a command's data (the message), as the runner unescapes it. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value, as the runner unescapes it. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One workflow command line; properties left undefined are left out. */
export function workflowCommand(command: string, properties: Readonly<Record<string, string | number | undefined>>, message: string): string {
  const list = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${command}${list ? ` ${list}` : ''}::${escapeData(message)}`;
}

function place(at: Pick<RelatedLocation, 'file' | 'line' | 'column'>): string {
  return `${oneLine(at.file)}:${at.line}:${at.column}`;
}

/** The workflow command that annotates one finding. */
export function findingCommand(finding: Finding): string {
  const oneLineRange = finding.endLine === finding.line;
  const properties = finding.file
    ? {
        file: oneLine(finding.file),
        line: finding.line,
        col: oneLineRange ? finding.column : undefined,
        endLine: finding.endLine,
        endColumn: oneLineRange ? finding.endColumn : undefined,
        title: oneLine(finding.ruleId),
      }
    : { title: oneLine(finding.ruleId) };
  const related = (finding.related ?? []).map((entry) => `\nSee also ${place(entry)}: ${oneLine(entry.message)}`).join('');
  return workflowCommand(COMMANDS[finding.severity], properties, `${oneLine(finding.message)} (${oneLine(finding.ruleId)}: ${oneLine(finding.url)})${related}`);
}

/** The closing notice: totals, what was accepted, coverage. */
export function summaryText(report: Report): string {
  const { errors, warnings, infos } = report.summary;
  const total = errors + warnings + infos;
  const where = `in ${oneLine(report.program)}, judged on ${report.today}`;
  const found = total === 0 ? `No problems found ${where}` : `${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info) ${where}`;
  const accepted = [
    ...(report.suppressed ? [`${report.suppressed} suppressed inline`] : []),
    ...(report.baselined ? [`${report.baselined} accepted by the baseline`] : []),
  ];
  const coverage = report.coverage.frameworks.map((entry) => {
    const required = entry.inScope.length - entry.excluded.length;
    const uncovered = entry.uncovered.length ? `, ${entry.uncovered.length} uncovered` : '';
    return ` ${FRAMEWORK_NAMES[entry.framework]} coverage: ${entry.covered.length}/${required} in-scope criteria covered${uncovered}.`;
  });
  return `${found}${accepted.length ? `; ${accepted.join(', ')}` : ''}.${coverage.join('')}`;
}

export const github: Formatter = (report) =>
  `${[...report.findings.map(findingCommand), workflowCommand('notice', { title: 'trustlint' }, summaryText(report))].join('\n')}\n`;
