export { CONFIG_FILE_NAMES, findConfigFile } from './config-file.js';
export {
  ALWAYS_IGNORED,
  DEFAULT_MAX_FILE_SIZE,
  DEFAULT_PATHS,
  defaultConfig,
  displayPath,
  loadConfig,
  parseConfig,
  type Config,
  type Dialect,
  type LayoutDefaults,
  type Exclusion,
  type FrameworkId,
  type ProgramPaths,
  type RuleSetting,
  type RuleSeverity,
  type Soc2Settings,
} from './config.js';
export { codeownersRoot, parseCodeowners, patternToRegex, type Codeowners, type CodeownersEntry, type CodeownersProblem } from './codeowners.js';
export {
  canonicalCriterion,
  computeCoverage,
  inScopeCategories,
  type CategoryCoverage,
  type Coverage,
  type CriterionCoverage,
  type CriterionState,
  type FrameworkCoverage,
} from './coverage.js';
export { evidenceDates, recordDates } from './evidence.js';
export { detectLayout, globsFor, type Layout, type LayoutKind } from './layout.js';
export { parseDirectives, type Directive, type DirectiveRule } from './directives.js';
export { addDays, addMonths, daysBetween, formatDate, localToday, parseDate } from './dates.js';
export {
  contains,
  DEFAULT_EVIDENCE_PERIODS,
  describePeriod,
  elapsedPeriods,
  missingPeriods,
  PERIOD_UNITS,
  periodContaining,
  periodsInWindow,
  periodsWithout,
  type DateWindow,
  type Period,
  type PeriodSetting,
  type PeriodUnit,
} from './periods.js';
export {
  buildControl,
  buildEvidenceLog,
  buildOwners,
  buildPolicy,
  buildStandard,
  buildSupportingDocument,
  CONTROL_STATUSES,
  FRAMEWORK_KEYS,
  FREQUENCIES,
  POLICY_STATUSES,
  type Control,
  type ControlStatus,
  type CriterionRef,
  type EvidenceLog,
  type EvidenceRecord,
  type Frequency,
  type IdRef,
  type Located,
  type MarkdownDocument,
  type MetadataKeys,
  type Owner,
  type Owners,
  type Person,
  type Policy,
  type PolicyDialect,
  type PolicyStatus,
  type Revision,
  type Standard,
  type SupportingDocument,
  type Team,
} from './entities.js';
export { ConfigError, FileChangedError, TrustlintError, type ConfigProblem } from './errors.js';
export { changedLines, GitSource, type ChangedLines } from './git.js';
export { safeJson } from './safe-json.js';
export { checkOutput, createFileExclusive, OWN_HEAD_BYTES, sameFile, writeFileAtomic, writeOutput, type InputFile, type OutputContent, type OutputTarget, type OwnFileRule } from './write.js';
export { decodeText, DiskSource, isInside, MemorySource, type DecodeOutcome, type FileStat, type FolderStamp, type ProgramSource, type ReadOutcome } from './files.js';
export { fileStart, locateIn, type Location } from './location.js';
export { findRepoRoot, repoRelative } from './repo.js';
export { factsOf, factsWithoutPlaces, MovedPlaces, movedPlaces, releaseYaml, restoreFromFacts, type EntityFacts, type FactsAndOutline, type FactsStore, type FileFacts } from './facts.js';
export { loadProgram, type Entity, type FileProblem, type FileRole, type LoadProgramOptions, type Program, type ProgramFile, type ProgramPeople } from './program.js';
export { interpolate } from './messages.js';
export { editDistance, orList, suggest } from './suggest.js';
export { compileSchema, describeErrors, describeValue, SCHEMA_MESSAGES, validate, validator, type SchemaMessageId, type SchemaViolation, type ValidatorName } from './validation.js';
export { buildProgramFiles, loadSharedFacts, programOfFile, rolesOf, type SharedFacts, type SingleFileOptions } from './single-file.js';
