import { describe, expect, it } from 'vitest';
import { brief, lintFiles } from '../testing/lint.js';
import { rule } from './schema.js';

const valid = [
  'id: AC-01',
  'title: Access review',
  'description: Quarterly review of access.',
  'owner: alice',
  'status: implemented',
  'frequency: quarterly',
  'satisfies:',
  '  soc2: [CC6.2]',
  '',
].join('\n');

function lint(files: Record<string, string>) {
  return lintFiles(files, { rules: [rule] }).findings.map(brief);
}

describe('schema', () => {
  it('accepts a complete control, list files and multi-document files', () => {
    expect(lint({ 'controls/a.yaml': valid, 'controls/list.yaml': `- ${valid.trim().split('\n').join('\n  ')}\n`, 'controls/multi.yaml': `${valid}---\n${valid}` })).toEqual([]);
  });

  it('reports an unexpected enum value at the value, with a suggestion', () => {
    expect(lint({ 'controls/a.yaml': valid.replace('status: implemented', 'status: implemnted') })).toEqual([
      {
        ruleId: 'schema',
        messageId: 'enum',
        message:
          'Unexpected value `implemnted` for `status`; expected one of `implemented`, `partially-implemented`, `planned`, `not-applicable`. Did you mean `implemented`?',
        file: 'controls/a.yaml',
        line: 5,
        column: 9,
        endLine: 5,
        endColumn: 19,
      },
    ]);
  });

  it('reports a missing key at the first line of the control, saying what the key is for', () => {
    expect(lint({ 'controls/a.yaml': valid.replace('frequency: quarterly\n', '') })).toEqual([
      expect.objectContaining({
        messageId: 'required',
        message: 'Missing required key `frequency` (how often the control operates; it decides which evidence periods a Type II window needs).',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 10,
      }),
    ]);
  });

  it('leaves a missing or empty owner, approver or mapping to the rules made for them', () => {
    expect(lint({ 'controls/a.yaml': valid.replace('owner: alice\n', '').replace('satisfies:\n  soc2: [CC6.2]\n', '') })).toEqual([]);
    expect(lint({ 'controls/a.yaml': valid.replace('owner: alice', 'owner:').replace('satisfies:\n  soc2: [CC6.2]\n', 'satisfies: {}\n') })).toEqual([]);
    expect(lint({ 'controls/a.yaml': valid.replace('owner: alice', 'owner: "  "') })).toEqual([]);
    expect(lint({ 'controls/a.yaml': valid.replace('owner: alice', 'owner: 42') })).toEqual([
      expect.objectContaining({ messageId: 'type', message: '`owner` should be a string, found `42`.' }),
    ]);
  });

  it('reports an unexpected key at the key, with a did-you-mean', () => {
    const [finding] = lint({ 'controls/a.yaml': `${valid}ownr: bob\n` });
    expect(finding).toMatchObject({ messageId: 'additionalProperties', line: 9, column: 1, endColumn: 5 });
    expect(finding?.message).toMatch(/^Unexpected key `ownr`; expected one of `id`, `title`.*Did you mean `owner`\?$/);
  });

  it('reports a wrong type and a bad date in plain words', () => {
    const policy = ['---', 'id: POL-1', 'title: Access', 'owner: a', 'approver: b', 'version: 1', 'effective: Jan 5 2026', 'last_reviewed: 2026-01-05', 'review_cycle: twelve', 'status: approved', 'satisfies: {soc2: [CC6.1]}', '---', '# Access', ''].join('\n');
    expect(lint({ 'access.md': policy }).map((f) => [f.message, f.line, f.column, f.endColumn])).toEqual([
      ['`effective` should be a date written YYYY-MM-DD, found `Jan 5 2026`.', 7, 12, 22],
      ['`review_cycle` should be a whole number, found `twelve`.', 9, 15, 21],
    ]);
  });

  it('locates violations inside a list item of a list file', () => {
    const list = `- id: L-1\n  title: x\n  description: y\n  owner: a\n  status: done\n  frequency: daily\n  satisfies: {soc2: [CC1.1]}\n`;
    expect(lint({ 'controls/list.yaml': list })[0]).toMatchObject({ messageId: 'enum', line: 5, column: 11, endColumn: 15 });
  });

  it('checks the owners file and evidence logs', () => {
    const findings = lint({
      'owners.yaml': 'people:\n  - id: alice\n    name: Alice\n    email: not-an-email\n    active: yes\n',
      'evidence/a.yaml': 'control: AC-01\nrecords:\n  - date: 2026-13-01\n    summary: x\n',
    });
    expect(findings.map((f) => [f.file, f.line, f.message])).toEqual([
      ['evidence/a.yaml', 3, '`records[0].date` should be a date written YYYY-MM-DD, found `2026-13-01`.'],
      ['owners.yaml', 4, '`people[0].email` should be an email address, found `not-an-email`.'],
      ['owners.yaml', 5, '`people[0].active` should be true or false, found `yes`.'],
    ]);
  });
});
