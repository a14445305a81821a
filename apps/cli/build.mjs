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

/**
 * Parts of the linter that most runs never call, each bundled on its own as
 * CommonJS and required on first use (synchronously: the linter is
 * synchronous): the mdast parser, which only the outline's fallback and a
 * rule asking for a document's tree need, and the JSON Schema compiler, which
 * only a config setting a rule's options needs (the file shapes have
 * validators compiled ahead of time). Loading the linter without them takes
 * about 25 ms less. Each is taken out where our sources import it, and the
 * linter's chunks are checked not to hold it.
 */
const LAZY = [
  {
    file: 'markdown-tree.cjs',
    importer: /packages\/parser\/src\/[^/]+\.ts$/,
    specifier: './markdown.js',
    entry: { entryPoints: ['../../packages/parser/src/markdown.ts'] },
    exports: ['parseMarkdown'],
    modules: /(?:^|\/)node_modules\/(?:unified|remark-[^/]+|micromark[^/]*|mdast-util-[^/]+|character-entities[^/]*)\//,
  },
  {
    file: 'schema-compiler.cjs',
    importer: /packages\/model\/src\/validation\.ts$/,
    specifier: 'ajv/dist/2020.js',
    entry: { stdin: { contents: "export { Ajv2020 } from 'ajv/dist/2020.js';", resolveDir: '../../packages/model/src', loader: 'js' } },
    // A constructor: `new` on a function that returns an object gives that object.
    exports: ['Ajv2020'],
    modules: /(?:^|\/)node_modules\/(?:ajv\/dist\/(?!runtime\/)|fast-uri\/)/,
  },
];

const exactly = (text) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);

/**
 * Replaces each lazy part, where our sources import it, by functions that
 * require its bundle on first use and call, or construct, the real export.
 */
const lazyParts = {
  name: 'lazy-parts',
  setup(plugin) {
    for (const [index, part] of LAZY.entries()) {
      plugin.onResolve({ filter: exactly(part.specifier) }, (args) =>
        part.importer.test(args.importer.split('\\').join('/')) ? { path: String(index), namespace: 'lazy-part' } : undefined,
      );
      plugin.onResolve({ filter: exactly(`./${part.file}`) }, () => ({ path: `./${part.file}`, external: true }));
    }
    plugin.onLoad({ filter: /.*/, namespace: 'lazy-part' }, (args) => {
      const part = LAZY[Number(args.path)];
      const load = `let loaded;\nconst load = () => (loaded ??= require('./${part.file}'));\n`;
      const stub = (name) =>
        `export function ${name}(...args) {\n  const real = load().${name};\n  return new.target ? Reflect.construct(real, args) : real.apply(this, args);\n}\n`;
      return { contents: load + part.exports.map(stub).join(''), loader: 'js' };
    });
  },
};

rmSync('dist', { recursive: true, force: true });
for (const part of LAZY) {
  await build({
    ...part.entry,
    outfile: `dist/${part.file}`,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20.19',
    conditions: ['@trustlint/source'],
    minify: true,
    keepNames: true,
    sourcemap: 'linked',
    legalComments: 'linked',
    logLevel: 'warning',
  });
}
const { metafile } = await build({
  entryPoints: { trustlint: 'src/index.ts' },
  outdir: 'dist',
  plugins: [lazyParts],
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

for (const part of LAZY) {
  const held = Object.values(metafile.outputs).flatMap((output) => Object.keys(output.inputs)).filter((input) => part.modules.test(input));
  if (held.length) throw new Error(`The linter's chunks hold what ${part.file} should load on first use:\n  ${[...new Set(held)].join('\n  ')}`);
}

// Rule docs are read at run time from ../docs relative to the code (see ruleDocs).
rmSync('docs', { recursive: true, force: true });
cpSync('../../packages/rules/docs', 'docs', { recursive: true });
