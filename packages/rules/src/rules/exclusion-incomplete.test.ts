import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRules, runRules } from '@trustlint/engine';
import { loadConfig, loadProgram } from '@trustlint/model';
import { SAMPLE, TODAY } from '@trustlint/test-support';
import { brief, lintFiles } from '../testing/lint.js';
import { rule } from './exclusion-incomplete.js';

const OWNERS = [
  'people:',
  '  - {id: maya.okafor, name: Maya Okafor}',
  '  - {id: theo.brandt, name: Theo Brandt}',
  '  - {id: jonah.pike, name: Jonah Pike, active: false}',
  'teams:',
  '  - {id: security, members: [maya.okafor, jonah.pike]}',
  '',
].join('\n');

/** A config with Security and Availability in scope and the given exclusions (lines under `exclusions:`, which is line 4). */
const config = (...exclusions: string[]) => ['frameworks:', '  soc2:', '    categories: [security, availability]', 'exclusions:', ...exclusions, ''].join('\n');

const COMPLETE = ['  - criterion: A1.3', '    reason: No secondary site; recovery is a restore from backups.', '    approver: maya.okafor'];

function lint(configText: string, files: Record<string, string> = { 'owners.yaml': OWNERS }) {
  return lintFiles({ 'trustlint.config.yaml': configText, ...files }, { rules: [rule] }).findings;
}

describe('exclusion-incomplete', () => {
  it('accepts exclusions of in-scope criteria with a reason and an active approver', () => {
    const iso = ['  - framework: iso27001', '    criterion: "7.4"', '    reason: No premises of our own.', '    approver: theo.brandt'];
    const security = ['  - criterion: cc6.4', '    reason: Physical access is the cloud provider’s.', '    approver: maya.okafor'];
    const text = config(...COMPLETE, ...security, ...iso).replace('exclusions:', '  iso27001: {}\nexclusions:');
    expect(lint(text)).toEqual([]);
    expect(lint('frameworks:\n  soc2: {}\n')).toEqual([]);
  });

  it('reports a missing reason and approver at the exclusion’s first line', () => {
    const findings = lint(config('  - criterion: A1.3'));
    expect(findings.map(brief)).toEqual([
      {
        ruleId: 'exclusion-incomplete',
        messageId: 'missingApprover',
        message: 'Exclusion of `A1.3` has no approver; expected `approver`: an active person in owners.yaml who accepted leaving it out.',
        file: 'trustlint.config.yaml',
        line: 5,
        column: 5,
        endLine: 5,
        endColumn: 20,
      },
      {
        ruleId: 'exclusion-incomplete',
        messageId: 'missingReason',
        message: 'Exclusion of `A1.3` has no reason; expected a non-blank `reason` that says why the criterion does not apply.',
        file: 'trustlint.config.yaml',
        line: 5,
        column: 5,
        endLine: 5,
        endColumn: 20,
      },
    ]);
  });

  it('reports a blank reason or approver at its value', () => {
    const findings = lint(config('  - criterion: A1.3', '    reason: "  "', "    approver: ''"));
    expect(findings.map(brief)).toEqual([
      expect.objectContaining({ messageId: 'missingReason', line: 6, column: 13, endLine: 6, endColumn: 17 }),
      expect.objectContaining({ messageId: 'missingApprover', line: 7, column: 15, endLine: 7, endColumn: 17 }),
    ]);
  });

  it('reports an approver who is not listed, suggesting a close active person', () => {
    const [typo] = lint(config(...COMPLETE.slice(0, 2), '    approver: maya.okafr'));
    expect(typo && brief(typo)).toEqual({
      ruleId: 'exclusion-incomplete',
      messageId: 'approverUnknown',
      message: 'Unexpected approver `maya.okafr` of the exclusion of `A1.3`: not in owners.yaml; expected `maya.okafor` (a close match).',
      file: 'trustlint.config.yaml',
      line: 7,
      column: 15,
      endLine: 7,
      endColumn: 25,
    });
    const [far] = lint(config(...COMPLETE.slice(0, 2), '    approver: the-board'));
    expect(far?.message).toBe(
      'Unexpected approver `the-board` of the exclusion of `A1.3`: not in owners.yaml; expected an active person: one of `maya.okafor` or `theo.brandt`.',
    );
    const [noOwners] = lint(config(...COMPLETE), {});
    expect(noOwners?.message).toBe(
      'Unexpected approver `maya.okafor` of the exclusion of `A1.3`: not in owners.yaml; expected an active person (there is no owners.yaml).',
    );
  });

  it('reports a team as approver, naming its active members', () => {
    const findings = lint(config(...COMPLETE.slice(0, 2), '    approver: security'));
    expect(findings.map(brief)).toEqual([
      {
        ruleId: 'exclusion-incomplete',
        messageId: 'approverTeam',
        message: 'Unexpected approver `security` of the exclusion of `A1.3`: a team, and a team cannot sign off; expected an active person, such as its member `maya.okafor`.',
        file: 'trustlint.config.yaml',
        line: 7,
        column: 15,
        endLine: 7,
        endColumn: 23,
      },
    ]);
    expect(findings[0]?.related).toEqual([{ file: 'owners.yaml', line: 6, column: 10, endLine: 6, endColumn: 18, message: '`security` is a team.' }]);
  });

  it('names no member of a team that has no active one', () => {
    const owners = `${OWNERS}  - {id: alumni, members: [jonah.pike]}\n`;
    const [finding] = lint(config(...COMPLETE.slice(0, 2), '    approver: alumni'), { 'owners.yaml': owners });
    expect(finding?.message).toBe('Unexpected approver `alumni` of the exclusion of `A1.3`: a team, and a team cannot sign off; expected an active person.');
  });

  it('reports an approver who is marked inactive', () => {
    const findings = lint(config(...COMPLETE.slice(0, 2), '    approver: jonah.pike'));
    expect(findings.map(brief)).toEqual([
      {
        ruleId: 'exclusion-incomplete',
        messageId: 'approverInactive',
        message: 'Unexpected approver `jonah.pike` of the exclusion of `A1.3`: marked inactive in owners.yaml; expected an active person.',
        file: 'trustlint.config.yaml',
        line: 7,
        column: 15,
        endLine: 7,
        endColumn: 25,
      },
    ]);
    expect(findings[0]?.related).toEqual([{ file: 'owners.yaml', line: 4, column: 10, endLine: 4, endColumn: 20, message: '`jonah.pike` is marked inactive here.' }]);
  });

  it('reports a criterion that is not in the catalog, suggesting in-scope ones', () => {
    const [close] = lint(config('  - criterion: A1.4', ...COMPLETE.slice(1)));
    expect(close && brief(close)).toEqual({
      ruleId: 'exclusion-incomplete',
      messageId: 'unknownCriterion',
      message: 'Unexpected criterion `A1.4` in an exclusion: not in the SOC 2 catalog; expected `A1.3` (a close match).',
      file: 'trustlint.config.yaml',
      line: 5,
      column: 16,
      endLine: 5,
      endColumn: 20,
    });
    const [far] = lint(config('  - criterion: backups', ...COMPLETE.slice(1)));
    expect(far?.message).toBe(
      'Unexpected criterion `backups` in an exclusion: not in the SOC 2 catalog; expected an in-scope SOC 2 criterion: one of `CC1.1`, `CC1.2`, `CC1.3`, `CC1.4`, `CC1.5` or 31 more.',
    );
  });

  it('suggests from the whole catalog when the framework is not enabled', () => {
    const [finding] = lint(config('  - framework: iso27001', '    criterion: asset-register', ...COMPLETE.slice(1)));
    expect(finding).toMatchObject({
      messageId: 'unknownCriterion',
      message:
        'Unexpected criterion `asset-register` in an exclusion: not in the ISO/IEC 27001 catalog; expected a criterion of ISO/IEC 27001: one of `A.5.1`, `A.5.2`, `A.5.3`, `A.5.4`, `A.5.5` or 88 more.',
      line: 6,
      column: 16,
      endColumn: 30,
    });
  });

  it('reports an exclusion of a criterion that is not in scope, pointing at the scope setting', () => {
    const findings = lint(config('  - criterion: PI1.2', ...COMPLETE.slice(1)));
    expect(findings.map(brief)).toEqual([
      {
        ruleId: 'exclusion-incomplete',
        messageId: 'outOfScope',
        message:
          'Unexpected exclusion of `PI1.2`: it belongs to SOC 2 Processing Integrity, a category not in scope (in scope: Security and Availability), so there is nothing to exclude; expected an in-scope criterion, or no exclusion.',
        file: 'trustlint.config.yaml',
        line: 5,
        column: 16,
        endLine: 5,
        endColumn: 21,
      },
    ]);
    expect(findings[0]?.related).toEqual([
      { file: 'trustlint.config.yaml', line: 3, column: 17, endLine: 3, endColumn: 41, message: 'The SOC 2 categories in scope are set here.' },
    ]);
  });

  it('reports an exclusion for a framework that is not enabled', () => {
    const [finding] = lint(config('  - framework: iso27001', '    criterion: A.5.1', ...COMPLETE.slice(1)));
    expect(finding).toMatchObject({
      messageId: 'outOfScope',
      message:
        'Unexpected exclusion of `A.5.1`: it belongs to ISO/IEC 27001, a framework not in scope (in scope: SOC 2), so there is nothing to exclude; expected an in-scope criterion, or no exclusion.',
      line: 6,
      column: 16,
      endColumn: 21,
    });
  });

  it('reports a criterion excluded twice, in any spelling, at the later one', () => {
    const findings = lint(config(...COMPLETE, '  - criterion: a1.3', ...COMPLETE.slice(1)));
    expect(findings.map(brief)).toEqual([
      {
        ruleId: 'exclusion-incomplete',
        messageId: 'duplicate',
        message: 'Duplicate exclusion of `A1.3`: already excluded at trustlint.config.yaml:5; expected each criterion to be excluded once.',
        file: 'trustlint.config.yaml',
        line: 8,
        column: 16,
        endLine: 8,
        endColumn: 20,
      },
    ]);
    expect(findings[0]?.related).toEqual([{ file: 'trustlint.config.yaml', line: 5, column: 16, endLine: 5, endColumn: 20, message: '`A1.3` is first excluded here.' }]);
  });

  it('reports every problem of one exclusion', () => {
    const findings = lint(config('  - {criterion: PI1.9, approver: security}'));
    expect(findings.map((finding) => [finding.messageId, finding.line, finding.column, finding.endColumn])).toEqual([
      ['missingReason', 5, 5, 43],
      ['unknownCriterion', 5, 17, 22],
      ['approverTeam', 5, 34, 42],
    ]);
  });

  describe('ISO/IEC 27001: entries of the Statement of Applicability', () => {
    /** SOC 2 Security and ISO/IEC 27001 in scope, and the given exclusions (lines under `exclusions:`, which is line 4). */
    const isoConfig = (...exclusions: string[]) => ['frameworks:', '  soc2: {}', '  iso27001: {}', 'exclusions:', ...exclusions, ''].join('\n');
    const ISO = ['  - framework: iso27001', '    criterion: "7.11"'];

    it('asks for the justification the Statement of Applicability needs, naming the control canonically', () => {
      const findings = lint(isoConfig(...ISO, '    approver: maya.okafor'));
      expect(findings.map(brief)).toEqual([
        {
          ruleId: 'exclusion-incomplete',
          messageId: 'missingJustification',
          message:
            'Exclusion of ISO/IEC 27001 control `A.7.11` has no justification; the Statement of Applicability needs one for every excluded control: expected a non-blank `reason` that says why the control is not applicable.',
          file: 'trustlint.config.yaml',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 24,
        },
      ]);
      const [blank] = lint(isoConfig(...ISO, '    reason: ""', '    approver: maya.okafor'));
      expect(blank).toMatchObject({ messageId: 'missingJustification', line: 7, column: 13, endLine: 7, endColumn: 15 });
    });

    it('reports a missing or inactive approver of an Annex A exclusion', () => {
      const findings = lint(isoConfig(...ISO, '    reason: No equipment of ours is hosted.'));
      expect(findings.map(brief)).toEqual([
        {
          ruleId: 'exclusion-incomplete',
          messageId: 'missingApprover',
          message: 'Exclusion of `A.7.11` has no approver; expected `approver`: an active person in owners.yaml who accepted leaving it out.',
          file: 'trustlint.config.yaml',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 24,
        },
      ]);
      const [inactive] = lint(isoConfig(...ISO, '    reason: No equipment of ours is hosted.', '    approver: jonah.pike'));
      expect(inactive).toMatchObject({
        messageId: 'approverInactive',
        message: 'Unexpected approver `jonah.pike` of the exclusion of `A.7.11`: marked inactive in owners.yaml; expected an active person.',
        line: 8,
        column: 15,
        endColumn: 25,
      });
    });

    it('names the 2022 successor of a control written in 2013 numbering', () => {
      const findings = lint(isoConfig('  - framework: iso27001', '    criterion: A.11.2.2', '    reason: No equipment of ours is hosted.', '    approver: maya.okafor'));
      expect(findings.map(brief)).toEqual([
        {
          ruleId: 'exclusion-incomplete',
          messageId: 'legacyCriterion',
          message: 'Unexpected criterion `A.11.2.2` in an exclusion: ISO/IEC 27001:2013 numbering, but the 2022 catalog applies; expected `A.7.11`.',
          file: 'trustlint.config.yaml',
          line: 6,
          column: 16,
          endLine: 6,
          endColumn: 24,
        },
      ]);
      const [clause] = lint(isoConfig('  - framework: iso27001', '    criterion: A.11', '    reason: No premises.', '    approver: maya.okafor'));
      expect(clause?.message).toMatch(/^Unexpected criterion `A\.11` in an exclusion: ISO\/IEC 27001:2013 numbering, but the 2022 catalog applies; expected one of the \d+ 2022 controls it became, such as `A\.7\.1`, `A\.7\.2` or `A\.7\.3`\.$/);
    });

    it('suggests the closest Annex A control for an unknown one, with or without `A.`', () => {
      const [finding] = lint(isoConfig('  - framework: iso27001', '    criterion: "7.15"', '    reason: None.', '    approver: maya.okafor'));
      expect(finding && brief(finding)).toEqual({
        ruleId: 'exclusion-incomplete',
        messageId: 'unknownCriterion',
        message: 'Unexpected criterion `7.15` in an exclusion: not in the ISO/IEC 27001 catalog; expected `A.7.14` (a close match).',
        file: 'trustlint.config.yaml',
        line: 6,
        column: 16,
        endLine: 6,
        endColumn: 22,
      });
    });

    it('reports an Annex A control excluded twice in two spellings, and keeps frameworks apart', () => {
      const justified = ['    reason: No equipment of ours is hosted.', '    approver: maya.okafor'];
      const findings = lint(isoConfig(...ISO, ...justified, '  - framework: iso27001', '    criterion: A.7.11', ...justified, '  - criterion: A1.3', ...justified));
      expect(findings.map(brief)).toEqual([
        {
          ruleId: 'exclusion-incomplete',
          messageId: 'duplicate',
          message: 'Duplicate exclusion of `A.7.11`: already excluded at trustlint.config.yaml:6; expected each criterion to be excluded once.',
          file: 'trustlint.config.yaml',
          line: 10,
          column: 16,
          endLine: 10,
          endColumn: 22,
        },
        expect.objectContaining({ messageId: 'outOfScope', line: 13, message: expect.stringContaining('`A1.3`: it belongs to SOC 2 Availability') }),
      ]);
    });
  });

  it('finds nothing in the sample program', () => {
    const sample = loadConfig(join(SAMPLE, 'trustlint.config.yaml'));
    const program = loadProgram(sample);
    const { findings } = runRules({ program, rules: resolveRules([rule], sample), today: TODAY });
    expect(findings).toEqual([]);
  });
});
