/**
 * `trustlint explain RULE`: a rule's docs page.
 */
import { rules } from '@trustlint/core';
import { orList, suggest, TrustlintError } from '@trustlint/model';
import { ruleDocs } from '@trustlint/rules';
import type { CommandContext } from '../main.js';

export function runExplain(name: string, { io }: CommandContext): void {
  const page = ruleDocs(name);
  if (page === undefined) {
    const close = suggest(name, rules.map((rule) => rule.name));
    throw new TrustlintError(
      'unknown-rule',
      `Unknown rule "${name}"${close.length ? `; did you mean ${orList(close)}?` : '.'} \`trustlint rules\` lists every rule.`,
    );
  }
  io.stdout.write(page.endsWith('\n') ? page : `${page}\n`);
}
