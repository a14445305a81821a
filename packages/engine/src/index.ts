export { interpolate } from '@trustlint/model';
export { applyBaseline, BASELINE_FILE_NAME, parseBaseline, serializeBaseline, type Baseline, type BaselineEntry, type BaselineOutcome } from './baseline.js';
export { restrictToChanges, touches } from './changes.js';
export { RuleCrashError } from './errors.js';
export { fingerprintKey, fingerprints } from './fingerprint.js';
export { applySuppressions, isInForce, programDirectives, SUPPRESSION_RULE, type FileDirectives, type SuppressionOutcome } from './suppressions.js';
export { compareFindings, failsAt, rangeOfLocation, summarize, type Finding, type RelatedLocation, type Summary } from './finding.js';
export { resolveRules, type ResolvedRule } from './resolve.js';
export {
  isFileRule,
  isProgramRule,
  RULE_CATEGORIES,
  RuleCreator,
  ruleInfo,
  type AnyRule,
  type FileRule,
  type FileVisitors,
  type OptionsSchema,
  type ProgramRule,
  type ProgramRuleContext,
  type RelatedDescriptor,
  type ReportDescriptor,
  type Rule,
  type RuleCategory,
  type RuleContext,
  type RuleDocs,
  type RuleInfo,
  type RuleMeta,
  type RuleSettings,
  type Severity,
} from './rule.js';
export {
  activeRules,
  BASELINE_RULE,
  FileChecks,
  ruleSettings,
  runFileRules,
  runRules,
  type FileFindingsCache,
  type KeptProgramFinding,
  type KeyedFinding,
  type ProgramFindingsCache,
  type ProgramReport,
  type RunInput,
  type RunResult,
} from './runner.js';
