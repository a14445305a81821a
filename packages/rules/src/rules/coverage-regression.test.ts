import { soc2 } from '@trustlint/catalogs';
import { describe, expect, it } from 'vitest';
import { brief, lintFiles } from '../testing/lint.js';
import { rule } from './coverage-regression.js';

const config = 'frameworks:\n  soc2:\n    categories: [security]\n';
const others = soc2.criteria.filter((c) => c.category === 'security' && c.id !== 'CC6.6').map((c) => c.id);
const everythingElse = `id: ALL\nstatus: implemented\nsatisfies:\n  soc2: [${others.join(', ')}]\n`;
const firewall = 'id: NET-01\nstatus: implemented\nsatisfies:\n  soc2: [CC6.6]\n';
const base = { 'trustlint.config.yaml': config, 'controls/all.yaml': everythingElse, 'controls/net.yaml': firewall };

function lint(files: Record<string, string>) {
  return lintFiles({ 'trustlint.config.yaml': config, 'controls/all.yaml': everythingElse, ...files }, { rules: [rule], base }).findings.map(brief);
}

describe('coverage-regression', () => {
  it('reports nothing while every criterion covered at the base is still covered', () => {
    expect(lint({ 'controls/net.yaml': firewall })).toEqual([]);
    expect(lint({ 'controls/net2.yaml': firewall.replace('NET-01', 'NET-02') })).toEqual([]);
  });

  it('names the control whose status change uncovered a criterion, at its status', () => {
    expect(lint({ 'controls/net.yaml': firewall.replace('status: implemented', 'status: planned') })).toEqual([
      {
        ruleId: 'coverage-regression',
        messageId: 'statusChanged',
        message:
          'This change uncovers SOC 2 criterion CC6.6 (Protection against external threats): at `main` it was covered by `NET-01`, whose status is now `planned`; expected it to stay implemented, or another implemented control to cover CC6.6.',
        file: 'controls/net.yaml',
        line: 2,
        column: 9,
        endLine: 2,
        endColumn: 16,
      },
    ]);
  });

  it('names the control that no longer lists the criterion, at its satisfies key', () => {
    const [finding] = lint({ 'controls/net.yaml': firewall.replace('[CC6.6]', '[CC6.1]') });
    expect(finding).toMatchObject({ messageId: 'unmapped', file: 'controls/net.yaml', line: 3, column: 1, endLine: 3, endColumn: 10 });
  });

  it('names a removed control and its old file, at the config line that puts the criterion in scope', () => {
    const [finding] = lint({});
    expect(finding).toMatchObject({
      messageId: 'removed',
      message:
        'This change uncovers SOC 2 criterion CC6.6 (Protection against external threats): at `main` it was covered by `NET-01` (controls/net.yaml), which this change removes; expected another implemented control to cover CC6.6 first.',
      file: 'trustlint.config.yaml',
      line: 2,
      column: 3,
    });
  });

  it('does not report a criterion that was already uncovered at the base, or that left the scope', () => {
    const noFirewall = { 'trustlint.config.yaml': config, 'controls/all.yaml': everythingElse };
    expect(lintFiles(noFirewall, { rules: [rule], base: noFirewall }).findings).toEqual([]);
  });

  it('does nothing without a base revision', () => {
    expect(lintFiles({ 'controls/all.yaml': everythingElse }, { rules: [rule] }).findings).toEqual([]);
  });
});
