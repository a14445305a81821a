// Bundles the Action into dist/index.js, which is committed: a JavaScript
// action runs its file as it is in the repository, with no install step.
// The build is deterministic, so a test can rebuild it and compare.
import { build } from 'esbuild';

export const options = {
  entryPoints: ['src/index.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  conditions: ['@trustlint/source'],
  legalComments: 'none',
  logLevel: 'warning',
  banner: {
    // CommonJS dependencies bundled into ESM still call require().
    js: "import { createRequire as __trustlintCreateRequire } from 'node:module'; const require = __trustlintCreateRequire(import.meta.url);",
  },
};

if (import.meta.url === `file://${process.argv[1]}`) {
  await build({ ...options, outfile: 'dist/index.js' });
}
