/**
 * The REST client: Octokit from @actions/github, with the retry plugin for
 * transient failures (5xx, network) and the throttling plugin for rate
 * limits (403/429 with Retry-After, secondary limits). Both are bounded, so
 * a run never waits for GitHub longer than a few minutes in all.
 */
import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export type GitHubClient = ReturnType<typeof getOctokit>;

/** Most retries of one request after a rate limit. */
export const RATE_LIMIT_RETRIES = 2;
/** Longest wait for a rate limit, in seconds; past it the request fails rather than hang. */
export const MAX_RATE_LIMIT_WAIT = 120;

export function createClient(token: string): GitHubClient {
  const onLimit = (kind: string) => (retryAfter: number, options: { method?: string; url?: string }, _octokit: unknown, retryCount: number): boolean => {
    const request = `${options.method ?? 'GET'} ${options.url ?? ''}`;
    if (retryCount < RATE_LIMIT_RETRIES && retryAfter <= MAX_RATE_LIMIT_WAIT) {
      core.info(`GitHub ${kind} rate limit on ${request}; retrying in ${retryAfter}s.`);
      return true;
    }
    core.warning(`GitHub ${kind} rate limit on ${request}; giving up after ${retryCount} retries.`);
    return false;
  };
  return getOctokit(
    token,
    {
      throttle: { onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') },
      retry: { retries: 3, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
    },
    retry,
    throttling,
  );
}

/** Whether an error from the client is GitHub refusing permission (a read-only token, a fork). */
export function isForbidden(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  return status === 403 || status === 401;
}
