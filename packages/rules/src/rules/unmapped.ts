/**
 * A control or policy that maps to no criterion contributes nothing an
 * auditor can trace: every one must list at least one criterion, unless the
 * control is not applicable or the policy is retired.
 */
import type { Config, Control, Located, Policy } from '@trustlint/model';
import { createRule } from '../create-rule.js';
import { nameOf } from '../wording.js';

export type Options = Record<string, never>;
export type MessageIds = 'missing' | 'empty';

/** Whether a `satisfies` value lists at least one criterion id under a framework key. */
function mapsToCriterion(entity: Control | Policy): boolean {
  return entity.satisfies.some((ref) => ref.framework !== undefined && ref.id.trim() !== '');
}

/** The `satisfies` value: absent, a mapping (or left empty), or a shape the schema rule reports. */
function satisfiesShape(entity: Located): 'absent' | 'mapping' | 'other' {
  const value: unknown = typeof entity.value === 'object' && entity.value !== null ? (entity.value as Record<string, unknown>).satisfies : undefined;
  if (value === undefined) return 'absent';
  return value === null || (typeof value === 'object' && !Array.isArray(value)) ? 'mapping' : 'other';
}

/** An example of a mapping for the first framework in scope. */
function example(config: Config): string {
  return config.frameworks.soc2 || !config.frameworks.iso27001 ? '`soc2: [CC6.1]`' : '`iso27001: [A.5.15]`';
}

export const rule = createRule<MessageIds, Options>({
  name: 'unmapped',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every control and policy to map to at least one criterion, unless the control is not applicable or the policy retired.',
      category: 'references',
    },
    messages: {
      missing: '{{kind}} {{name}} maps to no criterion: it has no `satisfies`; expected `satisfies` with at least one criterion id, such as {{example}}, or `status: {{exempt}}`.',
      empty: '{{kind}} {{name}} maps to no criterion: its `satisfies` lists no criterion id under a framework key; expected at least one, such as {{example}}, or `status: {{exempt}}`.',
    },
    schema: undefined,
    defaultOptions: {},
    severity: 'error',
    scope: 'file',
  },
  create(context) {
    const check = (entity: Control | Policy, kind: 'Control' | 'Policy', exempt: string): void => {
      if (entity.node === null || mapsToCriterion(entity)) return;
      const shape = satisfiesShape(entity);
      if (shape === 'other') return;
      const data = { kind, name: nameOf(entity.id), example: example(context.settings.config), exempt };
      if (shape === 'absent') context.report({ messageId: 'missing', data, at: entity.locate() });
      else context.report({ messageId: 'empty', data, at: entity.locate(['satisfies'], 'key') });
    };
    return {
      control(control) {
        if (control.status !== 'not-applicable') check(control, 'Control', 'not-applicable');
      },
      policy(policy) {
        if (policy.status !== 'retired') check(policy, 'Policy', 'retired');
      },
    };
  },
});
