import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import markdown from '@eslint/markdown';
import { Linter, RuleTester, type Rule } from 'eslint';
import { TODAY } from '@trustlint/test-support';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import * as yamlParser from 'yaml-eslint-parser';
import { CONTROL, makeProgram, OWNERS, POLICY } from './__fixtures__/program.js';
import plugin from './index.js';
import { clearCaches } from './program-state.js';
import { eslintRules } from './rules.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const previousToday = process.env.TRUSTLINT_TODAY;
process.env.TRUSTLINT_TODAY = TODAY;
afterAll(() => {
  if (previousToday === undefined) delete process.env.TRUSTLINT_TODAY;
  else process.env.TRUSTLINT_TODAY = previousToday;
});

const dir = makeProgram();
const control = join(dir, 'controls/AC-01.yaml');
const policy = join(dir, 'policies/access-control.md');

const yamlTester = new RuleTester({ languageOptions: { parser: yamlParser } });
const markdownTester = new RuleTester({ plugins: { markdown }, language: 'markdown/commonmark', languageOptions: { frontmatter: 'yaml' } });

function rule(name: string): Rule.RuleModule {
  const found = eslintRules[name];
  if (found === undefined) throw new Error(`No rule ${name}`);
  return found as unknown as Rule.RuleModule;
}

describe('trustlint rules in ESLint: controls (YAML)', () => {
  yamlTester.run('schema', rule('schema'), {
    valid: [
      { code: CONTROL, filename: control },
      // Not part of the program: no glob of the config matches it.
      { code: 'status: done\n', filename: join(dir, 'notes/AC-01.yaml') },
    ],
    invalid: [
      {
        code: CONTROL.replace('status: implemented', 'status: done'),
        filename: control,
        errors: [
          {
            messageId: 'enum',
            data: {
              found: '`done`',
              where: '`status`',
              allowed: '`implemented`, `partially-implemented`, `planned`, `not-applicable`',
              suggestion: '',
            },
            line: 5,
            column: 9,
            endLine: 5,
            endColumn: 13,
          },
        ],
      },
    ],
  });

  yamlTester.run('unknown-criterion', rule('unknown-criterion'), {
    valid: [{ code: CONTROL, filename: control }],
    invalid: [
      {
        code: CONTROL.replace('CC6.2', 'CC6.9'),
        filename: control,
        errors: [
          {
            messageId: 'unknownWithSuggestion',
            data: { id: 'CC6.9', name: 'a SOC 2 criterion (TSC 2017)', suggestions: '`CC6.8`' },
            line: 8,
            column: 17,
            endLine: 8,
            endColumn: 22,
          },
        ],
      },
    ],
  });

  yamlTester.run('owner-unknown', rule('owner-unknown'), {
    valid: [{ code: CONTROL, filename: control }],
    invalid: [
      {
        code: CONTROL.replace('owner: security', 'owner: secuirty'),
        filename: control,
        errors: [
          {
            messageId: 'unknown',
            data: { role: 'owner', id: 'secuirty', ownersFile: 'owners.yaml', expected: '`security` (a close match)' },
            line: 4,
            column: 8,
            endLine: 4,
            endColumn: 16,
          },
        ],
      },
    ],
  });

  yamlTester.run('owner-inactive', rule('owner-inactive'), {
    valid: [{ code: CONTROL, filename: control }],
    invalid: [
      {
        code: CONTROL.replace('owner: security', 'owner: bob'),
        filename: control,
        errors: [
          {
            messageId: 'inactivePerson',
            data: { role: 'owner', id: 'bob', ownersFile: 'owners.yaml', expected: 'an active person, or a team with an active member' },
            line: 4,
            column: 8,
            endLine: 4,
            endColumn: 11,
          },
        ],
      },
    ],
  });

  yamlTester.run('codeowners-mismatch', rule('codeowners-mismatch'), {
    valid: [{ code: CONTROL, filename: control }],
    invalid: [
      {
        code: CONTROL.replace('AC-01', 'AC-02'),
        filename: join(dir, 'controls/AC-02.yaml'),
        errors: [
          {
            messageId: 'routedElsewhere',
            data: { line: '2', pattern: '/controls/AC-02.yaml', routed: '`@carol`', owner: 'security', expected: '`@example/security`' },
            line: 4,
            column: 8,
            endLine: 4,
            endColumn: 16,
          },
        ],
      },
    ],
  });

  yamlTester.run('suppression', rule('suppression'), {
    valid: [
      // A suppression in force, with a reason, that suppresses a finding.
      { code: CONTROL.replace('owner: security', '# trustlint-disable-next-line owner-unknown -- the team is being renamed\nowner: secuirty'), filename: control },
      // A suppression of a whole-program rule cannot be judged one file at a time, so it is never reported as unused.
      { code: `# trustlint-disable-file duplicate-id -- split in two next quarter\n${CONTROL}`, filename: control },
    ],
    invalid: [
      {
        code: CONTROL.replace('owner: security', '# trustlint-disable-next-line owner-unknown\nowner: secuirty'),
        filename: control,
        errors: [{ messageId: 'missingReason', data: { rules: '`owner-unknown`' }, line: 4, column: 3, endLine: 4, endColumn: 44 }],
      },
      {
        code: CONTROL.replace('owner: security', '# trustlint-disable-next-line owner-unknown, schema -- the team is being renamed\nowner: secuirty'),
        filename: control,
        errors: [{ messageId: 'unused', data: { rule: 'schema', reason: 'the team is being renamed' }, line: 4, column: 46, endLine: 4, endColumn: 52 }],
      },
    ],
  });

  // `unmapped` is off in the trustlint config, so ESLint reports nothing for it whatever its own severity.
  yamlTester.run('unmapped', rule('unmapped'), {
    valid: [{ code: CONTROL.replace(/satisfies:\n.*\n/, ''), filename: control }],
    invalid: [],
  });
});

describe('trustlint rules in ESLint: policies (Markdown with YAML front matter)', () => {
  markdownTester.run('review-overdue', rule('review-overdue'), {
    valid: [
      { code: POLICY, filename: policy },
      // Within the 30 days of grace the trustlint config gives.
      { code: POLICY.replace('last_reviewed: 2026-01-15', 'last_reviewed: 2025-11-01'), filename: policy },
    ],
    invalid: [
      {
        code: POLICY.replace('last_reviewed: 2026-01-15', 'last_reviewed: 2025-09-01'),
        filename: policy,
        errors: [
          {
            messageId: 'overdue',
            data: { overdue: '82 days', lastReviewed: '2025-09-01', cycle: '12 months', due: '2026-09-01' },
            line: 8,
            column: 16,
            endLine: 8,
            endColumn: 26,
          },
        ],
      },
    ],
  });

  markdownTester.run('required-sections', rule('required-sections'), {
    valid: [{ code: POLICY, filename: policy }],
    invalid: [
      {
        // The sections come from the trustlint config: Purpose, Scope and Enforcement.
        code: POLICY.replace('## Enforcement', '## Exceptions'),
        filename: policy,
        errors: [
          {
            messageId: 'missing',
            data: { section: 'Enforcement', found: 'found `Purpose`, `Scope`, `Exceptions` besides the title' },
            line: 15,
            column: 1,
            endLine: 15,
            endColumn: 24,
          },
        ],
      },
    ],
  });

  markdownTester.run('soc2-certification-language', rule('soc2-certification-language'), {
    valid: [
      { code: POLICY, filename: policy },
      {
        code: POLICY.replace('Every system', '<!-- trustlint-disable-next-line soc2-certification-language -- quoting a customer contract -->\nWe are SOC 2 certified. Every system'),
        filename: policy,
      },
    ],
    invalid: [
      {
        code: POLICY.replace('Every system', 'We are SOC 2 certified. Every system'),
        filename: policy,
        errors: [{ messageId: 'certification', data: { phrase: 'SOC 2 certified' }, line: 23, column: 8, endLine: 23, endColumn: 23 }],
      },
    ],
  });

  markdownTester.run('separation-of-duties', rule('separation-of-duties'), {
    valid: [{ code: POLICY, filename: policy }],
    invalid: [
      {
        code: POLICY.replace('approver: carol', 'approver: security'),
        filename: policy,
        errors: [{ messageId: 'sameAsOwner', data: { approver: 'security', owner: 'security' }, line: 5, column: 11, endLine: 5, endColumn: 19 }],
      },
    ],
  });

  markdownTester.run('syntax', rule('syntax'), {
    valid: [{ code: POLICY, filename: policy }],
    invalid: [
      {
        code: POLICY.replace('owner: security', 'owner: security\nowner: alice'),
        filename: policy,
        errors: [{ messageId: 'duplicate-key', data: { key: 'owner', line: '4' }, line: 5, column: 1, endLine: 5, endColumn: 6 }],
      },
    ],
  });
});

describe('trustlint rules in ESLint: messages, severities and the program around the file', () => {
  beforeEach(() => {
    clearCaches();
  });

  const lintWith = (filename: string, code: string): Linter.LintMessage[] =>
    new Linter({ cwd: dir }).verify(code, [...plugin.configs.recommended], { filename });

  it('reports the message word for word, with the trustlint rule as the ESLint rule and its default severity', () => {
    const messages = lintWith(control, CONTROL.replace('owner: security', 'owner: secuirty').replace('status: implemented', 'status: done'));
    expect(messages.map(({ ruleId, severity, message, line, column, endLine, endColumn }) => ({ ruleId, severity, message, line, column, endLine, endColumn }))).toEqual([
      {
        ruleId: 'trustlint/owner-unknown',
        severity: 2,
        message: 'Unexpected owner `secuirty`: not in owners.yaml; expected `security` (a close match).',
        line: 4,
        column: 8,
        endLine: 4,
        endColumn: 16,
      },
      {
        ruleId: 'trustlint/schema',
        severity: 2,
        message: 'Unexpected value `done` for `status`; expected one of `implemented`, `partially-implemented`, `planned`, `not-applicable`.',
        line: 5,
        column: 9,
        endLine: 5,
        endColumn: 13,
      },
    ]);
    const warning = lintWith(policy, POLICY.replace('## Enforcement', '## Exceptions'));
    expect(warning.map(({ ruleId, severity }) => ({ ruleId, severity }))).toEqual([{ ruleId: 'trustlint/required-sections', severity: 1 }]);
  });

  it('reads the owners again when they change on disk', async () => {
    const other = makeProgram();
    const filename = join(other, 'controls/AC-01.yaml');
    const code = CONTROL.replace('owner: security', 'owner: dave');
    const lint = () => new Linter({ cwd: other }).verify(code, [...plugin.configs.recommended], { filename }).map((message) => message.ruleId);
    expect(lint()).toEqual(['trustlint/owner-unknown']);
    const dave = '  - id: dave\n    name: Dave Example\n    email: dave@example.com\n    active: true\nteams:';
    writeFileSync(join(other, 'owners.yaml'), OWNERS.replace('teams:', dave).replace('members: [alice]', 'members: [alice, dave]'));
    // The next file an editor lints comes in a later step, after pending microtasks have run.
    await Promise.resolve();
    expect(lint()).toEqual([]);
  });

  it('fails, as the CLI does, when the trustlint config is invalid', () => {
    const broken = makeProgram({ 'trustlint.config.yaml': 'frameworks: [soc2]\n' });
    expect(() => new Linter({ cwd: broken }).verify(CONTROL, [...plugin.configs.recommended], { filename: join(broken, 'controls/AC-01.yaml') })).toThrow(
      /Invalid configuration in .*trustlint\.config\.yaml:\n.*trustlint\.config\.yaml:1:13: /,
    );
  });
});

