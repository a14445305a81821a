/**
 * `trustlint lint [DIR]`: findings and coverage.
 */
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { lint } from '@trustlint/core';
import { failsAt } from '@trustlint/engine';
import { writeFileAtomic } from '@trustlint/model';
import { formatters } from '@trustlint/reporters';
import { useColor } from '../io.js';
import { EXIT_CLEAN, EXIT_FINDINGS, type CommandContext } from '../main.js';

export interface LintCommandOptions {
  format: 'stylish' | 'json';
  output?: string;
  config?: string;
  failOn: 'error' | 'warning' | 'info' | 'never';
  today?: string;
  base?: string;
  baseline?: string | false;
  writeBaseline?: boolean;
  color?: boolean;
}

export function registerLint(program: Command, context: CommandContext): void {
  program
    .command('lint')
    .description('check the program in DIR (default: the one containing the current folder) and print findings and coverage')
    .argument('[dir]', "the program's folder")
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json']).default('stylish'))
    .option('-o, --output <file>', 'write the report to a file instead of the terminal')
    .option('-c, --config <file>', 'use this config file instead of the one found')
    .addOption(new Option('--fail-on <severity>', 'lowest severity that makes the exit code 1').choices(['error', 'warning', 'info', 'never']).default('error'))
    .option('--today <date>', 'judge dates against this day (YYYY-MM-DD); also TRUSTLINT_TODAY')
    .option('--base <ref>', 'compare with this git revision: coverage regressions, policy changes without a version bump')
    .option('--baseline <file>', 'accept the findings listed in this baseline (default: trustlint-baseline.json in the program, if present)')
    .option('--no-baseline', 'ignore any baseline')
    .option('--write-baseline', 'write every current finding to the baseline file and exit 0')
    .option('--color', 'force coloured output')
    .option('--no-color', 'disable coloured output')
    .action((dir: string | undefined, options: LintCommandOptions) => {
      context.setExit(runLint(dir, options, context));
    });
}

function runLint(dir: string | undefined, options: LintCommandOptions, { io }: CommandContext): number {
  const result = lint({
    cwd: io.cwd,
    env: io.env,
    ...(dir === undefined ? {} : { dir }),
    ...(options.config === undefined ? {} : { configFile: options.config }),
    ...(options.today === undefined ? {} : { today: options.today }),
    ...(options.base === undefined ? {} : { base: options.base }),
    ...(options.baseline === undefined ? {} : { baseline: options.baseline }),
    ...(options.writeBaseline ? { writeBaseline: true } : {}),
  });
  if (options.writeBaseline) {
    io.stderr.write(`trustlint: wrote ${result.baselined} finding(s) to ${result.baselinePath ?? 'the baseline'}; later runs report only new findings.\n`);
    return EXIT_CLEAN;
  }
  const formatter = formatters[options.format];
  if (formatter === undefined) throw new Error(`No formatter for ${options.format}`);
  const text = formatter(
    {
      program: result.config.program,
      findings: result.findings,
      coverage: result.coverage,
      summary: result.summary,
      today: result.today,
      suppressed: result.suppressed,
      baselined: result.baselined,
    },
    { color: options.output === undefined && useColor(io, options.color) },
  );
  if (options.output === undefined) io.stdout.write(text);
  else writeFileAtomic(resolve(io.cwd, options.output), text);
  return failsAt(result.findings, options.failOn) ? EXIT_FINDINGS : EXIT_CLEAN;
}
