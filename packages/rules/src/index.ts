import type { AnyRule } from '@trustlint/engine';
import { rule as ownerUnknown } from './rules/owner-unknown.js';
import { rule as schema } from './rules/schema.js';
import { rule as syntax } from './rules/syntax.js';
import { rule as uncoveredCriterion } from './rules/uncovered-criterion.js';
import { rule as unknownCriterion } from './rules/unknown-criterion.js';

export { RULE_DOCS_BASE } from './create-rule.js';

/** Every built-in rule, in the order `trustlint rules` lists them. */
export const rules: readonly AnyRule[] = [syntax, schema, unknownCriterion, uncoveredCriterion, ownerUnknown];

/** A built-in rule by name. */
export function getRule(name: string): AnyRule | undefined {
  return rules.find((rule) => rule.name === name);
}
