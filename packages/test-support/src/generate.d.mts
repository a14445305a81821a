export interface ProgramSize {
  controls: number;
  policies: number;
}
/** The three sizes the benchmark runs. */
export declare const SIZES: Record<'small' | 'medium' | 'large', ProgramSize>;
/** The files of a generated program, by path relative to its folder; the same options give the same files. */
export declare function generateProgram(options: ProgramSize & { seed?: number }): Map<string, string>;
/** Writes a generated program into `folder`, replacing what was there. */
export declare function writeProgram(folder: string, options: ProgramSize & { seed?: number }): { files: number; bytes: number };
