/**
 * The rules a report speaks about: those the run applied (`report.rules`, in
 * registry order), then every other rule that has findings, in the order of
 * its first finding. A rule the report does not describe is known only by
 * what its findings carry: its id, its docs url and the severity of its first
 * finding; its description and category are empty.
 */
import type { Report, RuleInfo } from './report.js';

export function reportRules(report: Pick<Report, 'rules' | 'findings'>): RuleInfo[] {
  const byId = new Map<string, RuleInfo>();
  for (const rule of report.rules ?? []) {
    if (!byId.has(rule.id)) byId.set(rule.id, rule);
  }
  for (const finding of report.findings) {
    if (byId.has(finding.ruleId)) continue;
    byId.set(finding.ruleId, { id: finding.ruleId, description: '', category: '', severity: finding.severity, url: finding.url, type: 'problem' });
  }
  return [...byId.values()];
}
