import { describe, expect, it } from 'vitest';
import { brief, lintFiles } from '../testing/lint.js';
import { rule } from './unknown-criterion.js';

const control = (satisfies: string) =>
  ['id: AC-01', 'title: Access review', 'description: Quarterly review.', 'owner: alice', 'status: implemented', 'frequency: quarterly', satisfies, ''].join('\n');

function lint(satisfies: string) {
  return lintFiles({ 'controls/ac-01.yaml': control(satisfies) }, { rules: [rule] }).findings.map(brief);
}

describe('unknown-criterion', () => {
  it('accepts catalog ids, in both frameworks and in their accepted spellings', () => {
    expect(lint('satisfies:\n  soc2: [CC6.1, A1.2, PI1.5, P8.1]\n  iso27001: [A.5.15, 8.8]')).toEqual([]);
  });

  it('reports an invented id at its exact place and suggests the closest criterion', () => {
    expect(lint('satisfies:\n  soc2: [CC6.1, CC6.10]')).toEqual([
      {
        ruleId: 'unknown-criterion',
        messageId: 'unknownWithSuggestion',
        message: 'Unexpected criterion `CC6.10`: not a SOC 2 criterion (TSC 2017); did you mean `CC6.1`?',
        file: 'controls/ac-01.yaml',
        line: 8,
        column: 17,
        endLine: 8,
        endColumn: 23,
      },
    ]);
  });

  it('offers every equally close criterion', () => {
    const [finding] = lint('satisfies:\n  soc2:\n    - CC9.9');
    expect(finding).toMatchObject({ message: 'Unexpected criterion `CC9.9`: not a SOC 2 criterion (TSC 2017); did you mean `CC9.1` or `CC9.2`?', line: 9, column: 7, endColumn: 12 });
  });

  it('says what is expected when nothing is close', () => {
    expect(lint('satisfies:\n  soc2: [ZZZ-999]')[0]?.message).toBe(
      'Unexpected criterion `ZZZ-999`: not a SOC 2 criterion (TSC 2017); expected an id such as `CC6.1`.',
    );
  });

  it('reports stray whitespace inside a quoted id', () => {
    expect(lint('satisfies:\n  soc2: [" CC6.1"]')[0]).toMatchObject({
      messageId: 'whitespace',
      message: 'Criterion ` CC6.1` has stray whitespace; expected `CC6.1`.',
      line: 8,
      column: 10,
      endColumn: 18,
    });
  });

  it('names the 2022 successors of ISO 27001:2013 numbering', () => {
    expect(lint('satisfies:\n  iso27001: [A.9.2.1]')).toEqual([
      {
        ruleId: 'unknown-criterion',
        messageId: 'legacyIso',
        message: '`A.9.2.1` is ISO/IEC 27001:2013 numbering, but the 2022 catalog applies; expected `A.5.16`.',
        file: 'controls/ac-01.yaml',
        line: 8,
        column: 14,
        endLine: 8,
        endColumn: 21,
      },
    ]);
    expect(lint('satisfies:\n  iso27001: [A.9.2]')[0]?.message).toBe(
      '`A.9.2` is ISO/IEC 27001:2013 numbering, but the 2022 catalog applies; expected `A.5.16`, `A.5.17`, `A.5.18` or `A.8.2`.',
    );
  });

  it('recognises 2013 numbering without the `A.` and names merged controls once', () => {
    expect(lint('satisfies:\n  iso27001:\n    - 9.2.1\n    - a.11.1.4\n    - A.8.1.1\n    - A.18.2.3')).toEqual([
      expect.objectContaining({ messageId: 'legacyIso', line: 9, column: 7, endColumn: 12, message: '`9.2.1` is ISO/IEC 27001:2013 numbering, but the 2022 catalog applies; expected `A.5.16`.' }),
      expect.objectContaining({ line: 10, column: 7, endColumn: 15, message: '`a.11.1.4` is ISO/IEC 27001:2013 numbering, but the 2022 catalog applies; expected `A.7.5`.' }),
      expect.objectContaining({ line: 11, column: 7, endColumn: 14, message: '`A.8.1.1` is ISO/IEC 27001:2013 numbering, but the 2022 catalog applies; expected `A.5.9`.' }),
      expect.objectContaining({ line: 12, column: 7, endColumn: 15, message: '`A.18.2.3` is ISO/IEC 27001:2013 numbering, but the 2022 catalog applies; expected `A.5.36` or `A.8.8`.' }),
    ]);
  });

  it('counts the successors of a whole 2013 clause instead of listing them', () => {
    expect(lint('satisfies:\n  iso27001: [A.12]')).toEqual([
      expect.objectContaining({
        messageId: 'legacyIsoMany',
        message: expect.stringMatching(/^`A\.12` is ISO\/IEC 27001:2013 numbering, but the 2022 catalog applies; its controls became \d+ 2022 controls, such as `A\.5\.\d+`, `A\.\d\.\d+` or `A\.\d\.\d+`; expected the 2022 controls this one implements\.$/),
        line: 8,
        column: 14,
        endColumn: 18,
      }),
    ]);
  });

  it('reports an unknown Annex A control at its exact place and suggests the closest one', () => {
    expect(lint('satisfies:\n  iso27001: [A.5.15, A.5.38]')).toEqual([
      {
        ruleId: 'unknown-criterion',
        messageId: 'unknownWithSuggestion',
        message: 'Unexpected criterion `A.5.38`: not an ISO/IEC 27001:2022 Annex A control; did you mean `A.5.37`?',
        file: 'controls/ac-01.yaml',
        line: 8,
        column: 22,
        endLine: 8,
        endColumn: 28,
      },
    ]);
    expect(lint('satisfies:\n  iso27001: [8.35]')[0]?.message).toBe('Unexpected criterion `8.35`: not an ISO/IEC 27001:2022 Annex A control; did you mean `A.8.34`?');
    expect(lint('satisfies:\n  iso27001: [firewall]')[0]?.message).toBe('Unexpected criterion `firewall`: not an ISO/IEC 27001:2022 Annex A control; expected an id such as `A.5.15`.');
  });

  it('reports stray whitespace in an Annex A id with its canonical form', () => {
    expect(lint('satisfies:\n  iso27001: [" 5.15"]')).toEqual([
      expect.objectContaining({ messageId: 'whitespace', message: 'Criterion ` 5.15` has stray whitespace; expected `A.5.15`.', line: 8, column: 14, endColumn: 21 }),
    ]);
  });

  it('points out an id listed under the wrong framework, in its canonical form', () => {
    expect(lint('satisfies:\n  soc2: [a.5.15]')).toEqual([
      {
        ruleId: 'unknown-criterion',
        messageId: 'otherFramework',
        message: '`A.5.15` is an ISO/IEC 27001:2022 Annex A control listed under `soc2`; expected it under `satisfies.iso27001`.',
        file: 'controls/ac-01.yaml',
        line: 8,
        column: 10,
        endLine: 8,
        endColumn: 16,
      },
    ]);
    expect(lint('satisfies:\n  iso27001: [cc6.1]')[0]).toMatchObject({
      messageId: 'otherFramework',
      message: '`CC6.1` is a SOC 2 criterion (TSC 2017) listed under `iso27001`; expected it under `satisfies.soc2`.',
      line: 8,
      column: 14,
      endColumn: 19,
    });
  });

  it('checks policies too, with ranges inside the front matter', () => {
    const policy = ['---', 'id: POL-1', 'satisfies:', '  soc2: [PI1.6]', '---', '# Policy', ''].join('\n');
    const { findings } = lintFiles({ 'policy.md': policy }, { rules: [rule] });
    expect(findings.map(brief)).toEqual([
      expect.objectContaining({ file: 'policy.md', line: 4, column: 10, endLine: 4, endColumn: 15, message: expect.stringContaining('did you mean `PI1.5`') }),
    ]);
  });
});
