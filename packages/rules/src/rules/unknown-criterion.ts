/**
 * Every criterion a control or policy lists must exist in the versioned
 * catalog of its framework. A near miss says what was probably meant.
 */
import { catalogs, type Catalog } from '@trustlint/catalogs';
import { orList, type CriterionRef, type FrameworkId } from '@trustlint/model';
import { createRule } from '../create-rule.js';
import { closestCriteria, LEGACY_SUCCESSORS_NAMED, legacyIsoSuccessors, suggestionProbe } from '../criteria.js';

export type Options = Record<string, never>;
export type MessageIds = 'unknown' | 'unknownWithSuggestion' | 'whitespace' | 'legacyIso' | 'legacyIsoMany' | 'otherFramework';

const KEYS: Readonly<Record<FrameworkId, string>> = { soc2: 'soc2', iso27001: 'iso27001' };
const NAMES: Readonly<Record<FrameworkId, string>> = { soc2: 'a SOC 2 criterion (TSC 2017)', iso27001: 'an ISO/IEC 27001:2022 Annex A control' };
const EXAMPLES: Readonly<Record<FrameworkId, string>> = { soc2: '`CC6.1`', iso27001: '`A.5.15`' };

export const rule = createRule<MessageIds, Options>({
  name: 'unknown-criterion',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every criterion id in `satisfies` to exist in its framework catalog, suggesting what was probably meant.',
      category: 'criteria',
    },
    messages: {
      unknown: 'Unexpected criterion `{{id}}`: not {{name}}; expected an id such as {{example}}.',
      unknownWithSuggestion: 'Unexpected criterion `{{id}}`: not {{name}}; did you mean {{suggestions}}?',
      whitespace: 'Criterion `{{written}}` has stray whitespace; expected `{{id}}`.',
      legacyIso: '`{{id}}` is ISO/IEC 27001:2013 numbering, but the 2022 catalog applies; expected {{successors}}.',
      legacyIsoMany:
        '`{{id}}` is ISO/IEC 27001:2013 numbering, but the 2022 catalog applies; its controls became {{count}} 2022 controls, such as {{successors}}; expected the 2022 controls this one implements.',
      otherFramework: '`{{id}}` is {{name}} listed under `{{key}}`; expected it under `satisfies.{{expectedKey}}`.',
    },
    schema: undefined,
    defaultOptions: {},
    severity: 'error',
    scope: 'file',
  },
  create(context) {
    const check = (ref: CriterionRef): void => {
      const { framework } = ref;
      if (framework === undefined) return;
      const catalog: Catalog = catalogs[framework];
      if (catalog.canonicalize(ref.id) !== undefined) return;
      const at = ref.location;
      const trimmed = ref.id.trim();
      const canonical = catalog.canonicalize(trimmed);
      if (canonical !== undefined) {
        context.report({ messageId: 'whitespace', data: { written: ref.id, id: canonical }, at });
        return;
      }
      for (const other of ['soc2', 'iso27001'] as const) {
        if (other === framework) continue;
        const id = catalogs[other].canonicalize(trimmed);
        if (id !== undefined && (other !== 'iso27001' || /^A\./i.test(trimmed))) {
          context.report({ messageId: 'otherFramework', data: { id, name: NAMES[other], key: ref.key, expectedKey: KEYS[other] }, at });
          return;
        }
      }
      if (framework === 'iso27001') {
        const successors = legacyIsoSuccessors(trimmed);
        if (successors && successors.length <= LEGACY_SUCCESSORS_NAMED) {
          context.report({ messageId: 'legacyIso', data: { id: trimmed, successors: orList(successors) }, at });
          return;
        }
        if (successors) {
          const named = orList(successors.slice(0, LEGACY_SUCCESSORS_NAMED - 1));
          context.report({ messageId: 'legacyIsoMany', data: { id: trimmed, count: String(successors.length), successors: named }, at });
          return;
        }
      }
      const close = closestCriteria(suggestionProbe(framework, trimmed), catalog.criteria.map((criterion) => criterion.id));
      if (close.length) {
        context.report({ messageId: 'unknownWithSuggestion', data: { id: ref.id, name: NAMES[framework], suggestions: orList(close) }, at });
      } else {
        context.report({ messageId: 'unknown', data: { id: ref.id, name: NAMES[framework], example: EXAMPLES[framework] }, at });
      }
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
      standard(standard) {
        standard.criteria.forEach(check);
      },
    };
  },
});
