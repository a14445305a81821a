import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import type { FormatName } from './names.js';
import type { Formatter } from './report.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

/** The colours of every terminal output, on or off. */
export { createColors } from 'picocolors';
export { coverageFramework, decideGate, gateVerdict, type GateDecision } from './gate.js';
export { coverageJson, gateJson, jsonReport, safeJson } from './json.js';
export {
  controlText,
  coverageView,
  coverageViewJson,
  criteriaCount,
  FRAMEWORK_NAMES,
  isComplete,
  STATE_MARKS,
  totalsText,
  type CategoryRows,
  type ControlRow,
  type CoverageTotals,
  type CoverageView,
  type CriterionRow,
  type FrameworkRows,
} from './coverage-view.js';
export { escapeData, escapeProperty, findingCommand, summaryText, workflowCommand } from './github.js';
export { junitXml } from './junit.js';
export { HTML_CSP, htmlReport, isHtmlReport, PALETTE, PERIOD_MARKS, SEVERITY_MARKS, type ColorPair } from './html.js';
export { escapeHtml, safeHref } from './html-text.js';
export {
  evidenceTimeline,
  PERIOD_STATES,
  policyEntry,
  reportPage,
  SEVERITIES,
  type ControlEntry,
  type EvidenceTimeline,
  type FindingEntry,
  type PeriodState,
  type PolicyEntry,
  type ReportPage,
  type ReportPageInput,
  type ReviewState,
  type RuleCount,
  type TimelinePeriod,
} from './report-model.js';
export { coverageMarkdown, MARKDOWN_MAX_FINDINGS, MARKDOWN_MAX_LENGTH, markdownReport, type MarkdownOptions } from './markdown.js';
export { codeSpan, escapeMarkdown, messageMarkdown } from './markdown-text.js';
export { reportOf, type FormatOptions, type Formatter, type Report, type RuleInfo, type RunOutcome } from './report.js';
export { FINGERPRINT_KEY, sarifLog } from './sarif.js';
export {
  csvField,
  renderSoa,
  SOA_CSV_COLUMNS,
  soaCsv,
  soaJson,
  soaMarkdown,
  soaSummary,
  soaVerdict,
  statementOfApplicability,
  type SoaControl,
  type SoaInput,
  type SoaRow,
  type SoaState,
  type SoaTotals,
  type StatementOfApplicability,
} from './soa.js';
export { oneLine, plainText, plural } from './text.js';

/** Every output format by its `--format` name (one per name in `FORMAT_NAMES`). */
export const formatters: Readonly<Record<string, Formatter>> = { stylish, json, sarif, github, markdown, junit } satisfies Record<FormatName, Formatter>;

export { FORMAT_NAMES, SOA_FORMATS, type FormatName, type SoaFormat } from './names.js';
