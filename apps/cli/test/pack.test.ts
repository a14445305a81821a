/**
 * The packages as users get them. Every publishable workspace package is
 * packed with `npm pack`, the tarballs are installed together into an empty
 * project in the system's temporary folder (outside the repository, with no
 * node_modules in any folder above it, so that nothing can resolve from the
 * workspace), and the installed packages are used as the README says: the
 * `trustlint` command (installed, and run once through `npx`), the public API
 * of `@trustlint/core` from ES modules and CommonJS, `require()` of every
 * library, the ESLint plugin, the editor schemas and the packages' types from
 * ES module and CommonJS TypeScript.
 *
 * A flat node_modules can hide a dependency that a package uses but does not
 * declare (another package brought it), so the imports of every shipped file
 * are also checked against the package's own package.json.
 *
 * It tests what is built, so it needs `npm run build` first (`npm test` builds
 * every package before vitest runs); it fails, rather than building, when a
 * build output is missing. The install resolves dependencies as a user's does,
 * from the registry through the npm cache, without the repository's lockfile,
 * so it needs the npm registry (or a warm npm cache).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, parse, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY, SAMPLE, TODAY } from './helpers.js';

/** How long one step may take; the whole file takes about half a minute when the npm cache is warm. */
const NPM_TIMEOUT_MS = 180_000;
const RUN_TIMEOUT_MS = 30_000;
/** For tests that run several commands or the type checker. */
const TEST_TIMEOUT_MS = 90_000;

/** The repository every published package.json points to. */
const REPOSITORY_URL = 'git+https://github.com/trustlint/trustlint.git';

/** Workspace packages that users never install, and why. */
const PRIVATE_PACKAGES: Readonly<Record<string, string>> = {
  '@trustlint/action': 'used from a git tag (`uses: …/apps/action@v1`), as its committed bundle',
  '@trustlint/reporters': 'bundled into the command and the Action',
  '@trustlint/test-support': "helpers for this repository's tests",
};

/**
 * Imports that a package may make without declaring them, each with its
 * reason. The check fails when an entry is no longer needed.
 */
const UNDECLARED_ALLOWED: Readonly<Record<string, readonly string[]>> = {
  // Types only: the emitted index.d.ts names ESLint's rule types through
  // @eslint/core, which eslint (a peer dependency) brings. It goes away when
  // the plugin's declared types refer to `eslint` itself.
  '@trustlint/eslint-plugin': ['@eslint/core'],
};

interface Workspace {
  name: string;
  dir: string;
  manifest: Manifest;
}

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  type?: string;
  license?: string;
  repository?: { type?: string; url?: string; directory?: string };
  engines?: Record<string, string>;
  publishConfig?: Record<string, unknown>;
  main?: string;
  types?: string;
  bin?: Record<string, string>;
  exports?: unknown;
  files?: string[];
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

interface PackResult {
  name: string;
  version: string;
  filename: string;
  files: { path: string; size: number }[];
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The workspace packages, from the root package.json's `workspaces` globs (`dir/*`). */
function workspaces(): Workspace[] {
  const globs = (readJson(join(REPOSITORY, 'package.json')) as { workspaces: string[] }).workspaces;
  return globs.flatMap((glob) => {
    const parent = join(REPOSITORY, glob.replace(/\/\*$/, ''));
    return readdirSync(parent)
      .map((entry) => join(parent, entry))
      .filter((dir) => existsSync(join(dir, 'package.json')))
      .map((dir) => {
        const manifest = readJson(join(dir, 'package.json')) as Manifest;
        return { name: manifest.name, dir, manifest };
      });
  });
}

/** Every file an `exports` map, `main`, `types` or `bin` names (patterns and the repository-only source condition left out). */
function entryPoints(manifest: Manifest): string[] {
  const targets = new Set<string>();
  const visit = (value: unknown, condition?: string): void => {
    if (typeof value === 'string') {
      if (condition !== '@trustlint/source' && !value.includes('*')) targets.add(normalize(value));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) visit(inner, key.startsWith('.') ? undefined : key);
    }
  };
  visit(manifest.exports);
  visit(manifest.main);
  visit(manifest.types);
  visit(manifest.bin);
  return [...targets];
}

/**
 * The environment for child processes: a user's, without what points Node or
 * npm at this repository (`npm test` exports the workspace's prefix and
 * package fields, vitest its own variables) and without trustlint's own
 * settings from the developer's shell.
 */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    const lower = key.toLowerCase();
    const dropped =
      ['node_path', 'node_options', 'init_cwd', 'npm_config_local_prefix', 'npm_config_workspace', 'npm_config_workspaces', 'npm_config_include_workspace_root'].includes(lower) ||
      lower.startsWith('npm_package_') ||
      lower.startsWith('npm_lifecycle_') ||
      key.startsWith('VITEST') ||
      key.startsWith('TRUSTLINT_') ||
      (key === 'TEST' && value === 'true') ||
      (key === 'NODE_ENV' && value === 'test');
    if (!dropped) env[key] = value;
  }
  return { ...env, FORCE_COLOR: '0', NO_COLOR: '1', ...extra };
}

function run(command: string, args: string[], cwd: string, timeout = RUN_TIMEOUT_MS, env = childEnv()): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new Error(`${command} ${args.join(' ')} could not run: ${result.error.message}`);
  return result;
}

function succeed(command: string, args: string[], cwd: string, timeout?: number, env?: NodeJS.ProcessEnv): string {
  const result = run(command, args, cwd, timeout, env);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status ?? result.signal}:\n${result.stderr}\n${result.stdout}`);
  return result.stdout;
}

/** `npm pack --json` for the given workspaces, from the repository root. */
function pack(names: string[], destination: string): PackResult[] {
  const args = ['pack', '--json', '--pack-destination', destination, ...names.flatMap((name) => ['-w', name])];
  return JSON.parse(succeed('npm', args, REPOSITORY, NPM_TIMEOUT_MS)) as PackResult[];
}

/** All files below a folder, as relative paths with forward slashes. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split('\\').join('/'))
    .sort();
}

/**
 * Whether a packed CLI is the build that is on disk now. The CLI's own bundle
 * test rebuilds dist/ and copies docs/ while other test files run, so a pack
 * can catch a half-written file; the caller packs again when this says no.
 */
function cliPackIsWhole(result: PackResult, cliDir: string): string | undefined {
  const packed = new Map(result.files.map((file) => [file.path, file.size]));
  const bundle = join(cliDir, 'dist/trustlint.js');
  if (packed.get('dist/trustlint.js') !== statSync(bundle).size) return 'dist/trustlint.js differs from the file on disk';
  const docs = [...packed.keys()].filter((path) => path.startsWith('docs/')).map((path) => path.slice('docs/'.length)).sort();
  const ruleDocs = filesBelow(join(REPOSITORY, 'packages/rules/docs'));
  if (docs.join('\n') !== ruleDocs.join('\n')) return `docs/ holds ${docs.length} files where packages/rules/docs holds ${ruleDocs.length}`;
  return undefined;
}

/** The package a bare import specifier names (`@scope/name` or `name`), or undefined for relative and built-in imports. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:') || specifier.startsWith('#')) return undefined;
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? specifier);
  return builtinModules.includes(name) ? undefined : name;
}

const IMPORT_PATTERNS = [
  // import/export … from '…' and import '…', at the start of a statement (not in comments).
  /^\s*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]/gm,
  /^\s*import\s*['"]([^'"]+)['"]/gm,
  // import('…') and import("…", { with: … }) in code and in emitted types.
  /\bimport\s*\(\s*['"]([^'"]+)['"]/g,
];

/**
 * The bare imports of every JavaScript and declaration file reachable from a
 * package's entry points (code from its code entries, declarations from its
 * `types`), each with a file that makes it.
 */
function bareImports(packageDir: string, manifest: Manifest): Map<string, string> {
  const found = new Map<string, string>();
  const seen = new Set<string>();
  const queue = entryPoints(manifest).map((entry) => join(packageDir, entry));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file) || !/\.(?:c|m)?(?:js|ts)$/.test(file) || !existsSync(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const pattern of IMPORT_PATTERNS) {
      for (const match of text.matchAll(pattern)) {
        const specifier = match[1]!;
        if (specifier.startsWith('.')) {
          // Code imports code; declarations import declarations (`./x.js` names `./x.d.ts`).
          const target = resolve(dirname(file), specifier);
          queue.push(file.endsWith('.d.ts') ? target.replace(/\.js$/, '.d.ts') : target);
        } else {
          const name = packageOf(specifier);
          if (name !== undefined && !found.has(name)) found.set(name, relative(packageDir, file));
        }
      }
    }
  }
  return found;
}

const all = workspaces();
const publishable = all.filter((workspace) => workspace.manifest.private !== true);
const cli = all.find((workspace) => workspace.name === '@trustlint/cli')!;
const libraries = publishable.filter((workspace) => workspace.manifest.exports !== undefined && entryPoints(workspace.manifest).some((entry) => entry.endsWith('.d.ts')));

const rootManifest = readJson(join(REPOSITORY, 'package.json')) as Manifest;

let scratch = '';
let tarballs = '';
let project = '';
let packed: PackResult[] = [];
let bin = '';

/** An installed package's folder in the test project. */
function installed(name: string): string {
  return join(project, 'node_modules', name);
}

describe("the packages' package.json files", () => {
  it('keep private the packages users never install, and only those', () => {
    expect(all.filter((workspace) => workspace.manifest.private === true).map((workspace) => workspace.name).sort()).toEqual(Object.keys(PRIVATE_PACKAGES).sort());
    expect(publishable.map((workspace) => workspace.name)).toContain(cli.name);
  });

  it('give every publishable package its name, version, licence, repository, files, engines and public access', () => {
    for (const { name, dir, manifest } of publishable) {
      expect(name, dir).toMatch(/^@trustlint\/[a-z][a-z-]*$/);
      expect(manifest.version, name).toMatch(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/);
      expect(manifest.version, `${name} is released with ${cli.name}`).toBe(cli.manifest.version);
      expect(manifest.license, name).toBe('MIT');
      expect(manifest.type, name).toBe('module');
      expect(manifest.repository, name).toEqual({ type: 'git', url: REPOSITORY_URL, directory: relative(REPOSITORY, dir).split('\\').join('/') });
      expect(manifest.engines, name).toEqual(rootManifest.engines);
      expect(manifest.publishConfig, name).toMatchObject({ access: 'public' });
      expect(manifest.files?.length, `${name} lists its files`).toBeGreaterThan(0);
      expect(manifest.exports, name).toMatchObject({ './package.json': './package.json' });
    }
  });

  it('give every library ES module exports with types first, and the same files as main and types', () => {
    // Every published package but the command is a library.
    expect(libraries.map((library) => library.name).sort()).toEqual(publishable.filter((workspace) => workspace !== cli).map((workspace) => workspace.name).sort());
    for (const { name, manifest } of libraries) {
      const root = (manifest.exports as Record<string, unknown>)['.'] as Record<string, string>;
      const conditions = Object.keys(root).filter((condition) => condition !== '@trustlint/source');
      // TypeScript takes the first condition that matches, so `types` must come before `default`.
      expect(conditions, name).toEqual(['types', 'default']);
      expect(root.types, name).toMatch(/\.d\.ts$/);
      expect(root.default, name).toMatch(/\.js$/);
      // For tools that do not read `exports`.
      expect(manifest.main, name).toBe(root.default);
      expect(manifest.types, name).toBe(root.types);
    }
  });

  it('give the command its bin, and no dependencies: it is one bundle', () => {
    expect(cli.manifest.bin).toEqual({ trustlint: 'bin/trustlint.js' });
    expect(cli.manifest.dependencies ?? {}).toEqual({});
  });

  it('never make a published package depend on a private one', () => {
    const privateNames = new Set(Object.keys(PRIVATE_PACKAGES));
    for (const { name, manifest } of publishable) {
      const needed = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})];
      expect(needed.filter((dependency) => privateNames.has(dependency)), name).toEqual([]);
    }
  });
});

describe('the published packages, installed from their tarballs', () => {
  beforeAll(() => {
    // What is packed must exist: the build outputs and every entry point.
    for (const { dir, manifest } of publishable) {
      const wanted = [...(manifest.files ?? []).filter((entry) => !entry.startsWith('!') && !entry.includes('*')), ...entryPoints(manifest)];
      for (const path of wanted) {
        if (!existsSync(join(dir, path))) {
          throw new Error(`${relative(REPOSITORY, join(dir, path))} is missing, so ${manifest.name} cannot be packed: run \`npm run build\` first (\`npm test\` does).`);
        }
      }
    }

    scratch = mkdtempSync(join(realpathSync(tmpdir()), 'trustlint-pack-'));
    if (!relative(REPOSITORY, scratch).startsWith('..')) throw new Error(`The temporary folder ${scratch} is inside the repository; set TMPDIR to a folder outside it.`);
    // Node looks for node_modules in every folder above the project: there must be none.
    for (let folder = dirname(scratch); ; folder = dirname(folder)) {
      if (existsSync(join(folder, 'node_modules'))) throw new Error(`${join(folder, 'node_modules')} is reachable from the test project; set TMPDIR to a folder with no node_modules above it.`);
      if (folder === parse(folder).root) break;
    }
    tarballs = join(scratch, 'tarballs');
    project = join(scratch, 'project');
    mkdirSync(tarballs);
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'trustlint-pack-test', private: true, type: 'module' }, null, 2));

    // Nothing from the repository may be reachable from the project before the install (global folders included).
    const requireFromProject = createRequire(join(project, 'package.json'));
    for (const name of ['@trustlint/core', 'vitest', 'commander']) {
      let reached: string | undefined;
      try {
        reached = requireFromProject.resolve(name);
      } catch {
        reached = undefined;
      }
      if (reached !== undefined) throw new Error(`${name} resolves from the empty project ${project} (to ${reached}): the project must be outside every node_modules tree.`);
    }

    packed = pack(publishable.map((workspace) => workspace.name), tarballs);
    for (let attempt = 1; ; attempt++) {
      const index = packed.findIndex((result) => result.name === cli.name);
      const problem = cliPackIsWhole(packed[index]!, cli.dir);
      if (problem === undefined) break;
      if (attempt === 3) throw new Error(`The packed @trustlint/cli is not the build on disk (${problem}): run \`npm run build\`; if the build is complete, the package's \`files\` leave something out.`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
      packed[index] = pack([cli.name], tarballs)[0]!;
    }

    succeed(
      'npm',
      ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...packed.map((result) => join(tarballs, result.filename))],
      project,
      NPM_TIMEOUT_MS,
    );
    bin = join(project, 'node_modules/.bin/trustlint');
  }, 2 * NPM_TIMEOUT_MS + 30_000);

  afterAll(() => {
    if (scratch !== '') rmSync(scratch, { recursive: true, force: true });
  });

  it('packs every workspace package that is not private', () => {
    expect(packed.map((result) => result.name).sort()).toEqual(publishable.map((workspace) => workspace.name).sort());
  });

  it('ships each package with the licence, without tests, fixtures or build state', () => {
    const licence = readFileSync(join(REPOSITORY, 'LICENSE'), 'utf8');
    for (const result of packed) {
      const paths = result.files.map((file) => file.path);
      expect(paths, result.name).toContain('LICENSE');
      expect(readFileSync(join(installed(result.name), 'LICENSE'), 'utf8'), `${result.name}'s LICENSE is the repository's`).toBe(licence);
      expect(
        paths.filter((path) => /\.test\.ts$|(^|\/)__fixtures__\/|(^|\/)src\/testing\/|\.tsbuildinfo$/.test(path)),
        result.name,
      ).toEqual([]);
    }
  });

  it('ships every file that package.json names', () => {
    for (const { name, manifest } of publishable) {
      for (const entry of entryPoints(manifest)) {
        expect(existsSync(join(installed(name), entry)), `${name}: ${entry}`).toBe(true);
      }
    }
  });

  it('ships source maps only with the sources they point to', () => {
    for (const result of packed) {
      const root = installed(result.name);
      for (const map of result.files.map((file) => file.path).filter((path) => path.endsWith('.map'))) {
        const { sources } = readJson(join(root, map)) as { sources: string[] };
        for (const source of sources) {
          const target = resolve(dirname(join(root, map)), source);
          expect(!relative(root, target).startsWith('..') && existsSync(target), `${result.name}: ${map} → ${source}`).toBe(true);
        }
      }
    }
  });

  it('declares every package that its code and types import', () => {
    const undeclared: string[] = [];
    const unusedAllowances: string[] = [];
    for (const { name } of publishable) {
      const manifest = readJson(join(installed(name), 'package.json')) as Manifest;
      const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {}), name]);
      const allowed = UNDECLARED_ALLOWED[name] ?? [];
      const used = new Set<string>();
      for (const [imported, file] of bareImports(installed(name), manifest)) {
        // A types-only import such as `mdast` is declared as `@types/mdast`.
        const typesPackage = `@types/${imported.replace(/^@([^/]+)\//, '$1__')}`;
        if (declared.has(imported) || (file.endsWith('.d.ts') && declared.has(typesPackage))) continue;
        if (allowed.includes(imported)) {
          used.add(imported);
          continue;
        }
        undeclared.push(`${name} imports ${imported} (${file}) without declaring it`);
      }
      unusedAllowances.push(...allowed.filter((imported) => !used.has(imported)).map((imported) => `${name}: ${imported} is allowed undeclared but no longer imported`));
    }
    expect(undeclared).toEqual([]);
    expect(unusedAllowances).toEqual([]);
  });

  it('installs the packages and their dependencies inside the project, out of reach of the workspace', () => {
    const requireFromProject = createRequire(join(project, 'package.json'));
    for (const { name } of publishable) {
      const manifest = join(installed(name), 'package.json');
      expect(realpathSync(requireFromProject.resolve(`${name}/package.json`)), name).toBe(realpathSync(manifest));
    }
    expect(() => requireFromProject.resolve('vitest')).toThrow();
  });

  it('runs `trustlint --version` through the bin that npm linked', () => {
    const firstLine = readFileSync(join(installed(cli.name), cli.manifest.bin!.trustlint!), 'utf8').split('\n')[0];
    expect(firstLine).toBe('#!/usr/bin/env node');
    const result = run(bin, ['--version'], project);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(cli.manifest.version);
  });

  it("runs the README's one-line `npx @trustlint/cli` from an empty folder, with nothing installed", () => {
    // `npx <package>` runs the package's only bin, whatever its name; the
    // tarball stands in for the registry's @trustlint/cli. A private npm cache
    // keeps the run from reusing anything installed before.
    const empty = join(scratch, 'npx');
    mkdirSync(empty);
    cpSync(SAMPLE, join(empty, 'policies'), { recursive: true });
    const tarball = `file:${join(tarballs, packed.find((result) => result.name === cli.name)!.filename)}`;
    const env = childEnv({ npm_config_cache: join(scratch, 'npx-cache'), npm_config_yes: 'true', npm_config_update_notifier: 'false' });
    const version = run('npx', [tarball, '--version'], empty, NPM_TIMEOUT_MS, env);
    expect(version.stdout.trim(), version.stderr).toBe(cli.manifest.version);
    expect(version.status).toBe(0);
    const lint = run('npx', [tarball, 'lint', 'policies', '--today', TODAY], empty, NPM_TIMEOUT_MS, env);
    expect(lint.stdout, lint.stderr).toContain('No problems found');
    expect(lint.status).toBe(0);
  }, TEST_TIMEOUT_MS);

  it('lints a copy of the sample program clean (exit 0), and reads its rule docs', () => {
    cpSync(SAMPLE, join(project, 'policies'), { recursive: true });
    const result = run(bin, ['lint', 'policies', '--today', TODAY], project);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('No problems found');
    expect(result.status).toBe(0);

    const explained = run(bin, ['explain', 'unknown-criterion'], project);
    expect(explained.status).toBe(0);
    expect(explained.stdout).toContain('unknown-criterion');
  }, TEST_TIMEOUT_MS);

  it('finds an unknown criterion in a copy of the sample program (exit 1), with the command and with ESLint', () => {
    const broken = join(project, 'broken');
    cpSync(SAMPLE, broken, { recursive: true });
    const control = filesBelow(join(broken, 'controls')).find((path) => /\bCC6\.1\b/.test(readFileSync(join(broken, 'controls', path), 'utf8')));
    if (control === undefined) throw new Error('No control in the sample program maps CC6.1; choose another criterion to break.');
    const file = join(broken, 'controls', control);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\bCC6\.1\b/, 'CC6.10'));

    const result = run(bin, ['lint', 'broken', '--today', TODAY], project);
    expect(result.stdout).toContain('unknown-criterion');
    expect(result.stdout).toContain('CC6.10');
    expect(result.status).toBe(1);

    // The README's editor setup: ESLint (a peer dependency) with the recommended config.
    writeFileSync(join(project, 'eslint.config.js'), "import trustlint from '@trustlint/eslint-plugin';\nexport default [...trustlint.configs.recommended];\n");
    const eslint = run(join(project, 'node_modules/.bin/eslint'), ['broken'], project, RUN_TIMEOUT_MS, childEnv({ TRUSTLINT_TODAY: TODAY }));
    expect(eslint.stdout).toContain('trustlint/unknown-criterion');
    expect(eslint.stdout).toContain(`controls/${control}`);
    expect(eslint.status).toBe(1);
  }, TEST_TIMEOUT_MS);

  // The README promises both forms on every supported Node.js: `require()` of
  // an ES module works from Node.js 20.19 on, for module graphs without
  // top-level await, so this fails when a dependency brings one in.
  it('imports and requires @trustlint/core, and lints with it', () => {
    cpSync(SAMPLE, join(project, 'program'), { recursive: true });
    const report = `const result = lint({ cwd: 'program', today: '${TODAY}' });\nconsole.log(JSON.stringify({ findings: result.findings.length, errors: result.summary.errors, rules: rules.length, policies: result.program.policies.length }));\n`;
    writeFileSync(join(project, 'esm.mjs'), `import { lint, rules } from '@trustlint/core';\n${report}`);
    writeFileSync(join(project, 'cjs.cjs'), `const { lint, rules } = require('@trustlint/core');\n${report}`);
    for (const script of ['esm.mjs', 'cjs.cjs']) {
      const result = run(process.execPath, [script], project);
      // Empty: no ExperimentalWarning either.
      expect(result.stderr, script).toBe('');
      expect(result.status, script).toBe(0);
      const summary = JSON.parse(result.stdout) as { findings: number; errors: number; rules: number; policies: number };
      expect(summary.findings, script).toBe(0);
      expect(summary.rules, script).toBeGreaterThan(20);
      expect(summary.policies, script).toBeGreaterThan(10);
    }
  }, TEST_TIMEOUT_MS);

  // A module that exports `module.exports` (the ESLint plugin does, so that
  // CommonJS configs get the plugin object) gives require() that export; the
  // others give require() their whole namespace.
  it('lets CommonJS require() every library, with the same exports as import', () => {
    const names = JSON.stringify(libraries.map((library) => library.name));
    writeFileSync(
      join(project, 'exports.cjs'),
      `const names = ${names};\n` +
        'const keys = (namespace) => Object.keys(namespace).filter((key) => key !== "__esModule").sort();\n' +
        'const required = (namespace) => ("module.exports" in namespace ? namespace["module.exports"] : namespace);\n' +
        'Promise.all(names.map(async (name) => [name, { required: keys(require(name)), imported: keys(required(await import(name))) }]))\n' +
        '  .then((entries) => console.log(JSON.stringify(Object.fromEntries(entries))));\n',
    );
    const result = run(process.execPath, ['exports.cjs'], project);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const loaded = JSON.parse(result.stdout) as Record<string, { required: string[]; imported: string[] }>;
    for (const { name } of libraries) {
      expect(loaded[name]!.required, name).toEqual(loaded[name]!.imported);
      expect(loaded[name]!.required.length, name).toBeGreaterThan(0);
    }
  }, TEST_TIMEOUT_MS);

  it('loads @trustlint/eslint-plugin with its rules and configs.recommended', () => {
    const plugin = installed('@trustlint/eslint-plugin');
    writeFileSync(
      join(project, 'plugin.mjs'),
      "import plugin from '@trustlint/eslint-plugin';\nconsole.log(JSON.stringify({ meta: plugin.meta, rules: Object.keys(plugin.rules), recommended: plugin.configs.recommended.map((config) => config.name) }));\n",
    );
    const result = run(process.execPath, ['plugin.mjs'], project);
    expect(result.stderr).toBe('');
    const loaded = JSON.parse(result.stdout) as { meta: { name: string; version: string }; rules: string[]; recommended: string[] };
    expect(loaded.meta).toEqual({ name: '@trustlint/eslint-plugin', version: (readJson(join(plugin, 'package.json')) as Manifest).version });
    expect(loaded.rules).toEqual(expect.arrayContaining(['syntax', 'schema', 'unknown-criterion', 'owner-unknown']));
    expect(loaded.recommended.length).toBeGreaterThan(0);
  });

  it('ships the editor schemas where the README points editors', () => {
    const requireFromProject = createRequire(join(project, 'package.json'));
    const viaExports = requireFromProject.resolve('@trustlint/schemas/schemas/editor/control.schema.json');
    const onDisk = join(project, 'node_modules/@trustlint/schemas/schemas/editor/control.schema.json');
    expect(realpathSync(viaExports)).toBe(realpathSync(onDisk));
    expect((readJson(onDisk) as { $id: string }).$id).toMatch(/^https:\/\/trustlint\.dev\/schemas\/v1\/control\.schema\.json$/);
    expect(packed.find((result) => result.name === '@trustlint/schemas')!.files.map((file) => file.path)).toContain('schemas/editor/control.schema.json');
  });

  it('gives TypeScript users the types of every library, from ES modules and CommonJS', () => {
    const libraryImports = libraries.map((library, index) => `import * as library${index} from '${library.name}';\nexport type Library${index} = typeof library${index};`);
    const useCore = "export const ruleIds: string[] = lint({ dir: 'program' }).findings.map((finding) => finding.ruleId);";
    writeFileSync(join(project, 'consumer.mts'), [...libraryImports, "import { lint } from '@trustlint/core';", useCore].join('\n') + '\n');
    // CommonJS TypeScript compiles these imports to require(), which TypeScript allows for ES modules under `nodenext`.
    writeFileSync(join(project, 'consumer.cts'), [...libraryImports, "import { lint } from '@trustlint/core';", useCore].join('\n') + '\n');
    const compilerOptions = { target: 'es2023', strict: true, noEmit: true, types: [] };
    // skipLibCheck off: the shipped declarations must check on their own, with no type package that a user would not have.
    writeFileSync(
      join(project, 'tsconfig.node.json'),
      JSON.stringify({ compilerOptions: { ...compilerOptions, module: 'nodenext', moduleResolution: 'nodenext', skipLibCheck: false }, files: ['consumer.mts', 'consumer.cts'] }),
    );
    // Bundlers resolve `exports` with the `import` condition.
    writeFileSync(
      join(project, 'tsconfig.bundler.json'),
      JSON.stringify({ compilerOptions: { ...compilerOptions, module: 'preserve', moduleResolution: 'bundler', skipLibCheck: true }, files: ['consumer.mts'] }),
    );
    // The repository's compiler; every module it resolves comes from the project.
    const tsc = createRequire(join(REPOSITORY, 'package.json')).resolve('typescript/bin/tsc');
    for (const config of ['tsconfig.node.json', 'tsconfig.bundler.json']) {
      const result = run(process.execPath, [tsc, '-p', config], project, TEST_TIMEOUT_MS);
      expect(result.stdout + result.stderr, config).toBe('');
      expect(result.status, config).toBe(0);
    }
  }, TEST_TIMEOUT_MS);

  // The packages depend on each other with `*`, which `changeset version`
  // leaves as it is, so a published package would take whatever version of
  // its siblings is newest. The ranges are pinned before the first release
  // (RELEASING.md), and changesets keeps the pins in step from then on; this
  // is enforced from 1.0.0 on, so the pull request of the first release
  // cannot pass without the pins.
  it.skipIf(cli.manifest.version.startsWith('0.'))('pins each @trustlint/ dependency to the version released with it', () => {
    const unpinned: string[] = [];
    for (const { name } of publishable) {
      const manifest = readJson(join(installed(name), 'package.json')) as Manifest;
      for (const [dependency, range] of Object.entries(manifest.dependencies ?? {})) {
        if (dependency.startsWith('@trustlint/') && range !== manifest.version) unpinned.push(`${name} → ${dependency}@${range}`);
      }
    }
    expect(unpinned).toEqual([]);
  });
});
