import { iso27001, soc2 } from '@trustlint/catalogs';
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

  describe('ISO/IEC 27001', () => {
    const isoConfig = 'frameworks:\n  soc2:\n    categories: [security]\n  iso27001: {}\n';
    const annexA = iso27001.criteria.filter((c) => c.id !== 'A.8.20').map((c) => c.id);
    const rest = `id: ALL\nstatus: implemented\nsatisfies:\n  soc2: [${others.join(', ')}]\n  iso27001: [${annexA.join(', ')}]\n`;
    /** One control mapped to both frameworks, the Annex A control written without `A.`. */
    const network = 'id: NET-01\nstatus: implemented\nsatisfies:\n  soc2: [CC6.6]\n  iso27001: ["8.20"]\n';
    const isoBase = { 'trustlint.config.yaml': isoConfig, 'controls/all.yaml': rest, 'controls/net.yaml': network };
    const lintIso = (files: Record<string, string>) =>
      lintFiles({ 'trustlint.config.yaml': isoConfig, 'controls/all.yaml': rest, ...files }, { rules: [rule], base: isoBase }).findings.map(brief);

    it('reports nothing while the Annex A control is still covered, in any spelling', () => {
      expect(lintIso({ 'controls/net.yaml': network })).toEqual([]);
      expect(lintIso({ 'controls/net.yaml': network.replace('"8.20"', 'A.8.20') })).toEqual([]);
    });

    it('reports an Annex A control that a remapping uncovers, at the satisfies key', () => {
      expect(lintIso({ 'controls/net.yaml': network.replace('"8.20"', 'A.8.21') })).toEqual([
        {
          ruleId: 'coverage-regression',
          messageId: 'unmapped',
          message:
            'This change uncovers ISO/IEC 27001 criterion A.8.20 (Network security): at `main` it was covered by `NET-01`, which no longer lists it in `satisfies`; expected A.8.20 kept, or another implemented control to cover it.',
          file: 'controls/net.yaml',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 10,
        },
      ]);
    });

    it('reports each framework a status change uncovers, at the control status', () => {
      const findings = lintIso({ 'controls/net.yaml': network.replace('status: implemented', 'status: partially-implemented') });
      expect(findings).toEqual([
        expect.objectContaining({ messageId: 'statusChanged', line: 2, column: 9, endLine: 2, endColumn: 30, message: expect.stringMatching(/^This change uncovers ISO\/IEC 27001 criterion A\.8\.20 \(Network security\): .* now `partially-implemented`/) }),
        expect.objectContaining({ messageId: 'statusChanged', line: 2, column: 9, endLine: 2, endColumn: 30, message: expect.stringMatching(/^This change uncovers SOC 2 criterion CC6\.6 /) }),
      ]);
    });

    it('says which framework each regression uncovers, so that a gate can leave out frameworks it does not require', () => {
      const changed = { 'trustlint.config.yaml': isoConfig, 'controls/all.yaml': rest, 'controls/net.yaml': network.replace('status: implemented', 'status: planned') };
      const { findings } = lintFiles(changed, { rules: [rule], base: isoBase });
      expect(findings.map((finding) => [finding.message.slice(0, 40), finding.coverageOf])).toEqual([
        ['This change uncovers ISO/IEC 27001 crite', 'iso27001'],
        ['This change uncovers SOC 2 criterion CC6', 'soc2'],
      ]);
    });

    it('names a removed control at the config key that enables ISO/IEC 27001', () => {
      const findings = lintIso({});
      expect(findings.find((finding) => finding.message.includes('A.8.20'))).toEqual({
        ruleId: 'coverage-regression',
        messageId: 'removed',
        message:
          'This change uncovers ISO/IEC 27001 criterion A.8.20 (Network security): at `main` it was covered by `NET-01` (controls/net.yaml), which this change removes; expected another implemented control to cover A.8.20 first.',
        file: 'trustlint.config.yaml',
        line: 4,
        column: 3,
        endLine: 4,
        endColumn: 11,
      });
    });

    it('does not report an Annex A control when ISO/IEC 27001 was not enabled at the base', () => {
      const soc2Only = { ...isoBase, 'trustlint.config.yaml': config };
      const files = { 'trustlint.config.yaml': isoConfig, 'controls/all.yaml': rest, 'controls/net.yaml': network.replace('"8.20"', 'A.8.21') };
      expect(lintFiles(files, { rules: [rule], base: soc2Only }).findings).toEqual([]);
    });
  });
});
