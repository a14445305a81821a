import { junitProblems, parseJunit } from '@trustlint/test-support';
import type { TestSuites } from 'junit2json';
import { describe, expect, it } from 'vitest';
import { finding, realisticFindings, report, RULES } from './__fixtures__/reports.js';
import { formatters } from './index.js';
import { CLEAN_FILES, xmlAttribute, xmlText } from './junit.js';
import type { Report } from './report.js';

const DOCS = 'https://github.com/trustlint/trustlint/blob/main/packages/rules/docs/';

/** The document, checked for well-formedness, as a JUnit consumer reads it (see @trustlint/test-support). */
async function read(input: Report): Promise<{ xml: string; suites: TestSuites }> {
  const xml = formatters.junit!(input, { color: false });
  expect(junitProblems(xml)).toEqual([]);
  return { xml, suites: await parseJunit(xml) };
}

describe('junit', () => {
  it('has a suite per rule, a failing case per rule and file, and a passing case for the rest', async () => {
    const { suites } = await read(report(realisticFindings(), { rules: RULES }));
    expect(suites).toMatchObject({ name: 'trustlint', tests: 12, failures: 5, errors: 0 });
    expect(suites.testsuite?.map((suite) => [suite.name, suite.tests, suite.failures, suite.errors, suite.skipped])).toEqual([
      ['syntax', 2, 1, 0, 0],
      ['unknown-criterion', 2, 1, 0, 0],
      ['duplicate-id', 2, 1, 0, 0],
      ['owner-unknown', 2, 1, 0, 0],
      ['review-overdue', 2, 1, 0, 0],
      ['certification-language', 2, 0, 0, 0],
    ]);
    const [, unknown, duplicate, , overdue, language] = suites.testsuite ?? [];
    expect(unknown?.testcase).toEqual([
      {
        classname: 'unknown-criterion',
        name: 'controls/access-review.yaml',
        failure: [
          {
            message: '2 problems (2 errors, 0 warnings) of unknown-criterion in controls/access-review.yaml',
            type: 'error',
            inner: [
              `controls/access-review.yaml:7:18 error Unexpected criterion \`CC6.10\`: not a SOC 2 criterion; did you mean CC6.1? (${DOCS}unknown-criterion.md)`,
              `controls/access-review.yaml:8:18 error Unexpected criterion \`CC9.9\`: not a SOC 2 criterion; did you mean CC9.1 or CC9.2? (${DOCS}unknown-criterion.md)`,
            ].join('\n'),
          },
        ],
      },
      { classname: 'unknown-criterion', name: CLEAN_FILES },
    ]);
    expect(duplicate?.testcase?.[0]?.failure?.[0]?.inner).toBe(
      `controls/access-review.yaml:2:5 error Duplicate control id \`AC-01\`: first defined at controls/access.yaml:2; expected every control id to be unique. (${DOCS}duplicate-id.md)\n    related: controls/access.yaml:2:5 \`AC-01\` is first defined here.`,
    );
    expect(overdue?.testcase?.[0]?.failure?.[0]).toMatchObject({ type: 'warning', message: '1 problem (0 errors, 1 warning) of review-overdue in policies/access-control.md' });
    // Info findings pass, and are listed in the output.
    expect(language?.testcase?.[0]).toEqual({
      classname: 'certification-language',
      name: 'policies/information-security.md',
      'system-out': [
        `policies/information-security.md:14:22 info Unexpected "SOC 2 certified": SOC 2 yields an attestation report; expected "SOC 2 report" or "SOC 2 attestation". (${DOCS}certification-language.md)`,
      ],
    });
  });

  it('marks a file with errors and warnings by its worst severity and lists every finding', async () => {
    const { suites } = await read(
      report([
        finding({ severity: 'info', line: 1 }),
        finding({ severity: 'warning', line: 2 }),
        finding({ severity: 'error', line: 3 }),
        finding({ severity: 'warning', file: 'controls/b.yaml' }),
      ]),
    );
    const cases = suites.testsuite?.[0]?.testcase ?? [];
    expect(cases.map((entry) => [entry.name, entry.failure?.[0]?.type, entry.failure?.[0]?.inner?.split('\n').length])).toEqual([
      ['controls/access-review.yaml', 'error', 3],
      ['controls/b.yaml', 'warning', 1],
      [CLEAN_FILES, undefined, undefined],
    ]);
    expect(cases[0]?.failure?.[0]?.message).toBe('3 problems (1 error, 1 warning, 1 info) of unknown-criterion in controls/access-review.yaml');
  });

  it('without rule metadata, has suites only for the rules with findings', async () => {
    const { suites } = await read(report([finding({ ruleId: 'plugin-rule' })]));
    expect(suites.testsuite?.map((suite) => suite.name)).toEqual(['plugin-rule']);
    expect((await read(report([]))).suites).toEqual({ name: 'trustlint', tests: 0, failures: 0, errors: 0 });
    const clean = await read(report([], { rules: RULES }));
    expect(clean.suites).toMatchObject({ tests: RULES.length, failures: 0 });
    expect(clean.suites.testsuite?.every((suite) => suite.testcase?.length === 1 && suite.testcase[0]?.name === CLEAN_FILES)).toBe(true);
  });

  const HOSTILE = [
    ']]>',
    '</failure><testcase name="x">',
    '&amp; &lt; & < > " \'',
    '<script>alert(1)</script>',
    '<!-- c --><?pi x?><![CDATA[y]]>',
    'emoji 😀 and é',
  ].join(' | ');

  it('carries hostile text as text', async () => {
    const message = `Unexpected owner \`${HOSTILE}\`.`;
    const file = `policies/${HOSTILE}.md`;
    const { xml, suites } = await read(
      report([finding({ message, file, related: [{ file, line: 1, column: 1, endLine: 1, endColumn: 1, message }] }), finding({ message, file, severity: 'info' })], {
        rules: [{ ...RULES[1]!, id: 'unknown-criterion' }],
      }),
    );
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('<testcase name="x">');
    expect(suites).toMatchObject({ tests: 2, failures: 1 });
    const testcase = suites.testsuite?.[0]?.testcase?.[0];
    expect(testcase?.name).toBe(file);
    expect(testcase?.failure?.[0]?.message).toBe(`2 problems (1 error, 0 warnings, 1 info) of unknown-criterion in ${file}`);
    expect(testcase?.failure?.[0]?.inner).toBe(
      [
        `${file}:7:18 error ${message} (${DOCS}unknown-criterion.md)`,
        `    related: ${file}:1:1 ${message}`,
        `${file}:7:18 info ${message} (${DOCS}unknown-criterion.md)`,
      ].join('\n'),
    );
  });

  it('shows the characters XML 1.0 forbids as visible escapes, and keeps tabs and line breaks', async () => {
    const message = 'a\u0000b\u0001c\u0008d\u000be\u000cf\u001bg\u007fh\ud800i\udfffj\ufffek\uffffl\tm\nn\ro';
    const { xml, suites } = await read(report([finding({ message, file: 'x\u0007\n.md' })]));
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    const testcase = suites.testsuite?.[0]?.testcase?.[0];
    expect(testcase?.name).toBe('x\\u0007\n.md');
    expect(testcase?.failure?.[0]?.inner).toBe(
      `x\\u0007\n.md:7:18 error a\\u0000b\\u0001c\\u0008d\\u000be\\u000cf\\u001bg\\u007fh\\ud800i\\udfffj\\ufffek\\uffffl\tm\nn\\u000do (${DOCS}unknown-criterion.md)`,
    );
  });

  it('escapes markup characters, and whitespace in attributes', () => {
    expect(xmlText(`<a href="x">&'</a>]]>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;]]&gt;');
    expect(xmlAttribute('a\tb\nc d"')).toBe('a&#9;b&#10;c d&quot;');
    expect(xmlText('tab\tline\n')).toBe('tab\tline\n');
  });
});
