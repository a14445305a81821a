/**
 * References by id between documents must resolve: a control's `policies`
 * name existing policies, an evidence log's `control` names an existing
 * control, and an implemented control does not rest on a retired policy.
 */
import type { Control, IdRef, Policy } from '@trustlint/model';
import { createRule } from '../create-rule.js';
import { expectedId, nameOf } from '../wording.js';

export type Options = Record<string, never>;
export type MessageIds = 'unknownPolicy' | 'unknownControl' | 'retiredPolicy';

/** The first entity of each id (a repeated id is `duplicate-id`'s finding). */
function byId<T extends Control | Policy>(entities: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const entity of entities) if (entity.id !== undefined && !map.has(entity.id)) map.set(entity.id, entity);
  return map;
}

/** A reference worth resolving: blank ids are the schema rule's finding. */
function named(ref: IdRef | undefined): ref is IdRef {
  return ref !== undefined && ref.id.trim() !== '';
}

export const rule = createRule<MessageIds, Options>({
  name: 'unknown-reference',
  meta: {
    type: 'problem',
    docs: {
      description: "Require a control's `policies` and an evidence log's `control` to name existing documents, and implemented controls to implement policies that are not retired.",
      category: 'references',
    },
    messages: {
      unknownPolicy: 'Unexpected policy `{{id}}` in `policies`: no policy has this id; expected {{expected}}.',
      unknownControl: 'Unexpected control `{{id}}` in an evidence log: no control has this id; expected {{expected}}.',
      retiredPolicy:
        'Implemented control {{control}} references `{{id}}`, a retired policy; expected it to implement a current policy: replace or remove the reference, or reinstate the policy.',
    },
    schema: undefined,
    defaultOptions: {},
    severity: 'error',
    scope: 'program',
    factsOnly: true,
  },
  create(context) {
    const { program } = context;
    const policies = byId(program.policies);
    const controls = byId(program.controls);
    for (const control of program.controls) {
      for (const ref of control.policies.filter(named)) {
        const policy = policies.get(ref.id);
        if (policy === undefined) {
          const expected = expectedId(ref.id, [...policies.keys()], { noun: 'the id of a policy', none: 'the program has none' });
          context.report({ messageId: 'unknownPolicy', data: { id: ref.id, expected }, at: ref.location });
        } else if (policy.status === 'retired' && control.status === 'implemented') {
          context.report({
            messageId: 'retiredPolicy',
            data: { control: nameOf(control.id), id: ref.id },
            at: ref.location,
            related: [{ at: policy.locate(['status']), message: `\`${ref.id}\` is retired here.` }],
          });
        }
      }
    }
    for (const log of program.evidence) {
      if (!named(log.control) || controls.has(log.control.id)) continue;
      const expected = expectedId(log.control.id, [...controls.keys()], { noun: 'the id of a control', none: 'the program has none' });
      context.report({ messageId: 'unknownControl', data: { id: log.control.id, expected }, at: log.control.location });
    }
  },
});
