/**
 * A control or policy should map only to criteria the program is examined
 * against: criteria of a SOC 2 category or a framework that is not in scope
 * make coverage look broader than it is and mislead the reader. Messages name
 * the criterion in its canonical form (`A.5.15` for `5.15`); the range is
 * where it is written.
 */
import { catalogs } from '@trustlint/catalogs';
import type { CriterionRef } from '@trustlint/model';
import { createRule } from '../create-rule.js';
import { locateInConfig, outOfScope } from '../criteria.js';

export type Options = Record<string, never>;
export type MessageIds = 'category' | 'framework';

export const rule = createRule<MessageIds, Options>({
  name: 'criterion-out-of-scope',
  meta: {
    type: 'problem',
    docs: {
      description: 'Report criteria in `satisfies` that belong to a category or framework the config does not put in scope.',
      category: 'criteria',
    },
    messages: {
      category:
        'Unexpected criterion `{{id}}`: it belongs to {{belongsTo}}, a category not in scope (in scope: {{inScope}}); expected a criterion of an in-scope category, or {{fix}}.',
      framework:
        'Unexpected criterion `{{id}}`: it belongs to {{belongsTo}}, a framework not in scope (in scope: {{inScope}}); expected a criterion of an in-scope framework, or {{fix}}.',
    },
    schema: undefined,
    defaultOptions: {},
    severity: 'warning',
    scope: 'file',
  },
  create(context) {
    const { config } = context.settings;
    const check = (ref: CriterionRef): void => {
      if (ref.framework === undefined) return;
      const id = catalogs[ref.framework].canonicalize(ref.id);
      if (id === undefined) return;
      const out = outOfScope(config, ref.framework, id);
      if (out === undefined) return;
      context.report({
        messageId: out.reason,
        data: { id, belongsTo: out.belongsTo, inScope: out.inScope, fix: out.fix },
        at: ref.location,
        ...(config.file ? { related: [{ at: locateInConfig(config, out.setting.path), message: out.setting.note }] } : {}),
      });
    };
    return {
      control(control) {
        control.satisfies.forEach(check);
      },
      policy(policy) {
        policy.satisfies.forEach(check);
      },
      document(document) {
        document.satisfies.forEach(check);
      },
    };
  },
});
