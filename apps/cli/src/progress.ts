/**
 * Progress for runs that take a while: on a terminal only (never in CI or
 * when output is piped), on stderr, and only once a run has taken a second.
 */
import type { LintProgress } from '@trustlint/core';
import type { Io } from './io.js';

const DELAY_MS = 1000;
const EVERY_MS = 100;

export interface Progress {
  update(progress: LintProgress): void;
  /** Clears the progress line, if one was drawn. */
  done(): void;
}

const SILENT: Progress = { update: () => undefined, done: () => undefined };

export function progressFor(io: Io, now: () => number = Date.now): Progress {
  const ci = io.env.CI !== undefined && io.env.CI !== '' && io.env.CI !== 'false';
  if (io.stderr.isTTY !== true || ci || io.env.TERM === 'dumb') return SILENT;
  const started = now();
  let last = 0;
  let drawn = false;
  return {
    update({ done }) {
      const time = now();
      if (time - started < DELAY_MS || time - last < EVERY_MS) return;
      last = time;
      drawn = true;
      io.stderr.write(`\r\u001b[2Ktrustlint: checked ${done.toLocaleString('en-US')} files…`);
    },
    done() {
      if (drawn) io.stderr.write('\r\u001b[2K');
      drawn = false;
    },
  };
}
