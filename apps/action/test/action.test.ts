/**
 * The committed bundle, run as the runner runs it: a child process with the
 * environment Actions sets, a real pull_request payload, and GitHub's API
 * replaced by a strict fake on 127.0.0.1 that rejects whatever the real API
 * would reject.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { parseMarkdown } from '@trustlint/parser';
import { copyOf, REPOSITORY, SAMPLE, TODAY } from '@trustlint/test-support';
import type { Nodes } from 'mdast';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMENT_MARKER } from '../src/comment.js';
import { FakeGitHub, type PullFileFixture } from './fake-github.js';

const BUNDLE = join(REPOSITORY, 'apps/action/dist/index.js');
const OWNER = 'Codertocat';
const REPO = 'Hello-World';

interface Program {
  dir: string;
  base: string;
  head: string;
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: dir, encoding: 'utf8' });
}

/** The sample program in a git repository: a base commit, then `change` committed as the pull request's head. */
function pullRequestProgram(change: (dir: string) => void): Program {
  const dir = copyOf(SAMPLE);
  git(dir, 'init', '--quiet', '--initial-branch=main');
  git(dir, 'add', '.');
  git(dir, 'commit', '--quiet', '-m', 'base');
  const base = git(dir, 'rev-parse', 'HEAD').trim();
  change(dir);
  git(dir, 'add', '-A');
  git(dir, 'commit', '--quiet', '--allow-empty', '-m', 'head');
  return { dir, base, head: git(dir, 'rev-parse', 'HEAD').trim() };
}

function edit(dir: string, path: string, change: (text: string) => string): void {
  writeFileSync(join(dir, path), change(readFileSync(join(dir, path), 'utf8')));
}

/** The pull request's files as GitHub's API lists them, with their patches. */
function pullFiles({ dir, base, head }: Program): PullFileFixture[] {
  const statuses: Record<string, string> = { A: 'added', M: 'modified', D: 'removed' };
  return git(dir, 'diff', '--name-status', base, head)
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [status = 'M', filename = ''] = line.split('\t');
      const diff = git(dir, 'diff', '--unified=0', base, head, '--', filename);
      const patch = diff.slice(diff.indexOf('@@'));
      return { filename, status: statuses[status] ?? 'modified', ...(status === 'A' ? {} : { patch }) };
    });
}

/** A real pull_request payload, pointed at this program's commits. */
function event(program: Program, options: { fork?: boolean } = {}): string {
  const require = createRequire(import.meta.url);
  const examples = require('@octokit/webhooks-examples') as { name: string; examples: { action: string }[] }[];
  const opened = examples.find((entry) => entry.name === 'pull_request')?.examples.find((example) => example.action === 'opened');
  const payload = structuredClone(opened) as unknown as {
    number: number;
    pull_request: { number: number; base: { sha: string; repo: { full_name: string } }; head: { sha: string; repo: { full_name: string } } };
  };
  payload.pull_request.base.sha = program.base;
  payload.pull_request.head.sha = program.head;
  if (options.fork) payload.pull_request.head.repo.full_name = `forker/${REPO}`;
  const path = join(mkdtempSync(join(tmpdir(), 'trustlint-event-')), 'event.json');
  writeFileSync(path, JSON.stringify(payload));
  return path;
}

interface Outcome {
  code: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Runs the bundle as the runner would, and waits for it (the fake answers meanwhile). */
async function runAction(program: Program, api: string, inputs: Record<string, string> = {}, options: { fork?: boolean } = {}): Promise<Outcome> {
  const files = mkdtempSync(join(tmpdir(), 'trustlint-runner-'));
  const outputFile = join(files, 'output');
  const summaryFile = join(files, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? files,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event(program, options),
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_SHA: program.head,
    GITHUB_WORKSPACE: program.dir,
    GITHUB_API_URL: api,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    TRUSTLINT_TODAY: TODAY,
    'INPUT_GITHUB-TOKEN': 'ghs_test-token',
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
  };
  const child = spawn(process.execPath, [BUNDLE], { cwd: program.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const outputs: Record<string, string> = {};
  for (const match of readFileSync(outputFile, 'utf8').matchAll(/^(.+?)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm)) outputs[match[1] ?? ''] = match[3] ?? '';
  return { code, stdout, outputs, summary: readFileSync(summaryFile, 'utf8') };
}

/**
 * Markdown in which nothing from a file does anything: parsed as GitHub's
 * renderer would, no HTML node carries the payload, and no text outside code
 * mentions anyone.
 */
function expectInert(markdown: string): void {
  const visit = (node: Nodes): void => {
    if (node.type === 'html') expect(node.value).not.toMatch(/img|onerror|script/i);
    if (node.type === 'text') expect(node.value).not.toMatch(/@acme\/security/);
    if ('children' in node) node.children.forEach(visit);
  };
  visit(parseMarkdown(markdown));
  expect(markdown).toContain('<img');
}

/** A pull request that adds an unknown criterion to a control. */
const invalidCriterion = (dir: string) => { edit(dir, 'controls/access/AC-01.yaml', (text) => text.replace('[CC6.2, CC6.3]', '[CC6.2, CC6.30]')); };

describe('the GitHub Action', () => {
  let github: FakeGitHub;
  let api: string;

  beforeEach(async () => {
    github = new FakeGitHub();
    api = await github.start();
  });

  afterEach(async () => {
    await github.stop();
    expect(github.violations).toEqual([]);
  });

  it('creates a check run and the summary comment on the first run, and fails on an error', async () => {
    const program = pullRequestProgram(invalidCriterion);
    github.files = pullFiles(program);
    const outcome = await runAction(program, api);
    expect(outcome.code).toBe(1);
    expect(outcome.outputs).toMatchObject({ errors: '1', warnings: '0', uncovered: '', coverage: '100.0' });
    const [run] = github.checkRuns;
    expect(run).toMatchObject({ head_sha: program.head, status: 'completed', conclusion: 'failure' });
    expect(run?.annotations).toEqual([
      expect.objectContaining({ path: 'controls/access/AC-01.yaml', start_line: 14, end_line: 14, start_column: 17, end_column: 22, annotation_level: 'failure' }),
    ]);
    const comments = github.comments.get(2) ?? [];
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body.startsWith(`${COMMENT_MARKER}\n## ❌ trustlint`)).toBe(true);
    expect(outcome.summary).toContain('## ❌ trustlint');
    expect(outcome.stdout).toContain('Unexpected criterion `CC6.30`');
    expect(outcome.stdout).toContain('::error::✖ Gate failed: 1 error (unknown-criterion ×1).');
  });

  it('updates the same comment on the next run instead of adding one', async () => {
    const program = pullRequestProgram(invalidCriterion);
    github.files = pullFiles(program);
    await runAction(program, api);
    const [first] = github.comments.get(2) ?? [];
    edit(program.dir, 'controls/access/AC-01.yaml', (text) => text.replace('CC6.30', 'CC6.3'));
    const fixed = await runAction(program, api);
    expect(fixed.code).toBe(0);
    const comments = github.comments.get(2) ?? [];
    expect(comments).toHaveLength(1);
    expect(comments[0]?.id).toBe(first?.id);
    expect(comments[0]?.body).toContain('## ✅ trustlint');
    expect(github.requests.filter((request) => request.method === 'post' && request.path.endsWith('/comments'))).toHaveLength(1);
  });

  it('annotates only changed lines, and sends more than 50 annotations in batches', async () => {
    const program = pullRequestProgram((dir) => {
      edit(dir, 'controls/access/AC-02.yaml', (text) => text.replace(/owner: \S+/, 'owner: someone-unlisted'));
      for (let index = 0; index < 120; index++) {
        writeFileSync(join(dir, `controls/access/NEW-${index}.yaml`), `id: NEW-${index}\ntitle: New\ndescription: A new control.\nowner: nobody-${index}\nstatus: planned\nfrequency: annual\nsatisfies: {soc2: [CC6.1]}\n`);
      }
    });
    edit(program.dir, 'controls/access/AC-03.yaml', (text) => text.replace(/owner: \S+/, 'owner: not-in-this-pull-request'));
    github.files = pullFiles(program);
    const outcome = await runAction(program, api);
    expect(outcome.outputs.errors).toBe('122');
    const [run] = github.checkRuns;
    expect(run?.annotations).toHaveLength(121);
    const updates = github.requests.filter((request) => request.method === 'patch' && request.template?.endsWith('/check-runs/{check_run_id}'));
    expect(updates).toHaveLength(3);
    const pages = github.requests.filter((request) => request.template?.endsWith('/pulls/{pull_number}/files'));
    expect(pages).toHaveLength(2);
  });

  it('on a fork, writes nothing through the API and still gates on the findings', async () => {
    const program = pullRequestProgram(invalidCriterion);
    github.files = pullFiles(program);
    const outcome = await runAction(program, api, {}, { fork: true });
    expect(outcome.code).toBe(1);
    expect(github.writes()).toEqual([]);
    expect(outcome.stdout).toContain('::notice title=trustlint::This pull request comes from a fork');
    expect(outcome.stdout).toMatch(/^::error file=controls\/access\/AC-01\.yaml,line=14,col=17,endLine=14,endColumn=23,title=unknown-criterion::Unexpected criterion `CC6\.30`/m);
    expect(outcome.summary).toContain('## ❌ trustlint');
  });

  it('degrades to workflow commands with one notice when a read-only token is refused', async () => {
    const program = pullRequestProgram(invalidCriterion);
    github.files = pullFiles(program);
    github.readOnly = true;
    const outcome = await runAction(program, api);
    expect(outcome.code).toBe(1);
    expect(outcome.stdout.match(/The token may not write/g)).toHaveLength(1);
    expect(outcome.stdout).toMatch(/^::error file=controls\/access\/AC-01\.yaml,/m);
  });

  it('retries a 502, and waits out a rate limit with Retry-After', async () => {
    const program = pullRequestProgram(invalidCriterion);
    github.files = pullFiles(program);
    github.faults.push(
      { matches: (request) => request.method === 'post' && request.path.endsWith('/issues/2/comments'), reply: { status: 502, body: { message: 'Bad Gateway' } }, times: 1 },
      {
        matches: (request) => request.method === 'post' && request.path.endsWith('/check-runs'),
        reply: { status: 403, headers: { 'retry-after': '1', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 1) }, body: { message: 'API rate limit exceeded' } },
        times: 1,
      },
    );
    const outcome = await runAction(program, api);
    expect(outcome.code).toBe(1);
    expect(github.comments.get(2)).toHaveLength(1);
    expect(github.checkRuns).toHaveLength(1);
    expect(github.requests.filter((request) => request.method === 'post' && request.path.endsWith('/issues/2/comments'))).toHaveLength(2);
    expect(outcome.stdout).toContain('rate limit');
  }, 60_000);

  it('keeps the gate and the other channels when GitHub rejects the check run with 422', async () => {
    const program = pullRequestProgram(invalidCriterion);
    github.files = pullFiles(program);
    github.faults.push({ matches: (request) => request.path.endsWith('/check-runs'), reply: { status: 422, body: { message: 'Validation Failed' } }, times: 1 });
    const outcome = await runAction(program, api);
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toContain('::warning title=trustlint::trustlint could not publish annotations');
    expect(github.comments.get(2)).toHaveLength(1);
  });

  it('passes a clean pull request, and writes SARIF and the outputs', async () => {
    const program = pullRequestProgram((dir) => { edit(dir, 'access-control.md', (text) => text.replace('version: "2.1"', 'version: "2.2"')); });
    github.files = pullFiles(program);
    const outcome = await runAction(program, api, { 'sarif-file': 'trustlint.sarif' });
    expect(outcome.code).toBe(0);
    expect(outcome.outputs).toMatchObject({ errors: '0', coverage: '100.0', 'sarif-file': join(program.dir, 'trustlint.sarif') });
    expect(JSON.parse(readFileSync(join(program.dir, 'trustlint.sarif'), 'utf8'))).toMatchObject({ version: '2.1.0' });
    expect(github.checkRuns[0]?.conclusion).toBe('success');
  });

  it('shows the coverage of each framework in the comment, and gates on the frameworks it is given', async () => {
    // AC-07, the office's physical security, is only planned: Annex A controls lose their control, SOC 2 criteria do not.
    const program = pullRequestProgram((dir) => { edit(dir, 'controls/access/AC-07.yaml', (text) => text.replace('status: implemented', 'status: planned')); });
    github.files = pullFiles(program);
    const every = await runAction(program, api);
    expect(every.code).toBe(1);
    // Against the base, each gap is also a coverage regression this pull request caused.
    expect(every.outputs).toMatchObject({ errors: '10', uncovered: 'A.7.1,A.7.3,A.7.4,A.7.5,A.7.8' });
    const body = github.comments.get(2)?.[0]?.body ?? '';
    expect(body).toContain('\n## ❌ trustlint: 10 problems (10 errors, 0 warnings) · 5 in-scope criteria uncovered\n');
    expect(body).toContain('\n### SOC 2 coverage: 38/38 covered\n');
    expect(body).toContain('\n### ISO/IEC 27001 coverage: 84/89 covered, 5 uncovered, 4 excluded\n');
    expect(every.stdout).toContain('::error::✖ Gate failed: 5 in-scope criteria uncovered (ISO/IEC 27001: A.7.1, A.7.3, A.7.4, A.7.5, A.7.8), 10 errors (coverage-regression ×5, uncovered-criterion ×5).');
    const soc2 = await runAction(program, api, { frameworks: 'soc2' });
    expect(soc2.code).toBe(0);
    const updated = github.comments.get(2)?.[0]?.body ?? '';
    expect(updated).toContain('\n## ✅ trustlint: 10 problems (10 errors, 0 warnings) · every in-scope criterion of the required frameworks covered\n');
    expect(updated).toContain('\n### ISO/IEC 27001 coverage: 84/89 covered, 5 uncovered, 4 excluded (not required by the gate)\n');
    expect(soc2.stdout).toContain(
      '✔ Gate passed: every in-scope criterion of the required frameworks covered (SOC 2 38/38; ISO/IEC 27001 not required), no findings at or above error; 10 findings on the coverage of ISO/IEC 27001, not required.',
    );
    expect(github.checkRuns.at(-1)?.conclusion).toBe('success');
    const misspelt = await runAction(program, api, { frameworks: 'soc2,iso27002' });
    expect(misspelt.code).toBe(1);
    expect(misspelt.stdout).toContain('Input `frameworks` is "soc2,iso27002"');
  });

  it('cannot be made to run workflow commands, mention people or inject HTML from policy text', async () => {
    const hostile = 'x\n::set-output name=errors::0\n::add-mask::x @acme/security <img src=x onerror=alert(1)> <!-- trustlint -->';
    const program = pullRequestProgram((dir) => {
      edit(dir, 'controls/access/AC-01.yaml', (text) => text.replace(/owner: \S+/, `owner: ${JSON.stringify(hostile)}`));
    });
    github.files = pullFiles(program);
    const outcome = await runAction(program, api, {}, { fork: true });
    expect(outcome.outputs.errors).not.toBe('0');
    for (const line of outcome.stdout.split('\n')) {
      expect(line.startsWith('::set-output')).toBe(false);
      expect(line.startsWith('::add-mask')).toBe(false);
    }
    expectInert(outcome.summary);
    const readWrite = pullRequestProgram((dir) => {
      edit(dir, 'controls/access/AC-01.yaml', (text) => text.replace(/owner: \S+/, `owner: ${JSON.stringify(hostile)}`));
    });
    github.files = pullFiles(readWrite);
    await runAction(readWrite, api);
    const body = github.comments.get(2)?.[0]?.body ?? '';
    expect(body.split(COMMENT_MARKER)).toHaveLength(2);
    expectInert(body.slice(COMMENT_MARKER.length));
  });
});
