import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveRules, runRules } from '@trustlint/engine';
import { loadProgram } from '@trustlint/model';
import { rules } from '@trustlint/rules';
import { SAMPLE, TODAY, REPOSITORY } from '@trustlint/test-support';
import { SIZES, writeProgram } from '@trustlint/test-support/generate';
import { describe, expect, it } from 'vitest';
import { lint } from './lint.js';
import { resolveToday } from './today.js';

describe('lint', () => {
  it('lints the sample program from its folder with the built-in rules, telling how many files it has checked', () => {
    const progress: number[] = [];
    const result = lint({ cwd: REPOSITORY, dir: 'policies', today: TODAY, onProgress: ({ done }) => progress.push(done) });
    expect(progress).toEqual(result.program.files.map((_, index) => index + 1));
    expect(result.configPath).toBe('policies/trustlint.config.yaml');
    expect(result.config.root).toBe(SAMPLE);
    expect(result.findings).toEqual([]);
    expect(result.summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
    expect(result.coverage.framework('soc2')?.uncovered).toEqual([]);
    expect(result.today).toBe(TODAY);
  });

  it('checks each file as it is read and then lets go of its YAML, finding what a run over the whole parsed program finds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustlint-lint-'));
    try {
      writeProgram(dir, { ...SIZES.small, seed: 3 });
      const result = lint({ dir, today: TODAY });
      const globbed = result.program.files.filter((entry) => ['policy', 'control', 'evidence'].includes(entry.role));
      expect(globbed.length).toBeGreaterThan(200);
      expect(globbed.every((entry) => Object.getOwnPropertyDescriptor(entry, 'documents')?.get !== undefined)).toBe(true);
      const parsed = loadProgram(result.config);
      const whole = runRules({ program: parsed, rules: resolveRules(rules, parsed.config), today: TODAY, knownRuleIds: rules.map((rule) => rule.name) });
      expect(new Set(result.findings.map(({ ruleId }) => ruleId)).size).toBeGreaterThan(5);
      expect(result.findings).toEqual(whole.findings);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('uses a given config file for a given folder', () => {
    const result = lint({ cwd: REPOSITORY, dir: 'policies', configFile: join(SAMPLE, 'trustlint.config.yaml'), today: TODAY });
    expect(result.program.controls.length).toBeGreaterThan(30);
  });

  it('fixes today from the option, then TRUSTLINT_TODAY, then the calendar', () => {
    expect(resolveToday('2026-01-02', { TRUSTLINT_TODAY: '2026-03-04' })).toBe('2026-01-02');
    expect(resolveToday(undefined, { TRUSTLINT_TODAY: '2026-03-04' })).toBe('2026-03-04');
    expect(resolveToday(undefined, {})).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(() => resolveToday('03/04/2026', {})).toThrow('Invalid date "03/04/2026" in --today');
  });
});
