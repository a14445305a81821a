/**
 * One summary comment per pull request, kept up to date: found by a hidden
 * marker at the very start of a comment written by the same identity as this
 * run's token, updated in place, never duplicated (extra copies left by a
 * race or an older version are removed).
 */
import type { GitHubClient } from './github-client.js';

/** Starts every summary comment; text from a policy can never come first. */
export const COMMENT_MARKER = '<!-- trustlint: summary comment; updated in place on every run -->';

/** GitHub's limit on a comment body. */
export const COMMENT_MAX_LENGTH = 65_536;

/** The identity the workflow token writes as. */
const ACTIONS_BOT = 'github-actions[bot]';

interface Repo {
  owner: string;
  repo: string;
}

/** Who comments with this token: the user of a personal token, else the Actions bot. */
async function identity(client: GitHubClient): Promise<string> {
  try {
    const { data } = await client.rest.users.getAuthenticated();
    return data.login;
  } catch {
    // An installation token (the workflow's GITHUB_TOKEN) may not read /user.
    return ACTIONS_BOT;
  }
}

export interface CommentResult {
  action: 'created' | 'updated';
  id: number;
  /** Duplicates removed. */
  removed: number;
}

export async function upsertComment(client: GitHubClient, repo: Repo, issueNumber: number, markdown: string): Promise<CommentResult> {
  const body = `${COMMENT_MARKER}\n${markdown}`;
  if (body.length > COMMENT_MAX_LENGTH) throw new Error(`The summary comment is ${body.length} characters, over GitHub's ${COMMENT_MAX_LENGTH}`);
  const login = await identity(client);
  const comments = await client.paginate(client.rest.issues.listComments, { ...repo, issue_number: issueNumber, per_page: 100 });
  const ours = comments.filter((comment) => comment.user?.login === login && (comment.body ?? '').startsWith(COMMENT_MARKER));
  const [first, ...extra] = ours;
  if (first === undefined) {
    const { data } = await client.rest.issues.createComment({ ...repo, issue_number: issueNumber, body });
    return { action: 'created', id: data.id, removed: 0 };
  }
  if (first.body !== body) await client.rest.issues.updateComment({ ...repo, comment_id: first.id, body });
  for (const duplicate of extra) await client.rest.issues.deleteComment({ ...repo, comment_id: duplicate.id });
  return { action: 'updated', id: first.id, removed: extra.length };
}
