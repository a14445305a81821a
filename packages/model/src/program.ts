/**
 * Loading a whole program: every policy, control, owner and evidence file,
 * parsed with positions, with each file's problems kept for the rules.
 *
 * The readers and per-role builders that `loadProgram` uses are exported so
 * that single-file.ts builds one file's entry (from an editor's buffer) the
 * same way; they are not part of the package's index.
 */
import { join } from 'node:path';
import {
  findFrontMatter,
  parseYaml,
  SourceFile,
  type FrontMatter,
  type Span,
  type YamlDocument,
  type YamlNode,
} from '@trustlint/parser';
import { parseCodeowners, type Codeowners } from './codeowners.js';
import { parseDirectives, type Directive } from './directives.js';
import { ALWAYS_IGNORED, type Config } from './config.js';
import {
  buildControl,
  buildEvidenceLog,
  buildOwners,
  buildPolicy,
  buildStandard,
  buildSupportingDocument,
  type Control,
  type EvidenceLog,
  type Owners,
  type Policy,
  type PolicyDialect,
  type Standard,
  type SupportingDocument,
} from './entities.js';
import { factsOf, releaseYaml, restoreFromFacts, type FactsStore, type FileFacts } from './facts.js';
import { decodeText, DiskSource, type ProgramSource, type ReadFailure } from './files.js';
import { findRepoRoot, repoRelative } from './repo.js';
import { FileChangedError } from './errors.js';

export type FileRole = 'config' | 'policy' | 'narrative' | 'procedure' | 'standard' | 'control' | 'owners' | 'evidence' | 'codeowners';

/** What can be wrong with a file before any rule looks at its content. */
export type FileProblem =
  | { code: 'yaml-syntax'; reason: string; span: Span }
  | { code: 'duplicate-key'; key: string; span: Span; first: Span }
  | { code: 'unclosed-front-matter'; span: Span }
  | { code: 'toml-front-matter'; span: Span }
  | { code: 'missing-front-matter'; span: Span }
  | { code: 'empty-front-matter'; span: Span }
  | { code: 'multiple-documents'; span: Span }
  | { code: 'not-a-mapping'; found: string; span: Span }
  | { code: 'too-large'; size: number; limit: number; span: Span }
  | { code: 'binary'; span: Span }
  | { code: 'utf16'; span: Span }
  | { code: 'invalid-utf8'; span: Span }
  | { code: 'unreadable'; reason: string; span: Span }
  | { code: 'symlink-outside'; target: string; span: Span }
  | { code: 'linked-folder'; target: string; span: Span }
  | { code: 'not-a-file'; span: Span };

export interface ProgramFile {
  file: SourceFile;
  role: FileRole;
  problems: FileProblem[];
  /** Parsed YAML documents (for a policy, its front matter), if it parsed. */
  documents: YamlDocument[];
  /** What the file holds: a policy, controls, an evidence log, the owners. */
  entities: Entity[];
  /** Inline suppressions written in the file's comments. */
  directives: Directive[];
}

export type Entity = Policy | SupportingDocument | Standard | Control | EvidenceLog | Owners;

export interface Program {
  config: Config;
  /** Absolute program root. */
  root: string;
  /** Absolute repository root (the nearest folder above with `.git`), or the program root. */
  repoRoot: string;
  /** Every file read, in a stable order. */
  files: ProgramFile[];
  policies: Policy[];
  /** Narratives and procedures: read and checked, but not as policies. */
  documents: SupportingDocument[];
  /** Criteria catalogs kept in the repository. */
  standards: Standard[];
  controls: Control[];
  owners: Owners;
  evidence: EvidenceLog[];
  /** The CODEOWNERS file, parsed, if the program has one. */
  codeowners: Codeowners | undefined;
  /** Whether a file exists, by path relative to the program root (it may lead outside it, within the repository). */
  fileExists(path: string): boolean;
}

export interface LoadProgramOptions {
  /** Where the files come from (default: the program root on disk). */
  source?: ProgramSource;
  /** The repository root findings are relative to (default: found from `.git`). */
  repoRoot?: string;
  /**
   * Facts kept from an earlier run (a cache): a file whose facts it holds is
   * not parsed unless a rule needs more than they say; the facts of each
   * file parsed are given to it.
   */
  facts?: FactsStore;
  /**
   * Checks each file as it is read. Called once, with the owners and
   * CODEOWNERS (read before the other files), it returns what is then called
   * with each file's entry (the config's, each globbed file's, the owners',
   * CODEOWNERS'), in the order of `Program.files`, once its entities are
   * built and while its YAML is still parsed.
   */
  check?: (people: ProgramPeople) => (entry: ProgramFile) => void;
  /**
   * Lets go of each globbed file's YAML once it is checked (`releaseYaml`):
   * what asks for a YAML node, a plain value or a place deeper than one key
   * later gets the file parsed again. A program of 20,000 controls does not
   * hold all of its YAML at once this way.
   */
  releaseYaml?: boolean;
}

/** The people a program names: its owners file and CODEOWNERS, which the rules of every other file read. */
export interface ProgramPeople {
  owners: Owners;
  codeowners: Codeowners | undefined;
}

/** Where a program's CODEOWNERS file is looked for when the config names none, in order. */
export const CODEOWNERS_LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];

/** The candidates for a program's CODEOWNERS file: the one the config names, or the usual places. */
export function codeownersCandidates(config: Config): string[] {
  return config.paths.codeowners ? [config.paths.codeowners] : CODEOWNERS_LOCATIONS;
}

/** The roles of the files found by the config's path globs, in the order a program reads them. */
export const GLOB_ROLES = ['policy', 'narrative', 'procedure', 'standard', 'control', 'evidence'] as const;

export type GlobRole = (typeof GLOB_ROLES)[number];

const GLOBS_KEY: Readonly<Record<GlobRole, 'policies' | 'narratives' | 'procedures' | 'standards' | 'controls' | 'evidence'>> = {
  policy: 'policies',
  narrative: 'narratives',
  procedure: 'procedures',
  standard: 'standards',
  control: 'controls',
  evidence: 'evidence',
};

/** The config's globs for the files of a role. */
export function globsOf(config: Config, role: GlobRole): readonly string[] {
  return config.paths[GLOBS_KEY[role]];
}

/** Globs that are never read, whatever the config's globs say, plus the config's own `ignore`. */
export function ignoredGlobs(config: Config): string[] {
  return [...ALWAYS_IGNORED, ...config.paths.ignore];
}

/**
 * How each globbed role's entities are built from its file's entry, which
 * was read without problems; parse problems are recorded on the entry.
 */
const ENTITY_BUILDERS = {
  policy: (entry, config) => [readMarkdown(entry, config, 'policy')],
  narrative: (entry, config) => [readMarkdown(entry, config, 'narrative')],
  procedure: (entry, config) => [readMarkdown(entry, config, 'procedure')],
  standard: (entry) => {
    parseYamlFile(entry);
    expectContent(entry);
    return entry.documents.flatMap((document) =>
      document.root !== null && expectMapping(entry, document) ? [buildStandard(entry.file, document.root, document.value)] : [],
    );
  },
  control: (entry) => {
    parseYamlFile(entry);
    expectContent(entry);
    return entry.documents.flatMap((document) => {
      const { root: node, value } = document;
      if (node === null) return [];
      if (Array.isArray(value) && node.kind === 'seq') return value.map((item, index) => buildControl(entry.file, node, item, index, [index]));
      return expectMapping(entry, document) ? [buildControl(entry.file, node, value, document.index)] : [];
    });
  },
  evidence: (entry) => {
    parseYamlFile(entry);
    expectContent(entry);
    return entry.documents.flatMap((document) =>
      document.root !== null && expectMapping(entry, document) ? [buildEvidenceLog(entry.file, document.root, document.value)] : [],
    );
  },
} satisfies Record<GlobRole, (entry: ProgramFile, config: Config) => Entity[]>;

type BuiltEntity<R extends GlobRole> = ReturnType<(typeof ENTITY_BUILDERS)[R]>[number];

/**
 * Parses a globbed file's entry and adds its entities (a policy, controls,
 * an evidence log, …) to it; a file that could not be read has none.
 */
export function buildGlobbedEntities<R extends GlobRole>(entry: ProgramFile, config: Config, role: R): BuiltEntity<R>[] {
  if (entry.problems.length) return [];
  const built = (ENTITY_BUILDERS[role] as (entry: ProgramFile, config: Config) => BuiltEntity<R>[])(entry, config);
  entry.entities.push(...built);
  return built;
}

/** Builds a globbed file's entry again by parsing it, for what its facts do not hold. */
function reparser(entry: ProgramFile, config: Config, role: GlobRole): () => ProgramFile {
  return () => {
    const again: ProgramFile = { file: entry.file, role, problems: [], documents: [], entities: [], directives: [] };
    buildGlobbedEntities(again, config, role);
    return again;
  };
}

/** Where findings say a file of the program is: relative to the repository root. */
export function displayPathOf(config: Config, repoRoot: string, path: string): string {
  return repoRelative(repoRoot, join(config.root, path));
}

/**
 * Reads one file of the program (path relative to the program root) into an
 * entry with no entities yet: the file, its read or decoding problem if any,
 * and its inline suppressions (a Markdown document's come with its front
 * matter). Undefined when the file does not exist.
 */
export function readProgramFile(source: ProgramSource, config: Config, repoRoot: string, path: string, role: FileRole): ProgramFile | undefined {
  const displayPath = displayPathOf(config, repoRoot, path);
  const absolute = join(config.root, path);
  const outcome = source.read(path, config.limits.maxFileSize);
  if (!outcome.ok) {
    if (outcome.code === 'missing') return undefined;
    const file = new SourceFile(displayPath, '', absolute);
    return { file, role, problems: [readProblem(outcome)], documents: [], entities: [], directives: [] };
  }
  const decoded = decodeText(outcome.bytes);
  if (!decoded.ok) {
    const lossy = new TextDecoder().decode(outcome.bytes.subarray(0, decoded.offset));
    const file = new SourceFile(displayPath, lossy, absolute);
    const at = file.text.length;
    return { file, role, problems: [{ code: decoded.code, span: { start: at, end: at } }], documents: [], entities: [], directives: [] };
  }
  const file = new SourceFile(displayPath, decoded.text, absolute);
  return { file, role, problems: [], documents: [], entities: [], directives: role === 'policy' ? [] : parseDirectives(file, 'yaml') };
}

/** The entry of the config file itself: its suppressions, nothing else. */
export function configEntry(file: SourceFile): ProgramFile {
  return { file, role: 'config', problems: [], documents: [], entities: [], directives: parseDirectives(file, 'yaml') };
}

/**
 * The owners, built from the owners file's entry (whose entity they become),
 * or empty and marked missing when the program has no owners file.
 */
export function ownersOf(entry: ProgramFile | undefined, config: Config, repoRoot: string): Owners {
  if (entry === undefined) {
    return buildOwners(new SourceFile(displayPathOf(config, repoRoot, config.paths.owners), '', join(config.root, config.paths.owners)), null, undefined, false);
  }
  if (entry.problems.length === 0) parseYamlFile(entry);
  const document = single(entry);
  const owners = buildOwners(entry.file, document?.root ?? null, document?.value, true);
  entry.entities.push(owners);
  return owners;
}

/** CODEOWNERS, parsed from its entry, unless the file could not be read. */
export function codeownersOf(entry: ProgramFile): Codeowners | undefined {
  return entry.problems.length === 0 ? parseCodeowners(entry.file) : undefined;
}

/**
 * Reads a program's owners file and its CODEOWNERS (the first of the
 * candidates that exists), with `read`, which gives a file's entry or
 * undefined when it does not exist.
 */
export function readPeople(
  config: Config,
  repoRoot: string,
  read: (path: string, role: 'owners' | 'codeowners') => ProgramFile | undefined,
): ProgramPeople & { ownersEntry: ProgramFile | undefined; codeownersEntry: ProgramFile | undefined } {
  const ownersEntry = read(config.paths.owners, 'owners');
  const owners = ownersOf(ownersEntry, config, repoRoot);
  for (const path of codeownersCandidates(config)) {
    const entry = read(path, 'codeowners');
    if (entry) return { owners, ownersEntry, codeowners: codeownersOf(entry), codeownersEntry: entry };
  }
  return { owners, ownersEntry, codeowners: undefined, codeownersEntry: undefined };
}

export function loadProgram(config: Config, options: LoadProgramOptions = {}): Program {
  const root = config.root;
  const repoRoot = options.repoRoot ?? findRepoRoot(root) ?? root;
  const source: ProgramSource = options.source ?? new DiskSource(root, repoRoot);
  const ignore = ignoredGlobs(config);
  const files: ProgramFile[] = [];

  /** Reads a file; undefined when it does not exist. */
  const read = (path: string, role: FileRole): ProgramFile | undefined => readProgramFile(source, config, repoRoot, path, role);

  // The owners and CODEOWNERS come first, as every other file's rules read them; they are listed last.
  const { owners, ownersEntry, codeowners, codeownersEntry } = readPeople(config, repoRoot, read);
  const check = options.check?.({ owners, codeowners });
  const add = (entry: ProgramFile): void => {
    files.push(entry);
    check?.(entry);
  };
  if (config.file) add(configEntry(config.file));

  /**
   * A file the source knows unchanged and whose facts are kept: its entry,
   * with its text read only if something needs it (its facts say where its
   * parts are, and hold its suppressions), and its facts.
   */
  const restorable = (path: string, role: GlobRole, store: FactsStore): { entry: ProgramFile; facts: FileFacts } | undefined => {
    const bytes = source.unchanged?.(path, config.limits.maxFileSize);
    if (bytes === undefined) return undefined;
    const displayPath = displayPathOf(config, repoRoot, path);
    const file = SourceFile.deferred(displayPath, join(root, path), () => {
      const decoded = decodeText(bytes());
      // Facts are kept only for files that were read without a problem, so the same bytes decode.
      if (!decoded.ok) throw new FileChangedError(displayPath, 'it no longer decodes as UTF-8 text');
      return decoded.text;
    });
    const entry: ProgramFile = { file, role, problems: [], documents: [], entities: [], directives: [] };
    const facts = store.get(entry);
    if (facts === undefined) return undefined;
    return { entry, facts };
  };

  /**
   * Reads every file matching the role's globs and builds the entities of
   * each readable one: restored from its facts when the store keeps them,
   * else parsed (and its facts given to the store).
   */
  const collect = <R extends GlobRole>(role: R): BuiltEntity<R>[] => {
    const entities: BuiltEntity<R>[] = [];
    const store = options.facts;
    for (const path of source.glob(globsOf(config, role), ignore)) {
      const unchanged = store && restorable(path, role, store);
      const entry = unchanged ? unchanged.entry : read(path, role);
      if (!entry) continue;
      // A file that could not be read has no entities, and nothing to parse again.
      const readable = entry.problems.length === 0;
      const reparse = reparser(entry, config, role);
      const kept = unchanged ? unchanged.facts : readable ? store?.get(entry) : undefined;
      let facts: FileFacts | undefined;
      if (kept !== undefined) entities.push(...(restoreFromFacts(entry, kept, reparse) as BuiltEntity<R>[]));
      else {
        entities.push(...buildGlobbedEntities(entry, config, role));
        if (store && readable) store.set(entry, (facts = factsOf(entry)));
      }
      add(entry);
      if (options.releaseYaml && readable) releaseYaml(entry, reparse, facts);
    }
    return entities;
  };

  const policies = collect('policy');
  const documents = [...collect('narrative'), ...collect('procedure')];
  const standards = collect('standard');
  const controls = collect('control');
  const evidence = collect('evidence');
  if (ownersEntry) add(ownersEntry);
  if (codeownersEntry) add(codeownersEntry);

  return { config, root, repoRoot, files, policies, documents, standards, controls, owners, evidence, codeowners, fileExists: (path) => source.exists(path) };
}

function readProblem(failure: Exclude<ReadFailure, { code: 'missing' }>): FileProblem {
  const span = { start: 0, end: 0 };
  switch (failure.code) {
    case 'too-large':
      return { code: 'too-large', size: failure.size, limit: failure.limit, span };
    case 'unreadable':
      return { code: 'unreadable', reason: failure.reason, span };
    case 'symlink-outside':
    case 'linked-folder':
      return { code: failure.code, target: failure.target, span };
    case 'not-a-file':
      return { code: 'not-a-file', span };
  }
}

function parseYamlFile(entry: ProgramFile, span?: Span): void {
  const result = parseYaml(entry.file, span ? { span } : {});
  entry.documents = result.documents;
  if (result.error) entry.problems.push({ code: 'yaml-syntax', reason: result.error.message, span: result.error.span });
  for (const document of result.documents) {
    for (const { key, first } of document.duplicateKeys) {
      entry.problems.push({
        code: 'duplicate-key',
        key: key.kind === 'scalar' ? key.text : '?',
        span: { start: key.start, end: key.end },
        first: { start: first.start, end: first.end },
      });
    }
  }
}

function describeNode(node: YamlNode | null): string {
  if (node === null) return 'nothing';
  if (node.kind === 'seq') return 'a list';
  if (node.kind === 'map') return 'a mapping';
  if (node.kind === 'scalar') return node.empty ? 'nothing' : `the text \`${node.text.slice(0, 40)}\``;
  return 'an alias';
}

/** Records a problem unless the document is a mapping. */
function expectMapping(entry: ProgramFile, document: YamlDocument): boolean {
  if (document.root?.kind === 'map' && document.value !== undefined) return true;
  if (document.value === undefined) return false;
  const span = document.root ? entry.file.firstLineOf(document.root) : document.span;
  entry.problems.push({ code: 'not-a-mapping', found: describeNode(document.root), span });
  return false;
}

/**
 * Records a problem when a file that should hold controls, evidence or a
 * standard holds nothing (it is empty, or only comments): a file truncated by
 * mistake must not silently take its controls out of the program.
 */
function expectContent(entry: ProgramFile): void {
  if (entry.problems.length > 0 || entry.documents.some((document) => document.root !== null)) return;
  const found = entry.file.text.trim() === '' ? 'an empty file' : 'no YAML content (only comments or blank documents)';
  entry.problems.push({ code: 'not-a-mapping', found, span: { start: 0, end: 0 } });
}

/** The one document of a file that must hold one (owners), or a problem. */
function single(entry: ProgramFile): YamlDocument | undefined {
  const [first, second] = entry.documents;
  if (second) entry.problems.push({ code: 'multiple-documents', span: second.span });
  if (first && first.root !== null && !expectMapping(entry, first)) return undefined;
  return first;
}

/** The dialect a document is read in: the config's, or for `auto` the one its header's shape implies. */
function dialectOf(config: Config, frontMatter: FrontMatter): PolicyDialect {
  if (config.dialect !== 'auto') return config.dialect;
  return frontMatter.kind === 'comply' ? 'comply' : 'trustlint';
}

/**
 * Reads a Markdown document's front matter. A policy without front matter is
 * a problem; a narrative or procedure may have none.
 */
function readMarkdown(entry: ProgramFile, config: Config, role: 'policy'): Policy;
function readMarkdown(entry: ProgramFile, config: Config, role: 'narrative' | 'procedure'): SupportingDocument;
function readMarkdown(entry: ProgramFile, config: Config, role: 'policy' | 'narrative' | 'procedure'): Policy | SupportingDocument {
  const { file } = entry;
  const frontMatter: FrontMatter = findFrontMatter(file.text, config.frontMatter);
  entry.directives = parseDirectives(file, 'markdown', frontMatter.kind === 'none' ? 0 : frontMatter.block.end);
  const dialect = dialectOf(config, frontMatter);
  const build = (root: YamlNode | null, value: unknown) =>
    role === 'policy' ? buildPolicy(file, frontMatter, root, value, dialect) : buildSupportingDocument(file, frontMatter, root, value, dialect, role);
  const head = file.firstLineOf({ start: 0, end: file.text.length });
  if (frontMatter.kind === 'none') {
    if (role === 'policy') entry.problems.push({ code: 'missing-front-matter', span: head });
  } else if (frontMatter.kind === 'toml') {
    entry.problems.push({ code: 'toml-front-matter', span: head });
  } else if (!frontMatter.closed) {
    entry.problems.push({ code: 'unclosed-front-matter', span: head });
  } else {
    parseYamlFile(entry, frontMatter.content);
    const document = single(entry);
    if (document && document.root !== null) return build(document.root, document.value);
    if (entry.problems.length === 0 && role === 'policy') entry.problems.push({ code: 'empty-front-matter', span: head });
  }
  return build(null, undefined);
}
