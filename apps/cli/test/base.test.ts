import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyOf, run, TODAY } from './helpers.js';

/** A git repository holding a copy of the sample program, committed once. */
function repository(): string {
  const dir = copyOf();
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: dir, stdio: 'pipe' });
  git('init', '--quiet', '--initial-branch=main');
  git('add', '.');
  git('commit', '--quiet', '-m', 'Program as it was');
  return dir;
}

interface Json {
  findings: { ruleId: string; file: string; line: number; message: string }[];
}

describe('trustlint lint --base', () => {
  let dir: string;
  beforeAll(() => {
    dir = repository();
  });

  it('reports nothing to compare when nothing changed', async () => {
    const { code, stdout } = await run(['lint', dir, '--base', 'HEAD', '--format', 'json', '--today', TODAY]);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as Json).findings).toEqual([]);
  });

  it('reads the base through git and reports the control whose change uncovers a criterion', async () => {
    const path = join(dir, 'controls/operations/OPS-07.yaml');
    const before = readFileSync(path, 'utf8');
    writeFileSync(path, before.replace('status: implemented', 'status: planned'));
    const { code, stdout } = await run(['lint', dir, '--base', 'HEAD', '--format', 'json', '--today', TODAY]);
    writeFileSync(path, before);
    expect(code).toBe(1);
    const regressions = (JSON.parse(stdout) as Json).findings.filter((f) => f.ruleId === 'coverage-regression');
    // OPS-07 is mapped to both frameworks: the change uncovers criteria of each.
    expect(regressions.map((finding) => [finding.file, finding.message.replace(/ \(.*/, ''), /at `HEAD` it was covered by `OPS-07`, whose status is now `planned`/.test(finding.message)])).toEqual([
      ['controls/operations/OPS-07.yaml', 'This change uncovers ISO/IEC 27001 criterion A.8.20', true],
      ['controls/operations/OPS-07.yaml', 'This change uncovers ISO/IEC 27001 criterion A.8.21', true],
      ['controls/operations/OPS-07.yaml', 'This change uncovers ISO/IEC 27001 criterion A.8.22', true],
      ['controls/operations/OPS-07.yaml', 'This change uncovers SOC 2 criterion CC6.6', true],
    ]);
  });

  it('reports a policy whose body changed without a new version', async () => {
    const path = join(dir, 'access-control.md');
    const before = readFileSync(path, 'utf8');
    writeFileSync(path, `${before}\nA new paragraph.\n`);
    const { stdout } = await run(['lint', dir, '--base', 'HEAD', '--format', 'json', '--today', TODAY]);
    writeFileSync(path, before);
    expect((JSON.parse(stdout) as Json).findings.map((f) => [f.ruleId, f.file])).toEqual([['version-not-bumped', 'access-control.md']]);
  });

  it('exits 2 with a clear message for an unknown revision or a folder outside git', async () => {
    const unknown = await run(['lint', dir, '--base', 'no-such-branch', '--today', TODAY]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown git revision "no-such-branch"');
    const outside = await run(['lint', copyOf(), '--base', 'HEAD', '--today', TODAY]);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('is not in a git repository');
  });
});
