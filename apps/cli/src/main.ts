/**
 * The `trustlint` command line: parses arguments, runs a command, and turns
 * every outcome into an exit code — 0 clean, 1 findings at or above the
 * threshold, 2 usage, configuration or internal error. Nothing exits 0 after
 * an error.
 */
import { Command, CommanderError, Option } from 'commander';
import { TrustlintError } from '@trustlint/model';
import packageJson from '../package.json' with { type: 'json' };
import { lintCommand } from './commands/lint.js';
import type { Io } from './io.js';

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

export const VERSION: string = packageJson.version;

function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('trustlint')
    .description('Lint a SOC 2 program kept in Git: policies, controls, owners and evidence against the Trust Services Criteria.')
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });

  program
    .command('lint')
    .description('check the program in DIR (default: the one containing the current folder) and print findings and coverage')
    .argument('[dir]', "the program's folder")
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json']).default('stylish'))
    .option('-o, --output <file>', 'write the report to a file instead of the terminal')
    .option('-c, --config <file>', 'use this config file instead of the one found')
    .addOption(new Option('--fail-on <severity>', 'lowest severity that makes the exit code 1').choices(['error', 'warning', 'info', 'never']).default('error'))
    .option('--today <date>', 'judge dates against this day (YYYY-MM-DD); also TRUSTLINT_TODAY')
    .option('--color', 'force coloured output')
    .option('--no-color', 'disable coloured output')
    .action((dir: string | undefined, options: LintCommandOptions) => {
      setExit(lintCommand(io, dir, options));
    });

  return program;
}

export interface LintCommandOptions {
  format: 'stylish' | 'json';
  output?: string;
  config?: string;
  failOn: 'error' | 'warning' | 'info' | 'never';
  today?: string;
  color?: boolean;
}

/** Runs the CLI with `argv` (without `node` and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let exitCode = EXIT_CLEAN;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT_ERROR;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; every other parse failure is a usage error.
      return error.exitCode === 0 ? EXIT_CLEAN : EXIT_ERROR;
    }
    if (error instanceof TrustlintError) {
      io.stderr.write(`trustlint: ${error.message}\n`);
      return EXIT_ERROR;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`trustlint: internal error; nothing was checked to completion, so this run fails.\n${detail}\nPlease report this at https://github.com/trustlint/trustlint/issues with the command you ran.\n`);
    return EXIT_ERROR;
  }
}
