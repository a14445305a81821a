import { join } from 'node:path';
import { resolveRules, runRules } from '@trustlint/engine';
import { loadConfig, loadProgram } from '@trustlint/model';
import { SAMPLE, TODAY } from '@trustlint/test-support';
import { describe, expect, it } from 'vitest';
import { brief, lintFiles } from '../testing/lint.js';
import { rule } from './codeowners-mismatch.js';

const owners = [
  'people:',
  '  - {id: alice, name: Alice, email: alice@example.com, github: Alice-GH, active: true}',
  "  - {id: bob, name: Bob, email: bob@example.com, github: '@bob', active: true}",
  '  - {id: carol, name: Carol, email: carol@example.com, active: true}',
  'teams:',
  '  - {id: security, members: [alice], github_team: acme/security}',
  "  - {id: sre, members: [bob], github_team: '@Acme/SRE'}",
  '  - {id: legal, members: [carol]}',
  '',
].join('\n');

const codeowners = [
  '# Review routing: the last matching line wins.',
  '*  @acme/security',
  '/controls/ @acme/sre',
  '/controls/AC-01.yaml @alice-gh',
  '/controls/AC-02.yaml @ACME/SRE @bob',
  '/controls/AC-03.yaml carol@example.com',
  '/controls/legacy/',
  '',
].join('\n');

const control = (owner: string, id = 'AC-09') => `id: ${id}\nowner: ${owner}\n`;
const policy = (owner: string, approver = 'bob') => `---\nid: POL-1\nowner: ${owner}\napprover: ${approver}\n---\n\n# Policy\n`;

function lint(files: Record<string, string>, config?: string) {
  const all = { 'owners.yaml': owners, '.github/CODEOWNERS': codeowners, ...files };
  return lintFiles(all, { rules: [rule], ...(config === undefined ? {} : { config }) }).findings;
}

describe('codeowners-mismatch', () => {
  it('accepts owners routed by username, email or team, with or without @ and in any case', () => {
    expect(
      lint({
        'controls/AC-01.yaml': control('alice', 'AC-01'),
        'controls/AC-02.yaml': control('bob', 'AC-02'),
        'controls/AC-03.yaml': control('carol', 'AC-03'),
        'controls/AC-04.yaml': control('sre', 'AC-04'),
        'controls/list.yaml': '- id: AC-05\n  owner: bob\n- id: AC-06\n  owner: sre\n',
        'p.md': policy('alice', 'carol'),
        'q.md': policy('security'),
        'r.md': policy('zed'),
        's.md': '---\nid: POL-2\n---\n# No owner\n',
      }),
    ).toEqual([]);
  });

  it('reports a file routed to others at its owner, pointing at the deciding line', () => {
    const findings = lint({ 'controls/AC-09.yaml': control('security') });
    expect(findings.map(brief)).toEqual([
      {
        ruleId: 'codeowners-mismatch',
        messageId: 'routedElsewhere',
        message: 'CODEOWNERS line 3 (`/controls/`) routes this file to `@acme/sre`, not to its owner `security`; expected `@acme/security` on that line.',
        file: 'controls/AC-09.yaml',
        line: 2,
        column: 8,
        endLine: 2,
        endColumn: 16,
      },
    ]);
    expect(findings[0]?.severity).toBe('warning');
    expect(findings[0]?.related).toEqual([
      {
        file: '.github/CODEOWNERS',
        line: 3,
        column: 1,
        endLine: 3,
        endColumn: 11,
        message: 'The last CODEOWNERS line that matches the file (line 3) decides who reviews it.',
      },
    ]);
  });

  it('names every owner on the line, and every handle that would do for a person', () => {
    const findings = lint({ 'controls/AC-02.yaml': control('alice', 'AC-02') });
    expect(findings.map((f) => f.message)).toEqual([
      'CODEOWNERS line 5 (`/controls/AC-02.yaml`) routes this file to `@ACME/SRE` and `@bob`, not to its owner `alice`; expected `@Alice-GH` or `@acme/security` on that line.',
    ]);
  });

  it('checks each control of a list file against the line that routes the file', () => {
    const findings = lint({ 'controls/list.yaml': '- id: AC-05\n  owner: sre\n- id: AC-06\n  owner: security\n' });
    expect(findings.map(brief)).toEqual([
      {
        ruleId: 'codeowners-mismatch',
        messageId: 'routedElsewhere',
        message: 'CODEOWNERS line 3 (`/controls/`) routes this file to `@acme/sre`, not to its owner `security`; expected `@acme/security` on that line.',
        file: 'controls/list.yaml',
        line: 4,
        column: 10,
        endLine: 4,
        endColumn: 18,
      },
    ]);
  });

  it('reports a file that no line matches, suggesting a line', () => {
    const findings = lint({ '.github/CODEOWNERS': '/controls/ @acme/sre\n', 'p.md': policy('alice') });
    expect(findings.map(brief)).toEqual([
      {
        ruleId: 'codeowners-mismatch',
        messageId: 'noMatch',
        message: 'No CODEOWNERS line matches this file, so no review is requested from its owner `alice`; expected a line such as `/p.md @Alice-GH`.',
        file: 'p.md',
        line: 3,
        column: 8,
        endLine: 3,
        endColumn: 13,
      },
    ]);
    expect(findings[0]?.related).toBeUndefined();
  });

  it('escapes what a suggested pattern must escape, and says when it cannot suggest one', () => {
    const findings = lint({
      '.github/CODEOWNERS': '/p.md @acme/security\n',
      'controls/my control.yaml': control('security'),
      'q.md': policy('legal'),
    });
    expect(findings.map((f) => [f.file, f.message])).toEqual([
      ['controls/my control.yaml', 'No CODEOWNERS line matches this file, so no review is requested from its owner `security`; expected a line such as `/controls/my\\ control.yaml @acme/security`.'],
      ['q.md', 'No CODEOWNERS line matches this file, so no review is requested from its owner `legal`; expected a line that routes it to the GitHub team of `legal` (owners.yaml gives none).'],
    ]);
  });

  it('makes patterns relative to the CODEOWNERS root, which may leave files outside it', () => {
    const config = 'paths:\n  codeowners: handbook/.github/CODEOWNERS\n';
    const findings = lint({ 'handbook/.github/CODEOWNERS': '* @acme/sre\n', 'p.md': policy('sre') }, config);
    expect(findings.map((f) => f.message)).toEqual([
      'No CODEOWNERS line matches this file, so no review is requested from its owner `sre`; expected a CODEOWNERS file that covers it (the patterns of handbook/.github/CODEOWNERS are relative to `handbook/`).',
    ]);
  });

  it('reports a deciding line without owners', () => {
    const findings = lint({ 'controls/legacy/AC-10.yaml': control('alice', 'AC-10') });
    expect(findings.map(brief)).toEqual([
      {
        ruleId: 'codeowners-mismatch',
        messageId: 'noOwners',
        message:
          'CODEOWNERS line 7 (`/controls/legacy/`) decides this file but names no owners, so no review is requested from its owner `alice`; expected `@Alice-GH` or `@acme/security` on that line.',
        file: 'controls/legacy/AC-10.yaml',
        line: 2,
        column: 8,
        endLine: 2,
        endColumn: 13,
      },
    ]);
    expect(findings[0]?.related?.map((r) => [r.file, r.line, r.column, r.endLine, r.endColumn])).toEqual([['.github/CODEOWNERS', 7, 1, 7, 18]]);
  });

  it('says when an owner without a GitHub handle cannot be checked', () => {
    const findings = lint({ 'p.md': policy('legal'), 'q.md': policy('carol') });
    expect(findings.map(brief)).toEqual([
      {
        ruleId: 'codeowners-mismatch',
        messageId: 'noHandle',
        message:
          'Cannot check that CODEOWNERS line 2 (`*`) routes this file to its owner `legal`: the team has no `github_team` in owners.yaml; expected its GitHub team (`org/team`) there.',
        file: 'p.md',
        line: 3,
        column: 8,
        endLine: 3,
        endColumn: 13,
      },
      {
        ruleId: 'codeowners-mismatch',
        messageId: 'noHandle',
        message:
          'Cannot check that CODEOWNERS line 2 (`*`) routes this file to its owner `carol`: the person has no `github` in owners.yaml; expected its GitHub username there.',
        file: 'q.md',
        line: 3,
        column: 8,
        endLine: 3,
        endColumn: 13,
      },
    ]);
    expect(findings[0]?.related?.map((r) => [r.file, r.line, r.column, r.endLine, r.endColumn, r.message])).toEqual([
      ['.github/CODEOWNERS', 2, 1, 2, 2, 'The last CODEOWNERS line that matches the file (line 2) decides who reviews it.'],
      ['owners.yaml', 8, 10, 8, 15, '`legal` is defined here.'],
    ]);
  });

  it('reports CODEOWNERS syntax that GitHub does not support, where it is written', () => {
    const text = '* @acme/security\n!/p.md @bob\n/docs/[ab].md @bob\n/a/***/b @bob\n';
    const findings = lint({ '.github/CODEOWNERS': text });
    expect(findings.map(brief)).toEqual([
      {
        ruleId: 'codeowners-mismatch',
        messageId: 'unsupportedSyntax',
        message: 'Pattern `!/p.md` uses `!` negation, which GitHub does not support in CODEOWNERS; this line matches nothing.',
        file: '.github/CODEOWNERS',
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 7,
      },
      {
        ruleId: 'codeowners-mismatch',
        messageId: 'unsupportedSyntax',
        message: 'Pattern `/docs/[ab].md` uses a `[ ]` character range, which GitHub does not support in CODEOWNERS; this line matches nothing.',
        file: '.github/CODEOWNERS',
        line: 3,
        column: 1,
        endLine: 3,
        endColumn: 14,
      },
      {
        ruleId: 'codeowners-mismatch',
        messageId: 'unsupportedSyntax',
        message: 'Pattern `/a/***/b` has three asterisks in a row; GitHub ignores this line.',
        file: '.github/CODEOWNERS',
        line: 4,
        column: 1,
        endLine: 4,
        endColumn: 9,
      },
    ]);
  });

  it('finds CODEOWNERS at the root or in docs/ too', () => {
    for (const path of ['CODEOWNERS', 'docs/CODEOWNERS']) {
      const findings = lintFiles({ 'owners.yaml': owners, [path]: '* @acme/sre\n', 'p.md': policy('alice') }, { rules: [rule] }).findings;
      expect(findings.map((f) => f.messageId)).toEqual(['routedElsewhere']);
    }
  });

  it('reports nothing without a CODEOWNERS file', () => {
    expect(lintFiles({ 'owners.yaml': owners, 'p.md': policy('legal'), 'controls/a.yaml': control('security') }, { rules: [rule] }).findings).toEqual([]);
  });

  it('finds nothing in the sample program', () => {
    const config = loadConfig(join(SAMPLE, 'trustlint.config.yaml'));
    const program = loadProgram(config);
    expect(program.codeowners?.entries.length).toBeGreaterThan(0);
    const { findings } = runRules({ program, rules: resolveRules([rule], config), today: TODAY });
    expect(findings).toEqual([]);
  });
  it('reports a configured CODEOWNERS file that does not exist, at the config value', () => {
    const { findings } = lintFiles({ 'controls/a.yaml': 'id: AC-01\nowner: security\n' }, { rules: [rule], config: 'paths:\n  codeowners: .github/CODEOWNER\n' });
    expect(findings.map(brief)).toEqual([
      {
        ruleId: 'codeowners-mismatch',
        messageId: 'missingFile',
        message: 'The config names the CODEOWNERS file `.github/CODEOWNER`, which does not exist, so no routing can be checked; expected the path of the CODEOWNERS file, relative to the config.',
        file: 'trustlint.config.yaml',
        line: 2,
        column: 15,
        endLine: 2,
        endColumn: 32,
      },
    ]);
  });
});
