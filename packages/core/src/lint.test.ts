import { join } from 'node:path';
import { SAMPLE, TODAY, REPOSITORY } from '@trustlint/test-support';
import { describe, expect, it } from 'vitest';
import { lint } from './lint.js';
import { resolveToday } from './today.js';

describe('lint', () => {
  it('lints the sample program from its folder with the built-in rules', () => {
    const result = lint({ cwd: REPOSITORY, dir: 'policies', today: TODAY });
    expect(result.configPath).toBe('policies/trustlint.config.yaml');
    expect(result.config.root).toBe(SAMPLE);
    expect(result.findings).toEqual([]);
    expect(result.summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
    expect(result.coverage.framework('soc2')?.uncovered).toEqual([]);
    expect(result.today).toBe(TODAY);
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
