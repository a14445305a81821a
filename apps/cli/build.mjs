// Bundles the CLI into one file: every workspace package and dependency is
// inlined from source, so the published package has no runtime dependencies
// and starts without resolving hundreds of modules.
import { cpSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

await build({
  entryPoints: ['src/index.ts'],
  outfile: 'dist/trustlint.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  conditions: ['@trustlint/source'],
  minify: true,
  // Error classes and rules are told apart by name in messages; keep the names minifying would shorten.
  keepNames: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
  banner: {
    // CommonJS dependencies bundled into ESM still call require().
    js: "import { createRequire as __trustlintCreateRequire } from 'node:module'; const require = __trustlintCreateRequire(import.meta.url);",
  },
});

// Rule docs are read at run time from ../docs relative to the code (see ruleDocs).
rmSync('docs', { recursive: true, force: true });
cpSync('../../packages/rules/docs', 'docs', { recursive: true });
