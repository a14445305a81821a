/**
 * `--format junit`: JUnit XML, for CI systems that show test reports.
 *
 * Each rule is a test suite (`name` = the rule id) and each file a rule looks
 * at is a test case (`classname` = the rule id, `name` = the file):
 *
 * - one test case per rule and file that has findings of that rule. It fails
 *   (one `<failure>`, `type` = the worst severity) when any of them is an
 *   error or a warning; its text lists every finding of the rule in the file
 *   as `file:line:col severity message (url)`, each related location on an
 *   indented line below. A file with only `info` findings passes, and lists
 *   them in `<system-out>`.
 * - one passing test case per rule named `(files without findings)`: the
 *   report does not carry the list of linted files, so the files where the
 *   rule found nothing are one case. It keeps a clean rule visible as a pass,
 *   and keeps its name from run to run, so CI history can follow it.
 *
 * The suites are the rules the run applied (`report.rules`), then any other
 * rule with findings (rule-info.ts). `errors` (a test that could not run) and
 * `skipped` are always 0: a rule that crashes fails the whole run instead.
 * The root `<testsuites name="trustlint">` carries the totals. No timestamps
 * or times, so that the same program gives the same file.
 *
 * Text is escaped by hand: `&`, `<`, `>`, `"` and `'` everywhere, tabs, line
 * feeds and carriage returns as character references in attributes (where a
 * parser would turn them into spaces), and every character XML 1.0 forbids
 * (with the other unsafe ones) is shown as a visible `\uXXXX` (text.ts).
 */
import type { Finding, Severity } from '@trustlint/engine';
import type { Formatter, Report } from './report.js';
import { reportRules } from './rule-info.js';
import { plainText, plural } from './text.js';

/** The name of the passing test case that stands for the files without findings of a rule. */
export const CLEAN_FILES = '(files without findings)';

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Text content: markup characters escaped; line breaks kept. */
export function xmlText(text: string): string {
  return plainText(text).replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** An attribute value: markup characters and whitespace other than space escaped. */
export function xmlAttribute(text: string): string {
  return plainText(text).replace(/[&<>"'\t\n\r]/g, (char) => ENTITIES[char] ?? char);
}

function attributes(values: Readonly<Record<string, string | number>>): string {
  return Object.entries(values)
    .map(([key, value]) => ` ${key}="${xmlAttribute(String(value))}"`)
    .join('');
}

function findingLines(finding: Finding): string[] {
  return [
    `${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.message} (${finding.url})`,
    ...(finding.related ?? []).map((entry) => `    related: ${entry.file}:${entry.line}:${entry.column} ${entry.message}`),
  ];
}

function counts(findings: readonly Finding[]): string {
  const of = (severity: Severity) => findings.filter((finding) => finding.severity === severity).length;
  const parts = [plural(of('error'), 'error'), plural(of('warning'), 'warning'), ...(of('info') ? [`${of('info')} info`] : [])];
  return `${plural(findings.length, 'problem')} (${parts.join(', ')})`;
}

interface Suite {
  name: string;
  cases: string[];
  failures: number;
}

function testCase(ruleId: string, file: string, findings: readonly Finding[]): { xml: string; failed: boolean } {
  const open = `<testcase${attributes({ classname: ruleId, name: file })}`;
  const body = xmlText(findings.flatMap(findingLines).join('\n'));
  const worst = findings.reduce<Severity>((acc, finding) => (RANK[finding.severity] < RANK[acc] ? finding.severity : acc), 'info');
  if (worst === 'info') return { xml: `    ${open}>\n      <system-out>${body}</system-out>\n    </testcase>`, failed: false };
  const failure = `<failure${attributes({ message: `${counts(findings)} of ${ruleId} in ${file}`, type: worst })}>${body}</failure>`;
  return { xml: `    ${open}>\n      ${failure}\n    </testcase>`, failed: true };
}

function suites(report: Report): Suite[] {
  const byRule = new Map<string, Map<string, Finding[]>>();
  for (const finding of report.findings) {
    const byFile = byRule.get(finding.ruleId) ?? new Map<string, Finding[]>();
    byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
    byRule.set(finding.ruleId, byFile);
  }
  return reportRules(report).map((rule) => {
    const suite: Suite = { name: rule.id, cases: [], failures: 0 };
    for (const [file, findings] of byRule.get(rule.id) ?? []) {
      const { xml, failed } = testCase(rule.id, file, findings);
      suite.cases.push(xml);
      if (failed) suite.failures++;
    }
    suite.cases.push(`    <testcase${attributes({ classname: rule.id, name: CLEAN_FILES })}/>`);
    return suite;
  });
}

/** The JUnit XML document of a report. */
export function junitXml(report: Report): string {
  const all = suites(report);
  const tests = all.reduce((sum, suite) => sum + suite.cases.length, 0);
  const failures = all.reduce((sum, suite) => sum + suite.failures, 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: 'trustlint', tests, failures, errors: 0 })}>`,
    ...all.flatMap((suite) => [
      `  <testsuite${attributes({ name: suite.name, tests: suite.cases.length, failures: suite.failures, errors: 0, skipped: 0 })}>`,
      ...suite.cases,
      '  </testsuite>',
    ]),
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
}

export const junit: Formatter = (report) => junitXml(report);
