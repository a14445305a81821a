import { readFileSync } from 'node:fs';
import type { AnyRule } from '@trustlint/engine';
import { rule as baseline } from './rules/baseline.js';
import { rule as brokenLink } from './rules/broken-link.js';
import { rule as codeownersMismatch } from './rules/codeowners-mismatch.js';
import { rule as coverageRegression } from './rules/coverage-regression.js';
import { rule as criterionOutOfScope } from './rules/criterion-out-of-scope.js';
import { rule as duplicateId } from './rules/duplicate-id.js';
import { rule as evidenceDate } from './rules/evidence-date.js';
import { rule as evidenceMissing } from './rules/evidence-missing.js';
import { rule as exclusionIncomplete } from './rules/exclusion-incomplete.js';
import { rule as ownerInactive } from './rules/owner-inactive.js';
import { rule as ownerMissing } from './rules/owner-missing.js';
import { rule as ownerUnknown } from './rules/owner-unknown.js';
import { rule as requiredSections } from './rules/required-sections.js';
import { rule as reviewOverdue } from './rules/review-overdue.js';
import { rule as schema } from './rules/schema.js';
import { rule as separationOfDuties } from './rules/separation-of-duties.js';
import { rule as soc2CertificationLanguage } from './rules/soc2-certification-language.js';
import { rule as suppression } from './rules/suppression.js';
import { rule as syntax } from './rules/syntax.js';
import { rule as uncoveredCriterion } from './rules/uncovered-criterion.js';
import { rule as unknownCriterion } from './rules/unknown-criterion.js';
import { rule as unknownReference } from './rules/unknown-reference.js';
import { rule as unmapped } from './rules/unmapped.js';
import { rule as versionNotBumped } from './rules/version-not-bumped.js';

export { RULE_DOCS_BASE } from './create-rule.js';

/** Every built-in rule, in the order `trustlint rules` lists them. */
export const rules: readonly AnyRule[] = [
  syntax,
  schema,
  unknownCriterion,
  criterionOutOfScope,
  uncoveredCriterion,
  coverageRegression,
  exclusionIncomplete,
  ownerMissing,
  ownerUnknown,
  ownerInactive,
  separationOfDuties,
  codeownersMismatch,
  duplicateId,
  unknownReference,
  unmapped,
  brokenLink,
  reviewOverdue,
  requiredSections,
  versionNotBumped,
  evidenceMissing,
  evidenceDate,
  soc2CertificationLanguage,
  suppression,
  baseline,
];

/** A built-in rule by name. */
export function getRule(name: string): AnyRule | undefined {
  return rules.find((rule) => rule.name === name);
}

/**
 * A rule's docs page (Markdown). Pages live in `docs/` beside the package's
 * code; a bundle that inlines this package ships them beside itself the same way.
 */
export function ruleDocs(name: string): string | undefined {
  if (getRule(name) === undefined) return undefined;
  return readFileSync(new URL(`../docs/${name}.md`, import.meta.url), 'utf8');
}
