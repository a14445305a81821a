import { REPOSITORY } from '@trustlint/test-support';
import type { Io } from '../src/io.js';
import { main } from '../src/main.js';

export { copyOf, corpus, REPOSITORY, SAMPLE, TODAY } from '@trustlint/test-support';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
/** Runs the CLI in-process with captured output. */
export async function run(argv: string[], options: { cwd?: string; env?: Record<string, string | undefined>; tty?: boolean } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    cwd: options.cwd ?? REPOSITORY,
    env: options.env ?? {},
    stdout: { write: (text: string) => (stdout += text), isTTY: options.tty ?? false },
    stderr: { write: (text: string) => (stderr += text) },
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
