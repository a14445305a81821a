import { soc2 } from '@trustlint/catalogs';
import type { Finding } from '@trustlint/engine';
import { computeCoverage, parseConfig, buildControl, type Control } from '@trustlint/model';
import { SourceFile, parseYaml } from '@trustlint/parser';
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES, formatters } from './index.js';
import type { Report } from './report.js';

function control(text: string): Control {
  const file = new SourceFile('controls/a.yaml', text);
  const [document] = parseYaml(file).documents;
  return buildControl(file, document?.root ?? null, document?.value, 0);
}

function report(findings: Finding[], controls: Control[] = []): Report {
  const config = parseConfig('frameworks: {soc2: {categories: [security, availability]}}\n', '/r/trustlint.config.yaml');
  return {
    program: 'Acme',
    findings,
    coverage: computeCoverage(config, controls),
    summary: {
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      infos: findings.filter((f) => f.severity === 'info').length,
    },
    today: '2026-11-22',
    suppressed: 0,
    baselined: 0,
  };
}

const finding = (overrides: Partial<Finding>): Finding => ({
  ruleId: 'unknown-criterion',
  severity: 'error',
  message: 'Unexpected criterion `CC6.10`.',
  messageId: 'unknown',
  file: 'controls/a.yaml',
  line: 3,
  column: 10,
  endLine: 3,
  endColumn: 16,
  url: 'https://docs.example/unknown-criterion',
  fingerprint: '0123456789abcdef0123456789abcdef',
  ...overrides,
});

describe('formatters', () => {
  it('are registered under the names --help offers, in that order', () => {
    expect(Object.keys(formatters)).toEqual([...FORMAT_NAMES]);
  });
});

describe('stylish', () => {
  it('groups findings by file, aligns columns, and ends with coverage and totals', () => {
    const text = formatters.stylish!(
      report([finding({}), finding({ line: 12, column: 1, severity: 'warning', ruleId: 'schema', message: 'Unexpected key `ownr`.' }), finding({ file: 'policies/b.md', line: 1, column: 1 })]),
      { color: false },
    );
    const lines = text.split('\n');
    expect(lines.slice(0, 7)).toEqual([
      'controls/a.yaml',
      '  3:10  error    Unexpected criterion `CC6.10`.  unknown-criterion',
      '  12:1  warning  Unexpected key `ownr`.  schema',
      '',
      'policies/b.md',
      '  1:1  error  Unexpected criterion `CC6.10`.  unknown-criterion',
      '',
    ]);
    expect(lines[7]).toBe('✖ SOC 2 coverage: 0/36 in-scope criteria covered (Security 0/33, Availability 0/3)');
    expect(lines[8]).toMatch(/^ {2}uncovered: CC1\.1, CC1\.2, .*A1\.3$/);
    expect(lines[9]).toBe('✖ 3 problems (2 errors, 1 warning)');
  });

  it('says so when all is well', () => {
    const ids = soc2.criteria.filter((c) => c.category === 'security' || c.category === 'availability').map((c) => c.id);
    const text = formatters.stylish!(report([], [control(`id: X\nstatus: implemented\nsatisfies: {soc2: [${ids.join(', ')}]}\n`)]), { color: false });
    expect(text).toBe(
      '✔ SOC 2 coverage: 36/36 in-scope criteria covered (Security 33/33, Availability 3/3)\n✔ No problems found in Acme (judged on 2026-11-22).\n',
    );
  });

  it('shows control characters from files as visible escapes, never as terminal commands', () => {
    const text = formatters.stylish!(report([finding({ message: 'Unexpected owner `\u001b[2J\u001b]8;;http://x\u0007bob\r`.', file: 'a\u001b[31m.yaml' })]), { color: false });
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(text).toContain('Unexpected owner `\\u001b[2J\\u001b]8;;http://x\\u0007bob\\u000d`.');
    expect(text).toContain('a\\u001b[31m.yaml');
  });

  it('colours only when asked', () => {
    expect(formatters.stylish!(report([finding({})]), { color: true })).toContain('\u001b[31merror');
  });
});

describe('json', () => {
  it('prints findings, coverage per framework and summary', () => {
    const parsed = JSON.parse(formatters.json!(report([finding({ related: [{ file: 'x', line: 1, column: 1, endLine: 1, endColumn: 2, message: 'here' }] })]), { color: false })) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['findings', 'coverage', 'summary']);
    expect(parsed.findings).toEqual([
      {
        ruleId: 'unknown-criterion',
        severity: 'error',
        message: 'Unexpected criterion `CC6.10`.',
        file: 'controls/a.yaml',
        line: 3,
        column: 10,
        endLine: 3,
        endColumn: 16,
        url: 'https://docs.example/unknown-criterion',
        fingerprint: '0123456789abcdef0123456789abcdef',
        related: [{ file: 'x', line: 1, column: 1, endLine: 1, endColumn: 2, message: 'here' }],
      },
    ]);
    expect(parsed.summary).toEqual({ errors: 1, warnings: 0, infos: 0, suppressed: 0, baselined: 0 });
    expect(Object.keys((parsed.coverage as Record<string, object>).soc2 ?? {})).toEqual(['inScope', 'covered', 'uncovered', 'partial', 'excluded']);
  });
});
