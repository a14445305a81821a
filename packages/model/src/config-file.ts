/**
 * Where a program's config file is: apart from config.ts, which validates
 * configs, so that finding one loads no schema (see io.ts).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The config's file names, the first preferred. */
export const CONFIG_FILE_NAMES = ['trustlint.config.yaml', 'trustlint.config.yml'] as const;

/** Finds the config file in `dir` or the nearest folder above it. */
export function findConfigFile(dir: string): string | undefined {
  let current = resolve(dir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(current, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}
