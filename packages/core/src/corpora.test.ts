/**
 * The rules over real policy sets that nobody here wrote. What they must
 * report is pinned: the template's real defects, each at its exact place,
 * and nothing else.
 */
import { corpus, TODAY } from '@trustlint/test-support';
import { describe, expect, it } from 'vitest';
import { lint } from './lint.js';

function countByRule(findings: readonly { ruleId: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { ruleId } of findings) counts[ruleId] = (counts[ruleId] ?? 0) + 1;
  return counts;
}

describe('the strongdm/comply SOC 2 template, linted as it is with no config', () => {
  const dir = corpus('comply-soc2');
  const result = lint({ cwd: dir, dir, today: TODAY, baseline: false });
  const policies = result.program.policies;

  it('reads its 27 policies, 5 narratives, 4 procedures and its standard as they are, with no syntax or schema problems', () => {
    expect(policies).toHaveLength(27);
    expect(policies.every((policy) => policy.dialect === 'comply' && policy.satisfies.length > 0)).toBe(true);
    expect(result.program.documents.map((document) => `${document.role} ${document.id ?? '?'}`).sort()).toEqual([
      'narrative CEN',
      'narrative ON',
      'narrative PSN',
      'narrative SAN',
      'narrative SEN',
      'procedure offboard',
      'procedure onboard',
      'procedure patch',
      'procedure workstation',
    ]);
    expect(result.program.standards.map((standard) => [standard.name, standard.criteria.length])).toEqual([['TSC', 61]]);
    expect(result.findings.filter((f) => f.ruleId === 'syntax' || f.ruleId === 'schema')).toEqual([]);
  });

  it('puts in scope the categories its documents map criteria to', () => {
    expect(result.config.frameworks.soc2?.categories).toEqual(['security', 'availability', 'processing-integrity', 'confidentiality', 'privacy']);
    expect(result.findings.filter((f) => f.ruleId === 'criterion-out-of-scope')).toEqual([]);
  });

  it('reports the invented criterion CC9.9 in the five policies that list it, at the exact place', () => {
    expect(result.findings.filter((f) => f.ruleId === 'unknown-criterion').map((f) => `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message}`)).toEqual(
      ['classification', 'encryption', 'information', 'password', 'policy'].map(
        (name) => `policies/${name}.md:5:7-5:12 Unexpected criterion \`CC9.9\`: not a SOC 2 criterion (TSC 2017); did you mean \`CC9.1\` or \`CC9.2\`?`,
      ),
    );
  });

  it('reports that no policy has an owner or an approver', () => {
    const missing = result.findings.filter((f) => f.ruleId === 'owner-missing');
    expect(missing).toHaveLength(2 * policies.length);
    expect(new Set(missing.map((f) => f.file)).size).toBe(policies.length);
    expect(missing.filter((f) => /^Missing `owner` for policy `\w+`: every policy and control needs one accountable owner/.test(f.message))).toHaveLength(policies.length);
    expect(missing.filter((f) => /^Missing `approver` for policy `\w+`: each version needs a person who signs it off/.test(f.message))).toHaveLength(policies.length);
  });

  it('reports the policies that have no Policy section', () => {
    expect(result.findings.filter((f) => f.ruleId === 'required-sections').map((f) => f.file)).toEqual(
      expect.arrayContaining(['policies/conduct.md', 'policies/cyber.md']),
    );
    for (const finding of result.findings.filter((f) => f.ruleId === 'required-sections')) {
      expect(finding.message).toMatch(/^Missing required section `(Purpose|Scope|Policy)`/);
    }
  });

  it('reports every criterion as uncovered, since the template has documents but no controls, naming the documents that list it', () => {
    expect(result.coverage.framework('soc2')?.uncovered).toHaveLength(61);
    expect(result.program.controls).toEqual([]);
    const cc61 = result.findings.find((f) => f.ruleId === 'uncovered-criterion' && f.message.includes(' CC6.1 '));
    expect(cc61?.message).toMatch(/^In-scope SOC 2 criterion CC6\.1 \(.*\) has no implemented control: it is listed only by policy `AOTP`.*a document states intent without implementing it/);
  });

  it('reports nothing else', () => {
    expect(Object.keys(countByRule(result.findings)).sort()).toEqual(['owner-missing', 'required-sections', 'uncovered-criterion', 'unknown-criterion']);
  });
});

describe('the Tailscale security policies (a Hugo site), linted as they are with no config', () => {
  const dir = corpus('tailscale-security-policies');
  const result = lint({ cwd: dir, dir, today: TODAY, baseline: false });

  it('reads the 14 pages marked `policy: true` as policies, with Hugo keys for their metadata', () => {
    expect(result.program.policies).toHaveLength(14);
    expect(result.program.policies.every((policy) => policy.dialect === 'hugo' && policy.id !== undefined && policy.lastReviewed !== undefined)).toBe(true);
    expect(result.program.documents.map((document) => document.file.path).sort()).toEqual(['_index.md', 'overview.md']);
  });

  it('reports what a program that was never linted lacks: owners, approvers and criteria', () => {
    const counts = countByRule(result.findings);
    expect(counts['owner-missing']).toBe(28);
    expect(counts.unmapped).toBe(14);
    expect(counts['uncovered-criterion']).toBe(33);
    expect(result.findings.filter((f) => f.ruleId === 'syntax' || f.ruleId === 'schema' || f.ruleId === 'broken-link')).toEqual([]);
    for (const finding of result.findings) expect(finding.line).toBeGreaterThanOrEqual(1);
  });
});
