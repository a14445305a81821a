/**
 * Linting a program folder: find and load its config, load every file, run
 * the rules, compute coverage. The CLI, the Action and any tool of a user's
 * call this one function.
 */
import { resolve } from 'node:path';
import { resolveRules, runRules, summarize, type AnyRule, type Finding, type Summary } from '@trustlint/engine';
import {
  defaultConfig,
  displayPath,
  findConfigFile,
  loadConfig,
  loadProgram,
  localToday,
  parseDate,
  TrustlintError,
  type Config,
  type Coverage,
  type Program,
} from '@trustlint/model';
import { rules as builtinRules } from '@trustlint/rules';

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
}

/** Which date runs are judged against: `--today`, TRUSTLINT_TODAY, or the calendar. */
export function resolveToday(option: string | undefined, env: Readonly<Record<string, string | undefined>>): string {
  const given = option ?? env.TRUSTLINT_TODAY;
  if (given === undefined || given === '') return localToday();
  const date = parseDate(given);
  if (date === undefined) {
    const source = option === undefined ? 'TRUSTLINT_TODAY' : '--today';
    throw new TrustlintError('invalid-today', `Invalid date "${given}" in ${source}; expected a calendar date written YYYY-MM-DD, such as 2026-03-31.`);
  }
  return date;
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
    return { config: defaultConfig(dir), configPath: undefined };
  }
  const shown = displayPath(found, cwd);
  return { config: loadConfig(found, shown), configPath: shown };
}

export function lint(options: LintOptions = {}): LintResult {
  const env = options.env ?? process.env;
  const today = resolveToday(options.today, env);
  const { config, configPath } = resolveConfig(options);
  const rules = resolveRules(options.rules ?? builtinRules, config);
  const program = loadProgram(config);
  if (program.policies.length === 0 && program.controls.length === 0 && program.files.every((entry) => entry.role !== 'policy' && entry.role !== 'control')) {
    const globs = [...config.paths.policies, ...config.paths.controls].map((glob) => `"${glob}"`).join(', ');
    throw new TrustlintError(
      'no-files',
      `No policies or controls found in ${displayPath(config.root, options.cwd ?? process.cwd())} matching ${globs}. Check \`paths\` in the config for typing mistakes, or run \`trustlint init\` there.`,
    );
  }
  const { findings, coverage } = runRules({ program, rules, today });
  return { config, configPath, program, findings, coverage, summary: summarize(findings), today };
}
