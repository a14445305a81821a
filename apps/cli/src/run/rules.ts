/**
 * `trustlint rules`: every built-in rule with its category, default severity
 * and description.
 */
import { rules } from '@trustlint/core';
import { safeJson } from '@trustlint/reporters';
import type { RulesCommandOptions } from '../commands/rules.js';
import type { CommandContext } from '../main.js';

export function runRules(options: RulesCommandOptions, { io }: CommandContext): void {
  if (options.format === 'json') {
    const list = rules.map(({ name, meta }) => ({
      id: name,
      category: meta.docs.category,
      severity: meta.severity,
      scope: meta.scope,
      description: meta.docs.description,
      url: meta.docs.url,
    }));
    io.stdout.write(`${safeJson(list, 2)}\n`);
    return;
  }
  const width = Math.max(...rules.map((rule) => rule.name.length));
  const lines = rules.map(
    ({ name, meta }) => `${name.padEnd(width)}  ${meta.severity.padEnd(7)}  ${meta.docs.category.padEnd(10)}  ${meta.docs.description}`,
  );
  io.stdout.write(`${'rule'.padEnd(width)}  default  category    what it checks\n${lines.join('\n')}\n\nRun \`trustlint explain RULE\` for a rule's page.\n`);
}
