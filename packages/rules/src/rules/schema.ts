/**
 * Each file against its JSON Schema, with every violation at the exact key or
 * value and said in plain words.
 */
import { SCHEMA_MESSAGES, validate, type Located, type SchemaMessageId, type SchemaViolation, type ValidatorName } from '@trustlint/model';
import { createRule } from '../create-rule.js';

/**
 * Required keys whose absence a dedicated rule reports with a better
 * message (and a severity of its own), so that it is not reported twice.
 */
export const DELEGATED_KEYS: Readonly<Partial<Record<ValidatorName, Readonly<Record<string, string>>>>> = {
  control: { owner: 'owner-missing', satisfies: 'unmapped' },
  policy: { owner: 'owner-missing', approver: 'owner-missing', satisfies: 'unmapped' },
};

export type Options = Record<string, never>;
export type MessageIds = SchemaMessageId;

export const rule = createRule<MessageIds, Options>({
  name: 'schema',
  meta: {
    type: 'problem',
    docs: {
      description: 'Check controls, policy front matter, owners and evidence against their JSON Schemas.',
      category: 'syntax',
    },
    messages: SCHEMA_MESSAGES,
    schema: undefined,
    defaultOptions: {},
    severity: 'error',
    scope: 'file',
  },
  create(context) {
    const check = (name: ValidatorName, entity: Located): void => {
      const delegated = DELEGATED_KEYS[name] ?? {};
      const fields = (typeof entity.value === 'object' && entity.value !== null ? entity.value : {}) as Record<string, unknown>;
      /** A missing or empty delegated key is the delegate's to report (as missing or empty). */
      const isDelegated = (violation: SchemaViolation): boolean => {
        if (violation.keyword === 'required') return violation.data.key !== undefined && delegated[violation.data.key] !== undefined;
        const [key, ...rest] = violation.path;
        if (rest.length > 0 || typeof key !== 'string' || delegated[key] === undefined) return false;
        const value = fields[key];
        return value === null || (typeof value === 'string' && value.trim() === '') || (typeof value === 'object' && Object.keys(value).length === 0);
      };
      for (const violation of validate(name, entity.value)) {
        if (isDelegated(violation)) continue;
        context.report({ messageId: violation.messageId, data: violation.data, at: entity.locate(violation.path, violation.target) });
      }
    };
    return {
      control(control) {
        check('control', control);
      },
      policy(policy) {
        if (policy.node !== null && policy.dialect === 'trustlint') check('policy', policy);
      },
      owners(owners) {
        if (owners.node !== null) check('owners', owners);
      },
      evidence(log) {
        check('evidence', log);
      },
    };
  },
});
