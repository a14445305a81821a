import { FileChangedError, TrustlintError } from '@trustlint/model';

/**
 * A rule threw. The run cannot be trusted, so it stops: a gate must never
 * pass because a check crashed.
 */
export class RuleCrashError extends TrustlintError {
  constructor(
    readonly ruleId: string,
    readonly file: string | undefined,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      'rule-crashed',
      `Rule \`${ruleId}\` crashed${file ? ` while checking ${file}` : ''}: ${reason}. Nothing it checks could be verified; please report this with the file that caused it.`,
      { cause },
    );
    this.name = 'RuleCrashError';
  }
}

/**
 * What a rule that threw stops the run with: a crash of the rule, unless
 * what it threw says that the program changed while it was being read (a
 * file read on first use), which is no fault of the rule.
 */
export function crashOf(ruleId: string, file: string | undefined, error: unknown): TrustlintError {
  if (error instanceof RuleCrashError || error instanceof FileChangedError) return error;
  return new RuleCrashError(ruleId, file, error);
}
