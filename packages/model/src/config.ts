/**
 * `trustlint.config.yaml`: finding it, validating it, and filling defaults.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import {
  parseYaml,
  SourceFile,
  spanForPath,
  type DataPath,
  type FrontMatterMode,
  type YamlNode,
} from '@trustlint/parser';
import { ConfigError, TrustlintError, type ConfigProblem } from './errors.js';
import { validate } from './validation.js';
import type { Location } from './location.js';
import { findRepoRoot, repoRelative } from './repo.js';


export type FrameworkId = 'soc2' | 'iso27001';
export type RuleSeverity = 'off' | 'info' | 'warning' | 'error';

export interface Soc2Settings {
  /** Categories in scope; always includes `security`. */
  categories: readonly string[];
  /** SOC 2 Type 1 or Type 2. */
  type: 1 | 2;
}

export interface Exclusion {
  framework: FrameworkId;
  criterion: string;
  reason: string | undefined;
  approver: string | undefined;
  /** Index in the config's `exclusions` list. */
  index: number;
}

export interface RuleSetting {
  severity: RuleSeverity;
  /** Options as written, before the rule's schema validates them. */
  options: unknown;
  /** Where the setting is written, for error messages. */
  path: DataPath;
}

export type Dialect = 'auto' | 'trustlint' | 'comply' | 'hugo';

export interface ProgramPaths {
  policies: readonly string[];
  controls: readonly string[];
  narratives: readonly string[];
  procedures: readonly string[];
  standards: readonly string[];
  owners: string;
  evidence: readonly string[];
  codeowners: string | undefined;
  ignore: readonly string[];
}

export interface Config {
  /** The config file, or undefined when defaults are in use. */
  file: SourceFile | undefined;
  /** The program's root folder (where the config is), absolute. */
  root: string;
  program: string;
  frameworks: { soc2?: Soc2Settings; iso27001?: Record<string, never> };
  observationPeriod: { start: string; end: string } | undefined;
  frontMatter: FrontMatterMode;
  /** The key names of policy metadata. */
  dialect: Dialect;
  paths: ProgramPaths;
  exclusions: readonly Exclusion[];
  limits: { maxFileSize: number };
  rules: ReadonlyMap<string, RuleSetting>;
  /** Where a data path of the config file is; undefined when there is no file. */
  locate(path: DataPath, target?: 'key' | 'value'): Location | undefined;
}

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export const DEFAULT_PATHS: ProgramPaths = {
  policies: ['*.md', 'policies/**/*.md'],
  controls: ['controls/**/*.yaml', 'controls/**/*.yml'],
  narratives: ['narratives/**/*.md'],
  procedures: ['procedures/**/*.md'],
  standards: ['standards/**/*.yml', 'standards/**/*.yaml'],
  owners: 'owners.yaml',
  evidence: ['evidence/**/*.yaml', 'evidence/**/*.yml'],
  codeowners: undefined,
  ignore: [],
};

/** Never read as policies, whatever the globs say. */
export const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**', '**/README.md', '**/CHANGELOG.md', '**/CONTRIBUTING.md', '**/LICENSE.md', '**/TODO.md'];


/** What a folder's files suggest, for a folder without a config (see layout.ts). */
export interface LayoutDefaults {
  dialect: Dialect;
  paths: Partial<ProgramPaths>;
  categories: readonly string[];
}

/** The defaults for a folder that has no config file, adjusted to what its files look like. */
export function defaultConfig(root: string, layout?: LayoutDefaults): Config {
  return {
    file: undefined,
    root: resolve(root),
    program: resolve(root).split(sep).at(-1) ?? 'program',
    frameworks: { soc2: { categories: layout ? [...layout.categories] : ['security'], type: 2 } },
    observationPeriod: undefined,
    frontMatter: 'auto',
    dialect: layout?.dialect ?? 'auto',
    paths: { ...DEFAULT_PATHS, ...layout?.paths },
    exclusions: [],
    limits: { maxFileSize: DEFAULT_MAX_FILE_SIZE },
    rules: new Map(),
    locate: () => undefined,
  };
}

/**
 * Reads and validates a config file. Throws ConfigError, with the line and
 * column of every problem, when it cannot be used.
 */
export function loadConfig(configPath: string, displayPath = configPath): Config {
  let read: CappedRead;
  try {
    read = readCapped(configPath, DEFAULT_MAX_FILE_SIZE);
  } catch (error) {
    throw new TrustlintError('config-unreadable', `Cannot read the configuration file ${displayPath}: ${(error as Error).message}`, { cause: error });
  }
  if (!read.ok) {
    const limit = `the limit of ${DEFAULT_MAX_FILE_SIZE} bytes`;
    const amount = read.size === undefined ? `holds more than ${limit}` : `is ${read.size} bytes, over ${limit}`;
    throw new TrustlintError(
      'config-too-large',
      `The configuration file ${displayPath} ${amount} for any file trustlint reads, and was not read; expected a config of a few kilobytes (is it the right file?). A config cannot raise this limit for itself: \`limits.max_file_size\` applies to the program's other files.`,
    );
  }
  return parseConfig(read.text, resolve(configPath), displayPath);
}

type CappedRead = { ok: true; text: string } | { ok: false; size: number | undefined };

/**
 * A file's text, read no further than `limit` bytes. A regular file's size is
 * checked before anything is read (and given when it is over); a pipe
 * (`--config <(…)`) is read until it passes the limit.
 */
function readCapped(path: string, limit: number): CappedRead {
  const fd = openSync(path, 'r');
  try {
    const stat = fstatSync(fd);
    if (stat.isFile() && stat.size > limit) return { ok: false, size: stat.size };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(64 * 1024, limit + 1 - total));
      const count = readSync(fd, chunk, 0, chunk.length, null);
      if (count === 0) break;
      chunks.push(chunk.subarray(0, count));
      total += count;
      if (total > limit) return { ok: false, size: undefined };
    }
    return { ok: true, text: Buffer.concat(chunks, total).toString('utf8') };
  } finally {
    closeSync(fd);
  }
}

/**
 * Validates a config file's text. `configPath` (absolute) decides the
 * program root: the folder that holds it.
 */
export function parseConfig(text: string, configPath: string, displayPath = configPath): Config {
  const file = new SourceFile(repoRelative(findRepoRoot(dirname(configPath)) ?? dirname(configPath), configPath), text, configPath);
  const { documents, error } = parseYaml(file);
  const fail = (problems: ConfigProblem[]): never => {
    throw new ConfigError(displayPath, problems);
  };
  if (error) fail([{ message: `YAML syntax error: ${error.message}.`, range: file.rangeOf(error.span) }]);
  if (documents.length > 1) {
    const second = documents[1];
    fail([{ message: 'Expected one YAML document, found several (a `---` line separates them).', range: file.rangeOf(second?.span ?? { start: 0, end: 0 }) }]);
  }
  const document = documents[0];
  const value = document?.value ?? {};
  const root: YamlNode | null = document?.root ?? null;
  const locateSpan = (path: DataPath, target: 'key' | 'value' = 'value') =>
    root ? spanForPath(root, path, (span) => file.firstLineOf(span), target) : { start: 0, end: 0 };

  const problems: ConfigProblem[] = [];
  for (const duplicate of document?.duplicateKeys ?? []) {
    const first = file.positionAt(duplicate.first.start);
    problems.push({
      message: `Duplicate key \`${duplicate.key.kind === 'scalar' ? duplicate.key.text : '?'}\` (first defined at line ${first.line}); each key may appear once.`,
      range: file.rangeOf(duplicate.key),
    });
  }
  for (const violation of validate('config', value)) {
    if (violation.path[0] === 'rules' && violation.path.length > 1) continue;
    problems.push({ message: violation.message, range: file.rangeOf(locateSpan(violation.path, violation.target)) });
  }
  const config = value as RawConfig;
  const rules = new Map<string, RuleSetting>();
  for (const [id, setting] of Object.entries(isRecord(config.rules) ? config.rules : {})) {
    const parsed = parseRuleSetting(setting);
    if (typeof parsed === 'string') {
      problems.push({ message: `Rule \`${id}\`: ${parsed}`, range: file.rangeOf(locateSpan(['rules', id])) });
    } else {
      rules.set(id, { ...parsed, path: ['rules', id] });
    }
  }
  const period = config.observation_period;
  if (period && typeof period.start === 'string' && typeof period.end === 'string' && period.start > period.end) {
    problems.push({
      message: `The observation period ends (${period.end}) before it starts (${period.start}); expected start ≤ end.`,
      range: file.rangeOf(locateSpan(['observation_period', 'end'])),
    });
  }
  if (problems.length) fail(problems);

  const soc2 = config.frameworks?.soc2;
  const frameworks: Config['frameworks'] = {};
  if (config.frameworks === undefined || soc2 !== undefined) {
    const categories = new Set(['security', ...(soc2?.categories ?? [])]);
    frameworks.soc2 = { categories: [...categories], type: soc2?.type ?? 2 };
  }
  if (config.frameworks?.iso27001 !== undefined) frameworks.iso27001 = {};
  const rootDir = dirname(configPath);
  return {
    file,
    root: rootDir,
    program: config.program ?? rootDir.split(sep).at(-1) ?? 'program',
    frameworks,
    observationPeriod: period ? { start: String(period.start), end: String(period.end) } : undefined,
    frontMatter: config.front_matter ?? 'auto',
    dialect: config.dialect ?? 'auto',
    paths: {
      policies: config.paths?.policies ?? DEFAULT_PATHS.policies,
      controls: config.paths?.controls ?? DEFAULT_PATHS.controls,
      narratives: config.paths?.narratives ?? DEFAULT_PATHS.narratives,
      procedures: config.paths?.procedures ?? DEFAULT_PATHS.procedures,
      standards: config.paths?.standards ?? DEFAULT_PATHS.standards,
      owners: config.paths?.owners ?? DEFAULT_PATHS.owners,
      evidence: config.paths?.evidence ?? DEFAULT_PATHS.evidence,
      codeowners: config.paths?.codeowners,
      ignore: config.paths?.ignore ?? DEFAULT_PATHS.ignore,
    },
    exclusions: (config.exclusions ?? []).map((exclusion, index) => ({
      framework: exclusion.framework ?? 'soc2',
      criterion: exclusion.criterion,
      reason: exclusion.reason,
      approver: exclusion.approver,
      index,
    })),
    limits: { maxFileSize: config.limits?.max_file_size ?? DEFAULT_MAX_FILE_SIZE },
    rules,
    locate: (path, target) => ({ file, span: locateSpan(path, target) }),
  };
}

/** Path of the config relative to the working directory, for messages. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel.startsWith('..') || rel === '' ? path : rel.split(sep).join('/');
}

interface RawConfig {
  program?: string;
  frameworks?: { soc2?: { categories?: string[]; type?: 1 | 2 }; iso27001?: object };
  observation_period?: { start: unknown; end: unknown };
  front_matter?: FrontMatterMode;
  dialect?: Dialect;
  paths?: Partial<Record<'policies' | 'controls' | 'narratives' | 'procedures' | 'standards' | 'evidence' | 'ignore', string[]>> & {
    owners?: string;
    codeowners?: string;
  };
  exclusions?: { framework?: FrameworkId; criterion: string; reason?: string; approver?: string }[];
  limits?: { max_file_size?: number };
  rules?: unknown;
}

const SEVERITIES: readonly RuleSeverity[] = ['off', 'info', 'warning', 'error'];

/** `error`, or `[error, { … }]`; a string says what is wrong. */
function parseRuleSetting(setting: unknown): Omit<RuleSetting, 'path'> | string {
  const expected = 'expected a severity (`off`, `info`, `warning` or `error`) or a list `[severity, { options }]`';
  const severityOf = (value: unknown): RuleSeverity | undefined =>
    SEVERITIES.find((severity) => severity === value);
  if (Array.isArray(setting)) {
    const severity = severityOf(setting[0]);
    if (severity === undefined || setting.length > 2) return `unexpected setting; ${expected}.`;
    if (setting.length === 2 && !isRecord(setting[1])) return `options should be a mapping, found ${JSON.stringify(setting[1])}.`;
    return { severity, options: setting[1] };
  }
  const severity = severityOf(setting);
  if (severity === undefined) return `unexpected setting ${JSON.stringify(setting)}; ${expected}.`;
  return { severity, options: undefined };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
