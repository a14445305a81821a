import type { Finding } from '@trustlint/engine';
import { describe, expect, it } from 'vitest';
import { findingsToAnnotate, SHOWN_PER_SEVERITY, workflowAnnotations } from '../src/annotations.js';
import { toAnnotation } from '../src/check-run.js';
import { addedLines, changedLinesOf } from '../src/diff.js';
import { InputError, readInputs } from '../src/inputs.js';
import { pullRequestOf } from '../src/pull-request.js';

const finding = (overrides: Partial<Finding>): Finding => ({
  ruleId: 'owner-unknown',
  severity: 'error',
  message: 'Unexpected owner `x`.',
  messageId: 'unknown',
  file: 'controls/a.yaml',
  line: 3,
  column: 8,
  endLine: 3,
  endColumn: 9,
  url: 'https://example.com/owner-unknown.md',
  fingerprint: '0'.repeat(32),
  ...overrides,
});

describe('changed lines from a pull request', () => {
  it('reads the added and changed lines of a unified diff', () => {
    const patch = ['@@ -1,3 +1,4 @@', ' id: AC-01', '-owner: a', '+owner: b', '+title: x', ' status: done', '@@ -10,0 +12,2 @@', '+a', '+b', '\\ No newline at end of file'].join('\n');
    expect([...addedLines(patch)]).toEqual([2, 3, 12, 13]);
  });

  it('takes an added file, or one without a patch, as changed throughout, and skips removed files', () => {
    const changes = changedLinesOf([
      { filename: 'new.yaml', status: 'added', patch: '@@ -0,0 +1 @@\n+id: X' },
      { filename: 'big.md', status: 'modified' },
      { filename: 'gone.md', status: 'removed' },
    ]);
    expect([...changes.entries()]).toEqual([
      ['new.yaml', 'all'],
      ['big.md', 'all'],
    ]);
  });
});

describe('annotations', () => {
  it('keeps findings on changed lines, and coverage regressions wherever they are', () => {
    const changes = new Map([['controls/a.yaml', new Set([3])]]);
    const kept = findingsToAnnotate([finding({}), finding({ line: 4, endLine: 4 }), finding({ ruleId: 'coverage-regression', file: 'trustlint.config.yaml' })], changes);
    expect(kept.map((f) => `${f.ruleId}:${f.line}`)).toEqual(['owner-unknown:3', 'coverage-regression:3']);
  });

  it('shows at most 10 annotations of each kind and counts the rest in one notice', () => {
    const many = Array.from({ length: 14 }, (_, index) => finding({ line: index + 1, endLine: index + 1 }));
    const lines = workflowAnnotations([...many, finding({ severity: 'warning' })], 'the job summary');
    expect(lines.filter((line) => line.startsWith('::error '))).toHaveLength(SHOWN_PER_SEVERITY);
    expect(lines.filter((line) => line.startsWith('::warning '))).toHaveLength(1);
    expect(lines.at(-1)).toBe('::notice title=trustlint::4 more findings are not annotated: GitHub shows 10 annotations of each kind per step. See the job summary.');
  });

  it('maps a finding to a check-run annotation with inclusive end columns on one line only', () => {
    expect(toAnnotation(finding({}))).toEqual({
      path: 'controls/a.yaml',
      start_line: 3,
      end_line: 3,
      start_column: 8,
      end_column: 8,
      annotation_level: 'failure',
      message: 'Unexpected owner `x`.\n\nowner-unknown: https://example.com/owner-unknown.md',
      title: 'trustlint: owner-unknown',
    });
    expect(toAnnotation(finding({ endLine: 5, severity: 'info' }))).not.toHaveProperty('start_column');
    expect(toAnnotation(finding({ severity: 'info' })).annotation_level).toBe('notice');
  });
});

describe('the pull request', () => {
  const payload = (head: string | null) => ({
    pull_request: { number: 7, base: { sha: 'b', repo: { full_name: 'o/r' } }, head: { sha: 'h', repo: head === null ? null : { full_name: head } } },
  });

  it('is read from pull_request and pull_request_target events, with fork detection', () => {
    expect(pullRequestOf({ eventName: 'pull_request', payload: payload('o/r') })).toEqual({ number: 7, baseSha: 'b', headSha: 'h', fromFork: false });
    expect(pullRequestOf({ eventName: 'pull_request_target', payload: payload('fork/r') })?.fromFork).toBe(true);
    expect(pullRequestOf({ eventName: 'pull_request', payload: payload(null) })?.fromFork).toBe(true);
    expect(pullRequestOf({ eventName: 'push', payload: payload('o/r') })).toBeUndefined();
  });
});

describe('the inputs', () => {
  /** Reads the inputs with `INPUT_FRAMEWORKS` set as the runner would set it. */
  function withFrameworks(value: string | undefined) {
    const before = process.env.INPUT_FRAMEWORKS;
    if (value === undefined) delete process.env.INPUT_FRAMEWORKS;
    else process.env.INPUT_FRAMEWORKS = value;
    try {
      return readInputs();
    } finally {
      if (before === undefined) delete process.env.INPUT_FRAMEWORKS;
      else process.env.INPUT_FRAMEWORKS = before;
    }
  }

  it('reads the frameworks the gate requires: every enabled one by default, else the list, each once', () => {
    expect(withFrameworks(undefined).frameworks).toBeUndefined();
    expect(withFrameworks('  ').frameworks).toBeUndefined();
    expect(withFrameworks('soc2').frameworks).toEqual(['soc2']);
    expect(withFrameworks('iso27001, soc2,iso27001').frameworks).toEqual(['iso27001', 'soc2']);
  });

  it('refuses a misspelt framework instead of requiring less', () => {
    expect(() => withFrameworks('soc2,iso27002')).toThrow(InputError);
    expect(() => withFrameworks('soc2,')).toThrow('Input `frameworks` is "soc2,"; expected a comma-separated list of "soc2" and "iso27001", such as "soc2,iso27001".');
  });
});
