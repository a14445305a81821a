/**
 * The options that several commands share, and the names they offer: light
 * enough for the command line's entry, which must not load the linter (see
 * build.mjs) until a command runs.
 */
import type { Command } from 'commander';
import { FORMAT_NAMES } from '@trustlint/reporters/names';

/** Every `--format` name of the commands that print findings. */
export const REPORT_FORMATS: readonly string[] = FORMAT_NAMES;

/** The options of a command that lints (each optional, as commander gives them). */
export interface RunOptions {
  config?: string;
  today?: string;
  base?: string;
  changedSince?: string;
  baseline?: string | false;
  writeBaseline?: boolean;
}

/** The options every command that lints takes: where the program is read from, and as of when. */
export function withProgramOptions(command: Command): Command {
  return command
    .option('-c, --config <file>', 'use this config file instead of the one found')
    .option('--today <date>', 'judge dates against this day (YYYY-MM-DD); also TRUSTLINT_TODAY');
}

/** The options of commands that report findings: comparisons with git and the baseline. */
export function withFindingOptions(command: Command): Command {
  return command
    .option('--base <ref>', 'compare with this git revision: coverage regressions, policy changes without a version bump')
    .option('--changed-since <ref>', 'report only findings on lines changed since this git revision (committed, staged, unstaged), and program findings the change caused')
    .option('--baseline <file>', 'accept the findings listed in this baseline (default: trustlint-baseline.json in the program, if present)')
    .option('--no-baseline', 'ignore any baseline');
}

/** Where output goes and how it looks. */
export function withOutputOptions(command: Command, what: string): Command {
  return command
    .option('-o, --output <file>', `write the ${what} to a file (atomically; replaces a file there, never one the program reads) instead of the terminal`)
    .option('--color', 'force coloured output')
    .option('--no-color', 'disable coloured output');
}
