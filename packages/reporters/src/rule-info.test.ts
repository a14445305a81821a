import { describe, expect, it } from 'vitest';
import { finding, RULES } from './__fixtures__/reports.js';
import { reportRules } from './rule-info.js';

describe('reportRules', () => {
  it('lists the rules of the run in order, then rules known only from findings', () => {
    const findings = [
      finding({ ruleId: 'plugin-b', severity: 'warning', url: 'https://plugins.example/b' }),
      finding({ ruleId: 'review-overdue' }),
      finding({ ruleId: 'plugin-a', severity: 'info', url: 'https://plugins.example/a' }),
      finding({ ruleId: 'plugin-b', severity: 'error', url: 'https://plugins.example/other' }),
    ];
    const rules = reportRules({ rules: RULES, findings });
    expect(rules.map((rule) => rule.id)).toEqual([...RULES.map((rule) => rule.id), 'plugin-b', 'plugin-a']);
    expect(rules.slice(0, RULES.length)).toEqual(RULES);
    expect(rules.at(-2)).toEqual({ id: 'plugin-b', description: '', category: '', severity: 'warning', url: 'https://plugins.example/b', type: 'problem' });
  });

  it('knows only the rules with findings when the report lists none, and lists each rule once', () => {
    expect(reportRules({ findings: [finding({ ruleId: 'syntax' }), finding({ ruleId: 'syntax' })] }).map((rule) => rule.id)).toEqual(['syntax']);
    expect(reportRules({ rules: [RULES[0]!, RULES[0]!], findings: [] })).toEqual([RULES[0]]);
    expect(reportRules({ findings: [] })).toEqual([]);
  });
});
