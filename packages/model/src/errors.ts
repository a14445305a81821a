/**
 * Errors that stop a run before any finding can be trusted. Front ends turn
 * each into a message and exit code 2; none of them may ever pass a gate.
 */
import type { Range } from '@trustlint/parser';

/** A named error whose message says what was found and what was expected. */
export class TrustlintError extends Error {
  constructor(
    /** A stable name for the kind of error, such as `config-invalid`. */
    readonly code: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'TrustlintError';
  }
}

/**
 * A file changed while the program was being read: what was read of it
 * cannot be trusted to be one version of it, so the run stops.
 */
export class FileChangedError extends TrustlintError {
  constructor(
    /** The file, as findings name it. */
    readonly path: string,
    /** What was found that differs. */
    detail: string,
  ) {
    super('file-changed', `${path} changed while trustlint was reading the program: ${detail}; expected it to hold what it held when it was listed. Nothing was checked to completion; run trustlint again.`);
    this.name = 'FileChangedError';
  }
}

export interface ConfigProblem {
  message: string;
  range: Range;
}

/** The configuration file could not be used; every problem has a place. */
export class ConfigError extends TrustlintError {
  readonly problems: readonly ConfigProblem[];

  constructor(
    readonly file: string,
    problems: readonly ConfigProblem[],
  ) {
    const sorted = [...problems].sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
    super(
      'config-invalid',
      [`Invalid configuration in ${file}:`, ...sorted.map((p) => `  ${file}:${p.range.line}:${p.range.column}: ${p.message}`)].join('\n'),
    );
    this.name = 'ConfigError';
    this.problems = sorted;
  }
}
