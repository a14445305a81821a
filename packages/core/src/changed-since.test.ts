import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyOf, SAMPLE, TODAY } from '@trustlint/test-support';
import { describe, expect, it } from 'vitest';
import { lint } from './lint.js';

/** A git repository holding the sample program with one violation already committed. */
function repository(): string {
  const dir = copyOf(SAMPLE);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: dir, stdio: 'pipe' });
  edit(dir, 'controls/access/AC-02.yaml', (text) => text.replace(/owner: \S+/, 'owner: old-contractor'));
  git('init', '--quiet', '--initial-branch=main');
  git('add', '.');
  git('commit', '--quiet', '-m', 'Program with an old violation');
  return dir;
}

function edit(dir: string, path: string, change: (text: string) => string): void {
  writeFileSync(join(dir, path), change(readFileSync(join(dir, path), 'utf8')));
}

function changed(dir: string) {
  return lint({ cwd: dir, dir, today: TODAY, changedSince: 'HEAD' });
}

describe('lint --changed-since', () => {
  it('reports nothing when nothing changed, even with old violations elsewhere', () => {
    const dir = repository();
    expect(lint({ cwd: dir, dir, today: TODAY }).findings.map((f) => f.ruleId)).toEqual(['owner-unknown']);
    expect(changed(dir).findings).toEqual([]);
  });

  it('reports findings on the lines the change touched, staged, unstaged or untracked, and not on other lines', () => {
    const dir = repository();
    edit(dir, 'controls/access/AC-01.yaml', (text) => text.replace('[CC6.2, CC6.3]', '[CC6.2, CC6.30]').replace(/^title: .*$/m, 'title: Quarterly user access review (all systems)'));
    execFileSync('git', ['add', 'controls/access/AC-01.yaml'], { cwd: dir });
    edit(dir, 'controls/access/AC-02.yaml', (text) => `# reviewed\n${text}`);
    writeFileSync(join(dir, 'controls/access/AC-99.yaml'), 'id: AC-99\ntitle: New\ndescription: New control.\nowner: nobody\nstatus: planned\nfrequency: annual\nsatisfies: {soc2: [CC6.1]}\n');
    const findings = changed(dir).findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`);
    expect(findings).toEqual(['unknown-criterion controls/access/AC-01.yaml:14', 'owner-unknown controls/access/AC-99.yaml:4']);
  });

  it('still reports a whole-program finding that the change caused, wherever it sits', () => {
    const dir = repository();
    edit(dir, 'controls/operations/OPS-07.yaml', (text) => text.replace('status: implemented', 'status: planned'));
    const result = changed(dir);
    // OPS-07 is mapped to SOC 2 and ISO/IEC 27001: one finding per criterion it leaves uncovered.
    expect(result.findings.map((f) => `${f.ruleId} ${f.file}`)).toEqual(Array(4).fill('uncovered-criterion trustlint.config.yaml'));
    expect(result.coverage.framework('soc2')?.uncovered).toEqual(['CC6.6']);
    expect(result.coverage.framework('iso27001')?.uncovered).toEqual(['A.8.20', 'A.8.21', 'A.8.22']);
  });
});
