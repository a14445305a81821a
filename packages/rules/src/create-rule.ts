import { RuleCreator } from '@trustlint/engine';

/** Where rule docs are published; each rule's page is `<name>.md` there. */
export const RULE_DOCS_BASE = 'https://github.com/trustlint/trustlint/blob/main/packages/rules/docs/';

export const createRule = RuleCreator((name) => `${RULE_DOCS_BASE}${name}.md`);
