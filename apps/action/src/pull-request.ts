/**
 * What the triggering event says about the pull request, if it is one.
 */
import type { context } from '@actions/github';

type Context = typeof context;

export interface PullRequest {
  number: number;
  /** The commit the pull request is compared with. */
  baseSha: string;
  /** The pull request's own head commit (not the merge commit a `pull_request` run checks out). */
  headSha: string;
  /** Opened from a fork: the workflow token cannot write to the base repository. */
  fromFork: boolean;
}

interface PayloadRepo {
  full_name?: unknown;
}

interface PayloadPull {
  number?: unknown;
  base?: { sha?: unknown; repo?: PayloadRepo | null };
  head?: { sha?: unknown; repo?: PayloadRepo | null };
}

export function pullRequestOf(context: Pick<Context, 'eventName' | 'payload'>): PullRequest | undefined {
  if (context.eventName !== 'pull_request' && context.eventName !== 'pull_request_target') return undefined;
  const pull = context.payload.pull_request as PayloadPull | undefined;
  if (pull === undefined || typeof pull.number !== 'number' || typeof pull.base?.sha !== 'string' || typeof pull.head?.sha !== 'string') return undefined;
  const baseRepo = pull.base.repo?.full_name;
  const headRepo = pull.head.repo?.full_name;
  // A deleted fork has no head repository: treat it as a fork.
  const fromFork = typeof headRepo !== 'string' || headRepo !== baseRepo;
  return { number: pull.number, baseSha: pull.base.sha, headSha: pull.head.sha, fromFork };
}
