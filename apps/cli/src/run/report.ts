/**
 * `trustlint report [DIR]`: the program as one self-contained HTML page for
 * security leads and auditors (the coverage matrix, controls with their
 * evidence over the observation period, policies and their reviews, the
 * findings), written to `--output` (default `trustlint-report.html` in the
 * working folder). Exit 0 when the page is written, whatever it shows; 2 when
 * it could not be (a bad config, an unwritable file).
 *
 * The default path replaces only a report trustlint wrote (the page's
 * `<meta name="generator">` says so), or an empty file; any other file there
 * is refused before linting unless `--force` is given. Naming the file with
 * `--output` is the user's word that it may be replaced, as for every other
 * command's `--output`. Neither ever replaces a file the program reads.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { rules as registry, type LintResult } from '@trustlint/core';
import { resolveRules } from '@trustlint/engine';
import { checkOutput, findRepoRoot, writeOutput, type Frequency, type OutputTarget, type PeriodSetting } from '@trustlint/model';
import { htmlReport, isHtmlReport, oneLine, reportPage } from '@trustlint/reporters';
import { EXIT_CLEAN, type CommandContext } from '../main.js';
import { DEFAULT_REPORT_FILE, type ReportCommandOptions } from '../commands/report.js';
import { buildReport, lintProgram } from '../report.js';

/** How long `git rev-parse` may take before the report goes without a commit. */
const GIT_TIMEOUT_MS = 10_000;


/**
 * The commit checked out in the repository that holds `dir`, or undefined
 * when there is none (no repository, no commit yet, no git on PATH): a
 * report never fails for want of one.
 */
export function headCommit(dir: string): string | undefined {
  const repoRoot = findRepoRoot(dir);
  if (repoRoot === undefined) return undefined;
  const result = spawnSync('git', ['-C', repoRoot, 'rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], {
    encoding: 'utf8',
    timeout: GIT_TIMEOUT_MS,
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
  });
  if (result.error !== undefined || result.status !== 0) return undefined;
  const commit = result.stdout.trim();
  return /^[0-9a-f]{40,64}$/.test(commit) ? commit : undefined;
}

/** The evidence period per frequency that this run's `evidence-missing` settings give (its defaults when it is off). */
function evidencePeriods(result: LintResult): Partial<Record<Frequency, PeriodSetting>> | undefined {
  const resolved = resolveRules(registry, result.config).find(({ rule }) => rule.name === 'evidence-missing');
  return (resolved?.options as { periods?: Partial<Record<Frequency, PeriodSetting>> } | undefined)?.periods;
}


/**
 * Where the page goes under the write policy (write.ts): the default path
 * replaces only trustlint's own report unless `--force` is given.
 */
function reportTarget(options: ReportCommandOptions, cwd: string): OutputTarget {
  const shown = options.output ?? DEFAULT_REPORT_FILE;
  const target: OutputTarget = { path: resolve(cwd, shown), what: `the report to ${shown}` };
  if (options.output !== undefined || options.force) return target;
  return {
    ...target,
    onlyOwn: {
      isOwn: isHtmlReport,
      refusal: `a file is there that is not a report of trustlint (it has no \`<meta name="generator" content="trustlint …">\`), and trustlint does not replace it by default; expected no file there, or a report trustlint wrote. Give --force to replace it, or --output to write the report elsewhere.`,
    },
  };
}

export function runReport(dir: string | undefined, options: ReportCommandOptions, { io }: CommandContext): number {
  const target = reportTarget(options, io.cwd);
  // Refuse before linting what could not be written anyway.
  checkOutput(target);
  const result = lintProgram(io, dir, options);
  const { program, config } = result;
  const page = reportPage({
    report: buildReport(result),
    controls: program.controls,
    policies: program.policies,
    evidence: program.evidence,
    observationPeriod: config.observationPeriod,
    soc2Type: config.frameworks.soc2?.type,
    periods: evidencePeriods(result),
    commit: headCommit(config.root),
  });
  writeOutput({ ...target, inputs: result.inputFiles }, htmlReport(page));
  io.stdout.write(`Wrote the report of ${oneLine(page.program)} to ${oneLine(options.output ?? DEFAULT_REPORT_FILE)}.\n`);
  return EXIT_CLEAN;
}
