/**
 * `trustlint rules`: every built-in rule. What the command offers; the run
 * is in ../run/rules.ts, loaded when the command runs.
 */
import { Option, type Command } from 'commander';
import type { CommandContext } from '../main.js';

export interface RulesCommandOptions {
  format: 'table' | 'json';
}

export function registerRules(program: Command, context: CommandContext): void {
  program
    .command('rules')
    .description('list every rule with its category, default severity and what it checks')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (options: RulesCommandOptions) => {
      const { runRules } = await import('../run/rules.js');
      runRules(options, context);
    });
}
