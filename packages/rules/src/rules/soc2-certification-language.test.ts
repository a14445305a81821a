import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRules, runRules, type Finding } from '@trustlint/engine';
import { loadConfig, loadProgram } from '@trustlint/model';
import { SAMPLE, TODAY } from '@trustlint/test-support';
import { brief, lintFiles } from '../testing/lint.js';
import { rule } from './soc2-certification-language.js';

/** A policy whose body starts on line 6. */
function policy(body: string): string {
  return `---\nid: POL-SEC\ntitle: Information Security Policy\nstatus: approved\n---\n${body}`;
}

const lint = (text: string) => lintFiles({ 'security.md': text }, { rules: [rule] }).findings;

const message = (phrase: string) =>
  `Unexpected \`${phrase}\`: SOC 2 yields an attestation report issued by a licensed CPA firm, not a certification; expected wording such as "SOC 2 Type 2 report", "SOC 2 attestation" or "audited against SOC 2".`;

/** The text a finding's range covers (the file has `\n` line breaks). */
function covered(text: string, finding: Finding): string {
  const lines = text.split('\n');
  const offset = (line: number, column: number) => lines.slice(0, line - 1).reduce((sum, each) => sum + each.length + 1, 0) + column - 1;
  return text.slice(offset(finding.line, finding.column), offset(finding.endLine, finding.endColumn));
}

/** Each finding as the text its range covers and the phrase its message quotes. */
function reported(body: string): [string, string][] {
  const text = policy(body);
  return lint(text).map((finding) => [covered(text, finding), /^Unexpected `([^`]*)`/.exec(finding.message)?.[1] ?? '']);
}

describe('soc2-certification-language', () => {
  it('reports "SOC 2 certified" at the exact phrase', () => {
    expect(lint(policy('\nNorthwind Ledger is SOC 2 certified since 2025.\n')).map(brief)).toEqual([
      {
        ruleId: 'soc2-certification-language',
        messageId: 'certification',
        message: message('SOC 2 certified'),
        file: 'security.md',
        line: 7,
        column: 21,
        endLine: 7,
        endColumn: 36,
      },
    ]);
  });

  it('reports certification, certificate and plurals, in any case', () => {
    expect(reported('Our SOC 2 certification. A SOC 2 certificate. Two SOC 2 Certificates. soc 2 CERTIFICATIONS.\n')).toEqual([
      ['SOC 2 certification', 'SOC 2 certification'],
      ['SOC 2 certificate', 'SOC 2 certificate'],
      ['SOC 2 Certificates', 'SOC 2 Certificates'],
      ['soc 2 CERTIFICATIONS', 'soc 2 CERTIFICATIONS'],
    ]);
  });

  it('reports the ways SOC 2 is spelled, with or without a type', () => {
    const variants = [
      'SOC2 certified',
      'SOC-2 certified',
      'SOC II certified',
      'SOC two certification',
      'SOC 2 Type II certified',
      'SOC 2 Type 1 certification',
      'SOC 2 type-2 certified',
      'SOC2 TypeII certificate',
      'SOC 2-certified',
      'SOC 2 Type 2-certified',
      'SOC 2 (Type II) certified',
      'SOC\u20112 certification',
      'SOC 2 \u2013 certified',
    ];
    for (const variant of variants) expect(reported(`We are ${variant} today.\n`), variant).toEqual([[variant, variant]]);
  });

  it('reports the reversed forms', () => {
    expect(reported('Certified for SOC 2. Certified against SOC 2 Type II. Certification to SOC2 (we are certified to SOC 2 Type 2).\n')).toEqual([
      ['Certified for SOC 2', 'Certified for SOC 2'],
      ['Certified against SOC 2 Type II', 'Certified against SOC 2 Type II'],
      ['Certification to SOC2', 'Certification to SOC2'],
      ['certified to SOC 2 Type 2', 'certified to SOC 2 Type 2'],
    ]);
  });

  it('reads across line breaks, emphasis and block quote markers, and reports the range as written', () => {
    expect(reported('We are **SOC 2** certified.\n')).toEqual([['SOC 2** certified', 'SOC 2 certified']]);
    expect(reported('We are _SOC 2 certified_.\n')).toEqual([['SOC 2 certified', 'SOC 2 certified']]);
    expect(reported('We are SOC 2 *certified*.\n')).toEqual([['SOC 2 *certified', 'SOC 2 certified']]);
    expect(reported('> We are SOC 2\n> certified.\n')).toEqual([['SOC 2\n> certified', 'SOC 2 certified']]);
    expect(reported('- Customers ask for our SOC\n  2 Type II\n  certification.\n')).toEqual([['SOC\n  2 Type II\n  certification', 'SOC 2 Type II certification']]);
  });

  it('gives a phrase across lines its whole range', () => {
    expect(lint(policy('\nWe are SOC 2\ncertified.\n')).map(brief)).toEqual([
      expect.objectContaining({ message: message('SOC 2 certified'), line: 7, column: 8, endLine: 8, endColumn: 10 }),
    ]);
  });

  it('reports headings, list items and link text', () => {
    expect(reported('## SOC 2 Certification\n\n1. Keep the SOC 2 certificate.\n\nSee [SOC 2 certified](https://example.com).\n')).toEqual([
      ['SOC 2 Certification', 'SOC 2 Certification'],
      ['SOC 2 certificate', 'SOC 2 certificate'],
      ['SOC 2 certified', 'SOC 2 certified'],
    ]);
  });

  it('accepts the right words, and ISO 27001 certification', () => {
    const body = [
      'We are ISO 27001 certified and hold an ISO/IEC 27001 certificate.',
      'We have a SOC 2 Type 2 report, a SOC 2 attestation, and we are audited against SOC 2.',
      'Our SOC 1 and SOC 3 reports, SOC 23 certified, ASOC 2 certified, SOC 2 compliance certified.',
      'Certified to ISO 27001 and audited against SOC 2. Certified staff run the SOC 2 audit.',
      '',
    ].join('\n');
    expect(lint(policy(body))).toEqual([]);
  });

  it('ignores code, inline code, HTML, link targets, images and the front matter', () => {
    const body = [
      'Write `SOC 2 certified` only in examples.',
      '',
      '```text',
      'SOC 2 certified',
      '```',
      '',
      '    SOC 2 certification (indented code)',
      '',
      '<!-- SOC 2 certified -->',
      '',
      '<div>',
      'SOC 2 certified',
      '</div>',
      '',
      'Read [our report](https://example.com/soc-2-certification) and ![SOC 2 certified](badge.png).',
      '',
      '[ref]: https://example.com/SOC-2-certified',
      '',
    ].join('\n');
    const text = `---\nid: POL-SEC\ntitle: SOC 2 Certification Policy\nstatus: approved\n---\n\n${body}`;
    expect(lint(text)).toEqual([]);
  });

  it('reads the body of a comply policy, not its header', () => {
    const comply = 'name: SOC 2 Certification Policy\nacronym: SCP\n---\n# Policy\n\nWe are SOC 2 certified.\n';
    expect(lint(comply).map((finding) => [finding.line, finding.column, finding.endLine, finding.endColumn])).toEqual([[6, 8, 6, 23]]);
  });

  it('finds nothing in the sample program', () => {
    const config = loadConfig(join(SAMPLE, 'trustlint.config.yaml'));
    const { findings } = runRules({ program: loadProgram(config), rules: resolveRules([rule], config), today: TODAY });
    expect(findings).toEqual([]);
  });
});
