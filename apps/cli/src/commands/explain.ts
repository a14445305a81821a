/**
 * `trustlint explain RULE`: a rule's docs page.
 */
import type { Command } from 'commander';
import { rules } from '@trustlint/core';
import { orList, suggest, TrustlintError } from '@trustlint/model';
import { ruleDocs } from '@trustlint/rules';
import type { CommandContext } from '../main.js';

export function registerExplain(program: Command, { io }: CommandContext): void {
  program
    .command('explain')
    .description("print a rule's documentation: what it checks, why, its options and examples")
    .argument('<rule>', 'a rule id, as `trustlint rules` lists them')
    .action((name: string) => {
      const page = ruleDocs(name);
      if (page === undefined) {
        const close = suggest(name, rules.map((rule) => rule.name));
        throw new TrustlintError(
          'unknown-rule',
          `Unknown rule "${name}"${close.length ? `; did you mean ${orList(close)}?` : '.'} \`trustlint rules\` lists every rule.`,
        );
      }
      io.stdout.write(page.endsWith('\n') ? page : `${page}\n`);
    });
}
