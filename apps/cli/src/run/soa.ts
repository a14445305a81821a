/**
 * `trustlint soa [DIR]`: the Statement of Applicability of ISO/IEC 27001 —
 * each of the 93 Annex A controls, whether it applies, the justification,
 * the approver of an exclusion, the controls that implement it and its state
 * — as Markdown (default), CSV or JSON, on stdout or in `--output`. A verdict
 * line goes to stderr.
 *
 * Exit 0 when every applicable Annex A control is implemented and every
 * exclusion has a justification and an active approver; 1 otherwise; 2 when
 * it could not check, and when the config does not enable ISO/IEC 27001.
 */
import { TrustlintError } from '@trustlint/model';
import { renderSoa, soaVerdict, statementOfApplicability } from '@trustlint/reporters';
import { EXIT_CLEAN, EXIT_FINDINGS, type CommandContext } from '../main.js';
import type { SoaCommandOptions } from '../commands/soa.js';
import { emit } from '../output.js';
import { lintProgram } from '../report.js';



export function runSoa(dir: string | undefined, options: SoaCommandOptions, { io }: CommandContext): number {
  // The statement does not depend on which findings a baseline accepts, so a baseline is not read.
  const result = lintProgram(io, dir, { ...options, baseline: false });
  const coverage = result.coverage.framework('iso27001');
  if (coverage === undefined) {
    const where = result.configPath ?? 'a trustlint.config.yaml';
    throw new TrustlintError(
      'iso27001-not-enabled',
      `ISO/IEC 27001 is not enabled, so there is no Statement of Applicability to write; expected \`iso27001: {}\` under \`frameworks\` in ${where}.`,
    );
  }
  const soa = statementOfApplicability({ program: result.config.program, today: result.today, coverage, owners: result.program.owners });
  emit(io, options.output, renderSoa(soa, options.format), result.inputFiles);
  io.stderr.write(`${soaVerdict(soa)}\n`);
  return soa.complete ? EXIT_CLEAN : EXIT_FINDINGS;
}
