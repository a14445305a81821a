import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfigFile } from './config-file.js';
import { DEFAULT_MAX_FILE_SIZE, defaultConfig, loadConfig, parseConfig } from './config.js';
import { ConfigError, TrustlintError } from './errors.js';

const parse = (text: string) => parseConfig(text, '/p/trustlint.config.yaml', 'trustlint.config.yaml');

function problems(text: string) {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => `${p.range.line}:${p.range.column} ${p.message}`);
    throw error;
  }
  return [];
}

describe('config', () => {
  it('reads a complete config and fills defaults', () => {
    const config = parse('program: Acme\nframeworks:\n  soc2:\n    categories: [availability]\nobservation_period: {start: 2026-01-01, end: 2026-06-30}\nrules:\n  schema: warning\n  owner-unknown: [error, {}]\n');
    expect(config.program).toBe('Acme');
    expect(config.root).toBe('/p');
    expect(config.frameworks.soc2).toEqual({ categories: ['security', 'availability'], type: 2 });
    expect(config.observationPeriod).toEqual({ start: '2026-01-01', end: '2026-06-30' });
    expect(config.paths.controls).toEqual(['controls/**/*.yaml', 'controls/**/*.yml']);
    expect([...config.rules.entries()].map(([id, s]) => [id, s.severity, s.options])).toEqual([
      ['schema', 'warning', undefined],
      ['owner-unknown', 'error', {}],
    ]);
  });

  it('puts only SOC 2 Security in scope by default', () => {
    expect(parse('{}\n').frameworks).toEqual({ soc2: { categories: ['security'], type: 2 } });
    expect(defaultConfig('/x/acme').program).toBe('acme');
  });

  it('names the line, the column and what was expected for every problem', () => {
    expect(problems('frameworks:\n  soc2:\n    categories: [security, availabilty]\npath:\n  controls: [x]\n')).toEqual([
      '3:28 Unexpected value `availabilty` for `frameworks.soc2.categories[1]`; expected one of `security`, `availability`, `processing-integrity`, `confidentiality`, `privacy`. Did you mean `availability`?',
      '4:1 Unexpected key `path`; expected one of `program`, `frameworks`, `observation_period`, `front_matter`, `dialect`, `paths`, `exclusions`, `limits`, `rules`. Did you mean `paths`?',
    ]);
  });

  it('reports YAML syntax errors and duplicate keys with their position', () => {
    expect(problems('program: [x\n')).toEqual([expect.stringMatching(/^2:1 YAML syntax error: /)]);
    expect(problems('program: a\nprogram: b\n')).toEqual(['2:1 Duplicate key `program` (first defined at line 1); each key may appear once.']);
  });

  it('rejects bad rule settings and an observation period that ends before it starts', () => {
    expect(problems('rules:\n  schema: loud\n')).toEqual([
      '2:11 Rule `schema`: unexpected setting "loud"; expected a severity (`off`, `info`, `warning` or `error`) or a list `[severity, { options }]`.',
    ]);
    expect(problems('observation_period:\n  start: 2026-06-01\n  end: 2026-01-01\n')).toEqual([
      '3:8 The observation period ends (2026-01-01) before it starts (2026-06-01); expected start ≤ end.',
    ]);
  });

  it('gives a message that names the file and each place', () => {
    expect(() => parse('frameworks: []\n')).toThrow(/^Invalid configuration in trustlint\.config\.yaml:\n {2}trustlint\.config\.yaml:1:13: `frameworks` should be a mapping, found a list\.$/);
  });

  it('reads a config of up to the default file size limit, and refuses a larger one without reading it', () => {
    const root = mkdtempSync(join(tmpdir(), 'trustlint-config-'));
    const path = join(root, 'trustlint.config.yaml');
    const head = 'program: Big\n';
    writeFileSync(path, head + '#'.repeat(DEFAULT_MAX_FILE_SIZE - head.length - 1) + '\n');
    expect(loadConfig(path).program).toBe('Big');
    writeFileSync(path, head + '#'.repeat(DEFAULT_MAX_FILE_SIZE - head.length) + '\n');
    let failure: unknown;
    try {
      loadConfig(path, 'trustlint.config.yaml');
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(TrustlintError);
    expect(failure).toMatchObject({
      code: 'config-too-large',
      message:
        'The configuration file trustlint.config.yaml is 5242881 bytes, over the limit of 5242880 bytes for any file trustlint reads, and was not read; expected a config of a few kilobytes (is it the right file?). A config cannot raise this limit for itself: `limits.max_file_size` applies to the program\'s other files.',
    });
    // Nor can a config raise it by saying so.
    writeFileSync(path, `limits: {max_file_size: 100000000}\n${'#'.repeat(DEFAULT_MAX_FILE_SIZE)}\n`);
    expect(() => loadConfig(path)).toThrow(/^The configuration file .* is \d+ bytes, over the limit of 5242880 bytes/);
  });

  it.skipIf(process.platform === 'win32')('stops reading a config that never ends (a device or a pipe) at the limit', () => {
    expect(() => loadConfig('/dev/zero', '/dev/zero')).toThrow(
      'The configuration file /dev/zero holds more than the limit of 5242880 bytes for any file trustlint reads, and was not read; expected a config of a few kilobytes (is it the right file?).',
    );
  });

  it('is found in the folder given or the nearest one above it', () => {
    const root = mkdtempSync(join(tmpdir(), 'trustlint-config-'));
    mkdirSync(join(root, 'a/b'), { recursive: true });
    writeFileSync(join(root, 'trustlint.config.yaml'), 'program: Found\n');
    expect(findConfigFile(join(root, 'a/b'))).toBe(join(root, 'trustlint.config.yaml'));
    expect(loadConfig(join(root, 'trustlint.config.yaml')).program).toBe('Found');
  });
});
