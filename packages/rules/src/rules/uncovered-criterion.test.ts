import { describe, expect, it } from 'vitest';
import { iso27001, soc2 } from '@trustlint/catalogs';
import { brief, lintFiles } from '../testing/lint.js';
import { rule } from './uncovered-criterion.js';

const config = 'frameworks:\n  soc2:\n    categories: [security, availability]\n';

/** One implemented control covering every in-scope criterion but those left out. */
function program(leftOut: readonly string[], extra: Record<string, string> = {}) {
  const covered = soc2.criteria
    .filter((criterion) => criterion.category === 'security' || criterion.category === 'availability')
    .map((criterion) => criterion.id)
    .filter((id) => !leftOut.includes(id));
  return { 'trustlint.config.yaml': config, 'controls/all.yaml': `id: ALL\nstatus: implemented\nsatisfies:\n  soc2: [${covered.join(', ')}]\n`, ...extra };
}

describe('uncovered-criterion', () => {
  it('reports nothing when every in-scope criterion has an implemented control', () => {
    expect(lintFiles(program([]), { rules: [rule] }).findings).toEqual([]);
  });

  it('names an uncovered criterion at the config line that puts its category in scope', () => {
    const { findings, coverage } = lintFiles(program(['A1.2']), { rules: [rule] });
    expect(coverage.framework('soc2')?.uncovered).toEqual(['A1.2']);
    expect(findings.map(brief)).toEqual([
      {
        ruleId: 'uncovered-criterion',
        messageId: 'uncovered',
        message: expect.stringMatching(/^In-scope SOC 2 criterion A1\.2 \(.+\) has no implemented control; expected a control with `status: implemented` that lists A1\.2 in `satisfies.soc2`\.$/),
        file: 'trustlint.config.yaml',
        line: 3,
        column: 28,
        endLine: 3,
        endColumn: 40,
      },
    ]);
  });

  it('points a Security criterion at the framework key, since Security is always in scope', () => {
    const [finding] = lintFiles(program(['CC6.1']), { rules: [rule] }).findings;
    expect(finding).toMatchObject({ file: 'trustlint.config.yaml', line: 2, column: 3, endColumn: 7 });
  });

  it('says which controls list a criterion without implementing it', () => {
    const planned = 'id: PL-1\nstatus: planned\nsatisfies: {soc2: [CC6.1]}\n';
    const [finding] = lintFiles(program(['CC6.1'], { 'controls/pl.yaml': planned }), { rules: [rule] }).findings;
    expect(finding?.message).toMatch(/has no implemented control: it is listed only by `PL-1` \(planned\); expected at least one with `status: implemented`\.$/);
  });

  it('reports a partially covered criterion at the partial control status', () => {
    const partial = 'id: PA-1\nstatus: partially-implemented\nsatisfies: {soc2: [CC6.1]}\n';
    const { findings, coverage } = lintFiles(program(['CC6.1'], { 'controls/pa.yaml': partial }), { rules: [rule] });
    expect(coverage.framework('soc2')?.partial).toEqual(['CC6.1']);
    expect(findings.map(brief)).toEqual([
      expect.objectContaining({ messageId: 'partial', file: 'controls/pa.yaml', line: 2, column: 9, endColumn: 30, message: expect.stringContaining('is only partially covered: `PA-1` (partially-implemented)') }),
    ]);
  });

  it('does not require excluded criteria', () => {
    const withExclusion = `${config}exclusions:\n  - criterion: A1.3\n    reason: No recovery site\n    approver: alice\n`;
    const { findings, coverage } = lintFiles({ ...program(['A1.3']), 'trustlint.config.yaml': withExclusion }, { rules: [rule] });
    expect(findings).toEqual([]);
    expect(coverage.framework('soc2')?.excluded).toEqual(['A1.3']);
  });

  it('puts only Security in scope when the program has no config', () => {
    const { coverage } = lintFiles({ 'controls/a.yaml': 'id: X\nstatus: implemented\nsatisfies: {soc2: [CC1.1]}\n' }, { rules: [rule], config: '{}\n' });
    expect(coverage.framework('soc2')?.inScope).toHaveLength(33);
    expect(coverage.framework('soc2')?.covered).toEqual(['CC1.1']);
  });
  it('says when only policies or other documents list a criterion, since they do not implement it', () => {
    const policy = '---\nid: POL-NET\nsatisfies:\n  soc2: [CC6.6]\n---\n# Network Security Policy\n';
    const [finding] = lintFiles(program(['CC6.6'], { 'policies/network.md': policy }), { rules: [rule] }).findings;
    expect(finding).toMatchObject({
      messageId: 'onlyDocuments',
      message:
        'In-scope SOC 2 criterion CC6.6 (Protection against external threats) has no implemented control: it is listed only by policy `POL-NET`, and a document states intent without implementing it; expected a control with `status: implemented` that lists CC6.6 in `satisfies.soc2`.',
    });
  });

  describe('ISO/IEC 27001', () => {
    const isoConfig = 'frameworks:\n  soc2: {}\n  iso27001: {}\n';
    const security = soc2.criteria.filter((criterion) => criterion.category === 'security').map((criterion) => criterion.id);
    /** One control covering SOC 2 Security and every Annex A control but those left out, written without `A.`. */
    function isoProgram(leftOut: readonly string[], extra: Record<string, string> = {}) {
      const annexA = iso27001.criteria.map((criterion) => criterion.id).filter((id) => !leftOut.includes(id)).map((id) => id.slice(2));
      const all = `id: ALL\nstatus: implemented\nsatisfies:\n  soc2: [${security.join(', ')}]\n  iso27001: [${annexA.join(', ')}]\n`;
      return { 'trustlint.config.yaml': isoConfig, 'controls/all.yaml': all, ...extra };
    }

    it('counts Annex A controls written without `A.` under their canonical ids', () => {
      const { findings, coverage } = lintFiles(isoProgram([]), { rules: [rule] });
      expect(findings).toEqual([]);
      expect(coverage.framework('iso27001')?.covered).toHaveLength(93);
      expect(coverage.framework('iso27001')?.covered.slice(0, 2)).toEqual(['A.5.1', 'A.5.2']);
    });

    it('names an uncovered Annex A control at the config key that enables ISO/IEC 27001', () => {
      const { findings, coverage } = lintFiles(isoProgram(['A.8.17']), { rules: [rule] });
      expect(findings.map((finding) => finding.coverageOf)).toEqual(['iso27001']);
      expect(coverage.framework('iso27001')?.uncovered).toEqual(['A.8.17']);
      expect(coverage.framework('soc2')?.uncovered).toEqual([]);
      expect(findings.map(brief)).toEqual([
        {
          ruleId: 'uncovered-criterion',
          messageId: 'uncovered',
          message:
            'In-scope ISO/IEC 27001 criterion A.8.17 (Clock synchronization) has no implemented control; expected a control with `status: implemented` that lists A.8.17 in `satisfies.iso27001`.',
          file: 'trustlint.config.yaml',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 11,
        },
      ]);
    });

    it('says which controls list an Annex A control without implementing it, in any spelling', () => {
      const planned = 'id: NTP-1\nstatus: planned\nsatisfies: {iso27001: ["8.17"]}\n';
      const [finding] = lintFiles(isoProgram(['A.8.17'], { 'controls/ntp.yaml': planned }), { rules: [rule] }).findings;
      expect(finding).toMatchObject({
        messageId: 'notImplemented',
        message:
          'In-scope ISO/IEC 27001 criterion A.8.17 (Clock synchronization) has no implemented control: it is listed only by `NTP-1` (planned); expected at least one with `status: implemented`.',
      });
    });

    it('does not require an Annex A control excluded for ISO/IEC 27001, but still one excluded for SOC 2 only', () => {
      const exclusions = 'exclusions:\n  - framework: iso27001\n    criterion: "7.11"\n    reason: No equipment of our own.\n    approver: alice\n  - criterion: A.8.17\n    reason: Wrong framework.\n    approver: alice\n';
      const files = { ...isoProgram(['A.7.11', 'A.8.17']), 'trustlint.config.yaml': `${isoConfig}${exclusions}` };
      const { findings, coverage } = lintFiles(files, { rules: [rule] });
      expect(coverage.framework('iso27001')?.excluded).toEqual(['A.7.11']);
      expect(findings.map((finding) => finding.message)).toEqual([expect.stringMatching(/^In-scope ISO\/IEC 27001 criterion A\.8\.17 /)]);
    });
  });
});
