/**
 * Linting a program folder: find and load its config, load every file, run
 * the rules, compute coverage. The CLI, the Action and any tool of a user's
 * call this one function.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  activeRules,
  BASELINE_FILE_NAME,
  BASELINE_RULE,
  FileChecks,
  parseBaseline,
  restrictToChanges,
  ruleInfo,
  resolveRules,
  ruleSettings,
  runRules,
  serializeBaseline,
  summarize,
  type AnyRule,
  type Baseline,
  type ResolvedRule,
  type RuleInfo,
  type Finding,
  type Summary,
} from '@trustlint/engine';
import {
  changedLines,
  ConfigError,
  decodeText,
  defaultConfig,
  detectLayout,
  displayPath,
  factsWithoutPlaces,
  findConfigFile,
  findRepoRoot,
  GitSource,
  loadConfig,
  loadProgram,
  movedPlaces,
  parseConfig,
  repoRelative,
  sameFile,
  TrustlintError,
  writeOutput,
  type Config,
  type Coverage,
  type FileRole,
  type InputFile,
  type Program,
  type ProgramFile,
  type ProgramPeople,
} from '@trustlint/model';
import { SourceFile } from '@trustlint/parser';
import { rules as builtinRules } from '@trustlint/rules';
import { cacheKey, type LintCache, type RunInputs } from './cache.js';
import { resolveToday } from './today.js';

export interface LintOptions {
  /** The working directory (default: the process's). */
  cwd?: string;
  /** The program's folder (`trustlint lint DIR`); default: found from `cwd`. */
  dir?: string;
  /** A config file to use instead of the one found (`--config`). */
  configFile?: string;
  /** The date to judge against, `YYYY-MM-DD` (default: TRUSTLINT_TODAY, else today). */
  today?: string;
  /** The rules to run (default: every built-in rule). */
  rules?: readonly AnyRule[];
  /** Environment variables (default: the process's). */
  env?: Readonly<Record<string, string | undefined>>;
  /** A git revision to compare with (`--base`): coverage regressions and unversioned policy changes. */
  base?: string;
  /**
   * Report only what changed since this git revision (`--changed-since`):
   * file findings on changed lines, program findings the change caused.
   * Coverage is still computed over the whole program.
   */
  changedSince?: string;
  /**
   * The baseline file (`--baseline`): a path, `false` for none, or undefined
   * for `trustlint-baseline.json` in the program's folder when it exists.
   */
  baseline?: string | false;
  /** Write every current finding to the baseline file instead of filtering by it (`--write-baseline`). */
  writeBaseline?: boolean;
  /** Told how far the run is: how many files it has read and checked. */
  onProgress?: (progress: LintProgress) => void;
  /**
   * A lint cache (`--cache`): files whose content it holds are not parsed as
   * Markdown again, nor checked by file rules again under the same settings;
   * the result says which inputs the run read.
   */
  cache?: LintCache;
}

export interface LintProgress {
  /** Files read and checked so far (each is checked as it is read; the program rules run once all are). */
  done: number;
}

export interface LintResult {
  config: Config;
  /** The config file's path as given to the user, or undefined when defaults were used. */
  configPath: string | undefined;
  program: Program;
  findings: Finding[];
  coverage: Coverage;
  summary: Summary;
  today: string;
  /** How many findings inline suppressions took out. */
  suppressed: number;
  /** How many findings the baseline accepted. */
  baselined: number;
  /** The baseline file read or written, if any (as given to the user). */
  baselinePath: string | undefined;
  /** The rules the run applied (those the config leaves on; those that compare only with `--base`), in registry order. */
  appliedRules: RuleInfo[];
  /**
   * Every file the run read (the config, the program's files, the baseline,
   * and the program's baseline even when this run did not read it): no
   * output may replace one of them.
   */
  inputFiles: InputFile[];
  /**
   * With a cache: every input the run read, for reusing its output while they
   * stay the same; undefined without a cache, or when some input cannot be
   * recorded (a file too large or unreadable).
   */
  inputs: RunInputs | undefined;
}


/** Finds the config that applies to a folder (or the given file), or the defaults. */
export function resolveConfig(options: Pick<LintOptions, 'cwd' | 'dir' | 'configFile'>): { config: Config; configPath: string | undefined } {
  const cwd = options.cwd ?? process.cwd();
  const dir = options.dir === undefined ? undefined : resolve(cwd, options.dir);
  if (options.configFile !== undefined) {
    const path = resolve(cwd, options.configFile);
    const shown = displayPath(path, cwd);
    const config = loadConfig(path, shown);
    return { config: dir ? { ...config, root: dir } : config, configPath: shown };
  }
  const found = findConfigFile(dir ?? cwd);
  if (found === undefined) {
    if (dir === undefined) {
      throw new TrustlintError(
        'config-not-found',
        `No trustlint.config.yaml found in ${cwd} or any folder above it. Run \`trustlint init\` to create one, or name the program's folder: \`trustlint lint DIR\`.`,
      );
    }
    return { config: defaultConfig(dir, detectLayout(dir)), configPath: undefined };
  }
  const shown = displayPath(found, cwd);
  return { config: loadConfig(found, shown), configPath: shown };
}

/**
 * The program as it was at a git revision, read with the config it had then
 * (or today's, when it had none or an invalid one).
 */
export function loadBaseProgram(config: Config, ref: string): Program {
  const repoRoot = findRepoRoot(config.root);
  if (repoRoot === undefined) {
    throw new TrustlintError('not-a-repository', `${config.root} is not in a git repository, so there is no revision "${ref}" to compare with.`);
  }
  const source = GitSource.open(repoRoot, ref, repoRelative(repoRoot, config.root));
  let baseConfig = config;
  if (config.file) {
    const outcome = source.read(relative(config.root, config.file.absolutePath), config.limits.maxFileSize);
    const decoded = outcome.ok ? decodeText(outcome.bytes) : undefined;
    if (decoded?.ok) {
      try {
        baseConfig = { ...parseConfig(decoded.text, config.file.absolutePath, config.file.path), root: config.root };
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
      }
    }
  }
  return loadProgram(baseConfig, { source, repoRoot });
}

/** Reads a baseline; its findings name it relative to the repository, like every other file. */
function readBaseline(path: string, shown: string, repoRoot: string): Baseline {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new TrustlintError('baseline-unreadable', `Cannot read the baseline ${shown}: ${(error as Error).message}`, { cause: error });
  }
  return parseBaseline(new SourceFile(repoRelative(repoRoot, path), text, path));
}

export function lint(options: LintOptions = {}): LintResult {
  const env = options.env ?? process.env;
  const today = resolveToday(options.today, env);
  const { config, configPath } = resolveConfig(options);
  const rules = resolveRules(options.rules ?? builtinRules, config);
  const { onProgress } = options;
  const { cache } = options;
  const repoRoot = findRepoRoot(config.root) ?? config.root;
  const recorder = cache?.recorder(config.root, repoRoot);
  if (recorder) {
    if (config.file) recorder.recordFile(config.file.absolutePath);
    if (options.configFile === undefined) {
      const from = options.dir === undefined ? cwdOf(options) : resolve(cwdOf(options), options.dir);
      recorder.recordConfigLookup(from, findConfigFile(from));
    }
  }
  // What can be wrong before any file is checked is found first: the baseline, the base revision.
  const cwd = options.cwd ?? process.cwd();
  const baselineFile =
    options.baseline === false ? undefined : options.baseline === undefined ? join(config.root, BASELINE_FILE_NAME) : resolve(cwd, options.baseline);
  const baselinePath = baselineFile === undefined ? undefined : displayPath(baselineFile, cwd);
  const useBaseline = baselineFile !== undefined && !options.writeBaseline && (options.baseline !== undefined || existsSync(baselineFile));
  const baseline = useBaseline && baselinePath !== undefined ? readBaseline(baselineFile, baselinePath, repoRoot) : undefined;
  if (recorder && baselineFile !== undefined && !options.writeBaseline) recorder.recordFile(baselineFile);
  const basePrograms = new Map<string, Program>();
  const programAt = (ref: string): Program => {
    let found = basePrograms.get(ref);
    if (found === undefined) basePrograms.set(ref, (found = loadBaseProgram(config, ref)));
    return found;
  };
  const base = options.base === undefined ? undefined : { program: programAt(options.base), ref: options.base };
  const parseKey = parseKeyOf(config);
  const facts = cache?.facts(parseKey);
  const knownRuleIds = (options.rules ?? builtinRules).map((rule) => rule.name);
  const active = activeRules(rules, base !== undefined);
  let settingsKey = '';
  let fileChecks: FileChecks | undefined;
  // Each file is checked by the file rules as it is read, and then lets go of its YAML: the program rules read only facts.
  const checkFiles = (people: ProgramPeople) => {
    settingsKey = settingsKeyOf(parseKey, people, rules, today, knownRuleIds);
    const checks = new FileChecks(active, ruleSettings({ config, ...people }, today, knownRuleIds), cache?.fileFindings(settingsKey));
    fileChecks = checks;
    let checked = 0;
    return (entry: ProgramFile) => {
      cache?.primeOutlines(entry);
      checks.check(entry);
      onProgress?.({ done: ++checked });
    };
  };
  const program = loadProgram(config, {
    repoRoot,
    check: checkFiles,
    releaseYaml: true,
    ...(recorder ? { source: recorder } : {}),
    ...(facts ? { facts } : {}),
  });
  if (program.policies.length === 0 && program.controls.length === 0 && program.files.every((entry) => entry.role !== 'policy' && entry.role !== 'control')) {
    const globs = [...config.paths.policies, ...config.paths.controls].map((glob) => `"${glob}"`).join(', ');
    throw new TrustlintError(
      'no-files',
      `No policies or controls found in ${displayPath(config.root, cwd)} matching ${globs}. Check \`paths\` in the config for typing mistakes, or run \`trustlint init\` there.`,
    );
  }
  const programCache = cache?.programFindings(settingsKey, program, { unplaced: factsWithoutPlaces, moved: movedPlaces });
  const result = runRules({
    program,
    rules,
    today,
    knownRuleIds,
    ...(fileChecks ? { fileChecks } : {}),
    ...(base ? { base } : {}),
    ...(baseline ? { baseline } : {}),
    ...(programCache ? { programCache } : {}),
  });
  cache?.keepOutlines(program.files);
  const inputFiles = inputFilesOf(program, cwd, useBaseline ? baselineFile : undefined);
  if (options.writeBaseline) {
    if (baselineFile === undefined) throw new TrustlintError('usage', 'Cannot write a baseline when baselines are turned off; drop --no-baseline.');
    // --write-baseline is the flag that replaces the baseline, and only the baseline.
    writeOutput(
      { path: baselineFile, what: `the baseline to ${baselinePath ?? baselineFile}`, inputs: inputFiles.filter((input) => input.what !== BASELINE_INPUT || !sameFile(input.path, baselineFile)) },
      serializeBaseline(result.findings.filter((finding) => finding.ruleId !== BASELINE_RULE)),
    );
  }
  const { coverage } = result;
  let { findings } = result;
  if (options.changedSince !== undefined) {
    const changes = changedLines(program.repoRoot, options.changedSince);
    const programRuleIds = new Set(rules.filter(({ rule }) => rule.meta.scope === 'program').map(({ rule }) => rule.name));
    const before = runRules({ program: programAt(options.changedSince), rules, today });
    findings = restrictToChanges(findings, changes, programRuleIds, new Set(before.findings.map((finding) => finding.fingerprint)));
  }
  return {
    config,
    configPath,
    program,
    findings: options.writeBaseline ? [] : findings,
    coverage,
    summary: summarize(options.writeBaseline ? [] : findings),
    today,
    suppressed: result.suppressed,
    baselined: options.writeBaseline ? findings.length : result.baselined,
    baselinePath: useBaseline || options.writeBaseline ? baselinePath : undefined,
    appliedRules: active.map(({ rule }) => ruleInfo(rule)),
    inputFiles,
    inputs: recorder?.inputs(),
  };
}

const BASELINE_INPUT = 'the baseline';

const ROLE_NAMES: Readonly<Record<FileRole, string>> = {
  config: 'the config file',
  policy: 'a policy',
  narrative: 'a narrative',
  procedure: 'a procedure',
  standard: 'a standards file',
  control: 'a control file',
  owners: 'the owners file',
  evidence: 'an evidence file',
  codeowners: 'the CODEOWNERS file',
};

/**
 * The files a run reads, which no output may replace: the program's files
 * (the config among them), the baseline it read, and the program's own
 * baseline when it exists, read or not (`coverage` and `soa` do not read it,
 * `lint` and `gate` do).
 */
function inputFilesOf(program: Program, cwd: string, baselineFile: string | undefined): InputFile[] {
  const inputs: InputFile[] = program.files.map(({ file, role }) => ({ path: file.absolutePath, shown: file.path, what: ROLE_NAMES[role] }));
  const programBaseline = join(program.root, BASELINE_FILE_NAME);
  for (const path of new Set([baselineFile, existsSync(programBaseline) ? programBaseline : undefined])) {
    if (path !== undefined) inputs.push({ path, shown: displayPath(path, cwd), what: BASELINE_INPUT });
  }
  return inputs;
}

function cwdOf(options: LintOptions): string {
  return options.cwd ?? process.cwd();
}

/** The cache key of what reading a file depends on besides its content: the config. */
function parseKeyOf(config: Config): string {
  return cacheKey({ root: config.root, config: config.file?.text ?? null, layout: { ...config, file: undefined } });
}

/**
 * The cache key of what the file rules' findings depend on besides the file:
 * the config, the rules and their options, owners, CODEOWNERS, today.
 */
function settingsKeyOf(parse: string, { owners, codeowners }: ProgramPeople, rules: readonly ResolvedRule[], today: string, known: readonly string[]): string {
  return cacheKey({
    parse,
    today,
    rules: rules.map(({ rule, severity, options }) => [rule.name, severity, options]),
    known,
    owners: owners.exists ? owners.file.text : null,
    codeowners: codeowners?.file.text ?? null,
  });
}
