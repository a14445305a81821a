/**
 * Owners and approvers must be people or teams listed in the owners file.
 */
import type { Location } from '@trustlint/model';
import { createRule } from '../create-rule.js';
import { expectedId } from '../wording.js';

export type Options = Record<string, never>;
export type MessageIds = 'unknown' | 'noOwnersFile';

export const rule = createRule<MessageIds, Options>({
  name: 'owner-unknown',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every owner and approver to be a person or team listed in the owners file.',
      category: 'ownership',
    },
    messages: {
      unknown: 'Unexpected {{role}} `{{id}}`: not in {{ownersFile}}; expected {{expected}}.',
      noOwnersFile: 'Unexpected {{role}} `{{id}}`: there is no owners file ({{ownersFile}}) to find it in; expected a person or team listed there.',
    },
    schema: undefined,
    defaultOptions: {},
    severity: 'error',
    scope: 'file',
  },
  create(context) {
    const { owners } = context.settings;
    const known = [...owners.people.keys(), ...owners.teams.keys()];
    const people = [...owners.people.keys()];
    const check = (role: string, id: string | undefined, at: Location, peopleOnly = false): void => {
      if (id === undefined || id.trim() === '') return;
      if (peopleOnly ? owners.people.has(id) : owners.find(id)) return;
      const candidates = peopleOnly ? people : known;
      const data = { role, id, ownersFile: owners.file.path };
      if (!owners.exists) {
        context.report({ messageId: 'noOwnersFile', data, at });
        return;
      }
      const expected = expectedId(id, candidates, { noun: peopleOnly ? 'a person' : 'a person or team', none: `${owners.file.path} lists none` });
      context.report({ messageId: 'unknown', data: { ...data, expected }, at });
    };
    return {
      policy(policy) {
        check('owner', policy.owner, policy.locate(['owner']));
        check('approver', policy.approver, policy.locate(['approver']));
      },
      control(control) {
        check('owner', control.owner, control.locate(['owner']));
      },
      owners(file) {
        for (const team of file.teams.values()) {
          for (const member of team.members) check('team member', member.id, member.location, true);
        }
      },
    };
  },
});
