/**
 * `trustlint explain RULE`: a rule's docs page. What the command offers; the
 * run is in ../run/explain.ts, loaded when the command runs.
 */
import type { Command } from 'commander';
import type { CommandContext } from '../main.js';

export function registerExplain(program: Command, context: CommandContext): void {
  program
    .command('explain')
    .description("print a rule's documentation: what it checks, why, its options and examples")
    .argument('<rule>', 'a rule id, as `trustlint rules` lists them')
    .action(async (name: string) => {
      const { runExplain } = await import('../run/explain.js');
      runExplain(name, context);
    });
}
