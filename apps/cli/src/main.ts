/**
 * The `trustlint` command line: parses arguments, runs a command, and turns
 * every outcome into an exit code — 0 clean, 1 findings at or above the
 * threshold, 2 usage, configuration or internal error. Nothing exits 0 after
 * an error.
 */
import { Command, CommanderError } from 'commander';
import { TrustlintError } from '@trustlint/model/errors';
import packageJson from '../package.json' with { type: 'json' };
import { registerCoverage } from './commands/coverage.js';
import { registerExplain } from './commands/explain.js';
import { registerGate } from './commands/gate.js';
import { registerInit } from './commands/init.js';
import { registerLint } from './commands/lint.js';
import { registerReport } from './commands/report.js';
import { registerRules } from './commands/rules.js';
import { registerSoa } from './commands/soa.js';
import type { Io } from './io.js';

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

export const VERSION: string = packageJson.version;

/** What every command gets: the outside world, and a way to set the exit code. */
export interface CommandContext {
  io: Io;
  setExit: (code: number) => void;
}

function buildProgram(context: CommandContext): Command {
  const { io } = context;
  const program = new Command('trustlint')
    .description('Lint a SOC 2 or ISO/IEC 27001 program kept in Git: policies, controls, owners and evidence against the Trust Services Criteria and Annex A.')
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });
  registerLint(program, context);
  registerCoverage(program, context);
  registerGate(program, context);
  registerReport(program, context);
  registerSoa(program, context);
  registerInit(program, context);
  registerRules(program, context);
  registerExplain(program, context);
  return program;
}

/** Runs the CLI with `argv` (without `node` and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let exitCode = EXIT_CLEAN;
  const program = buildProgram({
    io,
    setExit: (code) => {
      exitCode = code;
    },
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
