/**
 * What the ESLint rules share within one process: each program's config,
 * owners, CODEOWNERS and baseline, loaded once; and each file's findings,
 * computed once per text however many rules ask for them.
 *
 * - A file belongs to the program whose `trustlint.config.yaml` is in its
 *   folder or the nearest folder above, if the config's path globs give it a
 *   role (see model's single-file.ts). Anything else gets no findings: a
 *   folder without a config is not read with defaults here.
 * - The shared facts are read again when the config, the owners file, a
 *   CODEOWNERS candidate or the baseline changes on disk (their modification
 *   times are compared at most once per file linted).
 * - A file's findings are those of `trustlint lint` for that file: every file
 *   rule the trustlint config turns on runs, with its options from that
 *   config, then inline suppressions and the baseline apply (the engine's
 *   `runRules` on a program that holds this file alone). Program rules do not
 *   run, so a suppression that names one is never reported as unused here.
 * - Today is TRUSTLINT_TODAY when set, else the calendar date.
 * - An invalid config (or baseline, or TRUSTLINT_TODAY) is an error, as it
 *   is for the CLI: the rules throw it, and ESLint reports it as a failure to
 *   lint, never as a clean file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import {
  BASELINE_FILE_NAME,
  isFileRule,
  parseBaseline,
  resolveRules,
  runRules,
  type Baseline,
  type Finding,
  type ResolvedRule,
} from '@trustlint/engine';
import {
  buildProgramFiles,
  displayPath,
  findConfigFile,
  loadConfig,
  loadSharedFacts,
  localToday,
  parseDate,
  programOfFile,
  repoRelative,
  TrustlintError,
  type Config,
  type ProgramFile,
  type SharedFacts,
} from '@trustlint/model';
import { SourceFile } from '@trustlint/parser';
import { rules as registry } from '@trustlint/rules';

interface ProgramState {
  config: Config;
  facts: SharedFacts;
  /** The file rules the trustlint config turns on, with their options. */
  rules: ResolvedRule[];
  baseline: Baseline | undefined;
}

interface Loaded {
  /** Modification times of the files the state was read from. */
  stamp: string;
  /** The state, or the error that loading it raised (thrown again until the files change). */
  outcome: { ok: true; state: ProgramState } | { ok: false; error: unknown };
}

/** A file's findings, for one text of it. */
export interface FileFindings {
  /** The file as trustlint read it (the first of its entries). */
  file: SourceFile;
  findings: Finding[];
}

const KNOWN_RULE_IDS = registry.map((rule) => rule.name);

/** Programs by config path. */
const programs = new Map<string, Loaded>();

/** Findings by file name, with what they were computed from; the most recently used last. */
const files = new Map<string, { state: ProgramState; text: string; today: string; result: FileFindings | undefined }>();
const MAX_FILES = 1000;

/**
 * Work done for the file being linted now. ESLint lints a file synchronously,
 * all rules one after another; the next file comes after a pending microtask
 * has run, which clears this.
 */
let current: { filename: string; text: string; result: () => FileFindings | undefined } | undefined;

/** A file's modification time and size, or `-` when it does not exist. */
function modificationTime(path: string): string {
  try {
    const stat = statSync(path);
    return `${stat.mtimeMs}:${stat.size}`;
  } catch {
    return '-';
  }
}

function stampOf(paths: readonly string[]): string {
  return paths.map(modificationTime).join('|');
}

/** The files a program's state is read from: the config, the owners, CODEOWNERS candidates, the baseline. */
function watchedFiles(configPath: string, state: ProgramState | undefined): string[] {
  const baseline = join(dirname(configPath), BASELINE_FILE_NAME);
  return state === undefined ? [configPath, baseline] : [configPath, ...state.facts.files, baseline];
}

function readBaseline(config: Config, repoRoot: string): Baseline | undefined {
  const path = join(config.root, BASELINE_FILE_NAME);
  if (!existsSync(path)) return undefined;
  return parseBaseline(new SourceFile(repoRelative(repoRoot, path), readFileSync(path, 'utf8'), path));
}

function load(configPath: string): ProgramState {
  const config = loadConfig(configPath, displayPath(configPath, process.cwd()));
  const rules = resolveRules(registry, config).filter(({ rule }) => isFileRule(rule));
  const facts = loadSharedFacts(config);
  return { config, facts, rules, baseline: readBaseline(config, facts.repoRoot) };
}

/** The program a config file sets up, loaded again when its files changed on disk. */
function programAt(configPath: string): ProgramState {
  const known = programs.get(configPath);
  const knownState = known?.outcome.ok ? known.outcome.state : undefined;
  if (known === undefined || stampOf(watchedFiles(configPath, knownState)) !== known.stamp) {
    let outcome: Loaded['outcome'];
    try {
      outcome = { ok: true, state: load(configPath) };
    } catch (error) {
      outcome = { ok: false, error };
    }
    const stamp = stampOf(watchedFiles(configPath, outcome.ok ? outcome.state : undefined));
    programs.set(configPath, { stamp, outcome });
    return unwrap(outcome);
  }
  return unwrap(known.outcome);
}

function unwrap(outcome: Loaded['outcome']): ProgramState {
  if (outcome.ok) return outcome.state;
  throw outcome.error;
}

/** Which date findings are judged against: TRUSTLINT_TODAY, or the calendar. */
function today(): string {
  const given = process.env.TRUSTLINT_TODAY;
  if (given === undefined || given === '') return localToday();
  const date = parseDate(given);
  if (date === undefined) {
    throw new TrustlintError('invalid-today', `Invalid date "${given}" in TRUSTLINT_TODAY; expected a calendar date written YYYY-MM-DD, such as 2026-03-31.`);
  }
  return date;
}

function compute(state: ProgramState, filename: string, text: string, date: string): FileFindings | undefined {
  const { config, facts, rules, baseline } = state;
  const entries: ProgramFile[] = buildProgramFiles(config, filename, text, { repoRoot: facts.repoRoot });
  const [first] = entries;
  if (first === undefined) return undefined;
  const program = programOfFile(config, facts, entries);
  const { findings } = runRules({ program, rules, today: date, knownRuleIds: KNOWN_RULE_IDS, ...(baseline ? { baseline } : {}) });
  return { file: first.file, findings: findings.filter((finding) => finding.file === first.file.path) };
}

function findingsNow(filename: string, text: string): FileFindings | undefined {
  const configPath = findConfigFile(dirname(filename));
  if (configPath === undefined) return undefined;
  const state = programAt(configPath);
  const date = today();
  const cached = files.get(filename);
  if (cached && cached.state === state && cached.text === text && cached.today === date) {
    files.delete(filename);
    files.set(filename, cached);
    return cached.result;
  }
  const result = compute(state, filename, text, date);
  files.delete(filename);
  files.set(filename, { state, text, today: date, result });
  if (files.size > MAX_FILES) {
    const [oldest] = files.keys();
    if (oldest !== undefined) files.delete(oldest);
  }
  return result;
}

/**
 * The trustlint findings of a file (absolute path) whose content is `text`,
 * or undefined when it is not part of a trustlint program. Throws what
 * loading the program threw.
 */
export function fileFindings(filename: string, text: string): FileFindings | undefined {
  if (!isAbsolute(filename)) return undefined;
  const absolute = resolve(filename);
  if (current === undefined || current.filename !== absolute || current.text !== text) {
    let outcome: { ok: true; value: FileFindings | undefined } | { ok: false; error: unknown };
    try {
      outcome = { ok: true, value: findingsNow(absolute, text) };
    } catch (error) {
      outcome = { ok: false, error };
    }
    if (current === undefined) {
      queueMicrotask(() => {
        current = undefined;
      });
    }
    current = {
      filename: absolute,
      text,
      result: () => {
        if (outcome.ok) return outcome.value;
        throw outcome.error;
      },
    };
  }
  return current.result();
}

/** Forgets every program and file (for tests that change files between runs within one synchronous step). */
export function clearCaches(): void {
  programs.clear();
  files.clear();
  current = undefined;
}
