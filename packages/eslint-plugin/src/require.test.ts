import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import plugin from './index.js';

describe('the package from CommonJS', () => {
  it('gives the plugin itself to require(), as CommonJS ESLint configs expect', () => {
    // A plain Node.js process resolves the package to its build, as a user's eslint.config.cjs would.
    const script = `const p = require('@trustlint/eslint-plugin');
      console.log(JSON.stringify({ keys: Object.keys(p), meta: p.meta, rules: Object.keys(p.rules), configs: p.configs.recommended.map((c) => c.name) }));`;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: import.meta.dirname, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      keys: ['meta', 'rules', 'configs'],
      meta: plugin.meta,
      rules: Object.keys(plugin.rules),
      configs: plugin.configs.recommended.map((config) => config.name),
    });
  });
});
