/**
 * `--format sarif`: a SARIF 2.1.0 log with one run, as GitHub code scanning
 * accepts it (and any other SARIF viewer).
 *
 * - `tool.driver`: name `trustlint`, `informationUri`, the version when the
 *   report carries `toolVersion` (also as `semanticVersion` when it is a
 *   semantic version; it is a fact of the run, so it lives on the Report and
 *   `sarifLog(report)` needs nothing else), and one reporting descriptor per
 *   rule the run applied, with findings or not, then per other rule with
 *   findings (see rule-info.ts): id, a PascalCase `name` (left out when it
 *   would equal the id but for case, as SARIF requires), short and full
 *   description, `help` (text, and Markdown with the docs link), `helpUri`,
 *   the default level, and properties: `tags` = [category], `precision`
 *   `very-high` (a linter's findings are facts, not guesses) and
 *   `problem.severity` (how GitHub ranks alerts that are not security
 *   alerts). No `security-severity`: these are compliance findings, not
 *   vulnerabilities.
 * - Each result: `ruleId` and `ruleIndex`, `level` (error, warning, note),
 *   the message as plain text, one location whose artifact URI is the
 *   repository-relative path (percent-encoded per segment) against the base
 *   id `%SRCROOT%`, the region with end columns exclusive (SARIF's convention
 *   and ours, in UTF-16 code units, as `columnKind` says), related locations
 *   (ids 1…n, each linked from the message as `[text](n)`, which is how
 *   GitHub shows them), and `partialFingerprints["trustlint/v1"]`, the
 *   finding's fingerprint, which survives unrelated line shifts.
 * - `originalUriBaseIds` describes `%SRCROOT%` without a URI: the log does
 *   not know where the repository was checked out, and need not.
 *
 * Messages quote files, so they are untrusted. They go only into
 * `message.text` (plain text; never `message.markdown`), with unsafe
 * characters made visible (text.ts) and `\`, `[` and `]` escaped with a
 * backslash, so that nothing in a file can make an embedded link.
 */
import type { Finding, RelatedLocation, Severity } from '@trustlint/engine';
import { safeJson } from '@trustlint/model';
import type { Location, Log, Region, ReportingDescriptor, Result, Run } from 'sarif';
import type { Formatter, Report, RuleInfo } from './report.js';
import { reportRules } from './rule-info.js';
import { plainText } from './text.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const TOOL_INFORMATION_URI = 'https://github.com/trustlint/trustlint';
/** The `partialFingerprints` key that carries a finding's fingerprint. */
export const FINGERPRINT_KEY = 'trustlint/v1';
/** The base id every artifact URI is relative to: the repository's root. */
export const SRCROOT = '%SRCROOT%';

const LEVELS: Readonly<Record<Severity, NonNullable<Result['level']>>> = { error: 'error', warning: 'warning', info: 'note' };
const PROBLEM_SEVERITY: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'recommendation' };
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
/** A URL that can stand in a Markdown link as it is. */
const LINKABLE = /^https?:\/\/[^\s()<>[\]]+$/;

/** Untrusted text as a SARIF plain-text message: visible controls, no embedded links. */
export function sarifText(text: string): string {
  return plainText(text.replace(/[\\[\]]/g, (char) => `\\${char}`));
}

/** A repository-relative path as a relative URI reference: each segment percent-encoded. */
export function artifactUri(file: string): string {
  return plainText(file).split('/').map(encodeURIComponent).join('/');
}

/** `unknown-criterion` → `UnknownCriterion`: SARIF's friendly rule name. */
export function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** A finding's range as a SARIF region; a backwards range is clamped to an empty one. */
export function region(range: Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>): Region {
  const startLine = Math.max(1, range.line);
  const startColumn = Math.max(1, range.column);
  const endLine = Math.max(startLine, range.endLine);
  const endColumn = endLine === startLine ? Math.max(startColumn, range.endColumn) : Math.max(1, range.endColumn);
  return { startLine, startColumn, endLine, endColumn };
}

function physicalLocation(place: Pick<Finding, 'file' | 'line' | 'column' | 'endLine' | 'endColumn'>): NonNullable<Location['physicalLocation']> {
  return { artifactLocation: { uri: artifactUri(place.file), uriBaseId: SRCROOT }, region: region(place) };
}

function descriptor(rule: RuleInfo): ReportingDescriptor {
  const name = ruleName(rule.id);
  const description = rule.description || `Findings of the trustlint rule ${rule.id}; its documentation says what it checks.`;
  // The docs page holds the rest; `help` points there (GitHub shows it under the alert).
  const markdown = LINKABLE.test(rule.url) ? { markdown: `${description}\n\n[Documentation of ${rule.id}](${rule.url})` } : {};
  return {
    id: rule.id,
    // SARIF wants a name that differs from the id (SARIF1001); `syntax` has none.
    ...(name.toLowerCase() === rule.id.toLowerCase() ? {} : { name }),
    shortDescription: { text: description },
    fullDescription: { text: description },
    help: { text: `${description}\n\nDocumentation: ${rule.url}`, ...markdown },
    helpUri: rule.url,
    defaultConfiguration: { level: LEVELS[rule.severity] },
    properties: {
      tags: rule.category ? [rule.category] : [],
      precision: 'very-high',
      'problem.severity': PROBLEM_SEVERITY[rule.severity],
    },
  };
}

function relatedLocation(related: RelatedLocation, id: number): Location {
  return { id, physicalLocation: physicalLocation(related), message: { text: sarifText(related.message) } };
}

function result(finding: Finding, ruleIndex: number): Result {
  const related = finding.related ?? [];
  const links = related.map((entry, index) => ` [${sarifText(entry.message) || 'related location'}](${index + 1})`).join('');
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVELS[finding.severity],
    message: { text: sarifText(finding.message) + links },
    locations: [{ physicalLocation: physicalLocation(finding) }],
    ...(related.length ? { relatedLocations: related.map((entry, index) => relatedLocation(entry, index + 1)) } : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
  };
}

/** The SARIF log of a report, as an object (the GitHub Action uploads it). */
export function sarifLog(report: Report): Log {
  const rules = reportRules(report);
  const indexes = new Map(rules.map((rule, index) => [rule.id, index]));
  const version = report.toolVersion;
  const run: Run = {
    tool: {
      driver: {
        name: 'trustlint',
        informationUri: TOOL_INFORMATION_URI,
        ...(version === undefined ? {} : { version, ...(SEMVER.test(version) ? { semanticVersion: version } : {}) }),
        rules: rules.map(descriptor),
      },
    },
    originalUriBaseIds: { [SRCROOT]: { description: { text: 'The root of the repository that holds the program.' } } },
    columnKind: 'utf16CodeUnits',
    results: report.findings.map((finding) => result(finding, indexes.get(finding.ruleId) ?? -1)),
    properties: { program: plainText(report.program), today: report.today, suppressed: report.suppressed, baselined: report.baselined },
  };
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}

export const sarif: Formatter = (report) => `${safeJson(sarifLog(report), 2)}\n`;
