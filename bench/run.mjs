#!/usr/bin/env node
// `npm run bench`: times trustlint as whole processes over generated programs
// of three sizes, beside the parse-only floor, the naive remark pipeline, and
// markdownlint-cli2 + Spectral over the same files; prints medians and ratios
// and writes bench/results.md. Not part of `npm test`.
//
//   npm run bench                      every size, 5 runs each (3 for large)
//   npm run bench -- --sizes medium    some sizes only
//   npm run bench -- --runs 9          more runs per measurement
//   npm run bench -- --no-tools        without markdownlint-cli2 and Spectral
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SIZES, writeProgram } from '@trustlint/test-support/generate';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'apps/cli/bin/trustlint.js');
const WORK = join(tmpdir(), 'trustlint-bench');
const TODAY = '2026-11-22';
const TIME = '/usr/bin/time';
const TOOLS = { 'markdownlint-cli2': '0.24.1', '@stoplight/spectral-cli': '6.16.3' };

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: 'small,medium,large' },
    runs: { type: 'string' },
    tools: { type: 'boolean', default: true },
    'no-tools': { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map((name) => name.trim());
for (const size of sizes) if (!(size in SIZES)) throw new Error(`Unknown size ${size}; expected ${Object.keys(SIZES).join(', ')}`);
const withTools = values.tools && !values['no-tools'];

/** Runs a command once; returns seconds and peak RSS in MiB (when /usr/bin/time is there). */
function once(command, args, options = {}) {
  const timed = existsSync(TIME);
  const start = process.hrtime.bigint();
  const result = timed
    ? spawnSync(TIME, ['-f', '%M', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, ...options })
    : spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.error) throw result.error;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status}:\n${result.stderr}`);
  }
  const rss = timed ? Number(result.stderr.trim().split('\n').at(-1)) / 1024 : Number.NaN;
  return { seconds, rss, stdout: result.stdout };
}

function median(numbers) {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Medians over `runs` runs of a command; `before` runs before each (untimed). */
function measure(runs, command, args, { before, ...options } = {}) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    before?.(i);
    samples.push(once(command, args, options));
  }
  return { seconds: median(samples.map((s) => s.seconds)), rss: Math.max(...samples.map((s) => s.rss)), samples: samples.map((s) => s.seconds) };
}

/** Installs markdownlint-cli2 and Spectral into the bench folder once, from the registry. */
function installTools() {
  const dir = join(WORK, 'tools');
  const marker = join(dir, 'installed.json');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === JSON.stringify(TOOLS)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true }));
  process.stderr.write(`bench: installing ${Object.keys(TOOLS).join(' and ')} for the comparison…\n`);
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...Object.entries(TOOLS).map(([name, version]) => `${name}@${version}`)], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (install.status !== 0) throw new Error('Could not install the comparison tools; run with --no-tools to skip them.');
  // A two-rule ruleset, as the baseline measured: every control has an id and an owner.
  writeFileSync(
    join(dir, '.spectral.yaml'),
    'rules:\n  control-id:\n    given: $\n    severity: error\n    then: { field: id, function: truthy }\n  control-owner:\n    given: $\n    severity: error\n    then: { field: owner, function: truthy }\n',
  );
  writeFileSync(marker, JSON.stringify(TOOLS));
  return dir;
}

const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()} ${release()}, Node.js ${process.version}`;
const build = spawnSync('npx', ['turbo', 'run', 'build', '--output-logs=errors-only'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) throw new Error('The build failed.');
const tools = withTools ? installTools() : undefined;

const lint = (program, ...extra) => [CLI, 'lint', program, '--today', TODAY, '-f', 'json', '--fail-on', 'never', ...extra];
const rows = [];
const node = measure(9, process.execPath, ['-e', '0']);
const start = measure(9, process.execPath, [CLI, '--version']);
const sampleCache = join(WORK, 'sample.trustlintcache');
once(process.execPath, lint(join(ROOT, 'policies'), '--cache-location', sampleCache));
const sample = measure(9, process.execPath, lint(join(ROOT, 'policies'), '--cache-location', sampleCache));
const sampleCold = measure(5, process.execPath, lint(join(ROOT, 'policies')));
process.stderr.write(`bench: node ${node.seconds.toFixed(3)} s, trustlint --version ${start.seconds.toFixed(3)} s, sample program ${sampleCold.seconds.toFixed(3)} s (warm cache ${sample.seconds.toFixed(3)} s)\n`);

for (const size of sizes) {
  const runs = Number(values.runs ?? (size === 'large' ? 3 : 5));
  const program = join(WORK, size);
  const generated = writeProgram(program, { ...SIZES[size], seed: 1 });
  const cache = join(WORK, `${size}.trustlintcache`);
  const row = { size, ...SIZES[size], files: generated.files, megabytes: generated.bytes / 1e6 };
  process.stderr.write(`bench: ${size}: ${generated.files} files, ${row.megabytes.toFixed(1)} MB, ${runs} runs each\n`);

  row.floor = measure(runs, process.execPath, [join(ROOT, 'bench/parse-floor.mjs'), program]);
  row.naive = measure(runs, process.execPath, [join(ROOT, 'bench/naive-remark.mjs'), program]);
  row.cold = measure(runs, process.execPath, lint(program));
  rmSync(cache, { force: true });
  once(process.execPath, lint(program, '--cache-location', cache));
  row.warm = measure(runs, process.execPath, lint(program, '--cache-location', cache));
  const changed = join(program, 'policies', readdirSync(join(program, 'policies'), { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.md')).sort()[0]);
  const original = readFileSync(changed, 'utf8');
  row.oneChanged = measure(runs, process.execPath, lint(program, '--cache-location', cache), {
    before: (i) => appendFileSync(changed, `\nEdited in benchmark run ${i}.\n`),
  });
  writeFileSync(changed, original);
  // An edit that changes what program rules read (a control's status), so that they run again.
  const control = join(program, 'controls', readdirSync(join(program, 'controls'), { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.yaml')).sort()[0]);
  const controlText = readFileSync(control, 'utf8');
  row.factChanged = measure(runs, process.execPath, lint(program, '--cache-location', cache), {
    before: (i) => writeFileSync(control, controlText.replace(/^status: .*$/m, i % 2 ? 'status: implemented' : 'status: partial')),
  });
  writeFileSync(control, controlText);
  row.findings = JSON.parse(once(process.execPath, lint(program)).stdout).findings.length;
  if (tools) {
    const bin = (name) => join(tools, 'node_modules/.bin', name);
    row.markdownlint = measure(runs, bin('markdownlint-cli2'), ['policies/**/*.md'], { cwd: program });
    row.spectral = measure(runs, bin('spectral'), ['lint', '--ruleset', join(tools, '.spectral.yaml'), '--quiet', 'controls/**/*.yaml'], { cwd: program });
  }
  rows.push(row);
}

const s = (m) => (m === undefined ? '–' : `${m.seconds.toFixed(2)} s`);
const x = (a, b) => (a === undefined || b === undefined ? '–' : `${(a.seconds / b.seconds).toFixed(2)}×`);
const lines = [
  '# Benchmark results',
  '',
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine}.`,
  'Every figure is the median of whole-process runs (the run count is per size), measured in one run of the harness.',
  'Programs come from the seeded generator in `packages/test-support/src/generate.mjs` (seed 1).',
  '',
  `Start: bare \`node -e 0\` ${node.seconds.toFixed(3)} s; \`trustlint --version\` ${start.seconds.toFixed(3)} s (${(start.seconds / node.seconds).toFixed(2)}× node); \`trustlint lint\` of the sample program ${sampleCold.seconds.toFixed(3)} s (${(sampleCold.seconds / node.seconds).toFixed(2)}× node), with a warm cache ${sample.seconds.toFixed(3)} s (${(sample.seconds / node.seconds).toFixed(2)}× node).`,
  '',
  '| size | controls / policies | files | MB | parse-only floor | naive remark pipeline | `lint` cold | warm (cache, nothing changed) | one file changed | one control\'s status changed | markdownlint-cli2 | Spectral | peak RSS (cold) | findings |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows.map(
    (r) =>
      `| ${r.size} | ${r.controls} / ${r.policies} | ${r.files} | ${r.megabytes.toFixed(1)} | ${s(r.floor)} | ${s(r.naive)} | ${s(r.cold)} | ${s(r.warm)} | ${s(r.oneChanged)} | ${s(r.factChanged)} | ${s(r.markdownlint)} | ${s(r.spectral)} | ${Number.isNaN(r.cold.rss) ? '–' : `${Math.round(r.cold.rss)} MiB`} | ${r.findings} |`,
  ),
  '',
  '| size | cold ÷ floor | naive ÷ cold | (markdownlint + Spectral) ÷ cold | warm ÷ cold | one changed ÷ cold | status changed ÷ cold |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...rows.map((r) => {
    const tools = r.markdownlint && r.spectral ? `${((r.markdownlint.seconds + r.spectral.seconds) / r.cold.seconds).toFixed(2)}×` : '–';
    return `| ${r.size} | ${x(r.cold, r.floor)} | ${x(r.naive, r.cold)} | ${tools} | ${x(r.warm, r.cold)} | ${x(r.oneChanged, r.cold)} | ${x(r.factChanged, r.cold)} |`;
  }),
  '',
  'One file changed: a line of prose appended to the first policy before each run, which moves text but changes nothing the program rules read, so their findings are kept. One control\'s status changed: the first control\'s `status` switched between `implemented` and `partial` before each run, which the program rules read, so they run again.',
  '',
];
const output = join(ROOT, 'bench/results.md');
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, lines.join('\n'));
process.stdout.write(`${lines.join('\n')}\nWritten to bench/results.md\n`);
