/**
 * Loading a whole program: every policy, control, owner and evidence file,
 * parsed with positions, with each file's problems kept for the rules.
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
import { decodeText, DiskSource, type ProgramSource, type ReadFailure } from './files.js';
import { findRepoRoot, repoRelative } from './repo.js';

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
  /** Called after each file is read, with how many have been read so far. */
  onFile?: (read: number) => void;
}

const CODEOWNERS_LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];

export function loadProgram(config: Config, options: LoadProgramOptions = {}): Program {
  const root = config.root;
  const repoRoot = options.repoRoot ?? findRepoRoot(root) ?? root;
  const source = options.source ?? new DiskSource(root, repoRoot);
  const display = (path: string): string => repoRelative(repoRoot, join(root, path));
  const ignore = [...ALWAYS_IGNORED, ...config.paths.ignore];
  const files: ProgramFile[] = [];
  if (config.file) {
    files.push({ file: config.file, role: 'config', problems: [], documents: [], entities: [], directives: parseDirectives(config.file, 'yaml') });
  }

  let readCount = 0;
  /** Reads a file; undefined when it does not exist. */
  const read = (path: string, role: FileRole): ProgramFile | undefined => {
    options.onFile?.(++readCount);
    const displayPath = display(path);
    const absolute = join(root, path);
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
  };

  /** Reads every file matching `globs`; the entities of each readable one come from `build`. */
  const collect = <T extends Entity>(globs: readonly string[], role: FileRole, build: (entry: ProgramFile) => T[]): T[] => {
    const entities: T[] = [];
    for (const path of source.glob(globs, ignore)) {
      const entry = read(path, role);
      if (!entry) continue;
      files.push(entry);
      if (entry.problems.length) continue;
      const built = build(entry);
      entities.push(...built);
      entry.entities.push(...built);
    }
    return entities;
  };

  const policies = collect(config.paths.policies, 'policy', (entry) => [readMarkdown(entry, config, 'policy')]);
  const documents = [
    ...collect(config.paths.narratives, 'narrative', (entry) => [readMarkdown(entry, config, 'narrative')]),
    ...collect(config.paths.procedures, 'procedure', (entry) => [readMarkdown(entry, config, 'procedure')]),
  ];
  const standards = collect(config.paths.standards, 'standard', (entry) => {
    parseYamlFile(entry);
    return entry.documents.flatMap((document) =>
      document.root !== null && expectMapping(entry, document) ? [buildStandard(entry.file, document.root, document.value)] : [],
    );
  });
  const controls = collect(config.paths.controls, 'control', (entry) => {
    parseYamlFile(entry);
    return entry.documents.flatMap((document) => {
      const { root: node, value } = document;
      if (node === null) return [];
      if (Array.isArray(value) && node.kind === 'seq') return value.map((item, index) => buildControl(entry.file, node, item, index, [index]));
      return expectMapping(entry, document) ? [buildControl(entry.file, node, value, document.index)] : [];
    });
  });
  const evidence = collect(config.paths.evidence, 'evidence', (entry) => {
    parseYamlFile(entry);
    return entry.documents.flatMap((document) =>
      document.root !== null && expectMapping(entry, document) ? [buildEvidenceLog(entry.file, document.root, document.value)] : [],
    );
  });

  const ownersEntry = read(config.paths.owners, 'owners');
  let owners: Owners;
  if (ownersEntry) {
    files.push(ownersEntry);
    if (ownersEntry.problems.length === 0) parseYamlFile(ownersEntry);
    const document = single(ownersEntry);
    owners = buildOwners(ownersEntry.file, document?.root ?? null, document?.value, true);
    ownersEntry.entities.push(owners);
  } else {
    owners = buildOwners(new SourceFile(display(config.paths.owners), '', join(root, config.paths.owners)), null, undefined, false);
  }

  let codeowners: Codeowners | undefined;
  for (const path of config.paths.codeowners ? [config.paths.codeowners] : CODEOWNERS_LOCATIONS) {
    const entry = read(path, 'codeowners');
    if (!entry) continue;
    files.push(entry);
    if (entry.problems.length === 0) codeowners = parseCodeowners(entry.file);
    break;
  }

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
      return { code: 'symlink-outside', target: failure.target, span };
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
  return node.kind === 'scalar' ? `the text \`${node.text.slice(0, 40)}\`` : 'an alias';
}

/** Records a problem unless the document is a mapping. */
function expectMapping(entry: ProgramFile, document: YamlDocument): boolean {
  if (document.root?.kind === 'map' && document.value !== undefined) return true;
  if (document.value === undefined) return false;
  const span = document.root ? entry.file.firstLineOf(document.root) : document.span;
  entry.problems.push({ code: 'not-a-mapping', found: describeNode(document.root), span });
  return false;
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
