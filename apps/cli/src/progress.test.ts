import { describe, expect, it } from 'vitest';
import type { Io } from './io.js';
import { progressFor } from './progress.js';

function io(options: { tty: boolean; env?: Record<string, string> }): Io & { written: () => string } {
  let text = '';
  return {
    cwd: '/',
    env: options.env ?? {},
    stdout: { write: () => true },
    stderr: { write: (chunk: string) => (text += chunk), isTTY: options.tty },
    written: () => text,
  };
}

describe('progress', () => {
  it('draws on a terminal once a second has passed, throttled, and clears its line at the end', () => {
    let time = 0;
    const terminal = io({ tty: true });
    const progress = progressFor(terminal, () => time);
    progress.update({ done: 10 });
    expect(terminal.written()).toBe('');
    time = 1200;
    progress.update({ done: 1500 });
    time = 1250;
    progress.update({ done: 1600 });
    time = 1400;
    progress.update({ done: 2400 });
    progress.done();
    expect(terminal.written()).toBe('\r\u001b[2Ktrustlint: checked 1,500 files…\r\u001b[2Ktrustlint: checked 2,400 files…\r\u001b[2K');
  });

  it('stays silent in CI and when stderr is not a terminal', () => {
    let time = 0;
    for (const target of [io({ tty: true, env: { CI: 'true' } }), io({ tty: false })]) {
      const progress = progressFor(target, () => time);
      time += 5000;
      progress.update({ done: 1 });
      progress.done();
      expect(target.written()).toBe('');
    }
  });
});
