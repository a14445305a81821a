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

  it('reads its 27 policies through their comply headers, with no syntax or schema problems', () => {
    expect(policies).toHaveLength(27);
    expect(policies.every((policy) => policy.dialect === 'comply' && policy.satisfies.length > 0)).toBe(true);
    expect(result.findings.filter((f) => f.ruleId === 'syntax' || f.ruleId === 'schema')).toEqual([]);
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

  it('reports every Security criterion as uncovered, since the template has policies but no controls', () => {
    expect(result.coverage.framework('soc2')?.uncovered).toHaveLength(33);
    expect(result.program.controls).toEqual([]);
  });

  it('reports criteria of categories not in scope with the defaults (Security only), and nothing else', () => {
    expect(result.findings.filter((f) => f.ruleId === 'criterion-out-of-scope').every((f) => /^Unexpected criterion `(A|C|PI|P)\d/.test(f.message))).toBe(true);
    expect(Object.keys(countByRule(result.findings)).sort()).toEqual([
      'criterion-out-of-scope',
      'owner-missing',
      'required-sections',
      'uncovered-criterion',
      'unknown-criterion',
    ]);
  });
});

describe('the Tailscale security policies, linted as they are with no config', () => {
  const dir = corpus('tailscale-security-policies');

  it('lints without crashing and reports what a never-linted program lacks', () => {
    const result = lint({ cwd: dir, dir, today: TODAY, baseline: false });
    expect(result.summary.errors).toBeGreaterThan(0);
    for (const finding of result.findings) {
      expect(finding.line).toBeGreaterThanOrEqual(1);
      expect(finding.column).toBeGreaterThanOrEqual(1);
    }
  });
});
