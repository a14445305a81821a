// Bundles the CLI: every workspace package and dependency is inlined from
// source, so the published package has no runtime dependencies and starts
// without resolving hundreds of modules. The entry holds only the argument
// parser and the commands' options; each command's work is a chunk loaded
// when it runs, so `--version` and `--help` do not compile the linter.
import { cpSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

/** What parses, validates and lints: a cached run's replay (run/lint.ts) must not load it. */
const LINTER = /(?:^|\/)(?:node_modules\/(?:ajv|ajv-formats|js-yaml|markdown-it|micromark[^/]*|unified|remark-[^/]+)\/|packages\/(?:parser|rules|engine|catalogs|schemas)\/|packages\/reporters\/src\/(?!names\.ts))/;
/** The linter and the globbing: the entry, which `--version` and `--help` load, must not load either. */
const HEAVY = new RegExp(`${LINTER.source}|(?:^|\\/)node_modules\\/(?:picomatch|tinyglobby)\\/`);

rmSync('dist', { recursive: true, force: true });
const { metafile } = await build({
  entryPoints: { trustlint: 'src/index.ts' },
  outdir: 'dist',
  // Chunks sit beside the entry: code that finds files relative to itself (rule docs) works from any of them.
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  conditions: ['@trustlint/source'],
  minify: true,
  // Error classes and rules are told apart by name in messages; keep the names minifying would shorten.
  keepNames: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
  banner: {
    // CommonJS dependencies bundled into ESM still call require().
    js: "import { createRequire as __trustlintCreateRequire } from 'node:module'; const require = __trustlintCreateRequire(import.meta.url);",
  },
});

/** Every input the entry loads before any command runs: its own and those of the chunks it imports statically. */
function startInputs(output, seen = new Set()) {
  if (seen.has(output)) return [];
  seen.add(output);
  const { inputs, imports } = metafile.outputs[output];
  const loaded = Object.entries(inputs).filter(([, input]) => input.bytesInOutput > 0).map(([path]) => path);
  return [...loaded, ...imports.filter((entry) => entry.kind === 'import-statement' && !entry.external).flatMap((entry) => startInputs(entry.path, seen))];
}
/** The output built from an entry point (the CLI's, or a chunk's that a command imports). */
const outputOf = (entryPoint) => Object.keys(metafile.outputs).find((output) => metafile.outputs[output].entryPoint === entryPoint);
for (const [entryPoint, forbidden, what] of [
  ['src/index.ts', HEAVY, "The CLI's entry loads what only a command should (a static import where a command's run belongs)"],
  ['src/run/lint.ts', LINTER, 'Replaying a cached lint loads the linter (a static import where lint-program.ts belongs)'],
]) {
  const loaded = startInputs(outputOf(entryPoint)).filter((input) => forbidden.test(input));
  if (loaded.length) throw new Error(`${what}:\n  ${[...new Set(loaded)].join('\n  ')}`);
}

// Rule docs are read at run time from ../docs relative to the code (see ruleDocs).
rmSync('docs', { recursive: true, force: true });
cpSync('../../packages/rules/docs', 'docs', { recursive: true });
