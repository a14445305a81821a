/**
 * One file of a program, without reading the rest of the program: what an
 * editor needs to check the buffer being typed in.
 *
 * - `rolesOf` decides what the program reads a file as, from the config's
 *   path globs (policy, narrative, procedure, standard, control, evidence),
 *   the owners path, the CODEOWNERS file the program uses, or the config file
 *   itself. A file no glob matches has no role and is not part of the program.
 *   Globs are matched with the same rules as `MemorySource` (picomatch, dot
 *   files included, `ALWAYS_IGNORED` and `paths.ignore` applied to the globbed
 *   roles only, as `loadProgram` does).
 * - `buildProgramFiles` builds, from the file's current text (an unsaved
 *   buffer), the same entries `loadProgram` builds for it when it reads the
 *   file from disk: problems, YAML documents, entities and inline
 *   suppressions, through the same readers and builders (program.ts). A file
 *   that several globs match is read once per role, as `loadProgram` does.
 * - `loadSharedFacts` reads only what file rules need besides the file: the
 *   owners and CODEOWNERS (the config is loaded by the caller).
 * - `programOfFile` puts a file's entries and the shared facts together into
 *   a `Program` that holds that file alone, so that the engine can run the
 *   file rules on it with suppressions and a baseline applied as in a full
 *   run. Program rules (coverage, duplicates, references) must not run on it:
 *   they need every file.
 */
import { join, relative, resolve, sep } from 'node:path';
import { SourceFile } from '@trustlint/parser';
import type { Codeowners } from './codeowners.js';
import type { Config } from './config.js';
import type { Control, EvidenceLog, Owners, Policy, Standard, SupportingDocument } from './entities.js';
import { DiskSource, matchPaths, MemorySource, type ProgramSource } from './files.js';
import {
  buildGlobbedEntities,
  codeownersCandidates,
  codeownersOf,
  configEntry,
  GLOB_ROLES,
  globsOf,
  ignoredGlobs,
  ownersOf,
  readPeople,
  readProgramFile,
  type FileRole,
  type Program,
  type ProgramFile,
} from './program.js';
import { findRepoRoot } from './repo.js';

export interface SingleFileOptions {
  /** The repository root findings are relative to (default: found from `.git`, as `loadProgram` does). */
  repoRoot?: string;
  /** Where the program's other files are (default: the program root on disk); only asked whether a CODEOWNERS file exists. */
  source?: ProgramSource;
}

function repoRootOf(config: Config, options: SingleFileOptions): string {
  return options.repoRoot ?? findRepoRoot(config.root) ?? config.root;
}

function sourceOf(config: Config, options: SingleFileOptions): ProgramSource {
  return options.source ?? new DiskSource(config.root, repoRootOf(config, options));
}

/** A path relative to the program root, with `/`. */
function programRelative(config: Config, absolutePath: string): string {
  return relative(config.root, resolve(absolutePath)).split(sep).join('/');
}

function samePath(config: Config, path: string, absolutePath: string): boolean {
  return resolve(config.root, path) === resolve(absolutePath);
}

/**
 * What the program reads a file as, in the order `loadProgram` reads them:
 * the config file, the globbed roles, the owners file, the CODEOWNERS file.
 * Empty when the file is not part of the program.
 */
export function rolesOf(config: Config, absolutePath: string, options: SingleFileOptions = {}): FileRole[] {
  const roles: FileRole[] = [];
  if (config.file && resolve(config.file.absolutePath) === resolve(absolutePath)) roles.push('config');
  const path = programRelative(config, absolutePath);
  const ignore = ignoredGlobs(config);
  for (const role of GLOB_ROLES) {
    if (matchPaths([path], globsOf(config, role), ignore).length) roles.push(role);
  }
  if (samePath(config, config.paths.owners, absolutePath)) roles.push('owners');
  const source = sourceOf(config, options);
  const codeowners = codeownersCandidates(config).find((candidate) => source.exists(candidate));
  if (codeowners !== undefined && samePath(config, codeowners, absolutePath)) roles.push('codeowners');
  return roles;
}

/**
 * The entries `loadProgram` would build for the file at `absolutePath` if its
 * content were `text`: one per role (usually one), none when the file is not
 * part of the program.
 */
export function buildProgramFiles(config: Config, absolutePath: string, text: string, options: SingleFileOptions = {}): ProgramFile[] {
  const repoRoot = repoRootOf(config, options);
  const path = programRelative(config, absolutePath);
  const buffer = new MemorySource({ [path]: text });
  const entries: ProgramFile[] = [];
  for (const role of rolesOf(config, absolutePath, options)) {
    if (role === 'config') {
      // The config's own entry only carries its suppressions; the config itself is the caller's.
      if (config.file) entries.push(configEntry(new SourceFile(config.file.path, text, config.file.absolutePath)));
      continue;
    }
    const entry = readProgramFile(buffer, config, repoRoot, path, role);
    if (entry === undefined) continue;
    if (role === 'owners') ownersOf(entry, config, repoRoot);
    else if (role !== 'codeowners') buildGlobbedEntities(entry, config, role);
    entries.push(entry);
  }
  return entries;
}

/** What every file rule may use besides the file itself, read once for a program. */
export interface SharedFacts {
  owners: Owners;
  /** The CODEOWNERS file the program uses, parsed, if it has one. */
  codeowners: Codeowners | undefined;
  /** The repository root findings are relative to. */
  repoRoot: string;
  /** The files these facts come from or would come from (absolute): when one of them changes, read the facts again. */
  files: string[];
}

/** Reads the owners file and CODEOWNERS of a program, as `loadProgram` reads them. */
export function loadSharedFacts(config: Config, options: SingleFileOptions = {}): SharedFacts {
  const repoRoot = repoRootOf(config, options);
  const source = sourceOf(config, options);
  const { owners, codeowners } = readPeople(config, repoRoot, (path, role) => readProgramFile(source, config, repoRoot, path, role));
  const files = [config.paths.owners, ...codeownersCandidates(config)].map((path) => join(config.root, path));
  return { owners, codeowners, repoRoot, files };
}

/**
 * A program that holds one file's entries (from `buildProgramFiles`) and the
 * shared facts. When the file is the owners file or the CODEOWNERS file, its
 * entry (the text being edited) stands in for the one read from disk.
 */
export function programOfFile(config: Config, facts: SharedFacts, entries: readonly ProgramFile[], options: SingleFileOptions = {}): Program {
  const entities = entries.flatMap((entry) => entry.entities);
  const ownersEntity = entities.find((entity): entity is Owners => entity.kind === 'owners');
  const codeownersEntry = entries.find((entry) => entry.role === 'codeowners');
  const source = sourceOf(config, { ...options, repoRoot: facts.repoRoot });
  return {
    config,
    root: config.root,
    repoRoot: facts.repoRoot,
    files: [...entries],
    policies: entities.filter((entity): entity is Policy => entity.kind === 'policy'),
    documents: entities.filter((entity): entity is SupportingDocument => entity.kind === 'document'),
    standards: entities.filter((entity): entity is Standard => entity.kind === 'standard'),
    controls: entities.filter((entity): entity is Control => entity.kind === 'control'),
    owners: ownersEntity ?? facts.owners,
    evidence: entities.filter((entity): entity is EvidenceLog => entity.kind === 'evidence'),
    codeowners: codeownersEntry ? codeownersOf(codeownersEntry) : facts.codeowners,
    fileExists: (path) => source.exists(path),
  };
}
