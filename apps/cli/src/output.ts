/**
 * Where a command's output goes: light enough for a run replayed from the
 * cache, which loads no linter.
 */
import { resolve } from 'node:path';
import { writeOutput, type InputFile } from '@trustlint/model/io';
import type { Io } from './io.js';

/**
 * Writes a command's output to stdout, or atomically to `--output` (relative
 * to the working folder). Naming the file is the user's word that a file
 * there may be replaced, unless it is one of the run's `inputs` (write.ts).
 */
export function emit(io: Io, output: string | undefined, text: string, inputs: readonly InputFile[]): void {
  if (output === undefined) io.stdout.write(text);
  else writeOutput({ path: resolve(io.cwd, output), what: `the output to ${output}`, inputs }, text);
}
