import { describe, expect, it } from 'vitest';
import { finding, realisticFindings, report, RULES } from './__fixtures__/reports.js';
import { escapeData, escapeProperty, workflowCommand } from './github.js';
import { formatters } from './index.js';
import type { Report } from './report.js';
import { oneLine } from './text.js';

const DOCS = 'https://github.com/trustlint/trustlint/blob/main/packages/rules/docs/';

function format(input: Report): string {
  return formatters.github!(input, { color: false });
}

interface Command {
  command: string;
  properties: Record<string, string>;
  data: string;
}

/**
 * How the Actions runner reads a line of a step's output: a `::` command
 * (after leading blanks) whose properties end at the next `::`, split on `,`
 * and the first `=`, then unescaped; the legacy `##[command]` form is tried
 * only when that fails, and anywhere in the line.
 */
function runnerParse(line: string): Command | { legacy: string } | undefined {
  const message = line.trimStart();
  const end = message.indexOf('::', 2);
  if (message.startsWith('::') && end > 0) {
    const info = message.slice(2, end);
    const space = info.indexOf(' ');
    const properties: Record<string, string> = {};
    if (space > 0) {
      for (const pair of info.slice(space + 1).trim().split(',').filter(Boolean)) {
        const equals = pair.indexOf('=');
        if (equals > 0 && equals < pair.length - 1) {
          properties[pair.slice(0, equals)] = pair
            .slice(equals + 1)
            .replace(/%0D/g, '\r')
            .replace(/%0A/g, '\n')
            .replace(/%3A/g, ':')
            .replace(/%2C/g, ',')
            .replace(/%25/g, '%');
        }
      }
    }
    const data = message
      .slice(end + 2)
      .replace(/%0D/g, '\r')
      .replace(/%0A/g, '\n')
      .replace(/%25/g, '%');
    return { command: space < 0 ? info : info.slice(0, space), properties, data };
  }
  const legacy = message.indexOf('##[');
  return legacy >= 0 ? { legacy: message.slice(legacy) } : undefined;
}

function commands(text: string): Command[] {
  expect(text.endsWith('\n')).toBe(true);
  return text
    .slice(0, -1)
    .split(/\r\n|\r|\n/)
    .map((line) => {
      const parsed = runnerParse(line);
      expect(parsed && 'command' in parsed, line).toBe(true);
      return parsed as Command;
    });
}

describe('github', () => {
  it('prints one annotation per finding and one closing notice', () => {
    const findings = realisticFindings().slice(0, 6);
    expect(format(report(findings, { rules: RULES, suppressed: 1, baselined: 2 })).split('\n')).toEqual([
      `::error file=controls/access-review.yaml,line=2,col=5,endLine=2,endColumn=10,title=duplicate-id::Duplicate control id \`AC-01\`: first defined at controls/access.yaml:2; expected every control id to be unique. (duplicate-id: ${DOCS}duplicate-id.md)%0ASee also controls/access.yaml:2:5: \`AC-01\` is first defined here.`,
      `::error file=controls/access-review.yaml,line=7,col=18,endLine=7,endColumn=24,title=unknown-criterion::Unexpected criterion \`CC6.10\`: not a SOC 2 criterion; did you mean CC6.1? (unknown-criterion: ${DOCS}unknown-criterion.md)`,
      `::error file=controls/access-review.yaml,line=8,col=18,endLine=8,endColumn=23,title=unknown-criterion::Unexpected criterion \`CC9.9\`: not a SOC 2 criterion; did you mean CC9.1 or CC9.2? (unknown-criterion: ${DOCS}unknown-criterion.md)`,
      `::error file=policies/access-control.md,line=4,col=8,endLine=4,endColumn=12,title=owner-unknown::Unexpected owner \`jdoe\`: not in owners.yaml; expected a person or team listed there. (owner-unknown: ${DOCS}owner-unknown.md)`,
      `::warning file=policies/access-control.md,line=9,col=16,endLine=9,endColumn=26,title=review-overdue::Policy review overdue by 3 months: last reviewed 2025-08-01 with a review cycle of 12 months, so due 2026-08-01; expected a new review, recorded in \`last_reviewed\`. (review-overdue: ${DOCS}review-overdue.md)`,
      `::notice file=policies/information-security.md,line=14,col=22,endLine=14,endColumn=37,title=certification-language::Unexpected "SOC 2 certified": SOC 2 yields an attestation report; expected "SOC 2 report" or "SOC 2 attestation". (certification-language: ${DOCS}certification-language.md)`,
      '::notice title=trustlint::6 problems (4 errors, 1 warning, 1 info) in Acme Cloud, judged on 2026-11-22; 1 suppressed inline, 2 accepted by the baseline. SOC 2 coverage: 0/36 in-scope criteria covered, 36 uncovered.',
      '',
    ]);
  });

  it('gives columns only for a range on one line, and no place for a finding without a file', () => {
    const lines = format(report([finding({ line: 2, column: 7, endLine: 4, endColumn: 1 }), finding({ file: '', message: 'Program-wide.' })])).split('\n');
    expect(lines[0]).toMatch(/^::error file=controls\/access-review\.yaml,line=2,endLine=4,title=unknown-criterion::/);
    expect(lines[1]).toBe(`::error title=unknown-criterion::Program-wide. (unknown-criterion: ${DOCS}unknown-criterion.md)`);
  });

  it('ends a clean run with one notice that says so', () => {
    expect(format(report([]))).toBe('::notice title=trustlint::No problems found in Acme Cloud, judged on 2026-11-22. SOC 2 coverage: 0/36 in-scope criteria covered, 36 uncovered.\n');
  });

  it('escapes data and property values as the runner unescapes them', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%d\ne')).toBe('a%3Ab%2Cc%25d%0Ae');
    // Escaping newlines alone keeps an injected command inside the line.
    const line = workflowCommand('error', { file: 'x,title=::y' }, '\n::error::pwned\r\n::add-mask::secret');
    expect(line).toBe('::error file=x%2Ctitle=%3A%3Ay::%0A::error::pwned%0D%0A::add-mask::secret');
    expect(line.split(/\r|\n/)).toHaveLength(1);
    expect(runnerParse(line)).toEqual({ command: 'error', properties: { file: 'x,title=::y' }, data: '\n::error::pwned\r\n::add-mask::secret' });
  });

  const hostile = [
    '\n::error::pwned',
    'literal %0A and %25 and %3A%2C',
    '::set-output name=x::y',
    '##[group]folded',
    '\r\n::add-mask::secret',
    '\u2028::stop-commands::token\u0085##[endgroup]',
    'a, b: c, title=spoof, line=1:: end',
    '@channel @octocat please look',
    '\u001b[2J\u001b]8;;http://x\u0007link\u001b]8;;\u0007',
  ];

  it('keeps hostile messages and paths to one command each, with nothing interpreted', () => {
    const findings = hostile.map((text, index) =>
      finding({
        message: `Unexpected owner \`${text}\`.`,
        file: `policies/${text}, x:y/${index}.md`,
        related: [{ file: `${text}.yaml`, line: 1, column: 1, endLine: 1, endColumn: 2, message: text }],
      }),
    );
    const text = format(report(findings, { program: `Acme${hostile.join('')}` }));
    const lines = text.slice(0, -1).split(/\r\n|\r|\n/);
    expect(lines).toHaveLength(findings.length + 1);
    const parsed = commands(text);
    expect(parsed.map((entry) => entry.command)).toEqual([...findings.map(() => 'error'), 'notice']);
    parsed.slice(0, -1).forEach((entry, index) => {
      const source = findings[index]!;
      // Exactly the properties we wrote, the path and rule intact: nothing closed them early.
      expect(entry.properties).toEqual({ file: oneLine(source.file), line: '7', col: '18', endLine: '7', endColumn: '24', title: 'unknown-criterion' });
      expect(entry.data).toBe(
        `${oneLine(source.message)} (unknown-criterion: ${DOCS}unknown-criterion.md)\nSee also ${oneLine(source.related![0]!.file)}:1:1: ${oneLine(source.related![0]!.message)}`,
      );
    });
    for (const entry of parsed) {
      // Each line of the annotation as GitHub shows it: none starts a command or a log command.
      for (const shown of entry.data.split(/\r\n|\r|\n/)) expect(shown.trimStart()).not.toMatch(/^(::|##\[)/);
      for (const value of Object.values(entry.properties)) expect(value).not.toMatch(/[\r\n]/);
      expect(entry.data).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
    }
    expect(parsed[0]?.data.startsWith('Unexpected owner `\\n::error::pwned`.')).toBe(true);
    expect(parsed[1]?.data.startsWith('Unexpected owner `literal %0A and %25 and %3A%2C`.')).toBe(true);
    expect(parsed[4]?.data.startsWith('Unexpected owner `\\u000d\\n::add-mask::secret`.')).toBe(true);
    expect(parsed[7]?.data.startsWith('Unexpected owner `@channel @octocat please look`.')).toBe(true);
    expect(parsed[8]?.data.startsWith('Unexpected owner `\\u001b[2J\\u001b]8;;http://x\\u0007link\\u001b]8;;\\u0007`.')).toBe(true);
    expect(parsed.at(-1)?.data).toContain(`in Acme${oneLine(hostile.join(''))}, judged on`);
  });
});
