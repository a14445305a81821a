import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRules, runRules } from '@trustlint/engine';
import { loadConfig, loadProgram } from '@trustlint/model';
import { SAMPLE, TODAY } from '@trustlint/test-support';
import { brief, lintFiles } from '../testing/lint.js';
import { rule } from './unknown-reference.js';

const policy = (id: string, status = 'approved') => `---\nid: ${id}\nstatus: ${status}\nsatisfies: {soc2: [CC6.1]}\n---\n# ${id}\n`;
const control = (policies: string, status = 'implemented') => `id: AC-01\nstatus: ${status}\npolicies: ${policies}\n`;

const POLICIES = { 'access.md': policy('POL-ACCESS'), 'old.md': policy('POL-OLD', 'retired') };

function lint(files: Record<string, string>) {
  return lintFiles(files, { rules: [rule] });
}

describe('unknown-reference', () => {
  it('accepts references to existing policies and controls', () => {
    const comply = 'name: Vendors\nacronym: VMP\nsatisfies:\n  TSC: [CC9.2]\n---\n# Vendors\n';
    const files = {
      ...POLICIES,
      'comply.md': comply,
      'controls/ac-01.yaml': control('[POL-ACCESS, VMP]'),
      'controls/pl-01.yaml': 'id: PL-01\nstatus: planned\npolicies: [POL-OLD]\n',
      'evidence/ac-01.yaml': 'control: AC-01\nrecords: []\n',
    };
    expect(lint(files).findings).toEqual([]);
  });

  it('reports an unknown policy at its value and suggests a close id', () => {
    const { findings } = lint({ ...POLICIES, 'controls/ac-01.yaml': control('[POL-ACESS]') });
    expect(findings.map(brief)).toEqual([
      {
        ruleId: 'unknown-reference',
        messageId: 'unknownPolicy',
        message: 'Unexpected policy `POL-ACESS` in `policies`: no policy has this id; expected `POL-ACCESS` (a close match).',
        file: 'controls/ac-01.yaml',
        line: 3,
        column: 12,
        endLine: 3,
        endColumn: 21,
      },
    ]);
  });

  it('lists a few known policies when nothing is close, and says when there are none', () => {
    const block = control('\n  - POL-ACCESS\n  - HR-HANDBOOK');
    const [finding] = lint({ ...POLICIES, 'controls/ac-01.yaml': block }).findings;
    expect(finding).toMatchObject({
      message: 'Unexpected policy `HR-HANDBOOK` in `policies`: no policy has this id; expected the id of a policy: one of `POL-ACCESS` or `POL-OLD`.',
      line: 5,
      column: 5,
      endLine: 5,
      endColumn: 16,
    });
    const many = Object.fromEntries(['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((letter) => [`${letter}.md`, policy(`POL-${letter}${letter}${letter}`)]));
    expect(lint({ ...many, 'controls/ac-01.yaml': control('[HR-HANDBOOK]') }).findings[0]?.message).toBe(
      'Unexpected policy `HR-HANDBOOK` in `policies`: no policy has this id; expected the id of a policy: one of `POL-AAA`, `POL-BBB`, `POL-CCC`, `POL-DDD`, `POL-EEE` or 2 more.',
    );
    expect(lint({ 'controls/ac-01.yaml': control('[POL-ACCESS]') }).findings[0]?.message).toBe(
      'Unexpected policy `POL-ACCESS` in `policies`: no policy has this id; expected the id of a policy (the program has none).',
    );
  });

  it('matches ids exactly, suggesting the spelling that exists', () => {
    const [finding] = lint({ ...POLICIES, 'controls/ac-01.yaml': control('[pol-access]') }).findings;
    expect(finding?.message).toBe('Unexpected policy `pol-access` in `policies`: no policy has this id; expected `POL-ACCESS` (a close match).');
  });

  it('reports an evidence log for an unknown control', () => {
    const files = { 'controls/ac-01.yaml': control('[]'), 'evidence/ac-10.yaml': 'control: AC-10\nrecords: []\n', 'evidence/zz.yaml': 'control: BACKUP-RESTORE-TEST\n' };
    expect(lint(files).findings.map(brief)).toEqual([
      {
        ruleId: 'unknown-reference',
        messageId: 'unknownControl',
        message: 'Unexpected control `AC-10` in an evidence log: no control has this id; expected `AC-01` (a close match).',
        file: 'evidence/ac-10.yaml',
        line: 1,
        column: 10,
        endLine: 1,
        endColumn: 15,
      },
      expect.objectContaining({
        file: 'evidence/zz.yaml',
        message: 'Unexpected control `BACKUP-RESTORE-TEST` in an evidence log: no control has this id; expected the id of a control: one of `AC-01`.',
      }),
    ]);
  });

  it('reports an implemented control that references a retired policy, pointing at its status', () => {
    const { findings } = lint({ ...POLICIES, 'controls/ac-01.yaml': control('[POL-ACCESS, POL-OLD]') });
    expect(findings.map(brief)).toEqual([
      {
        ruleId: 'unknown-reference',
        messageId: 'retiredPolicy',
        message:
          'Implemented control `AC-01` references `POL-OLD`, a retired policy; expected it to implement a current policy: replace or remove the reference, or reinstate the policy.',
        file: 'controls/ac-01.yaml',
        line: 3,
        column: 24,
        endLine: 3,
        endColumn: 31,
      },
    ]);
    expect(findings[0]?.related).toEqual([{ file: 'old.md', line: 3, column: 9, endLine: 3, endColumn: 16, message: '`POL-OLD` is retired here.' }]);
  });

  it('leaves controls that are not implemented, and blank references, to other rules', () => {
    const files = {
      ...POLICIES,
      'controls/a.yaml': control('[POL-OLD]', 'partially-implemented'),
      'controls/b.yaml': control('[POL-OLD]', 'not-applicable'),
      'controls/c.yaml': control('[""]'),
      'evidence/blank.yaml': 'control: " "\n',
    };
    expect(lint(files).findings).toEqual([]);
  });

  it('resolves a repeated policy id to its first definition', () => {
    const files = { 'a.md': policy('POL-X'), 'b.md': policy('POL-X', 'retired'), 'controls/ac-01.yaml': control('[POL-X]') };
    expect(lint(files).findings).toEqual([]);
  });

  it('finds nothing in the sample program', () => {
    const config = loadConfig(join(SAMPLE, 'trustlint.config.yaml'));
    const program = loadProgram(config);
    const { findings } = runRules({ program, rules: resolveRules([rule], config), today: TODAY });
    expect(findings).toEqual([]);
  });
});
