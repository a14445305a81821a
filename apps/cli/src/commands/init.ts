/**
 * `trustlint init [DIR]`: start a program, or adopt a folder of existing
 * policies. Never overwrites a file.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { init, resolveToday } from '@trustlint/core';
import { oneLine } from '@trustlint/reporters';
import type { CommandContext } from '../main.js';

const DESCRIPTIONS = {
  empty: 'an empty folder: starting a program with a starter policy and control',
  trustlint: 'trustlint policies',
  comply: 'a strongdm/comply repository',
  hugo: 'a Hugo site of policies',
  markdown: 'Markdown policies without front matter',
} as const;

export function registerInit(program: Command, { io }: CommandContext): void {
  program
    .command('init')
    .description('start a program in DIR, or configure trustlint to read the policies already there; never overwrites a file')
    .argument('[dir]', "the program's folder", '.')
    .option('--today <date>', 'the date to write into a starter policy (YYYY-MM-DD)')
    .action((dir: string, options: { today?: string }) => {
      const result = init(resolve(io.cwd, dir), { today: resolveToday(options.today, io.env) });
      const { layout } = result;
      const lines = [`Found ${DESCRIPTIONS[layout.kind]} in ${oneLine(result.dir)}.`];
      if (layout.kind !== 'empty') {
        const { policies, narratives, procedures, controls } = layout.counts;
        lines.push(`  ${policies} policies, ${narratives} narratives, ${procedures} procedures, ${controls} control files.`);
      }
      for (const note of layout.notes) lines.push(`  ${note}`);
      for (const path of result.created) lines.push(`  created ${oneLine(path)}`);
      for (const path of result.kept) lines.push(`  kept    ${oneLine(path)} (already there; not changed)`);
      lines.push('', 'Next: `trustlint lint` to see what needs attention, `trustlint coverage` for the criteria matrix.');
      io.stdout.write(`${lines.join('\n')}\n`);
    });
}
