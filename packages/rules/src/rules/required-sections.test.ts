import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRules, runRules } from '@trustlint/engine';
import { ConfigError, loadConfig, loadProgram } from '@trustlint/model';
import { SAMPLE, TODAY } from '@trustlint/test-support';
import { brief, lintFiles } from '../testing/lint.js';
import { rule } from './required-sections.js';

/** A policy whose body starts on line 6. */
function policy(body: string, status = 'approved'): string {
  return `---\nid: POL-ACCESS\ntitle: Access Control Policy\nstatus: ${status}\n---\n${body}`;
}

const lint = (text: string, config?: string) =>
  lintFiles({ 'access-control.md': text }, { rules: [rule], ...(config === undefined ? {} : { config }) }).findings;

const messages = (text: string, config?: string) => lint(text, config).map((finding) => finding.message);

const missing = (section: string, found: string) =>
  `Missing required section \`${section}\`: no heading contains \`${section}\` (${found}); expected a heading such as \`## ${section}\`.`;

describe('required-sections', () => {
  it('accepts a policy with Purpose, Scope and Policy headings at any depth, in any case', () => {
    expect(lint(policy('\n# Access Control Policy\n\n## Purpose\n\nWhy.\n\n### SCOPE\n\nWhat.\n\n#### policy\n\nRules.\n'))).toEqual([]);
  });

  it('lets one heading name several sections, among other words', () => {
    expect(lint(policy('\n# Access Control Policy\n\n## Purpose and Scope\n\n## Policy Statement\n'))).toEqual([]);
    expect(lint(policy('\n## *Purpose*, `Scope`\n\n## The [policy](#x) itself\n'))).toEqual([]);
  });

  it('reports each missing section at the first heading, listing the headings found', () => {
    expect(lint(policy('\n# Access Control Policy\n\n## Purpose\n\n## Roles\n')).map(brief)).toEqual([
      {
        ruleId: 'required-sections',
        messageId: 'missing',
        message: missing('Policy', 'found `Purpose`, `Roles` besides the title'),
        file: 'access-control.md',
        line: 7,
        column: 1,
        endLine: 7,
        endColumn: 24,
      },
      {
        ruleId: 'required-sections',
        messageId: 'missing',
        message: missing('Scope', 'found `Purpose`, `Roles` besides the title'),
        file: 'access-control.md',
        line: 7,
        column: 1,
        endLine: 7,
        endColumn: 24,
      },
    ]);
  });

  it('does not let the title stand for a section', () => {
    // The title repeats `title:`, so it is the title even among other first-level headings.
    expect(messages(policy('\n# Access Control Policy\n\n# Purpose\n\n# Scope\n'))).toEqual([missing('Policy', 'found `Purpose`, `Scope` besides the title')]);
    // A first heading that every other heading sits below is the title too.
    expect(messages(policy('\n# Remote Work Policy\n\n## Purpose\n\n## Scope\n'))).toEqual([missing('Policy', 'found `Purpose`, `Scope` besides the title')]);
    expect(messages(policy('\n# Access Control Policy\n\nText.\n'))).toEqual(
      ['Policy', 'Purpose', 'Scope'].map((section) => missing(section, 'found only the title `Access Control Policy`')),
    );
  });

  it('counts a first-level heading as a section when the document has several (comply style)', () => {
    expect(lint(policy('\n# Purpose and Scope\n\n# Background\n\n# Policy\n'))).toEqual([]);
  });

  it('requires whole words', () => {
    expect(messages(policy('\n# Access Control Policy\n\n## Purpose\n\n## Scoped roles\n\n## Policies\n'))).toEqual([
      missing('Policy', 'found `Purpose`, `Scoped roles`, `Policies` besides the title'),
      missing('Scope', 'found `Purpose`, `Scoped roles`, `Policies` besides the title'),
    ]);
  });

  it('ignores headings inside code blocks and counts setext headings', () => {
    expect(messages(policy('\nPurpose and Scope\n=================\n\n```markdown\n## Policy\n```\n'))).toEqual([missing('Policy', 'found `Purpose and Scope`')]);
  });

  it('reports a policy without headings at the first line of its body that is not blank', () => {
    expect(lint(policy('\n\nAll staff must lock their screens.\n')).map(brief)).toEqual(
      ['Policy', 'Purpose', 'Scope'].map((section) => ({
        ruleId: 'required-sections',
        messageId: 'missing',
        message: missing(section, 'found no headings'),
        file: 'access-control.md',
        line: 8,
        column: 1,
        endLine: 8,
        endColumn: 35,
      })),
    );
  });

  it('reports an empty body where the body starts', () => {
    expect(lint(policy('')).map((finding) => [finding.line, finding.column, finding.endLine, finding.endColumn])).toEqual([
      [6, 1, 6, 1],
      [6, 1, 6, 1],
      [6, 1, 6, 1],
    ]);
  });

  it('lists at most eight headings', () => {
    const body = ['', '# Access Control Policy', ...Array.from({ length: 10 }, (_, index) => `## Part ${index + 1}`), ''].join('\n\n');
    expect(messages(policy(body))[0]).toBe(
      missing('Policy', 'found `Part 1`, `Part 2`, `Part 3`, `Part 4`, `Part 5`, `Part 6`, `Part 7`, `Part 8` and 2 more besides the title'),
    );
  });

  it('checks drafts but not retired policies', () => {
    expect(lint(policy('\n# Access Control Policy\n', 'draft'))).toHaveLength(3);
    expect(lint(policy('\n# Access Control Policy\n', 'retired'))).toEqual([]);
  });

  it('takes the sections to require from `sections`, matching the words of a name however they are spaced', () => {
    const config = 'rules:\n  required-sections: [warning, {sections: [Purpose, "Roles and Responsibilities", Exceptions]}]\n';
    expect(messages(policy('\n## Purpose\n\nRoles and\nresponsibilities\n----------------\n\n## Exceptions\n'), config)).toEqual([]);
    expect(messages(policy('\n## Purpose\n\n## Roles  and   responsibilities\n\n## Exceptions\n'), config)).toEqual([]);
    expect(messages(policy('\n## Purpose\n\n## Roles\n'), config)).toEqual([
      missing('Exceptions', 'found `Purpose`, `Roles`'),
      missing('Roles and Responsibilities', 'found `Purpose`, `Roles`'),
    ]);
    expect(lint(policy('\nNo headings.\n'), 'rules:\n  required-sections: [warning, {sections: []}]\n')).toEqual([]);
  });

  it('rejects a section name that is blank or not a list', () => {
    expect(() => lint(policy('\n## Purpose\n'), 'rules:\n  required-sections: [warning, {sections: [" "]}]\n')).toThrow(ConfigError);
    expect(() => lint(policy('\n## Purpose\n'), 'rules:\n  required-sections: [warning, {sections: Purpose}]\n')).toThrow(ConfigError);
  });

  it('finds nothing in the sample program', () => {
    const config = loadConfig(join(SAMPLE, 'trustlint.config.yaml'));
    const { findings } = runRules({ program: loadProgram(config), rules: resolveRules([rule], config), today: TODAY });
    expect(findings).toEqual([]);
  });
});
