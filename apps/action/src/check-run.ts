/**
 * A check run on the pull request's head commit, carrying the findings as
 * annotations. GitHub takes at most 50 annotations per request, so they go
 * in batches: the run is created with the first 50, updated with the rest,
 * then completed with its conclusion.
 */
import type { Finding } from '@trustlint/engine';
import type { GitHubClient } from './github-client.js';

export const ANNOTATIONS_PER_REQUEST = 50;
/** GitHub's limits on a check run's output. */
export const CHECK_SUMMARY_MAX_LENGTH = 65_535;
const TITLE_MAX_LENGTH = 255;
const MESSAGE_MAX_LENGTH = 64 * 1024 - 1;

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'failure' | 'warning' | 'notice';
  message: string;
  title: string;
}

const LEVELS = { error: 'failure', warning: 'warning', info: 'notice' } as const;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A finding as a check-run annotation. Columns only on one line (GitHub's rule); GitHub's end column is inclusive. */
export function toAnnotation(finding: Finding): CheckAnnotation {
  const oneLine = finding.endLine === finding.line;
  return {
    path: finding.file,
    start_line: finding.line,
    end_line: Math.max(finding.line, finding.endLine),
    ...(oneLine ? { start_column: finding.column, end_column: Math.max(finding.column, finding.endColumn - 1) } : {}),
    annotation_level: LEVELS[finding.severity],
    message: clip(`${finding.message}\n\n${finding.ruleId}: ${finding.url}`, MESSAGE_MAX_LENGTH),
    title: clip(`trustlint: ${finding.ruleId}`, TITLE_MAX_LENGTH),
  };
}

export interface CheckRunInput {
  owner: string;
  repo: string;
  headSha: string;
  title: string;
  summary: string;
  conclusion: 'success' | 'failure' | 'neutral';
  annotations: readonly CheckAnnotation[];
}

export async function publishCheckRun(client: GitHubClient, input: CheckRunInput): Promise<{ id: number; requests: number }> {
  const { owner, repo, headSha, conclusion, annotations } = input;
  const output = (batch: readonly CheckAnnotation[]) => ({
    title: clip(input.title, TITLE_MAX_LENGTH),
    summary: clip(input.summary, CHECK_SUMMARY_MAX_LENGTH),
    annotations: [...batch],
  });
  const batches: CheckAnnotation[][] = [];
  for (let start = 0; start < annotations.length; start += ANNOTATIONS_PER_REQUEST) batches.push(annotations.slice(start, start + ANNOTATIONS_PER_REQUEST));
  const [first = [], ...rest] = batches;
  const { data } = await client.rest.checks.create({ owner, repo, name: 'trustlint', head_sha: headSha, status: 'in_progress', output: output(first) });
  for (const batch of rest) await client.rest.checks.update({ owner, repo, check_run_id: data.id, output: output(batch) });
  await client.rest.checks.update({ owner, repo, check_run_id: data.id, status: 'completed', conclusion, completed_at: new Date().toISOString(), output: output([]) });
  return { id: data.id, requests: 2 + rest.length };
}
