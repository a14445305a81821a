import { join } from 'node:path';
import { resolveRules, runRules } from '@trustlint/engine';
import { loadConfig, loadProgram } from '@trustlint/model';
import { SAMPLE, TODAY } from '@trustlint/test-support';
import { describe, expect, it } from 'vitest';
import { brief, lintFiles } from '../testing/lint.js';
import { rule } from './owner-missing.js';

const OWNER_REASON = 'every policy and control needs one accountable owner; expected the id of a person or team from owners.yaml.';
const APPROVER_REASON = 'each version needs a person who signs it off; expected the id of a person from owners.yaml other than the owner.';

function lint(files: Record<string, string>) {
  return lintFiles(files, { rules: [rule] }).findings.map(brief);
}

const policy = (front: string) => `---\n${front}---\n\n# Policy\n`;

describe('owner-missing', () => {
  it('accepts a control with an owner and a policy with an owner and an approver', () => {
    expect(
      lint({
        'controls/a.yaml': 'id: AC-01\nowner: alice\n',
        'p.md': policy('id: POL-1\nowner: security\napprover: bob\n'),
      }),
    ).toEqual([]);
  });

  it('reports a control without an `owner` key at its first line', () => {
    expect(lint({ 'controls/a.yaml': 'id: AC-01\ntitle: Access review\n' })).toEqual([
      {
        ruleId: 'owner-missing',
        messageId: 'missingOwner',
        message: `Missing \`owner\` for control \`AC-01\`: ${OWNER_REASON}`,
        file: 'controls/a.yaml',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 10,
      },
    ]);
  });

  it('reports an empty owner at its key', () => {
    expect(lint({ 'controls/a.yaml': 'id: AC-01\nowner:\nstatus: planned\n' })).toEqual([
      {
        ruleId: 'owner-missing',
        messageId: 'emptyOwner',
        message: `Empty \`owner\` for control \`AC-01\`: ${OWNER_REASON}`,
        file: 'controls/a.yaml',
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 6,
      },
    ]);
  });

  it('treats an empty or blank string as no owner', () => {
    const findings = lint({ 'controls/a.yaml': 'id: AC-01\nowner: ""\n', 'controls/b.yaml': "id: AC-02\n  # note\nowner: '   '\n" });
    expect(findings.map((f) => [f.file, f.messageId, f.line, f.column, f.endLine, f.endColumn])).toEqual([
      ['controls/a.yaml', 'emptyOwner', 2, 1, 2, 6],
      ['controls/b.yaml', 'emptyOwner', 3, 1, 3, 6],
    ]);
  });

  it('reports a policy without owner and approver at the first line of its front matter', () => {
    expect(lint({ 'p.md': policy('id: POL-1\ntitle: Access\n') })).toEqual([
      {
        ruleId: 'owner-missing',
        messageId: 'missingApprover',
        message: `Missing \`approver\` for policy \`POL-1\`: ${APPROVER_REASON}`,
        file: 'p.md',
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 10,
      },
      {
        ruleId: 'owner-missing',
        messageId: 'missingOwner',
        message: `Missing \`owner\` for policy \`POL-1\`: ${OWNER_REASON}`,
        file: 'p.md',
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 10,
      },
    ]);
  });

  it('reports an empty approver at its key', () => {
    expect(lint({ 'p.md': policy('id: POL-1\nowner: alice\napprover: ""\n') })).toEqual([
      {
        ruleId: 'owner-missing',
        messageId: 'emptyApprover',
        message: `Empty \`approver\` for policy \`POL-1\`: ${APPROVER_REASON}`,
        file: 'p.md',
        line: 4,
        column: 1,
        endLine: 4,
        endColumn: 9,
      },
    ]);
  });

  it('reports each control of a list file at its own first line', () => {
    const findings = lint({ 'controls/list.yaml': '- id: AC-01\n  owner: alice\n- id: AC-02\n  status: planned\n' });
    expect(findings).toEqual([
      expect.objectContaining({ messageId: 'missingOwner', message: `Missing \`owner\` for control \`AC-02\`: ${OWNER_REASON}`, line: 3, column: 3, endLine: 3, endColumn: 12 }),
    ]);
  });

  it('names a control without an id as "this control"', () => {
    const [finding] = lint({ 'controls/a.yaml': 'title: Access review\n' });
    expect(finding).toMatchObject({ message: `Missing \`owner\` for this control: ${OWNER_REASON}`, line: 1, column: 1, endLine: 1, endColumn: 21 });
  });

  it('names the owners file the config chooses', () => {
    const [finding] = lintFiles({ 'controls/a.yaml': 'id: AC-01\n' }, { rules: [rule], config: 'paths:\n  owners: people/owners.yaml\n' }).findings;
    expect(finding?.message).toBe(
      'Missing `owner` for control `AC-01`: every policy and control needs one accountable owner; expected the id of a person or team from people/owners.yaml.',
    );
  });

  it('checks policies in the strongdm/comply format too', () => {
    const comply = 'name: Access Policy\nacronym: AP\nsatisfies:\n  TSC: [CC6.1]\n---\n# Access\n';
    expect(lint({ 'access.md': comply }).map((f) => [f.messageId, f.message.split(':')[0], f.line, f.column, f.endLine, f.endColumn])).toEqual([
      ['missingApprover', 'Missing `approver` for policy `AP`', 1, 1, 1, 20],
      ['missingOwner', 'Missing `owner` for policy `AP`', 1, 1, 1, 20],
    ]);
  });

  it('leaves an owner of the wrong type, and front matter that does not parse, to the schema and syntax rules', () => {
    expect(
      lint({
        'controls/a.yaml': 'id: AC-01\nowner: [alice, bob]\n',
        'p.md': policy('id: POL-1\nowner: alice\napprover: 42\n'),
        'broken.md': policy('id: [POL-2\n'),
        'none.md': '# No front matter\n',
      }),
    ).toEqual([]);
  });

  it('finds nothing in the sample program', () => {
    const config = loadConfig(join(SAMPLE, 'trustlint.config.yaml'));
    const program = loadProgram(config);
    const { findings } = runRules({ program, rules: resolveRules([rule], config), today: TODAY });
    expect(findings).toEqual([]);
  });
});
