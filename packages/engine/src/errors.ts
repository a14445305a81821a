import { TrustlintError } from '@trustlint/model';

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
