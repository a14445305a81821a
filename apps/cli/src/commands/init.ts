/**
 * `trustlint init [DIR]`: start a program, or adopt a folder of existing
 * policies. What the command offers; the run is in ../run/init.ts, loaded
 * when the command runs.
 */
import { Option, type Command } from 'commander';
import type { InitOptions } from '@trustlint/core';
import type { CommandContext } from '../main.js';

export type EditorSetup = NonNullable<InitOptions['editor']>;

const EDITORS: readonly EditorSetup[] = ['none', 'vscode', 'modeline'];

export interface InitCommandOptions {
  today?: string;
  editor: EditorSetup;
}

export function registerInit(program: Command, context: CommandContext): void {
  program
    .command('init')
    .description('start a program in DIR, or configure trustlint to read the policies already there; never overwrites a file')
    .argument('[dir]', "the program's folder", '.')
    .option('--today <date>', 'the date to write into a starter policy (YYYY-MM-DD)')
    .addOption(
      new Option('--editor <editor>', 'wire the JSON Schemas into editors: VS Code settings, or a yaml-language-server modeline in the YAML files created')
        .choices(EDITORS)
        .default('none'),
    )
    .action(async (dir: string, options: InitCommandOptions) => {
      const { runInit } = await import('../run/init.js');
      runInit(dir, options, context);
    });
}
