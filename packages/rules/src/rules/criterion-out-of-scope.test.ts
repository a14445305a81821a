import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRules, runRules } from '@trustlint/engine';
import { loadConfig, loadProgram } from '@trustlint/model';
import { SAMPLE, TODAY } from '@trustlint/test-support';
import { brief, lintFiles } from '../testing/lint.js';
import { rule } from './criterion-out-of-scope.js';

const SECURITY_AND_CONFIDENTIALITY = 'frameworks:\n  soc2:\n    categories: [security, confidentiality]\n';

const control = (satisfies: string, status = 'implemented') => `id: AC-01\nstatus: ${status}\nsatisfies:\n${satisfies}\n`;

function lint(files: Record<string, string>, config = SECURITY_AND_CONFIDENTIALITY) {
  return lintFiles({ 'trustlint.config.yaml': config, ...files }, { rules: [rule] });
}

describe('criterion-out-of-scope', () => {
  it('accepts criteria of in-scope categories and frameworks', () => {
    const config = 'frameworks:\n  soc2:\n    categories: [availability]\n  iso27001: {}\n';
    const files = { 'controls/a.yaml': control('  soc2: [CC6.1, A1.2, cc7.1]\n  iso27001: [A.5.15, 8.8]') };
    expect(lint(files, config).findings).toEqual([]);
  });

  it('leaves ids that are not in a catalog, or not under a framework key, to other rules', () => {
    const files = { 'controls/a.yaml': control('  soc2: [CC9.9, " A1.2", A.5.15]\n  hipaa: [A1.2]') };
    expect(lint(files).findings).toEqual([]);
  });

  it('reports a criterion of a category not in scope at its value, saying how to put it in scope', () => {
    const { findings } = lint({ 'controls/a.yaml': control('  soc2: [CC6.1, A1.2]') });
    expect(findings.map(brief)).toEqual([
      {
        ruleId: 'criterion-out-of-scope',
        messageId: 'category',
        message:
          'Unexpected criterion `A1.2`: it belongs to SOC 2 Availability, a category not in scope (in scope: Security and Confidentiality); expected a criterion of an in-scope category, or add `availability` to `frameworks.soc2.categories` in trustlint.config.yaml.',
        file: 'controls/a.yaml',
        line: 4,
        column: 17,
        endLine: 4,
        endColumn: 21,
      },
    ]);
    expect(findings[0]?.severity).toBe('warning');
  });

  it('points at the config setting that decides the scope', () => {
    const [finding] = lint({ 'controls/a.yaml': control('  soc2: [A1.2]') }).findings;
    expect(finding?.related).toEqual([
      { file: 'trustlint.config.yaml', line: 3, column: 17, endLine: 3, endColumn: 44, message: 'The SOC 2 categories in scope are set here.' },
    ]);
    const [noCategories] = lint({ 'controls/a.yaml': control('  soc2: [A1.2]') }, 'frameworks:\n  soc2:\n    type: 2\n').findings;
    expect(noCategories?.related).toEqual([
      { file: 'trustlint.config.yaml', line: 2, column: 3, endLine: 2, endColumn: 7, message: 'The SOC 2 categories in scope are set here.' },
    ]);
  });

  it('names the criterion in its canonical form, whatever the accepted spelling, at the place it is written', () => {
    const { findings } = lint({ 'controls/a.yaml': control('  soc2:\n    - pi1.3\n    - P4.1') });
    expect(findings.map(brief)).toEqual([
      expect.objectContaining({
        line: 5,
        column: 7,
        endLine: 5,
        endColumn: 12,
        message:
          'Unexpected criterion `PI1.3`: it belongs to SOC 2 Processing Integrity, a category not in scope (in scope: Security and Confidentiality); expected a criterion of an in-scope category, or add `processing-integrity` to `frameworks.soc2.categories` in trustlint.config.yaml.',
      }),
      expect.objectContaining({
        line: 6,
        column: 7,
        endLine: 6,
        endColumn: 11,
        message: expect.stringMatching(/^Unexpected criterion `P4\.1`: it belongs to SOC 2 Privacy, a category not in scope .* add `privacy` to/),
      }),
    ]);
  });

  it('reports a criterion of a framework the config does not enable', () => {
    const { findings } = lint({ 'controls/a.yaml': control('  soc2: [CC6.1]\n  iso27001: [A.5.15, 8.8]') });
    expect(findings.map(brief)).toEqual([
      {
        ruleId: 'criterion-out-of-scope',
        messageId: 'framework',
        message:
          'Unexpected criterion `A.5.15`: it belongs to ISO/IEC 27001, a framework not in scope (in scope: SOC 2); expected a criterion of an in-scope framework, or add `iso27001: {}` under `frameworks` in trustlint.config.yaml.',
        file: 'controls/a.yaml',
        line: 5,
        column: 14,
        endLine: 5,
        endColumn: 20,
      },
      {
        ruleId: 'criterion-out-of-scope',
        messageId: 'framework',
        message:
          'Unexpected criterion `A.8.8`: it belongs to ISO/IEC 27001, a framework not in scope (in scope: SOC 2); expected a criterion of an in-scope framework, or add `iso27001: {}` under `frameworks` in trustlint.config.yaml.',
        file: 'controls/a.yaml',
        line: 5,
        column: 22,
        endLine: 5,
        endColumn: 25,
      },
    ]);
    expect(findings[0]?.related).toEqual([
      { file: 'trustlint.config.yaml', line: 1, column: 1, endLine: 1, endColumn: 11, message: 'The frameworks in scope are set here.' },
    ]);
  });

  it('reports Annex A controls of a policy when ISO/IEC 27001 is not enabled, in any spelling', () => {
    const policy = ['---', 'id: POL-1', 'status: approved', 'satisfies:', '  soc2: [CC6.1]', '  iso27001:', '    - a.5.15', '    - "5.16"', '---', '# Policy', ''].join('\n');
    const { findings } = lint({ 'policy.md': policy });
    expect(findings.map(brief)).toEqual([
      expect.objectContaining({ messageId: 'framework', file: 'policy.md', line: 7, column: 7, endLine: 7, endColumn: 13, message: expect.stringMatching(/^Unexpected criterion `A\.5\.15`: it belongs to ISO\/IEC 27001, a framework not in scope \(in scope: SOC 2\);/) }),
      expect.objectContaining({ messageId: 'framework', file: 'policy.md', line: 8, column: 7, endLine: 8, endColumn: 13, message: expect.stringMatching(/^Unexpected criterion `A\.5\.16`: /) }),
    ]);
  });

  it('names the category to add when SOC 2 itself is not enabled', () => {
    const { findings } = lint({ 'controls/a.yaml': control('  soc2: [CC6.1, PI1.1]') }, 'frameworks:\n  iso27001: {}\n');
    expect(findings.map((finding) => finding.message)).toEqual([
      'Unexpected criterion `CC6.1`: it belongs to SOC 2, a framework not in scope (in scope: ISO/IEC 27001); expected a criterion of an in-scope framework, or add `soc2: {}` under `frameworks` in trustlint.config.yaml.',
      'Unexpected criterion `PI1.1`: it belongs to SOC 2, a framework not in scope (in scope: ISO/IEC 27001); expected a criterion of an in-scope framework, or add `soc2: {categories: [processing-integrity]}` under `frameworks` in trustlint.config.yaml.',
    ]);
  });

  it('does not exempt controls that are not applicable or planned', () => {
    for (const status of ['not-applicable', 'planned']) {
      expect(lint({ 'controls/a.yaml': control('  soc2: [A1.2]', status) }).findings.map(brief), status).toEqual([
        expect.objectContaining({ messageId: 'category', line: 4, column: 10, endColumn: 14 }),
      ]);
    }
  });

  it('checks policies, in both front matter dialects', () => {
    const policy = ['---', 'id: POL-1', 'status: approved', 'satisfies:', '  soc2: [CC6.1, C1.1, A1.3]', '---', '# Policy', ''].join('\n');
    const comply = ['name: Availability', 'acronym: AVP', 'satisfies:', '  TSC:', '    - A1.1', '---', '# Availability', ''].join('\n');
    const { findings } = lint({ 'policy.md': policy, 'comply.md': comply });
    expect(findings.map(brief)).toEqual([
      expect.objectContaining({ file: 'comply.md', line: 5, column: 7, endLine: 5, endColumn: 11, message: expect.stringContaining('`A1.1`: it belongs to SOC 2 Availability') }),
      expect.objectContaining({ file: 'policy.md', line: 5, column: 23, endLine: 5, endColumn: 27, message: expect.stringContaining('`A1.3`: it belongs to SOC 2 Availability') }),
    ]);
  });

  it('judges against Security alone when the config chooses no categories', () => {
    const { findings } = lint({ 'controls/a.yaml': control('  soc2: [C1.2]') }, '{}\n');
    expect(findings[0]?.message).toBe(
      'Unexpected criterion `C1.2`: it belongs to SOC 2 Confidentiality, a category not in scope (in scope: Security); expected a criterion of an in-scope category, or add `confidentiality` to `frameworks.soc2.categories` in trustlint.config.yaml.',
    );
  });

  it('finds nothing in the sample program', () => {
    const config = loadConfig(join(SAMPLE, 'trustlint.config.yaml'));
    const program = loadProgram(config);
    const { findings } = runRules({ program, rules: resolveRules([rule], config), today: TODAY });
    expect(findings).toEqual([]);
  });
});
