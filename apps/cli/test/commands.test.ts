import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '@trustlint/core';
import { copyOf, run, TODAY } from './helpers.js';

describe('trustlint rules', () => {
  it('lists every rule with its default severity and category', async () => {
    const { code, stdout } = await run(['rules']);
    expect(code).toBe(0);
    for (const rule of rules) expect(stdout).toMatch(new RegExp(`^${rule.name} +${rule.meta.severity} +${rule.meta.docs.category} +`, 'm'));
  });

  it('lists them as JSON with their docs URLs', async () => {
    const list = JSON.parse((await run(['rules', '--format', 'json'])).stdout) as { id: string; url: string; scope: string }[];
    expect(list.map((rule) => rule.id)).toEqual(rules.map((rule) => rule.name));
    expect(list.every((rule) => rule.url.endsWith(`/${rule.id}.md`))).toBe(true);
  });
});

describe('trustlint explain', () => {
  it("prints a rule's page", async () => {
    const { code, stdout } = await run(['explain', 'unknown-criterion']);
    expect(code).toBe(0);
    expect(stdout.startsWith('# unknown-criterion\n')).toBe(true);
    expect(stdout).toContain('## Examples');
  });

  it('exits 2 for an unknown rule, suggesting the closest', async () => {
    expect(await run(['explain', 'unknown-critrion'])).toMatchObject({
      code: 2,
      stderr: 'trustlint: Unknown rule "unknown-critrion"; did you mean `unknown-criterion`? `trustlint rules` lists every rule.\n',
    });
  });
});

describe('inline suppressions and the baseline', () => {
  it('suppresses with a reason, counts what was suppressed, and reports unused suppressions', async () => {
    const dir = copyOf();
    const path = join(dir, 'controls/access/AC-01.yaml');
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace('owner: security', '# trustlint-disable-next-line owner-unknown -- moving to the new team\nowner: security-team'));
    const quiet = await run(['lint', dir, '--today', TODAY]);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toContain('; 1 suppressed inline.');
    writeFileSync(path, text.replace('owner: security', '# trustlint-disable-next-line owner-unknown -- moving to the new team\nowner: security'));
    const unused = await run(['lint', dir, '--today', TODAY, '--format', 'json']);
    expect(unused.code).toBe(0);
    expect((JSON.parse(unused.stdout) as { findings: { ruleId: string; severity: string }[] }).findings).toEqual([
      expect.objectContaining({ ruleId: 'suppression', severity: 'warning' }),
    ]);
  });

  it('writes a baseline, then reports only new findings and stale entries', async () => {
    const dir = copyOf();
    const path = join(dir, 'controls/access/AC-01.yaml');
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace('[CC6.2, CC6.3]', '[CC6.2, CC6.30]'));
    expect((await run(['lint', dir, '--today', TODAY])).code).toBe(1);

    const written = await run(['lint', dir, '--today', TODAY, '--write-baseline']);
    expect(written).toMatchObject({ code: 0, stderr: expect.stringContaining('wrote 1 finding(s) to') });
    expect(existsSync(join(dir, 'trustlint-baseline.json'))).toBe(true);

    const accepted = await run(['lint', dir, '--today', TODAY]);
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain('; 1 accepted by the baseline.');
    expect((await run(['lint', dir, '--today', TODAY, '--no-baseline'])).code).toBe(1);

    writeFileSync(path, text);
    const stale = await run(['lint', dir, '--today', TODAY, '--format', 'json']);
    expect((JSON.parse(stale.stdout) as { findings: { ruleId: string; file: string }[] }).findings).toEqual([
      expect.objectContaining({ ruleId: 'baseline', file: 'trustlint-baseline.json' }),
    ]);
  });

  it('exits 2 on a baseline that is not valid', async () => {
    const dir = copyOf();
    writeFileSync(join(dir, 'trustlint-baseline.json'), '{"version": 2, "findings": []}\n');
    const { code, stderr } = await run(['lint', dir, '--today', TODAY]);
    expect(code).toBe(2);
    expect(stderr).toContain('Invalid baseline');
  });
});
