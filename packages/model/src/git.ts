/**
 * A program's files as they were at a git revision, read through git
 * plumbing (`ls-tree`, one `cat-file --batch`) without touching the work
 * tree or the index.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { posix } from 'node:path';
import { TrustlintError } from './errors.js';
import { hasPath, matchPaths, type ProgramSource, type ReadOutcome } from './files.js';

interface TreeEntry {
  mode: string;
  object: string;
  size: number;
}

function git(repoRoot: string, args: string[], input?: string): SpawnSyncReturns<Buffer> {
  const result = spawnSync('git', ['-C', repoRoot, ...args], {
    input,
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
  });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    throw new TrustlintError(
      'git-unavailable',
      code === 'ENOENT'
        ? 'Comparing with a base revision needs git, which was not found on PATH; install git or run without --base.'
        : `git could not be run (${result.error.message}); nothing could be compared with the base revision.`,
      { cause: result.error },
    );
  }
  return result;
}

/** Resolves a revision to a commit, or explains why it cannot be compared with. */
function resolveCommit(repoRoot: string, ref: string): string {
  const inside = git(repoRoot, ['rev-parse', '--is-inside-work-tree']);
  if (inside.status !== 0) {
    throw new TrustlintError('not-a-repository', `${repoRoot} is not in a git repository, so there is no revision "${ref}" to compare with.`);
  }
  const resolved = git(repoRoot, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  const commit = resolved.stdout.toString().trim();
  if (resolved.status !== 0 || commit === '') {
    throw new TrustlintError(
      'unknown-ref',
      `Unknown git revision "${ref}": it does not name a commit in ${repoRoot}. Check the name, or fetch it first (in GitHub Actions, check out with fetch-depth: 0).`,
    );
  }
  return commit;
}

/** Lines changed in each file, by repository-relative path; `all` for a new or untracked file. */
export type ChangedLines = ReadonlyMap<string, ReadonlySet<number> | 'all'>;

/**
 * What changed in the work tree since `ref`: committed, staged and unstaged
 * changes (one `git diff` against the revision), and untracked files.
 */
export function changedLines(repoRoot: string, ref: string): ChangedLines {
  const commit = resolveCommit(repoRoot, ref);
  const diff = git(repoRoot, ['-c', 'core.quotePath=false', 'diff', '--no-color', '--no-ext-diff', '--unified=0', '--find-renames', commit, '--']);
  if (diff.status !== 0) throw new TrustlintError('git-failed', `git diff against ${ref} failed: ${diff.stderr.toString().trim()}`);
  const changes = new Map<string, Set<number> | 'all'>();
  let current: Set<number> | undefined;
  for (const line of diff.stdout.toString('utf8').split('\n')) {
    if (line.startsWith('+++ ')) {
      const path = line.slice(4);
      current = path === '/dev/null' ? undefined : new Set<number>();
      if (current) changes.set(path.replace(/^b\//, ''), current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && current) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let number = start; number < start + count; number++) current.add(number);
    }
  }
  const untracked = git(repoRoot, ['ls-files', '--others', '--exclude-standard', '-z']);
  for (const path of untracked.stdout.toString('utf8').split('\0')) if (path) changes.set(path, 'all');
  for (const [path, lines] of changes) if (lines !== 'all' && lines.size === 0) changes.delete(path);
  return changes;
}

export class GitSource implements ProgramSource {
  readonly #files: ReadonlyMap<string, TreeEntry>;
  readonly #blobs = new Map<string, Uint8Array>();
  #fetched = false;

  private constructor(
    readonly repoRoot: string,
    /** The commit the revision resolved to. */
    readonly commit: string,
    files: ReadonlyMap<string, TreeEntry>,
  ) {
    this.#files = files;
  }

  /**
   * Opens the program folder `programPath` (relative to the repository root,
   * '' for the root) at `ref`. Throws a TrustlintError when git is missing,
   * the folder is not in a repository, or the revision is unknown.
   */
  static open(repoRoot: string, ref: string, programPath: string): GitSource {
    const commit = resolveCommit(repoRoot, ref);
    const listing = git(repoRoot, ['ls-tree', '-r', '-z', '-l', '--full-tree', commit, ...(programPath ? ['--', programPath] : [])]);
    if (listing.status !== 0) throw new TrustlintError('git-failed', `git ls-tree failed at ${ref}: ${listing.stderr.toString().trim()}`);
    const files = new Map<string, TreeEntry>();
    const prefix = programPath ? `${programPath}/` : '';
    for (const record of listing.stdout.toString('utf8').split('\0')) {
      const match = /^(\d+) (\w+) ([0-9a-f]+) +(-|\d+)\t(.*)$/s.exec(record);
      if (!match || match[2] !== 'blob') continue;
      const [, mode = '', , object = '', size = '0', path = ''] = match;
      if (!path.startsWith(prefix)) continue;
      files.set(path.slice(prefix.length), { mode, object, size: Number(size) });
    }
    return new GitSource(repoRoot, commit, files);
  }

  glob(patterns: readonly string[], ignore: readonly string[]): string[] {
    return matchPaths(this.#files.keys(), patterns, ignore);
  }

  exists(path: string): boolean {
    return hasPath(this.#files.keys(), path);
  }

  read(path: string, maxSize: number): ReadOutcome {
    const entry = this.#files.get(posix.normalize(path));
    if (entry === undefined) return { ok: false, code: 'missing' };
    if (entry.mode === '120000' || entry.mode === '160000') return { ok: false, code: 'not-a-file' };
    if (entry.size > maxSize) return { ok: false, code: 'too-large', size: entry.size, limit: maxSize };
    this.#fetchBlobs(maxSize);
    const bytes = this.#blobs.get(entry.object);
    return bytes ? { ok: true, bytes } : { ok: false, code: 'unreadable', reason: `git could not read ${path} at ${this.commit}` };
  }

  /** Reads every regular file of the program at once: one git process, not one per file. */
  #fetchBlobs(maxSize: number): void {
    if (this.#fetched) return;
    this.#fetched = true;
    const wanted = [...new Set([...this.#files.values()].filter((entry) => entry.mode.startsWith('100') && entry.size <= maxSize).map((entry) => entry.object))];
    if (wanted.length === 0) return;
    const result = git(this.repoRoot, ['cat-file', '--batch'], `${wanted.join('\n')}\n`);
    const output = result.stdout;
    let offset = 0;
    while (offset < output.length) {
      const newline = output.indexOf(10, offset);
      if (newline < 0) break;
      const header = output.subarray(offset, newline).toString('utf8');
      const match = /^([0-9a-f]+) blob (\d+)$/.exec(header);
      if (!match) break;
      const size = Number(match[2]);
      const start = newline + 1;
      this.#blobs.set(match[1] ?? '', new Uint8Array(output.subarray(start, start + size)));
      offset = start + size + 1;
    }
  }
}
