/**
 * What a rule is, and the factory that builds one.
 *
 * A rule is one module: a name, metadata (description, category, default
 * severity, messages keyed by id, an options schema and defaults) and a
 * `create` function. File rules see one file at a time plus the program's
 * shared facts (config, owners, today), so they can run in an editor and be
 * cached per file; program rules see the whole program and its coverage.
 */
import type {
  Codeowners,
  Config,
  Control,
  Coverage,
  EvidenceLog,
  FrameworkId,
  Location,
  Owners,
  Policy,
  Program,
  ProgramFile,
  Standard,
  SupportingDocument,
} from '@trustlint/model';

export type Severity = 'error' | 'warning' | 'info';

export type RuleCategory = 'syntax' | 'criteria' | 'ownership' | 'references' | 'lifecycle' | 'evidence' | 'language' | 'meta';

export const RULE_CATEGORIES: readonly RuleCategory[] = ['syntax', 'criteria', 'ownership', 'references', 'lifecycle', 'evidence', 'language', 'meta'];

export interface RuleDocs {
  /** One line that says what the rule checks; the docs page repeats it. */
  description: string;
  category: RuleCategory;
  /** Derived from the rule's name by the factory. */
  url: string;
}

/** A JSON Schema for a rule's options object. */
export type OptionsSchema = Readonly<Record<string, unknown>>;

export interface RuleMeta<MessageIds extends string, Options extends object> {
  type: 'problem' | 'suggestion';
  docs: RuleDocs;
  /** Message templates by id; `{{name}}` placeholders are filled from the report's data. */
  messages: Readonly<Record<MessageIds, string>>;
  /** The options schema (an object schema), or undefined for a rule without options. */
  schema: OptionsSchema | undefined;
  defaultOptions: Readonly<Options>;
  /** The severity when the config does not set one. */
  severity: Severity;
  /** `file`: one file at a time; `program`: the whole program. */
  scope: 'file' | 'program';
  /** Runs only when a base revision is given (`--base`). */
  needsBase?: boolean;
  /**
   * A program rule that reads only the program's facts (its entities'
   * fields, the documents' outlines, the files' paths and roles, which files
   * exist, the rule settings and the coverage) and names other places only
   * through locations (`at`, `related`, a location in `data`): a cache may
   * keep its findings while all of that is the same, except where things
   * are. The built-in program rules declare it, and a test holds them to it;
   * while any active program rule does not, the program rules always run.
   */
  factsOnly?: boolean;
}

/** Facts every rule may use: shared by all files, never another document. */
export interface RuleSettings {
  config: Config;
  owners: Owners;
  /** Today's date, `YYYY-MM-DD` (fixed by `--today` or TRUSTLINT_TODAY). */
  today: string;
  /** The CODEOWNERS file, parsed, when the program has one. */
  codeowners: Codeowners | undefined;
  /** Every rule id there is (active or not), for rules that check references to rules. */
  knownRuleIds: ReadonlySet<string>;
}

export interface RelatedDescriptor {
  at: Location;
  message: string;
}

export interface ReportDescriptor<MessageIds extends string> {
  messageId: MessageIds;
  /**
   * The placeholders' values. A location is written as `file:line`: a rule
   * names another place this way, never by writing a position into a string,
   * so that a cache can reuse a report after edits that only move text.
   */
  data?: Readonly<Record<string, string | number | Location>>;
  at: Location;
  /** Other places that explain the finding (the first definition of a duplicate). */
  related?: readonly RelatedDescriptor[];
  /**
   * The framework whose coverage the finding restates (a criterion uncovered,
   * or uncovered by a change): a gate that does not require it does not count it.
   */
  coverageOf?: FrameworkId;
}

export interface RuleContext<MessageIds extends string, Options extends object> {
  readonly id: string;
  readonly options: Readonly<Options>;
  readonly settings: RuleSettings;
  report(descriptor: ReportDescriptor<MessageIds>): void;
}

export interface ProgramRuleContext<MessageIds extends string, Options extends object> extends RuleContext<MessageIds, Options> {
  readonly program: Program;
  readonly coverage: Coverage;
  /** The program at the base revision (and the revision as the user named it), when `--base` was given. */
  readonly base: { program: Program; coverage: Coverage; ref: string } | undefined;
}

/** Handlers of a file rule, each called for every entity of that kind. */
export interface FileVisitors {
  file?(entry: ProgramFile): void;
  policy?(policy: Policy): void;
  /** A narrative or procedure: Markdown with metadata that is not a policy. */
  document?(document: SupportingDocument): void;
  /** A criteria catalog kept in the repository. */
  standard?(standard: Standard): void;
  control?(control: Control): void;
  owners?(owners: Owners): void;
  evidence?(log: EvidenceLog): void;
}

interface RuleBase<MessageIds extends string, Options extends object> {
  name: string;
  meta: RuleMeta<MessageIds, Options>;
}

export interface FileRule<MessageIds extends string = string, Options extends object = object> extends RuleBase<MessageIds, Options> {
  meta: RuleMeta<MessageIds, Options> & { scope: 'file' };
  create(context: RuleContext<MessageIds, Options>): FileVisitors;
}

export interface ProgramRule<MessageIds extends string = string, Options extends object = object> extends RuleBase<MessageIds, Options> {
  meta: RuleMeta<MessageIds, Options> & { scope: 'program' };
  create(context: ProgramRuleContext<MessageIds, Options>): void;
}

export type Rule<MessageIds extends string = string, Options extends object = object> =
  | FileRule<MessageIds, Options>
  | ProgramRule<MessageIds, Options>;

/** A rule of any message ids and options, as registries hold them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = FileRule<string, any> | ProgramRule<string, any>;

type MetaInput<MessageIds extends string, Options extends object> = Omit<RuleMeta<MessageIds, Options>, 'docs'> & {
  docs: Omit<RuleDocs, 'url'>;
};

type FileRuleInput<MessageIds extends string, Options extends object> = {
  name: string;
  meta: MetaInput<MessageIds, Options> & { scope: 'file' };
  create(context: RuleContext<MessageIds, Options>): FileVisitors;
};

type ProgramRuleInput<MessageIds extends string, Options extends object> = {
  name: string;
  meta: MetaInput<MessageIds, Options> & { scope: 'program' };
  create(context: ProgramRuleContext<MessageIds, Options>): void;
};

/**
 * Returns the factory that builds rules whose docs live at `urlOf(name)`;
 * nobody types a docs URL by hand.
 */
export function RuleCreator(urlOf: (name: string) => string) {
  function createRule<MessageIds extends string, Options extends object>(
    input: FileRuleInput<MessageIds, Options>,
  ): FileRule<MessageIds, Options>;
  function createRule<MessageIds extends string, Options extends object>(
    input: ProgramRuleInput<MessageIds, Options>,
  ): ProgramRule<MessageIds, Options>;
  function createRule<MessageIds extends string, Options extends object>(
    input: FileRuleInput<MessageIds, Options> | ProgramRuleInput<MessageIds, Options>,
  ): Rule<MessageIds, Options> {
    return { ...input, meta: { ...input.meta, docs: { ...input.meta.docs, url: urlOf(input.name) } } } as Rule<MessageIds, Options>;
  }
  return createRule;
}

export function isFileRule(rule: AnyRule): rule is Extract<AnyRule, { meta: { scope: 'file' } }> {
  return rule.meta.scope === 'file';
}

export function isProgramRule(rule: AnyRule): rule is Extract<AnyRule, { meta: { scope: 'program' } }> {
  return rule.meta.scope === 'program';
}

/** What a report may need to know about a rule (its metadata, without its code). */
export interface RuleInfo {
  id: string;
  /** One line that says what the rule checks. */
  description: string;
  /** The rule's category (`criteria`, `ownership`, ...); empty when unknown. */
  category: string;
  /** The default severity (a finding carries the severity the config gave it). */
  severity: Severity;
  /** The rule's docs page. */
  url: string;
  type: 'problem' | 'suggestion';
}

export function ruleInfo(rule: AnyRule): RuleInfo {
  const { meta } = rule;
  return { id: rule.name, description: meta.docs.description, category: meta.docs.category, severity: meta.severity, url: meta.docs.url, type: meta.type };
}
