/**
 * The program's documents as typed entities. Each keeps its YAML node so that
 * any of its keys or values can be located; fields hold a value only when it
 * has the expected type (the schema rule reports the rest).
 */
import {
  nodeAtPath,
  outlineMarkdown,
  parseMarkdown,
  type DataPath,
  type FrontMatter,
  type MarkdownOutline,
  type SourceFile,
  type Span,
  type YamlNode,
} from '@trustlint/parser';
import type { Root } from 'mdast';
import type { FrameworkId } from './config.js';
import { locateIn, type Location } from './location.js';

export const CONTROL_STATUSES = ['implemented', 'partially-implemented', 'planned', 'not-applicable'] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];

export const FREQUENCIES = ['continuous', 'daily', 'weekly', 'monthly', 'quarterly', 'semiannual', 'annual', 'on-event'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const POLICY_STATUSES = ['draft', 'approved', 'retired'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

/**
 * Keys of `satisfies` that name a framework; `TSC` is strongdm/comply's. The
 * object has no prototype, so that keys such as `__proto__` or `constructor`
 * name no framework.
 */
export const FRAMEWORK_KEYS: Readonly<Record<string, FrameworkId>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, FrameworkId>, { soc2: 'soc2', TSC: 'soc2', iso27001: 'iso27001' } as const),
);

/** Something read from YAML that can say where its parts are. */
export interface Located {
  file: SourceFile;
  /** The YAML node of the entity itself (null when it has none). */
  node: YamlNode | null;
  /** The entity's plain value. */
  value: unknown;
  /** Where a path inside the entity is (the entity itself for `[]`). */
  locate(path?: DataPath, target?: 'key' | 'value'): Location;
}

/** A reference to a criterion, as written in a `satisfies` list. */
export interface CriterionRef {
  /** The key it is listed under, as written (`soc2`, `iso27001`, `TSC`). */
  key: string;
  /** The framework that key names, if any. */
  framework: FrameworkId | undefined;
  /** The id as written. */
  id: string;
  path: DataPath;
  location: Location;
}

/** A reference by id to another entity (a policy, a person). */
export interface IdRef {
  id: string;
  path: DataPath;
  location: Location;
}

/**
 * A dated record of evidence. What it says (its `summary`, a link) is for
 * auditors, not for rules, which read only when it was collected; the schema
 * rule checks the rest of the record.
 */
export interface EvidenceRecord {
  /** The date when it is a valid `YYYY-MM-DD` string. */
  date: string | undefined;
  path: DataPath;
  location: Location;
}

export interface Control extends Located {
  kind: 'control';
  /** Position of the control in its file: document index, or list index. */
  index: number;
  id: string | undefined;
  title: string | undefined;
  owner: string | undefined;
  status: ControlStatus | undefined;
  frequency: Frequency | undefined;
  satisfies: CriterionRef[];
  policies: IdRef[];
  evidence: EvidenceRecord[];
}

export interface Revision {
  version: string | undefined;
  date: string | undefined;
  path: DataPath;
}

/** Whose key names a document's metadata uses. */
export type PolicyDialect = 'trustlint' | 'comply' | 'hugo';

/** The keys a document's metadata was read from, which differ by dialect. */
export interface MetadataKeys {
  id: string;
  title: string;
  lastReviewed: string;
  revisions: string;
}

/** What every Markdown document with metadata has: policies and supporting documents. */
export interface MarkdownDocument extends Located {
  dialect: PolicyDialect;
  frontMatter: FrontMatter;
  keys: MetadataKeys;
  id: string | undefined;
  title: string | undefined;
  satisfies: CriterionRef[];
  /** Where the Markdown body is. */
  body: Span;
  /**
   * What rules read from the Markdown (headings, links, where the prose is),
   * with offsets into the file; read on first use, much faster than `tree()`.
   */
  outline(): MarkdownOutline;
  /** The Markdown tree of the whole file, parsed on first use, for what the outline does not hold. */
  tree(): Root;
}

export interface Policy extends MarkdownDocument {
  kind: 'policy';
  owner: string | undefined;
  approver: string | undefined;
  version: string | undefined;
  effective: string | undefined;
  lastReviewed: string | undefined;
  /** Months between reviews (default 12). */
  reviewCycle: number;
  status: PolicyStatus | undefined;
  revisions: Revision[];
}

/** A document that supports the program without being a policy: a narrative or a procedure. */
export interface SupportingDocument extends MarkdownDocument {
  kind: 'document';
  role: 'narrative' | 'procedure';
}

/** A criteria catalog kept in the repository (strongdm/comply's standards). */
export interface Standard extends Located {
  kind: 'standard';
  /** The standard's name as written (`TSC`). */
  name: string | undefined;
  /** Its criteria, one per key, located at the key. */
  criteria: CriterionRef[];
}

export interface Person {
  id: string;
  name: string | undefined;
  email: string | undefined;
  github: string | undefined;
  active: boolean;
  location: Location;
}

export interface Team {
  id: string;
  name: string | undefined;
  members: IdRef[];
  githubTeam: string | undefined;
  location: Location;
}

export type Owner = { kind: 'person'; person: Person } | { kind: 'team'; team: Team };

export interface Owners extends Located {
  kind: 'owners';
  /** False when the owners file does not exist. */
  exists: boolean;
  people: ReadonlyMap<string, Person>;
  teams: ReadonlyMap<string, Team>;
  find(id: string): Owner | undefined;
}

export interface EvidenceLog extends Located {
  kind: 'evidence';
  control: IdRef | undefined;
  records: EvidenceRecord[];
}

// ---------------------------------------------------------------------------

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A version may be written as a number (1.2); keep what was written. */
function versionText(value: unknown, node: YamlNode | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return node?.kind === 'scalar' ? node.text : String(value);
  return undefined;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

function locator(file: SourceFile, node: YamlNode | null, prefix: DataPath = []) {
  return (path: DataPath = [], target: 'key' | 'value' = 'value'): Location => locateIn(file, node, [...prefix, ...path], target);
}

/** The string items of a list at `path`, each with its location. */
function idRefs(value: unknown, path: DataPath, locate: Located['locate']): IdRef[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index) =>
    typeof item === 'string' ? [{ id: item, path: [...path, index], location: locate([...path, index]) }] : [],
  );
}

function criterionRefs(satisfies: unknown, locate: Located['locate'], base: DataPath = ['satisfies']): CriterionRef[] {
  if (!isRecord(satisfies)) return [];
  return Object.entries(satisfies).flatMap(([key, list]) => {
    const framework = FRAMEWORK_KEYS[key];
    const items = Array.isArray(list) ? list : list === null || list === undefined ? [] : [list];
    return items.flatMap((item, index) => {
      if (typeof item !== 'string' && typeof item !== 'number') return [];
      const path = Array.isArray(list) ? [...base, key, index] : [...base, key];
      // A plain `6.1` is read by YAML as a number: keep the text as written.
      const written = typeof item === 'number' ? (scalarText(locate, path) ?? String(item)) : item;
      return [{ key, framework, id: written, path, location: locate(path) }];
    });
  });
}

function scalarText(locate: Located['locate'], path: DataPath): string | undefined {
  const { file, span } = locate(path);
  return file.text.slice(span.start, span.end) || undefined;
}

function evidenceRecords(value: unknown, path: DataPath, locate: Located['locate']): EvidenceRecord[] {
  if (!Array.isArray(value)) return [];
  return value.map((record, index) => {
    const recordPath = [...path, index];
    const fields = isRecord(record) ? record : {};
    const date = text(fields.date);
    return {
      date: date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined,
      path: recordPath,
      location: locate(recordPath),
    };
  });
}

/** Builds a control from its value and node (`prefix` is its path in the document). */
export function buildControl(file: SourceFile, root: YamlNode | null, value: unknown, index: number, prefix: DataPath = []): Control {
  const node = root && prefix.length ? (nodeAtPath(root, prefix) ?? null) : root;
  const locate = locator(file, node);
  const fields = isRecord(value) ? value : {};
  return {
    kind: 'control',
    file,
    node,
    value,
    locate,
    index,
    id: text(fields.id),
    title: text(fields.title),
    owner: text(fields.owner),
    status: oneOf(fields.status, CONTROL_STATUSES),
    frequency: oneOf(fields.frequency, FREQUENCIES),
    satisfies: criterionRefs(fields.satisfies, locate),
    policies: idRefs(fields.policies, ['policies'], locate),
    evidence: evidenceRecords(fields.evidence, ['evidence'], locate),
  };
}

/** The first of `candidates` that is a key of `fields`, else the first candidate. */
function keyOf(fields: Readonly<Record<string, unknown>>, ...candidates: string[]): string {
  return candidates.find((key) => key in fields) ?? candidates[0] ?? '';
}

function metadataKeys(dialect: PolicyDialect, fields: Readonly<Record<string, unknown>>): MetadataKeys {
  switch (dialect) {
    case 'comply':
      return { id: keyOf(fields, 'acronym', 'id'), title: keyOf(fields, 'name', 'title'), lastReviewed: 'last_reviewed', revisions: keyOf(fields, 'majorRevisions', 'revisions') };
    case 'hugo':
      return { id: keyOf(fields, 'id', 'slug'), title: 'title', lastReviewed: keyOf(fields, 'last_reviewed', 'last_updated', 'lastmod'), revisions: 'revisions' };
    case 'trustlint':
      return { id: 'id', title: 'title', lastReviewed: 'last_reviewed', revisions: 'revisions' };
  }
}

/** A date written YYYY-MM-DD, or a YAML timestamp's date part (Hugo writes `2026-01-12T10:00:00Z`). */
function dateText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return /^\d{4}-\d{2}-\d{2}(?:[T ].*)?$/.test(value) ? value.slice(0, 10) : value;
}

function markdownDocument(
  file: SourceFile,
  frontMatter: FrontMatter,
  root: YamlNode | null,
  value: unknown,
  dialect: PolicyDialect,
): { document: MarkdownDocument; fields: Readonly<Record<string, unknown>> } {
  const locate = root ? locator(file, root) : () => locateIn(file, null);
  const fields = isRecord(value) ? value : {};
  const keys = metadataKeys(dialect, fields);
  const document: MarkdownDocument = {
    file,
    node: root,
    value,
    locate,
    dialect,
    frontMatter,
    keys,
    id: text(fields[keys.id]),
    title: text(fields[keys.title]),
    satisfies: criterionRefs(fields.satisfies, locate),
    body: { start: frontMatter.bodyStart, end: file.text.length },
    ...markdownReaders(file, frontMatter),
  };
  return { document, fields };
}

/** A document's readers of its Markdown, each parsing on first use (they do not need the front matter's YAML). */
export function markdownReaders(file: SourceFile, frontMatter: FrontMatter): Pick<MarkdownDocument, 'outline' | 'tree'> {
  let tree: Root | undefined;
  let outline: MarkdownOutline | undefined;
  return {
    outline: () => (outline ??= outlineMarkdown(file.text, frontMatter)),
    tree: () => (tree ??= parseMarkdown(file.text, frontMatter)),
  };
}

export function buildPolicy(
  file: SourceFile,
  frontMatter: FrontMatter,
  root: YamlNode | null,
  value: unknown,
  dialect: PolicyDialect,
): Policy {
  const { document, fields } = markdownDocument(file, frontMatter, root, value, dialect);
  const cycle = fields.review_cycle;
  const revisionsValue = fields[document.keys.revisions];
  return {
    ...document,
    kind: 'policy',
    owner: text(fields.owner),
    approver: text(fields.approver),
    version: versionText(fields.version, root ? nodeAtPath(root, ['version']) : undefined),
    effective: text(fields.effective),
    lastReviewed: dateText(fields[document.keys.lastReviewed]),
    reviewCycle: typeof cycle === 'number' && Number.isInteger(cycle) && cycle > 0 ? cycle : 12,
    status: oneOf(fields.status, POLICY_STATUSES),
    revisions: Array.isArray(revisionsValue)
      ? revisionsValue.map((revision, index) => {
          const entry = isRecord(revision) ? revision : {};
          const path = [document.keys.revisions, index];
          return {
            version: versionText(entry.version, root ? nodeAtPath(root, [...path, 'version']) : undefined),
            date: text(entry.date),
            path,
          };
        })
      : [],
  };
}

export function buildSupportingDocument(
  file: SourceFile,
  frontMatter: FrontMatter,
  root: YamlNode | null,
  value: unknown,
  dialect: PolicyDialect,
  role: SupportingDocument['role'],
): SupportingDocument {
  return { ...markdownDocument(file, frontMatter, root, value, dialect).document, kind: 'document', role };
}

/** A standard: `name`, then one key per criterion. */
export function buildStandard(file: SourceFile, root: YamlNode | null, value: unknown): Standard {
  const locate = locator(file, root);
  const fields = isRecord(value) ? value : {};
  const name = text(fields.name);
  const framework = name === undefined ? undefined : (FRAMEWORK_KEYS[name] ?? FRAMEWORK_KEYS[name.toLowerCase()]);
  const criteria = Object.keys(fields)
    .filter((key) => key !== 'name')
    .map((id) => ({ key: name ?? '', framework, id, path: [id], location: locate([id], 'key') }));
  return { kind: 'standard', file, node: root, value, locate, name, criteria };
}

export function buildOwners(file: SourceFile, root: YamlNode | null, value: unknown, exists: boolean): Owners {
  const locate = locator(file, root);
  const fields = isRecord(value) ? value : {};
  const people = new Map<string, Person>();
  const teams = new Map<string, Team>();
  (Array.isArray(fields.people) ? fields.people : []).forEach((entry: unknown, index) => {
    if (!isRecord(entry) || typeof entry.id !== 'string' || people.has(entry.id)) return;
    people.set(entry.id, {
      id: entry.id,
      name: text(entry.name),
      email: text(entry.email),
      github: text(entry.github),
      active: entry.active !== false,
      location: locate(['people', index, 'id']),
    });
  });
  (Array.isArray(fields.teams) ? fields.teams : []).forEach((entry: unknown, index) => {
    if (!isRecord(entry) || typeof entry.id !== 'string' || teams.has(entry.id)) return;
    teams.set(entry.id, {
      id: entry.id,
      name: text(entry.name),
      members: idRefs(entry.members, ['teams', index, 'members'], locate),
      githubTeam: text(entry.github_team),
      location: locate(['teams', index, 'id']),
    });
  });
  return {
    kind: 'owners',
    file,
    node: root,
    value,
    locate,
    exists,
    people,
    teams,
    find(id) {
      const person = people.get(id);
      if (person) return { kind: 'person', person };
      const team = teams.get(id);
      return team ? { kind: 'team', team } : undefined;
    },
  };
}

export function buildEvidenceLog(file: SourceFile, root: YamlNode | null, value: unknown): EvidenceLog {
  const locate = locator(file, root);
  const fields = isRecord(value) ? value : {};
  const control = text(fields.control);
  return {
    kind: 'evidence',
    file,
    node: root,
    value,
    locate,
    control: control === undefined ? undefined : { id: control, path: ['control'], location: locate(['control']) },
    records: evidenceRecords(fields.records, ['records'], locate),
  };
}
