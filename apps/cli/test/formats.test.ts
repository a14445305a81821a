/**
 * Every output format over a program with violations (fixtures/violations),
 * compared exactly with the reviewed files in golden/. After a deliberate
 * change, regenerate them with `TRUSTLINT_UPDATE_GOLDEN=1 npx vitest run
 * apps/cli` and review every changed line before committing.
 *
 * The SARIF and JUnit outputs of the same run are also checked by a real
 * SARIF validator and read by a real JUnit parser.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FORMAT_NAMES } from '@trustlint/reporters';
import { junitProblems, parseJunit, sarifProblems } from '@trustlint/test-support';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../src/main.js';
import { copyOf, run, TODAY } from './helpers.js';

const FIXTURE = 'apps/cli/test/fixtures/violations';
const GOLDEN = join(import.meta.dirname, 'golden');
const UPDATE = process.env.TRUSTLINT_UPDATE_GOLDEN === '1';

/** The golden file of each lint format. */
const LINT_GOLDEN: Readonly<Record<string, string>> = {
  stylish: 'lint.stylish.txt',
  json: 'lint.json',
  sarif: 'lint.sarif.json',
  github: 'lint.github.txt',
  markdown: 'lint.markdown.md',
  junit: 'lint.junit.xml',
};

/** trustlint's version stands in the SARIF log; golden files hold a placeholder so that a release does not change them. */
function withoutVersion(text: string): string {
  return text.replaceAll(`"version": "${VERSION}"`, '"version": "<version>"').replaceAll(`"semanticVersion": "${VERSION}"`, '"semanticVersion": "<version>"');
}

/** Compares `actual` with a golden file exactly, or rewrites it in update mode. */
function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (UPDATE) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  let expected: string;
  try {
    expected = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`No golden file ${name}: run with TRUSTLINT_UPDATE_GOLDEN=1 to write it, then review it.`);
  }
  expect(actual, `${name} differs; if the change is deliberate, run with TRUSTLINT_UPDATE_GOLDEN=1 and review the diff`).toBe(expected);
}

async function lintFixture(format: string): Promise<string> {
  const { code, stdout, stderr } = await run(['lint', FIXTURE, '--format', format, '--today', TODAY, '--no-color']);
  expect(stderr).toBe('');
  expect(code).toBe(1);
  return stdout;
}

describe('golden outputs over a program with violations', () => {
  it('has a golden file for every lint format', () => {
    expect([...FORMAT_NAMES].sort()).toEqual(Object.keys(LINT_GOLDEN).sort());
  });

  for (const [format, file] of Object.entries(LINT_GOLDEN)) {
    it(`lint --format ${format}`, async () => {
      expectGolden(file, withoutVersion(await lintFixture(format)));
    });
  }

  it('coverage --format table|json|markdown', async () => {
    for (const [format, file] of [['table', 'coverage.table.txt'], ['json', 'coverage.json'], ['markdown', 'coverage.markdown.md']] as const) {
      const { code, stdout, stderr } = await run(['coverage', FIXTURE, '--format', format, '--today', TODAY, '--no-color']);
      expect(stderr).toBe('');
      expect(code).toBe(1);
      expectGolden(file, stdout);
    }
  });

  it('gate, with its verdict after the stylish findings and in the JSON', async () => {
    const stylish = await run(['gate', FIXTURE, '--today', TODAY, '--no-color']);
    expect(stylish).toMatchObject({ code: 1, stderr: '' });
    expectGolden('gate.stylish.txt', stylish.stdout);
    const json = await run(['gate', FIXTURE, '--format', 'json', '--today', TODAY]);
    expect(json).toMatchObject({ code: 1, stderr: '' });
    expectGolden('gate.json', json.stdout);
  });
});

describe('golden outputs over a program with both frameworks', () => {
  const BOTH = 'apps/cli/test/fixtures/two-frameworks';

  it('lint --format stylish|markdown: findings of both frameworks, and a coverage section each', async () => {
    for (const [format, file] of [['stylish', 'lint.two-frameworks.stylish.txt'], ['markdown', 'lint.two-frameworks.markdown.md']] as const) {
      const { code, stdout, stderr } = await run(['lint', BOTH, '--format', format, '--today', TODAY, '--no-color']);
      expect([code, stderr]).toEqual([1, '']);
      expectGolden(file, stdout);
    }
  });

  it('coverage --format table|json|markdown', async () => {
    for (const [format, file] of [['table', 'coverage.two-frameworks.table.txt'], ['json', 'coverage.two-frameworks.json'], ['markdown', 'coverage.two-frameworks.markdown.md']] as const) {
      const { code, stdout, stderr } = await run(['coverage', BOTH, '--format', format, '--today', TODAY, '--no-color']);
      expect([code, stderr]).toEqual([1, '']);
      expectGolden(file, stdout);
    }
  });

  it('gate, requiring every framework and then SOC 2 alone', async () => {
    const json = await run(['gate', BOTH, '--format', 'json', '--today', TODAY]);
    expect(json).toMatchObject({ code: 1, stderr: '' });
    expectGolden('gate.two-frameworks.json', json.stdout);
    const soc2 = await run(['gate', BOTH, '--framework', 'soc2', '--today', TODAY, '--no-color']);
    expect(soc2).toMatchObject({ code: 1, stderr: '' });
    expectGolden('gate.two-frameworks.soc2.stylish.txt', soc2.stdout);
  });

  it('soa --format markdown|csv|json', async () => {
    for (const [format, file] of [['markdown', 'soa.two-frameworks.md'], ['csv', 'soa.two-frameworks.csv'], ['json', 'soa.two-frameworks.json']] as const) {
      const { code, stdout, stderr } = await run(['soa', BOTH, '--format', format, '--today', TODAY]);
      expect(code).toBe(1);
      expect(stderr).toBe('✖ Statement of Applicability incomplete: 2 applicable controls not implemented (A.5.7 (partial), A.8.30); 1 exclusion incomplete (A.7.11: no justification).\n');
      expectGolden(file, stdout);
    }
  });
});

describe('lint exit codes in every format', () => {
  it('exits 0 on the sample program, 1 on the fixture, 2 on a bad config or an unknown format', async () => {
    const bad = copyOf();
    writeFileSync(join(bad, 'trustlint.config.yaml'), 'frameworks: [soc2]\n');
    for (const format of FORMAT_NAMES) {
      const clean = await run(['lint', 'policies', '--format', format, '--today', TODAY]);
      expect(clean.stderr, format).toBe('');
      expect(clean.code, format).toBe(0);
      expect((await run(['lint', FIXTURE, '--format', format, '--today', TODAY])).code, format).toBe(1);
      expect(await run(['lint', bad, '--format', format, '--today', TODAY]), format).toMatchObject({ code: 2, stdout: '' });
    }
    expect(await run(['lint', 'policies', '--format', 'html'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("argument 'html' is invalid. Allowed choices are stylish, json, sarif, github, markdown, junit."),
    });
  });
});

describe('the fixture run through real validators', () => {
  it('gives SARIF that the SARIF validator accepts, with its GitHub rules', async () => {
    expect(sarifProblems(await lintFixture('sarif'))).toEqual([]);
  }, 60_000);

  it('gives JUnit XML that a JUnit parser reads as one suite per applied rule', async () => {
    const xml = await lintFixture('junit');
    expect(junitProblems(xml)).toEqual([]);
    const suites = await parseJunit(xml);
    // Six findings of five rules, each in a file of its own: the two uncovered-criterion findings are in two files.
    expect(suites).toMatchObject({ name: 'trustlint', failures: 6, errors: 0 });
    const failing = (suites.testsuite ?? []).filter((suite) => (suite.failures ?? 0) > 0).map((suite) => [suite.name, suite.failures]);
    expect(failing).toEqual([
      ['unknown-criterion', 1],
      ['criterion-out-of-scope', 1],
      ['uncovered-criterion', 2],
      ['owner-unknown', 1],
      ['review-overdue', 1],
    ]);
    // Rules that need a base revision did not run, so they are not reported as passing.
    expect(suites.testsuite?.map((suite) => suite.name)).not.toContain('coverage-regression');
    expect(suites.testsuite?.map((suite) => suite.name)).not.toContain('version-not-bumped');
  });
});

/**
 * A table row's cells as GitHub splits them: at every pipe that a backslash
 * does not escape, code spans included.
 */
function cells(line: string): string[] {
  return line.split(/(?<!\\)\|/).slice(1, -1);
}

/**
 * The Markdown outside code spans, as CommonMark finds them: a run of n
 * backticks that no backslash escapes opens a span that the next run of
 * exactly n backticks closes; a run without a match is literal. Inside a
 * code span nothing is interpreted, so only this text can hold HTML,
 * mentions or comments.
 */
function outsideCode(markdown: string): string {
  let out = '';
  let index = 0;
  while (index < markdown.length) {
    const char = markdown.charAt(index);
    if (char === '\\') {
      out += markdown.slice(index, index + 2);
      index += 2;
    } else if (char === '`') {
      const fence = /^`+/.exec(markdown.slice(index))?.[0] ?? '`';
      const close = new RegExp(`(?<!\`)${fence}(?!\`)`, 'g');
      close.lastIndex = index + fence.length;
      const match = close.exec(markdown);
      if (match) {
        out += '<code/>';
        index = match.index + fence.length;
      } else {
        out += fence;
        index += fence.length;
      }
    } else {
      out += char;
      index++;
    }
  }
  return out;
}

describe('markdown with hostile text from the files', () => {
  const HOSTILE = '<script>alert(1)</script> @org/team | \\| `x` ``y <!-- trustlint-comment --> **z**';

  it('shows it as written and does nothing else: no HTML, no mentions, no comments, no broken tables', async () => {
    const dir = copyOf(join(import.meta.dirname, 'fixtures/violations'));
    const config = join(dir, 'trustlint.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('program: Harbor Analytics SOC 2', `program: '${HOSTILE}'`));
    const control = join(dir, 'controls/continuity.yaml');
    writeFileSync(control, readFileSync(control, 'utf8').replace('id: BCP-01', `id: '${HOSTILE}'`).replace('owner: sre', `owner: '${HOSTILE}'`));
    const policy = join(dir, 'policies/access-control.md');
    writeFileSync(policy, readFileSync(policy, 'utf8').replace('id: POL-ACCESS', `id: '${HOSTILE}'`).replace('title: Access Control Policy', `title: '${HOSTILE}'`));
    writeFileSync(join(dir, 'policies/`a|b` @c <!--.md'), readFileSync(policy, 'utf8').replace(/^id: .*$/m, 'id: POL-COPY'));

    for (const command of ['lint', 'coverage', 'gate']) {
      const { code, stdout } = await run([command, dir, '--format', 'markdown', '--today', TODAY]);
      expect(code).toBe(1);
      const text = outsideCode(stdout);
      // No HTML but trustlint's own, no comment, no mention, no emphasis from the files.
      for (const tag of text.matchAll(/<\/?([^\s>/]*)/g)) expect(['details', 'summary', 'br', 'code'], tag[0]).toContain(tag[1]);
      expect(text).not.toContain('<!--');
      expect(text).not.toMatch(/@[A-Za-z0-9]/);
      expect(text).not.toContain('**z**');
      // Inside code spans, mentions are broken too (GitHub does not link them there, but other viewers might).
      expect(stdout).not.toMatch(/@(?:org|c\b)/);
      // Every row of a table has as many cells as its header.
      let width = 0;
      for (const line of stdout.split('\n')) {
        if (!line.startsWith('|')) {
          width = 0;
          continue;
        }
        if (width === 0) width = cells(line).length;
        expect(cells(line), line).toHaveLength(width);
      }
    }

    const lint = (await run(['lint', dir, '--format', 'markdown', '--today', TODAY])).stdout;
    expect(lint).toContain(
      '**&lt;script&gt;alert\\(1\\)&lt;/script&gt; @\u200Borg/team \\| \\\\\\| \\`x\\` \\`\\`y &lt;\\!\\-\\- trustlint\\-comment \\-\\-&gt; \\*\\*z\\*\\*** · judged on 2026-11-22',
    );
    // The control's id and owner in the coverage matrix: each one code span, fenced past the backticks it holds.
    expect(lint).toContain(
      '| ◐ partial | A1\\.2 | Environmental protection, backup and recovery infrastructure | ```<script>alert(1)</script> @\u200Borg/team \\| \\\\| `x` ``y <!-- trustlint-comment --> **z**``` (partially\\-implemented, ```<script>alert(1)</script> @\u200Borg/team \\| \\\\| `x` ``y <!-- trustlint-comment --> **z**```) |',
    );
  });
});

describe('JSON with hostile text from the files', () => {
  // C1 controls (CSI, NEL), line and paragraph separators, bidi overrides and isolates, DEL, a noncharacter.
  const HOSTILE = 'ok\u009b31m red\u0085next\u2028line\u2029para admin\u202e\u2066// later\u2069 \u007f\ufffe';
  /** YAML double-quoted, every non-ASCII character escaped. */
  const yaml = (text: string) => JSON.stringify(text).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]/;

  /** Every string value in a JSON document. */
  const strings = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : typeof value === 'object' && value !== null ? Object.values(value).flatMap(strings) : [];

  it('writes it as escapes in every JSON a command prints, and keeps it exactly once parsed', async () => {
    const dir = copyOf(join(import.meta.dirname, 'fixtures/violations'));
    const config = join(dir, 'trustlint.config.yaml');
    writeFileSync(
      config,
      readFileSync(config, 'utf8')
        .replace('program: Harbor Analytics SOC 2', `program: ${yaml(HOSTILE)}`)
        .replace('    type: 1\n', '    type: 1\n  iso27001: {}\n')
        .replace('    approver: erin.baptiste\n', `    approver: erin.baptiste\n  - {framework: iso27001, criterion: A.7.11, reason: ${yaml(HOSTILE)}, approver: ${yaml(HOSTILE)}}\n`),
    );
    const control = join(dir, 'controls/continuity.yaml');
    writeFileSync(control, readFileSync(control, 'utf8').replace('title: Backup restore test', `title: ${yaml(HOSTILE)}`).replace('owner: sre', `owner: ${yaml(HOSTILE)}`));

    const runs = {
      'lint --format json': ['lint', '--format', 'json'],
      'lint --format sarif': ['lint', '--format', 'sarif'],
      'gate --format json': ['gate', '--format', 'json'],
      'coverage --format json': ['coverage', '--format', 'json'],
      'soa --format json': ['soa', '--format', 'json'],
    };
    for (const [name, [command = '', ...args]] of Object.entries(runs)) {
      const { stdout } = await run([command, dir, ...args, '--today', TODAY]);
      expect(stdout, name).toMatch(/^[{[]/);
      expect(UNSAFE.exec(stdout)?.[0], name).toBeUndefined();
      const parsed: unknown = JSON.parse(stdout);
      // SARIF shows text as plain text with its controls made visible; the others keep the data as it is.
      if (command !== 'lint' || args[1] === 'json') expect(strings(parsed).some((text) => text.includes(HOSTILE)), name).toBe(true);
    }
    const rules = (await run(['rules', '--format', 'json'])).stdout;
    expect(UNSAFE.exec(rules)?.[0]).toBeUndefined();
    expect(JSON.parse(rules)).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'syntax', category: 'syntax' })]));
  });
});
