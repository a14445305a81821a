/**
 * Untrusted text — a policy's or control's words quoted in a message, a file
 * name, a control's title, the program's name — fed through every format.
 * Each hostile string must come out as text: no terminal control sequences in
 * `stylish`, no workflow commands in `github`, no structure or mentions in
 * `markdown`, no markup in `junit`, SARIF or the HTML report, and every JSON
 * document (`json`, SARIF, the gate's and coverage's JSON, the Statement of
 * Applicability) inert when shown but the same once parsed. The structural
 * checks compare each output with the output for harmless text in the same
 * places: the hostile run may differ in text, never in shape.
 */
import type { Finding } from '@trustlint/engine';
import { junitProblems } from '@trustlint/test-support';
import { describe, expect, it } from 'vitest';
import { CONFIG, PROGRAM_FILES, programFindings, programReport, sampleProgram } from './__fixtures__/program.js';
import { finding } from './__fixtures__/reports.js';
import { computeCoverage } from '@trustlint/model';
import { coverageViewJson } from './coverage-view.js';
import { decideGate } from './gate.js';
import { htmlReport } from './html.js';
import { formatters } from './index.js';
import { gateJson } from './json.js';
import { soaJson, statementOfApplicability } from './soa.js';
import { coverageMarkdown, markdownReport } from './markdown.js';
import { reportPage } from './report-model.js';

const HOSTILE = [
  // Terminals: clear the screen, colour, a hyperlink, the title, a carriage return that overwrites, C1 CSI, Trojan Source.
  '\u001b[2J\u001b[31mERROR\u001b[0m',
  '\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007',
  '\u001b]0;pwned\u0007',
  'ok\rFAKE: all checks passed',
  '\u009b31mred',
  'admin\u202e\u2066// check later\u2069\u2066',
  'line\u2028separator\u2029paragraph\u0085next',
  'nul\u0000bell\u0007back\bspace\u007f',
  // GitHub workflow and log commands.
  '\n::error file=x::injected',
  '%0A::set-output name=verdict::pass',
  '::add-mask::secret\n::stop-commands::token\n##[error]fake',
  'a\r\n::warning::crlf',
  // Markdown: mentions, references, HTML, links, images, tables, headings, comments.
  '@everyone @acme/security-team #123 acme/repo#1',
  '<img src=x onerror=alert(1)><script>alert(1)</script><details open>',
  '[click](javascript:alert(1)) ![x](https://tracker.example/p.png) <https://evil.example>',
  '| a | b |\n|---|---|\n# Heading\n<!-- trustlint-comment -->\n```\ncode',
  '`` ` ``` \\| \\` *bold* _it_ ~~s~~',
  // XML and HTML.
  '</failure></testcase><testcase name="fake"/><![CDATA[x]]>',
  '"><svg onload=alert(1)>\'&amp;&lt;',
  ']]>&#0;&#x1b;\uFFFE\uFFFF',
  // Lone surrogates.
  'half \uD800 pair \uDC00',
] as const;

const HARMLESS = 'plain words here';

/** YAML double-quoted text for any string (ASCII only, every other character escaped). */
function yamlString(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Every output, with `text` in every place that untrusted text can reach. */
function outputs(text: string): Record<string, string> {
  const config = CONFIG.replace('program: Kestrel Pay', `program: ${yamlString(`Kestrel ${text}`)}`);
  const files = { ...PROGRAM_FILES, 'controls/access.yaml': (PROGRAM_FILES['controls/access.yaml'] ?? '').replace('title: Quarterly user access review', `title: ${yamlString(text)}`) };
  const program = sampleProgram(config, files);
  const hostile: Finding[] = [
    ...programFindings(),
    finding({ message: `Unexpected criterion \`${text}\`: ${text}.`, file: `controls/${text}.yaml`, related: [{ file: `policies/${text}.md`, line: 2, column: 1, endLine: 2, endColumn: 4, message: text }] }),
    finding({ severity: 'warning', ruleId: 'review-overdue', message: text, file: 'policies/isp.md' }),
  ];
  const report = programReport(program, hostile);
  const formatted = Object.fromEntries(Object.entries(formatters).map(([name, format]) => [name, format(report, { color: false })]));
  // The Statement of Applicability: a control's id and owner, an exclusion's reason and approver.
  const isoConfig = `${config.replace('frameworks: {soc2: {categories: [security, availability], type: 2}}', 'frameworks: {soc2: {categories: [security, availability], type: 2}, iso27001: {}}')}  - {framework: iso27001, criterion: A.7.11, reason: ${yamlString(text)}, approver: ${yamlString(text)}}\n`;
  const isoFiles = { ...files, 'controls/iso.yaml': `id: ${yamlString(`ISO-1 ${text}`)}\ntitle: ${yamlString(text)}\nowner: ${yamlString(text)}\nstatus: implemented\nsatisfies: {iso27001: [A.5.1]}\n` };
  const isoProgram = sampleProgram(isoConfig, isoFiles);
  const isoCoverage = computeCoverage(isoProgram.config, isoProgram.controls, isoProgram.policies).framework('iso27001');
  if (isoCoverage === undefined) throw new Error('ISO/IEC 27001 is not in scope');
  return {
    ...formatted,
    'gate json': gateJson(report, decideGate(report, 'error')),
    'coverage json': coverageViewJson(report),
    'soa json': soaJson(statementOfApplicability({ program: isoProgram.config.program, today: '2026-11-22', coverage: isoCoverage, owners: isoProgram.owners })),
    'stylish (colour)': formatters.stylish?.(report, { color: true }) ?? '',
    'markdown (comment)': markdownReport(report, { maxFindings: 1 }),
    'coverage markdown': coverageMarkdown(report),
    html: htmlReport(
      reportPage({
        report,
        controls: program.controls,
        policies: program.policies,
        evidence: program.evidence,
        observationPeriod: program.config.observationPeriod,
        soc2Type: 2,
        commit: undefined,
      }),
    ),
  };
}

const harmless = outputs(HARMLESS);

/** Unsafe characters that no output may hold raw (colour escapes are checked apart). */
const UNSAFE = /[\u0000-\u0008\u000b-\u001a\u001c-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff\r]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The names of the tags in a text, in order. */
function tags(text: string): string[] {
  return [...text.matchAll(/<(\/?[a-zA-Z!?][\w:-]*)/g)].map((match) => match[1] ?? '');
}

/**
 * Markdown without its code spans, inside which GitHub renders everything as
 * written (CommonMark: a backtick run not escaped by a backslash opens a span
 * that the next run of the same length closes).
 */
function outsideCode(markdown: string): string {
  let result = '';
  let i = 0;
  while (i < markdown.length) {
    const char = markdown[i] ?? '';
    if (char === '\\') {
      result += markdown.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (char !== '`') {
      result += char;
      i++;
      continue;
    }
    const run = /^`+/.exec(markdown.slice(i))?.[0] ?? '`';
    const close = new RegExp(`(?<!\`)${run}(?!\`)`, 'g');
    close.lastIndex = i + run.length;
    const end = close.exec(markdown);
    if (end === null) {
      result += run;
      i += run.length;
    } else {
      result += '`code`';
      i = end.index + run.length;
    }
  }
  return result;
}

/** A JSON document's shape: every path to a value, without the values. */
function shape(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => shape(item, `${path}[${index}]`));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, inner]) => shape(inner, `${path}.${key}`));
  return [path];
}

/** Every string value in a JSON document. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

describe.each(HOSTILE.map((text) => [JSON.stringify(text), text] as const))('hostile text %s', (_, text) => {
  const hostile = outputs(text);

  it('reaches no output as a raw control character, and colours are the only escape sequences', () => {
    for (const [name, output] of Object.entries(hostile)) {
      expect(UNSAFE.exec(output)?.[0], name).toBeUndefined();
      const escapes = output.match(/\u001b[^m]*m|\u001b/g) ?? [];
      for (const escape of escapes) expect(escape, name).toMatch(/^\u001b\[\d+(;\d+)*m$/);
      if (!name.includes('colour')) expect(escapes, name).toEqual([]);
    }
  });

  it('stylish: one line per finding, as many lines as for harmless text', () => {
    expect(hostile.stylish?.split('\n').length).toBe(harmless.stylish?.split('\n').length);
  });

  it('github: every line is one of trustlint’s annotations, and nothing starts another command', () => {
    const lines = (hostile.github ?? '').trimEnd().split('\n');
    expect(lines.length).toBe((harmless.github ?? '').trimEnd().split('\n').length);
    for (const line of lines) {
      expect(line).toMatch(/^::(error|warning|notice) [^:]*::/);
      // After the runner unescapes %0A and %0D, no line of the message may start a command.
      expect(line.replace(/^::(error|warning|notice) [^:]*::/, '')).not.toMatch(/(%0A|%0D)(::|##\[)/);
    }
  });

  it('markdown: the same tags, table rows and headings as for harmless text, and no live mention, reference or link', () => {
    for (const name of ['markdown', 'markdown (comment)', 'coverage markdown']) {
      const output = outsideCode(hostile[name] ?? '');
      const expected = outsideCode(harmless[name] ?? '');
      expect(tags(output), name).toEqual(tags(expected));
      const structure = (markdown: string) => markdown.split('\n').map((line) => (line.startsWith('|') ? `| ${line.split(/(?<!\\)\|/).length}` : line.match(/^(#+|<\/?\w+|```|- |\d+\. )/)?.[0] ?? ''));
      expect(structure(hostile[name] ?? ''), name).toEqual(structure(harmless[name] ?? ''));
      expect(output, name).not.toMatch(/(^|[^\w\u200b])@(everyone|acme)/);
      expect(output, name).not.toMatch(/(^|[^\\\w])#123/);
      expect(output, name).not.toMatch(/\]\((javascript|https:\/\/tracker)/);
      expect(output, name).not.toMatch(/<(https:\/\/evil|img|script|svg)/);
    }
  });

  it('junit: well-formed XML with the same elements as for harmless text', () => {
    expect(junitProblems(hostile.junit ?? '')).toEqual([]);
    expect(tags(hostile.junit ?? '')).toEqual(tags(harmless.junit ?? ''));
  });

  it('every JSON document parses, with the same shape as for harmless text, and all but SARIF keep the text exactly', () => {
    for (const name of ['json', 'sarif', 'gate json', 'coverage json', 'soa json']) {
      const parsed: unknown = JSON.parse(hostile[name] ?? '');
      expect(shape(parsed), name).toEqual(shape(JSON.parse(harmless[name] ?? '')));
      // SARIF shows messages as plain text, with controls made visible; the others carry the data as it is.
      if (name !== 'sarif') expect(strings(parsed), name).toContain(text);
    }
    const { findings } = JSON.parse(hostile.json ?? '') as { findings: { message: string }[] };
    expect(findings.map((entry) => entry.message)).toContain(text);
  });

  it('html: the same tags as for harmless text, and no handler or script of its own', () => {
    const html = hostile.html ?? '';
    // Backticks in a message make code elements; nothing else may add an element.
    const elements = (page: string) => tags(page).filter((tag) => tag !== 'code' && tag !== '/code');
    expect(elements(html)).toEqual(elements(harmless.html ?? ''));
    expect(html).not.toMatch(/<[^>]*\son(error|load)=/i);
    expect(html).not.toMatch(/href="javascript:/i);
  });
});
