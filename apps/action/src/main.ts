/**
 * The Action: lint the checked-out program, then report it on every channel
 * the token allows — annotations (a check run, or workflow commands), one
 * sticky pull-request comment, the job summary, a SARIF file, outputs — and
 * decide the step's result from the findings and the coverage alone.
 *
 * What decides the result never depends on reporting: a channel that fails
 * is logged as a warning and the others go on, the findings are always in
 * the log, and a failing gate fails the step whatever happened to the
 * reports. Anything that stops trustlint from checking fails the step too.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import * as core from '@actions/core';
import * as github from '@actions/github';
import { lint, type LintResult } from '@trustlint/core';
import { writeFileAtomic, type ChangedLines } from '@trustlint/model';
import { decideGate, formatters, gateVerdict, markdownReport, reportOf, workflowCommand, type GateDecision, type Report } from '@trustlint/reporters';
import packageJson from '../package.json' with { type: 'json' };
import { findingsToAnnotate, workflowAnnotations } from './annotations.js';
import { publishCheckRun, toAnnotation } from './check-run.js';
import { COMMENT_MARKER, COMMENT_MAX_LENGTH, upsertComment } from './comment.js';
import { changedLinesOf } from './diff.js';
import { createClient, isForbidden, type GitHubClient } from './github-client.js';
import { readInputs, type Inputs } from './inputs.js';
import { pullRequestOf, type PullRequest } from './pull-request.js';

export const VERSION: string = packageJson.version;

/** GitHub's limit on the job summary is 1 MiB; stay well inside it. */
const SUMMARY_MAX_LENGTH = 1_000_000;

interface Run {
  inputs: Inputs;
  workspace: string;
  repo: { owner: string; repo: string };
  pull: PullRequest | undefined;
  client: GitHubClient | undefined;
  /** False for fork pull requests and once a write was refused. */
  canWrite: boolean;
}

/** Runs the Action; never throws (the runner sees the outcome through the exit status). */
export async function run(): Promise<void> {
  try {
    await act();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    core.setFailed(`trustlint could not check the program, so this step fails: ${reason}`);
  }
}

async function act(): Promise<void> {
  const inputs = readInputs();
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const { context } = github;
  const pull = pullRequestOf(context);
  const state: Run = {
    inputs,
    workspace,
    repo: context.repo,
    pull,
    client: inputs.token ? createClient(inputs.token) : undefined,
    canWrite: inputs.token !== '' && pull?.fromFork !== true,
  };
  if (pull?.fromFork) {
    core.notice('This pull request comes from a fork, so the workflow token is read-only: findings are reported as annotations in the log and in the job summary, not as a check run or a comment.', {
      title: 'trustlint',
    });
  }

  const base = pull ? baseRevision(workspace, pull.baseSha) : undefined;
  const result = lint({ cwd: workspace, dir: inputs.path, ...(inputs.config ? { configFile: inputs.config } : {}), ...(base ? { base } : {}) });
  const report = reportOf(result, VERSION);
  const decision: GateDecision | undefined = inputs.failOn === 'never' ? undefined : decideGate(report, inputs.failOn, inputs.frameworks);
  const verdict = decision ? gateVerdict(report, decision) : 'trustlint reports only (fail-on: never).';

  logFindings(report);
  setOutputs(report, inputs);

  const changes = pull && inputs.changedOnly ? await pullChanges(state, pull) : undefined;
  const annotated = findingsToAnnotate(report.findings, changes);
  await channel('annotations', () => annotate(state, report, annotated, verdict, decision));
  if (pull && inputs.comment) await channel('the pull request comment', () => comment(state, pull, report, inputs));
  await channel('the job summary', async () => {
    await core.summary.addRaw(markdownReport(report, { maxLength: SUMMARY_MAX_LENGTH, failOn: inputs.failOn, frameworks: inputs.frameworks })).write();
  });
  if (inputs.sarifFile) {
    const path = resolve(workspace, inputs.sarifFile);
    await channel('the SARIF file', () => {
      writeFileAtomic(path, (formatters.sarif ?? (() => ''))(report, { color: false }));
      core.setOutput('sarif-file', path);
      return Promise.resolve();
    });
  }

  if (decision && !decision.passed) core.setFailed(verdict);
  else core.info(verdict);
}

/** Runs one reporting channel; a failure there is a warning, never the step's result. */
async function channel(name: string, publish: () => Promise<void>): Promise<void> {
  try {
    await publish();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    core.warning(`trustlint could not publish ${name}: ${reason.replace(/\.$/, '')}. The findings are in the log above; the step's result does not depend on ${name}.`, { title: 'trustlint' });
  }
}

/**
 * The pull request's base commit, fetched if the checkout lacks it, so that
 * coverage regressions can be computed; undefined (with a notice) if it
 * cannot be had.
 */
function baseRevision(workspace: string, sha: string): string | undefined {
  const git = (...args: string[]) => spawnSync('git', ['-C', workspace, ...args], { stdio: 'ignore', timeout: 120_000 }).status === 0;
  if (git('cat-file', '-e', `${sha}^{commit}`)) return sha;
  if (git('fetch', '--no-tags', '--depth=1', 'origin', sha) && git('cat-file', '-e', `${sha}^{commit}`)) return sha;
  core.notice(`The pull request's base commit ${sha.slice(0, 12)} is not in the checkout and could not be fetched, so coverage regressions are not checked. Check out with fetch-depth: 0 to check them.`, {
    title: 'trustlint',
  });
  return undefined;
}

/** Every finding in the log, with workflow commands stopped so that no text from a file can start one. */
function logFindings(report: Report): void {
  const token = randomBytes(16).toString('hex');
  const text = (formatters.stylish ?? (() => ''))(report, { color: false });
  process.stdout.write(`::stop-commands::${token}\n${text}::${token}::\n`);
}

function setOutputs(report: Report, inputs: Inputs): void {
  const frameworks = report.coverage.frameworks;
  const inScope = frameworks.reduce((sum, entry) => sum + entry.inScope.length, 0);
  const met = frameworks.reduce((sum, entry) => sum + entry.covered.length + entry.excluded.length, 0);
  core.setOutput('errors', report.summary.errors);
  core.setOutput('warnings', report.summary.warnings);
  core.setOutput('uncovered', frameworks.flatMap((entry) => entry.uncovered).join(','));
  core.setOutput('coverage', inScope === 0 ? '100.0' : ((100 * met) / inScope).toFixed(1));
  if (!inputs.sarifFile) core.setOutput('sarif-file', '');
}

/** The lines the pull request changed, from its files (paginated); undefined (annotate all) if they cannot be listed. */
async function pullChanges(state: Run, pull: PullRequest): Promise<ChangedLines | undefined> {
  if (state.client === undefined) return undefined;
  try {
    const files = await state.client.paginate(state.client.rest.pulls.listFiles, { ...state.repo, pull_number: pull.number, per_page: 100 });
    return changedLinesOf(files);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    core.warning(`trustlint could not list the pull request's files (${reason}); annotating every finding.`, { title: 'trustlint' });
    return undefined;
  }
}

function readOnly(state: Run, what: string): void {
  if (!state.canWrite) return;
  state.canWrite = false;
  core.notice(`The token may not write ${what} (read-only permissions?): findings are reported as annotations in the log and in the job summary instead.`, { title: 'trustlint' });
}

async function annotate(state: Run, report: Report, findings: LintResult['findings'], verdict: string, decision: GateDecision | undefined): Promise<void> {
  const { inputs, client, pull } = state;
  if (inputs.annotations === 'off') return;
  const useCheckRun = inputs.annotations === 'check-run' || (inputs.annotations === 'auto' && state.canWrite);
  if (useCheckRun && client && state.canWrite) {
    try {
      await publishCheckRun(client, {
        ...state.repo,
        headSha: pull?.headSha ?? github.context.sha,
        title: verdict,
        summary: markdownReport(report, { maxLength: 60_000, failOn: inputs.failOn, frameworks: inputs.frameworks }),
        conclusion: decision === undefined ? 'neutral' : decision.passed ? 'success' : 'failure',
        annotations: findings.map(toAnnotation),
      });
      return;
    } catch (error) {
      if (!isForbidden(error)) throw error;
      readOnly(state, 'check runs');
    }
  }
  const lines = workflowAnnotations(findings, 'the job summary and the log above');
  if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
}

async function comment(state: Run, pull: PullRequest, report: Report, inputs: Inputs): Promise<void> {
  if (!state.canWrite || state.client === undefined) return;
  const room = COMMENT_MAX_LENGTH - COMMENT_MARKER.length - 1;
  try {
    const result = await upsertComment(state.client, state.repo, pull.number, markdownReport(report, { maxLength: room, failOn: inputs.failOn, frameworks: inputs.frameworks }));
    core.info(`trustlint ${result.action} its summary comment (${result.id})${result.removed ? ` and removed ${result.removed} duplicate(s)` : ''}.`);
  } catch (error) {
    if (!isForbidden(error)) throw error;
    readOnly(state, 'pull request comments');
    process.stdout.write(`${workflowCommand('notice', { title: 'trustlint' }, 'The summary comment could not be written; it is in the job summary.')}\n`);
  }
}
