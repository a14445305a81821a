/**
 * One ESLint rule per trustlint file rule, `trustlint/<name>`. Each is a thin
 * view of the trustlint rule: its docs URL, description, type and messages
 * are the trustlint rule's metadata, and its findings are the ones trustlint
 * computes for the file (program-state.ts), so no check exists twice.
 *
 * - A rule reads only `context.filename` and `context.sourceCode.text`, and
 *   reports on the root node of whatever language parsed the file
 *   (`Program` for yaml-eslint-parser, `root` for @eslint/markdown), so it
 *   works with any language that gives the file's text.
 * - The ESLint rules take no options: options and `off` come from the
 *   trustlint config, the one place rules are set. Only the severity comes
 *   from the ESLint config.
 * - Positions: trustlint's lines and columns are 1-based; each finding's
 *   start and end go through its offset in the text and the language's own
 *   `sourceCode.getLocFromIndex`, which answers in that language's column
 *   base (0-based for the JavaScript language that yaml-eslint-parser
 *   plugs into, 1-based for @eslint/markdown), so ESLint prints the same
 *   line:column as the CLI.
 */
import { ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFileRule, type AnyRule, type Finding } from '@trustlint/engine';
import type { SourceFile } from '@trustlint/parser';
import { rules as registry } from '@trustlint/rules';
import { placeholderData } from './placeholders.js';
import { fileFindings } from './program-state.js';

/** The trustlint rules that run one file at a time, in the registry's order. */
export const fileRules: readonly AnyRule[] = registry.filter(isFileRule);

const createRule = ESLintUtils.RuleCreator((name) => fileRules.find((rule) => rule.name === name)?.meta.docs.url ?? '');

export type TrustlintEslintRule = TSESLint.RuleModule<string>;

interface Located {
  getLocFromIndex?(index: number): TSESTree.Position;
}

/** Where a finding is, in the terms of the language that parsed the file. */
function locationOf(finding: Finding, file: SourceFile, sourceCode: Located): TSESTree.SourceLocation {
  const start = file.offsetAt({ line: finding.line, column: finding.column });
  const end = file.offsetAt({ line: finding.endLine, column: finding.endColumn });
  if (typeof sourceCode.getLocFromIndex === 'function') {
    return { start: sourceCode.getLocFromIndex(start), end: sourceCode.getLocFromIndex(end) };
  }
  return { start: { line: finding.line, column: finding.column - 1 }, end: { line: finding.endLine, column: finding.endColumn - 1 } };
}

function eslintRuleFor(rule: AnyRule): TrustlintEslintRule {
  const messages: Readonly<Record<string, string>> = rule.meta.messages;
  return createRule<[], string>({
    name: rule.name,
    meta: {
      type: rule.meta.type,
      docs: { description: rule.meta.docs.description },
      messages,
      schema: [],
      defaultOptions: [],
    },
    create(context) {
      const { filename, physicalFilename, sourceCode } = context;
      // A block a processor took out of a file is not the file trustlint reads.
      if (filename !== physicalFilename) return {};
      const result = fileFindings(filename, sourceCode.text);
      if (result === undefined) return {};
      const mine = result.findings.filter((finding) => finding.ruleId === rule.name);
      let reported = false;
      const report = (): void => {
        if (reported) return;
        reported = true;
        for (const finding of mine) {
          const template = messages[finding.messageId];
          const data = template === undefined ? undefined : placeholderData(template, finding.message);
          if (template === undefined || data === undefined) {
            throw new Error(`trustlint rule \`${rule.name}\` reported "${finding.message}", which its message \`${finding.messageId}\` does not produce`);
          }
          context.report({ messageId: finding.messageId, data, loc: locationOf(finding, result.file, sourceCode) });
        }
      };
      return { Program: report, root: report };
    },
  });
}

/** The ESLint rules, by trustlint rule name. */
export const eslintRules: Readonly<Record<string, TrustlintEslintRule>> = Object.fromEntries(fileRules.map((rule) => [rule.name, eslintRuleFor(rule)]));
