/**
 * Every policy and control names an accountable owner, and every policy an
 * approver who signs off each version.
 */
import { createRule } from '../create-rule.js';
import { describeOwned, fieldsOf, isBlank, rolesOf, type Owned, type Role } from '../ownership.js';

export type Options = Record<string, never>;
export type MessageIds = 'missingOwner' | 'emptyOwner' | 'missingApprover' | 'emptyApprover';

const MESSAGE_IDS: Readonly<Record<Role, { missing: MessageIds; empty: MessageIds }>> = {
  owner: { missing: 'missingOwner', empty: 'emptyOwner' },
  approver: { missing: 'missingApprover', empty: 'emptyApprover' },
};

export const rule = createRule<MessageIds, Options>({
  name: 'owner-missing',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every policy and control to name an owner, and every policy an approver.',
      category: 'ownership',
    },
    messages: {
      missingOwner:
        'Missing `owner` for {{what}}: every policy and control needs one accountable owner; expected the id of a person or team from {{ownersFile}}.',
      emptyOwner:
        'Empty `owner` for {{what}}: every policy and control needs one accountable owner; expected the id of a person or team from {{ownersFile}}.',
      missingApprover:
        'Missing `approver` for {{what}}: each version needs a person who signs it off; expected the id of a person from {{ownersFile}} other than the owner.',
      emptyApprover:
        'Empty `approver` for {{what}}: each version needs a person who signs it off; expected the id of a person from {{ownersFile}} other than the owner.',
    },
    schema: undefined,
    defaultOptions: {},
    severity: 'error',
    scope: 'file',
  },
  create(context) {
    const ownersFile = context.settings.owners.file.path;
    const check = (entity: Owned): void => {
      // Front matter that did not parse as a mapping is the syntax and schema rules' business.
      const fields = fieldsOf(entity);
      if (fields === undefined) return;
      const data = { what: describeOwned(entity), ownersFile };
      for (const role of rolesOf(entity)) {
        if (!Object.hasOwn(fields, role)) {
          context.report({ messageId: MESSAGE_IDS[role].missing, data, at: entity.locate([]) });
        } else if (isBlank(fields[role])) {
          context.report({ messageId: MESSAGE_IDS[role].empty, data, at: entity.locate([role], 'key') });
        }
      }
    };
    return { policy: check, control: check };
  },
});
