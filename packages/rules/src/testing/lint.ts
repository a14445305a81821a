/**
 * Linting an in-memory program, for rule tests: every file is given as text,
 * paths are relative to the program root, which is also the repository root.
 */
import { BASELINE_FILE_NAME, parseBaseline, resolveRules, runRules, type AnyRule, type Finding, type RunResult } from '@trustlint/engine';
import { SourceFile } from '@trustlint/parser';
import { loadProgram, MemorySource, parseConfig, type Program } from '@trustlint/model';
import { TODAY } from '@trustlint/test-support';

export const VIRTUAL_ROOT = '/virtual-program';

export interface LintFilesOptions {
  /** The rules to run (default: all given rules with their default severity). */
  rules: readonly AnyRule[];
  /** `trustlint.config.yaml`'s text (default: none, so defaults apply). */
  config?: string;
  today?: string;
  /** Files of the program at the base revision (for rules that compare). */
  base?: Record<string, string>;
  /** The text of a baseline file (`trustlint-baseline.json`). */
  baseline?: string;
  /** Rule ids suppressions may name (default: those of `rules`). */
  knownRuleIds?: readonly string[];
}

function programOf(files: Record<string, string>, configText: string | undefined): Program {
  const text = configText ?? files['trustlint.config.yaml'] ?? '{}\n';
  const config = parseConfig(text, `${VIRTUAL_ROOT}/trustlint.config.yaml`, 'trustlint.config.yaml');
  return loadProgram(config, { source: new MemorySource(files), repoRoot: VIRTUAL_ROOT });
}

export function lintFiles(files: Record<string, string>, options: LintFilesOptions): RunResult & { program: Program } {
  const program = programOf(files, options.config);
  const rules = resolveRules(options.rules, program.config);
  const base = options.base ? programOf(options.base, options.config) : undefined;
  const result = runRules({
    program,
    rules,
    today: options.today ?? TODAY,
    ...(base ? { base: { program: base, ref: 'main' } } : {}),
    ...(options.baseline === undefined ? {} : { baseline: parseBaseline(new SourceFile(BASELINE_FILE_NAME, options.baseline)) }),
    ...(options.knownRuleIds === undefined ? {} : { knownRuleIds: options.knownRuleIds }),
  });
  return { ...result, program };
}

/** The parts of a finding that tests assert. */
export function brief(finding: Finding) {
  const { ruleId, messageId, message, file, line, column, endLine, endColumn } = finding;
  return { ruleId, messageId, message, file, line, column, endLine, endColumn };
}
