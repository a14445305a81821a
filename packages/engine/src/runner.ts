/**
 * Running rules over a program: file rules file by file, then program rules
 * over the whole program and its coverage; then inline suppressions and the
 * baseline take out what they accept, and what they accept in vain is
 * reported in turn.
 */
import { computeCoverage, interpolate, type Coverage, type Location, type Program, type ProgramFile } from '@trustlint/model';
import { applyBaseline, type Baseline } from './baseline.js';
import { crashOf } from './errors.js';
import { compareFindings, rangeOfLocation, type Finding } from './finding.js';
import { fingerprintKey, fingerprints } from './fingerprint.js';
import type { ResolvedRule } from './resolve.js';
import {
  isFileRule,
  isProgramRule,
  type AnyRule,
  type FileVisitors,
  type ProgramRuleContext,
  type ReportDescriptor,
  type RuleSettings,
  type Severity,
} from './rule.js';
import { applySuppressions, programDirectives, SUPPRESSION_RULE } from './suppressions.js';

/** The rule whose findings are stale baseline entries. */
export const BASELINE_RULE = 'baseline';

type Reporter = (descriptor: ReportDescriptor<string>) => void;

/** A file rule's finding as a cache keeps it: the finding before fingerprinting, and the key of its fingerprint. */
export interface KeyedFinding {
  finding: Finding;
  key: string;
}

/**
 * Keeps the file rules' findings of files that have not changed (a cache):
 * what `get` returns for an entry is used instead of running the file rules
 * over it; `set` receives the findings of each file the rules ran over.
 */
export interface FileFindingsCache {
  get(entry: ProgramFile): readonly KeyedFinding[] | undefined;
  set(entry: ProgramFile, findings: readonly KeyedFinding[]): void;
}

/**
 * A program rule's finding as a cache keeps it, with the report it was made
 * from. It holds as it is while the files its report names and all that
 * program rules read are the same; after an edit that only moved text in a
 * file it names, its report can be made again at the moved places.
 */
export interface KeptProgramFinding extends KeyedFinding {
  report: ReportDescriptor<string>;
}

/** A program rule's report, to be made into a finding again (at places a cache moved). */
export interface ProgramReport {
  rule: string;
  descriptor: ReportDescriptor<string>;
}

/**
 * Keeps the program rules' findings (a cache). When `get` returns, its
 * findings are used as they are and its reports made into findings again,
 * instead of running the program rules; otherwise the rules run, and `set`
 * receives their findings and every file existence they asked about
 * (`Program.fileExists`). Not used with a base revision, nor while a
 * program rule does not declare `factsOnly`.
 */
export interface ProgramFindingsCache {
  get(): { findings: readonly KeyedFinding[]; reports: readonly ProgramReport[] } | undefined;
  set(findings: readonly KeptProgramFinding[], existence: ReadonlyMap<string, boolean>): void;
  /** Receives the findings made again from the reports `get` gave, in their order. */
  placed(findings: readonly KeptProgramFinding[]): void;
}

function isLocation(value: string | number | Location): value is Location {
  return typeof value === 'object';
}

/** A report's placeholder values as text: a location as `file:line`. */
function placeholders(data: ReportDescriptor<string>['data']): Readonly<Record<string, string | number>> | undefined {
  if (data === undefined || !Object.values(data).some(isLocation)) return data as Readonly<Record<string, string | number>> | undefined;
  return Object.fromEntries(
    Object.entries(data).map(([key, value]) => [key, isLocation(value) ? `${value.file.path}:${value.file.positionAt(value.span.start).line}` : value]),
  );
}

/** Collects findings with the key their fingerprint is made from. */
class FindingSink {
  readonly findings: Finding[] = [];
  readonly #keys = new Map<Finding, string>();
  /** The report each finding a rule reported was made from. */
  readonly #reports = new Map<Finding, ReportDescriptor<string>>();

  add({ finding, key }: KeyedFinding): void {
    this.findings.push(finding);
    this.#keys.set(finding, key);
  }

  #keyed(finding: Finding): KeyedFinding {
    return { finding: { ...finding }, key: this.#keys.get(finding) ?? finding.message };
  }

  /** The findings from `start` on, with their keys. */
  keyedFrom(start: number): KeyedFinding[] {
    return this.findings.slice(start).map((finding) => this.#keyed(finding));
  }

  /** The findings from `start` on that rules reported, with their keys and the reports they were made from. */
  keptFrom(start: number): KeptProgramFinding[] {
    return this.findings.slice(start).flatMap((finding) => {
      const report = this.#reports.get(finding);
      return report ? [{ ...this.#keyed(finding), report }] : [];
    });
  }

  reporter(rule: AnyRule, severity: Severity): Reporter {
    return (descriptor) => {
      const template = rule.meta.messages[descriptor.messageId];
      if (template === undefined) throw new Error(`Rule \`${rule.name}\` reported an undeclared message id \`${descriptor.messageId}\``);
      const message = interpolate(template, placeholders(descriptor.data));
      const finding: Finding = {
        ruleId: rule.name,
        severity,
        message,
        messageId: descriptor.messageId,
        file: descriptor.at.file.path,
        ...rangeOfLocation(descriptor.at),
        url: rule.meta.docs.url,
        fingerprint: '',
        ...(descriptor.coverageOf ? { coverageOf: descriptor.coverageOf } : {}),
      };
      if (descriptor.related?.length) {
        finding.related = descriptor.related.map((related) => ({
          file: related.at.file.path,
          ...rangeOfLocation(related.at),
          message: related.message,
        }));
      }
      this.findings.push(finding);
      this.#keys.set(finding, fingerprintKey(rule.name, message, descriptor.at));
      this.#reports.set(finding, descriptor);
    };
  }

  /** Sorts the findings and gives each its fingerprint. */
  finish(findings: Finding[] = this.findings): Finding[] {
    findings.sort(compareFindings);
    const prints = fingerprints(findings.map((finding) => this.#keys.get(finding) ?? finding.message));
    findings.forEach((finding, index) => {
      finding.fingerprint = prints[index] ?? '';
    });
    return findings;
  }
}

/** Runs file rules over some files; usable one file at a time (editors, caches). */
export function runFileRules(rules: readonly ResolvedRule[], files: readonly ProgramFile[], settings: RuleSettings): Finding[] {
  const checks = new FileChecks(rules, settings);
  for (const entry of files) checks.check(entry);
  const sink = new FindingSink();
  for (const keyed of checks.findings()) sink.add(keyed);
  return sink.finish();
}

/** The settings every rule of a run reads, from the program's config and people. */
export function ruleSettings(
  { config, owners, codeowners }: Pick<Program, 'config' | 'owners' | 'codeowners'>,
  today: string,
  knownRuleIds: readonly string[],
): RuleSettings {
  return { config, owners, today, codeowners, knownRuleIds: new Set(knownRuleIds) };
}

/** The rules that apply to a run: all, but those that compare with a base revision only when there is one. */
export function activeRules(rules: readonly ResolvedRule[], withBase: boolean): ResolvedRule[] {
  return rules.filter(({ rule }) => !rule.meta.needsBase || withBase);
}

/**
 * The file rules of a run, checking one file at a time: as each is read
 * (while its YAML is parsed, which a large program cannot keep for all of
 * its files at once), or all of a loaded program's. A file whose findings
 * the cache keeps is not checked again.
 */
export class FileChecks {
  readonly settings: RuleSettings;
  readonly #sink = new FindingSink();
  readonly #instances: { rule: AnyRule; visitors: FileVisitors }[] = [];
  readonly #cache: FileFindingsCache | undefined;
  #checked = 0;

  /** `rules` are the run's active rules (`activeRules`); the program rules among them are left for `runRules`. */
  constructor(rules: readonly ResolvedRule[], settings: RuleSettings, cache?: FileFindingsCache) {
    this.settings = settings;
    this.#cache = cache;
    for (const { rule, severity, options } of rules) {
      if (!isFileRule(rule)) continue;
      const report = this.#sink.reporter(rule, severity);
      try {
        this.#instances.push({ rule, visitors: rule.create({ id: rule.name, options, settings, report }) });
      } catch (error) {
        throw crashOf(rule.name, undefined, error);
      }
    }
  }

  /** How many files have been checked. */
  get checked(): number {
    return this.#checked;
  }

  check(entry: ProgramFile): void {
    this.#checked++;
    const sink = this.#sink;
    const cached = this.#cache?.get(entry);
    if (cached) {
      for (const keyed of cached) sink.add({ finding: { ...keyed.finding }, key: keyed.key });
      return;
    }
    const start = sink.findings.length;
    for (const { rule, visitors } of this.#instances) {
      try {
        visitors.file?.(entry);
        for (const entity of entry.entities) {
          switch (entity.kind) {
            case 'policy':
              visitors.policy?.(entity);
              break;
            case 'document':
              visitors.document?.(entity);
              break;
            case 'standard':
              visitors.standard?.(entity);
              break;
            case 'control':
              visitors.control?.(entity);
              break;
            case 'evidence':
              visitors.evidence?.(entity);
              break;
            case 'owners':
              visitors.owners?.(entity);
              break;
          }
        }
      } catch (error) {
        throw crashOf(rule.name, entry.file.path, error);
      }
    }
    this.#cache?.set(entry, sink.keyedFrom(start));
  }

  /** The findings of the files checked so far, with the keys of their fingerprints. */
  findings(): KeyedFinding[] {
    return this.#sink.keyedFrom(0);
  }
}

export interface RunInput {
  program: Program;
  rules: readonly ResolvedRule[];
  today: string;
  /** The program at a base revision, for rules that compare (`needsBase`). */
  base?: { program: Program; ref: string };
  /** Every rule id a suppression may name (default: the ids of `rules`); with `fileChecks`, the ids their settings hold. */
  knownRuleIds?: readonly string[];
  /** Findings accepted as existing debt. */
  baseline?: Baseline;
  /**
   * The file rules' checks, when they checked each file as it was read
   * (`LoadProgramOptions.check`), made with `activeRules` and
   * `ruleSettings` of this run; without them, the file rules check every
   * file of the program here.
   */
  fileChecks?: FileChecks;
  /** Program rule findings kept from an earlier run over a program that has not changed in what they read (ignored with `base`). */
  programCache?: ProgramFindingsCache;
}

export interface RunResult {
  findings: Finding[];
  coverage: Coverage;
  /** How many findings inline suppressions took out. */
  suppressed: number;
  /** How many findings the baseline accepted. */
  baselined: number;
}

/** Adds kept program findings and makes kept reports again; false (and nothing added) when one is of a rule that is not on. */
function addKeptProgramFindings(
  { findings, reports }: { findings: readonly KeyedFinding[]; reports: readonly ProgramReport[] },
  active: readonly ResolvedRule[],
  sink: FindingSink,
  cache: ProgramFindingsCache,
): boolean {
  const reporters = new Map<string, Reporter>();
  for (const { rule, severity } of active) if (isProgramRule(rule)) reporters.set(rule.name, sink.reporter(rule, severity));
  if (!findings.every(({ finding }) => reporters.has(finding.ruleId)) || !reports.every(({ rule }) => reporters.has(rule))) return false;
  for (const { finding, key } of findings) sink.add({ finding: { ...finding }, key });
  const start = sink.findings.length;
  for (const { rule, descriptor } of reports) {
    try {
      reporters.get(rule)?.(descriptor);
    } catch (error) {
      throw crashOf(rule, undefined, error);
    }
  }
  if (reports.length > 0) cache.placed(sink.keptFrom(start));
  return true;
}

/** Runs the program rules; with a cache, gives it their findings and every file existence they asked about. */
function runProgramRules(
  active: readonly ResolvedRule[],
  context: Omit<ProgramRuleContext<string, object>, 'id' | 'options' | 'report'>,
  sink: FindingSink,
  cache: ProgramFindingsCache | undefined,
): void {
  const start = sink.findings.length;
  const existence = new Map<string, boolean>();
  const { program } = context;
  const seen: Program = cache
    ? {
        ...program,
        fileExists: (path) => {
          const found = program.fileExists(path);
          existence.set(path, found);
          return found;
        },
      }
    : program;
  for (const { rule, severity, options } of active) {
    if (!isProgramRule(rule)) continue;
    try {
      rule.create({ ...context, id: rule.name, options, report: sink.reporter(rule, severity), program: seen });
    } catch (error) {
      throw crashOf(rule.name, undefined, error);
    }
  }
  cache?.set(sink.keptFrom(start), existence);
}

export function runRules({ program, rules, today, base, knownRuleIds, baseline, fileChecks, programCache }: RunInput): RunResult {
  const coverage = computeCoverage(program.config, program.controls, [...program.policies, ...program.documents]);
  const active = activeRules(rules, base !== undefined);
  let checks = fileChecks;
  if (checks === undefined) {
    checks = new FileChecks(active, ruleSettings(program, today, knownRuleIds ?? rules.map(({ rule }) => rule.name)));
    for (const entry of program.files) checks.check(entry);
  } else if (checks.checked !== program.files.length) {
    // Findings of files left unchecked would be missing without a word: a gate must not pass on them.
    throw new Error(`The file rules checked ${checks.checked} of the program's ${program.files.length} files.`);
  }
  const { settings } = checks;
  const sink = new FindingSink();
  for (const keyed of checks.findings()) sink.add(keyed);
  const baseState = base
    ? { program: base.program, coverage: computeCoverage(base.program.config, base.program.controls, [...base.program.policies, ...base.program.documents]), ref: base.ref }
    : undefined;
  // The program rules' findings are kept and used again only without a base (the cache does not know the base
  // program), and only while every program rule declares that it reads nothing but facts.
  const keepable = baseState === undefined && active.every(({ rule }) => !isProgramRule(rule) || rule.meta.factsOnly === true);
  const cache = keepable ? programCache : undefined;
  const keptProgramFindings = cache?.get();
  if (cache === undefined || keptProgramFindings === undefined || !addKeptProgramFindings(keptProgramFindings, active, sink, cache)) runProgramRules(active, { settings, program, coverage, base: baseState }, sink, cache);
  const all = sink.finish();

  const late = new FindingSink();
  const lateReporter = (name: string, messageId: string): Reporter | undefined => {
    const resolved = active.find(({ rule }) => rule.name === name);
    if (resolved === undefined) return undefined;
    if (resolved.rule.meta.messages[messageId] === undefined) throw new Error(`Rule \`${name}\` must declare the message id \`${messageId}\``);
    return late.reporter(resolved.rule, resolved.severity);
  };

  const activeIds = new Set(active.map(({ rule }) => rule.name));
  const suppression = applySuppressions(all, programDirectives(program), today);
  const reportUnused = lateReporter(SUPPRESSION_RULE, 'unused');
  for (const { file, directive, rule } of suppression.unused) {
    if (!activeIds.has(rule.id)) continue;
    reportUnused?.({ messageId: 'unused', data: { rule: rule.id, reason: directive.reason }, at: { file, span: rule.span } });
  }

  let kept = suppression.kept;
  let baselined = 0;
  if (baseline) {
    const outcome = applyBaseline(kept, baseline);
    kept = outcome.kept;
    baselined = outcome.matched;
    const reportStale = lateReporter(BASELINE_RULE, 'stale');
    for (const entry of outcome.stale) {
      reportStale?.({ messageId: 'stale', data: { rule: entry.ruleId, file: entry.file, message: entry.message ?? '(no message recorded)' }, at: entry.location });
    }
  }
  const findings = [...kept, ...late.finish()].sort(compareFindings);
  return { findings, coverage, suppressed: suppression.suppressed, baselined };
}
