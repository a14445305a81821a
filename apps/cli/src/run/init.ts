/**
 * `trustlint init [DIR]`: start a program, or adopt a folder of existing
 * policies. Never overwrites a file. `--editor` also wires the JSON Schemas
 * (and ESLint) into editors: a `yaml-language-server` modeline in the YAML
 * files it creates, or VS Code settings; an existing settings file is left
 * as it is and the settings to add are printed instead.
 */
import { resolve } from 'node:path';
import { init, resolveToday } from '@trustlint/core';
import { oneLine } from '@trustlint/reporters';
import type { InitCommandOptions } from '../commands/init.js';
import type { CommandContext } from '../main.js';

const DESCRIPTIONS = {
  empty: 'an empty folder: starting a program with a starter policy and control',
  trustlint: 'trustlint policies',
  comply: 'a strongdm/comply repository',
  hugo: 'a Hugo site of policies',
  markdown: 'Markdown policies without front matter',
} as const;

export function runInit(dir: string, options: InitCommandOptions, { io }: CommandContext): void {
  const result = init(resolve(io.cwd, dir), { today: resolveToday(options.today, io.env), editor: options.editor });
  const { layout } = result;
  const lines = [`Found ${DESCRIPTIONS[layout.kind]} in ${oneLine(result.dir)}.`];
  if (layout.kind !== 'empty') {
    const { policies, narratives, procedures, controls } = layout.counts;
    lines.push(`  ${policies} policies, ${narratives} narratives, ${procedures} procedures, ${controls} control files.`);
  }
  for (const note of layout.notes) lines.push(`  ${note}`);
  for (const path of result.created) lines.push(`  created ${oneLine(path)}`);
  for (const path of result.kept) lines.push(`  kept    ${oneLine(path)} (already there; not changed)`);
  for (const snippet of result.snippets) {
    lines.push('', `Add these settings to ${oneLine(snippet.path)} by hand:`, '', snippet.content.trimEnd());
  }
  lines.push('', 'Next: `trustlint lint` to see what needs attention, `trustlint coverage` for the criteria matrix.');
  if (options.editor !== 'none') {
    lines.push('Editors: install the schemas and the ESLint plugin (`npm install --save-dev @trustlint/schemas @trustlint/eslint-plugin eslint`); see "In your editor" in the README.');
  }
  io.stdout.write(`${lines.join('\n')}\n`);
}
