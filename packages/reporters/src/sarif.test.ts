import { sarifProblems, unexpectedSarifNotes, validateSarif } from '@trustlint/test-support';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { RULES, finding, realisticFindings, report } from './__fixtures__/reports.js';
import { formatters } from './index.js';
import type { Report } from './report.js';
import { plainText } from './text.js';
import { FINGERPRINT_KEY, artifactUri, region, ruleName, sarifLog, sarifText } from './sarif.js';

/** No error or warning, and only the notes allowed on purpose (see @trustlint/test-support). */
function expectValid(text: string): void {
  expect(sarifProblems(text)).toEqual([]);
}

const HOSTILE = [
  'Unexpected owner `<script>alert(1)</script>`: not in owners.yaml.',
  'Unexpected owner `**bold** [click](https://evil.example) ![x](https://evil.example/x.png)`.',
  'Unexpected owner `\\[x\\](1)` and `[y](2)`.',
  'Unexpected owner `\u001b[2J\u0007\u0000bob\r\n::error::pwned\u202e`.',
  'Unexpected owner `\ud83d` and `😀`.',
].join(' ');

/** The embedded links a SARIF viewer finds in a plain-text message (SARIF §3.11.6), backslash escapes honoured. */
function embeddedLinks(text: string): { text: string; target: string }[] {
  const links: { text: string; target: string }[] = [];
  let index = 0;
  while (index < text.length) {
    if (text[index] === '\\') {
      index += 2;
    } else if (text[index] === '[') {
      let end = index + 1;
      let label = '';
      while (end < text.length && text[end] !== ']' && text[end] !== '[') {
        if (text[end] === '\\') end++;
        label += text[end] ?? '';
        end++;
      }
      const close = text.indexOf(')', end);
      if (text[end] === ']' && text[end + 1] === '(' && close > end) {
        links.push({ text: label, target: text.slice(end + 2, close) });
        index = close + 1;
      } else {
        index = end;
      }
    } else {
      index++;
    }
  }
  return links;
}

function unescapeSarif(text: string): string {
  return text.replace(/\\([\\[\]])/g, '$1');
}

function full(extra: Partial<Report> = {}): Report {
  return report(realisticFindings(), { rules: RULES, toolVersion: '1.4.0', ...extra });
}

function parse(text: string): Log {
  expect(text.endsWith('}\n')).toBe(true);
  return JSON.parse(text) as Log;
}

describe('sarif', () => {
  it('passes the SARIF validator and its GitHub rules without an error or a warning', () => {
    expectValid(formatters.sarif!(full(), { color: false }));
  }, 60_000);

  it('stays valid with hostile text, odd paths, no rule metadata, no version and no findings', () => {
    const hostile = report(
      [
        finding({ message: HOSTILE, file: 'policies/a b/%41 #1?.md', related: [{ file: 'c:/x.yaml', line: 1, column: 1, endLine: 1, endColumn: 1, message: HOSTILE }] }),
        finding({ ruleId: 'plugin-rule', severity: 'info', file: 'policies/é.md', line: 2, column: 1, endLine: 3, endColumn: 1 }),
      ],
      { program: '<b>Acme</b>\u0007' },
    );
    const diagnostics = validateSarif(formatters.sarif!(hostile, { color: false }));
    // Without `toolVersion` the one warning left is the missing version, which only the CLI knows.
    expect(diagnostics.filter((d) => d.level !== 'note')).toEqual([
      { rule: 'SARIF2005', level: 'warning', message: "Warning_ProvideToolVersion runs[0].tool.driver | trustlint | 'version', 'semanticVersion', 'dottedQuadFileVersion'" },
    ]);
    expect(unexpectedSarifNotes(diagnostics)).toEqual([]);
    expectValid(formatters.sarif!(report([], { rules: RULES, toolVersion: '1.4.0-rc.1' }), { color: false }));
  }, 60_000);

  it('would fail on a broken log (the validator is really consulted)', () => {
    const log = sarifLog(full());
    const result = log.runs[0]!.results![0]!;
    result.locations![0]!.physicalLocation!.region = { startLine: 0, startColumn: 3, endLine: 1, endColumn: 1 };
    result.ruleIndex = 99;
    const diagnostics = validateSarif(JSON.stringify(log));
    expect(diagnostics.filter((d) => d.level === 'error').map((d) => d.rule)).toEqual(expect.arrayContaining(['SARIF1007', 'SARIF1009']));
  }, 60_000);

  it('describes the tool and every rule of the run', () => {
    const log = parse(formatters.sarif!(full(), { color: false }));
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { description: { text: 'The root of the repository that holds the program.' } } });
    const driver = run.tool.driver;
    expect(driver.name).toBe('trustlint');
    expect(driver.informationUri).toBe('https://github.com/trustlint/trustlint');
    expect(driver.version).toBe('1.4.0');
    expect(driver.semanticVersion).toBe('1.4.0');
    expect(driver.rules?.map((rule) => rule.id)).toEqual(RULES.map((rule) => rule.id));
    expect(driver.rules?.[4]).toEqual({
      id: 'review-overdue',
      name: 'ReviewOverdue',
      shortDescription: { text: RULES[4]!.description },
      fullDescription: { text: RULES[4]!.description },
      help: {
        text: `${RULES[4]!.description}\n\nDocumentation: ${RULES[4]!.url}`,
        markdown: `${RULES[4]!.description}\n\n[Documentation of review-overdue](${RULES[4]!.url})`,
      },
      helpUri: RULES[4]!.url,
      defaultConfiguration: { level: 'warning' },
      properties: { tags: ['lifecycle'], precision: 'very-high', 'problem.severity': 'warning' },
    });
    expect(driver.rules?.[5]?.defaultConfiguration).toEqual({ level: 'note' });
    expect(driver.rules?.[5]?.properties?.['problem.severity']).toBe('recommendation');
    expect(run.properties).toEqual({ program: 'Acme Cloud', today: '2026-11-22', suppressed: 0, baselined: 0 });
  });

  it('points each result at its rule, maps levels and carries fingerprints and locations', () => {
    const findings = realisticFindings();
    const log = parse(formatters.sarif!(report(findings, { rules: RULES, toolVersion: '1.4.0' }), { color: false }));
    const run = log.runs[0]!;
    const results = run.results ?? [];
    expect(results).toHaveLength(findings.length);
    results.forEach((result, index) => {
      const source = findings[index]!;
      expect(run.tool.driver.rules?.[result.ruleIndex ?? -1]?.id).toBe(source.ruleId);
      expect(result.ruleId).toBe(source.ruleId);
      expect(result.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[source.severity]);
      expect(result.partialFingerprints).toEqual({ [FINGERPRINT_KEY]: source.fingerprint });
      expect(result.locations?.[0]?.physicalLocation?.region).toEqual({
        startLine: source.line,
        startColumn: source.column,
        endLine: source.endLine,
        endColumn: source.endColumn,
      });
    });
    expect(results.map((result) => result.level)).toEqual(['error', 'error', 'error', 'error', 'warning', 'note', 'error']);
    // The empty range at 1:1 stays an empty range, and the space in the path is encoded.
    expect(results[6]?.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'policies/vendor%20management.md', uriBaseId: '%SRCROOT%' },
          region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
        },
      },
    ]);
    // Related locations, linked from the message the way GitHub shows them.
    expect(results[0]?.message.text).toBe(
      'Duplicate control id `AC-01`: first defined at controls/access.yaml:2; expected every control id to be unique. [`AC-01` is first defined here.](1)',
    );
    expect(results[0]?.relatedLocations).toEqual([
      {
        id: 1,
        message: { text: '`AC-01` is first defined here.' },
        physicalLocation: {
          artifactLocation: { uri: 'controls/access.yaml', uriBaseId: '%SRCROOT%' },
          region: { startLine: 2, startColumn: 5, endLine: 2, endColumn: 10 },
        },
      },
    ]);
    expect(results[1]?.relatedLocations).toBeUndefined();
  });

  it('carries text from files as plain text: no Markdown, no embedded links, no control characters', () => {
    const log = sarifLog(report([finding({ message: HOSTILE, related: [{ file: 'x.yaml', line: 1, column: 1, endLine: 1, endColumn: 2, message: '[here](https://evil.example)' }] })]));
    const result = log.runs[0]?.results?.[0];
    const text = result?.message.text ?? '';
    expect(result?.message.markdown).toBeUndefined();
    expect(JSON.stringify(log)).not.toContain('"markdown":"Unexpected');
    expect(text).toContain('`<script>alert(1)</script>`');
    expect(text).toContain('`**bold** \\[click\\](https://evil.example) !\\[x\\](https://evil.example/x.png)`');
    // Backslashes are escaped too, so `\[` in a file cannot unescape our escape.
    expect(text).toContain('`\\\\\\[x\\\\\\](1)` and `\\[y\\](2)`');
    expect(text).toContain('`\\u001b\\[2J\\u0007\\u0000bob\\u000d\n::error::pwned\\u202e`');
    expect(text).toContain('`\\ud83d` and `😀`');
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    // The only link left in the message is ours, to the related location.
    expect(embeddedLinks(text)).toEqual([{ text: '[here](https://evil.example)', target: '1' }]);
    expect(embeddedLinks(sarifText(HOSTILE))).toEqual([]);
    expect(unescapeSarif(sarifText(HOSTILE))).toBe(plainText(HOSTILE));
    expect(text.endsWith(' [\\[here\\](https://evil.example)](1)')).toBe(true);
    expect(result?.relatedLocations?.[0]?.message).toEqual({ text: '\\[here\\](https://evil.example)' });
  });

  it('writes every character a terminal or an editor could act on as an escape, wherever it is in the log', () => {
    // A rule given through the API (`lint({ rules })`) describes itself; its text reaches the log as it is.
    const unsafe = 'Checks\u0085 the\u2028 owners\u202e, \u009b31m\u007f\ufffe';
    const rules = [{ ...RULES[0]!, description: unsafe, url: `https://plugins.example/\u2029` }];
    const text = formatters.sarif!(report([finding({ ruleId: 'syntax', message: 'Plain.' })], { rules, toolVersion: '1.4.0' }), { color: false });
    expect(text).not.toMatch(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\ufffe]/);
    expect(text).toContain('"text": "Checks\\u0085 the\\u2028 owners\\u202e, \\u009b31m\\u007f\\ufffe"');
    const log = parse(text);
    expect(log.runs[0]?.tool.driver.rules?.[0]?.shortDescription?.text).toBe(unsafe);
  });

  it('describes rules that the report does not list from their findings', () => {
    const log = sarifLog(report([finding({ ruleId: 'plugin-rule', severity: 'warning', url: 'https://plugins.example/plugin-rule' })]));
    const run = log.runs[0]!;
    expect(run.tool.driver.version).toBeUndefined();
    expect(run.tool.driver.rules).toEqual([
      {
        id: 'plugin-rule',
        name: 'PluginRule',
        shortDescription: { text: 'Findings of the trustlint rule plugin-rule; its documentation says what it checks.' },
        fullDescription: { text: 'Findings of the trustlint rule plugin-rule; its documentation says what it checks.' },
        help: {
          text: 'Findings of the trustlint rule plugin-rule; its documentation says what it checks.\n\nDocumentation: https://plugins.example/plugin-rule',
          markdown: 'Findings of the trustlint rule plugin-rule; its documentation says what it checks.\n\n[Documentation of plugin-rule](https://plugins.example/plugin-rule)',
        },
        helpUri: 'https://plugins.example/plugin-rule',
        defaultConfiguration: { level: 'warning' },
        properties: { tags: [], precision: 'very-high', 'problem.severity': 'warning' },
      },
    ]);
    expect(run.results?.[0]?.ruleIndex).toBe(0);
  });

  it('builds URIs, regions, names and text pieces', () => {
    expect(artifactUri('policies/a b/%41 #1?.md')).toBe('policies/a%20b/%2541%20%231%3F.md');
    expect(artifactUri('c:/x.yaml')).toBe('c%3A/x.yaml');
    expect(artifactUri('policies/é.md')).toBe('policies/%C3%A9.md');
    expect(artifactUri('a\ud800.md')).toBe('a%5Cud800.md');
    expect(region({ line: 3, column: 5, endLine: 3, endColumn: 2 })).toEqual({ startLine: 3, startColumn: 5, endLine: 3, endColumn: 5 });
    expect(region({ line: 3, column: 5, endLine: 2, endColumn: 9 })).toEqual({ startLine: 3, startColumn: 5, endLine: 3, endColumn: 9 });
    expect(region({ line: 0, column: 0, endLine: 0, endColumn: 0 })).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
    expect(region({ line: 2, column: 7, endLine: 4, endColumn: 1 })).toEqual({ startLine: 2, startColumn: 7, endLine: 4, endColumn: 1 });
    expect(ruleName('unknown-criterion')).toBe('UnknownCriterion');
    expect(ruleName('syntax')).toBe('Syntax');
    expect(sarifText('a [b] \\ c')).toBe('a \\[b\\] \\\\ c');
  });

  it('records a version that is not a semantic version only as `version`', () => {
    const driver = sarifLog(report([], { toolVersion: '2026.11' })).runs[0]?.tool.driver;
    expect(driver?.version).toBe('2026.11');
    expect(driver?.semanticVersion).toBeUndefined();
  });
});
