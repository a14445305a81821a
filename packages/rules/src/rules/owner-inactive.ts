/**
 * Owners and approvers must be able to act: a person who is still active, or
 * a team with at least one active person among its members.
 */
import type { Person, Team } from '@trustlint/model';
import { createRule } from '../create-rule.js';
import { assignments, memberStates, type Assignment, type MemberState, type Role } from '../ownership.js';
import { codeList } from '../wording.js';

export type Options = Record<string, never>;
export type MessageIds = 'inactivePerson' | 'inactiveTeam' | 'emptyTeam';

const EXPECTED: Readonly<Record<Role, string>> = {
  owner: 'an active person, or a team with an active member',
  approver: 'an active person',
};

/** `` `a` is inactive; `b` and `c` are not people in owners.yaml `` */
function describeMembers(states: readonly { id: string; state: MemberState }[], ownersFile: string): string {
  const idsIn = (wanted: MemberState) => states.filter(({ state }) => state === wanted).map(({ id }) => id);
  const inactive = idsIn('inactive');
  const unlisted = idsIn('unlisted');
  return [
    inactive.length ? `${codeList(inactive)} ${inactive.length > 1 ? 'are' : 'is'} inactive` : '',
    unlisted.length ? `${codeList(unlisted)} ${unlisted.length > 1 ? 'are not people' : 'is not a person'} in ${ownersFile}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

export const rule = createRule<MessageIds, Options>({
  name: 'owner-inactive',
  meta: {
    type: 'problem',
    docs: {
      description: 'Report owners and approvers who are inactive people, or teams without an active member.',
      category: 'ownership',
    },
    messages: {
      inactivePerson:
        'Unexpected {{role}} `{{id}}`: marked `active: false` in {{ownersFile}} (left the company or changed role); expected {{expected}}.',
      inactiveTeam: 'Unexpected {{role}} `{{id}}`: the team has no active member ({{members}}); expected {{expected}}.',
      emptyTeam: 'Unexpected {{role}} `{{id}}`: the team has no members; expected {{expected}}.',
    },
    schema: undefined,
    defaultOptions: {},
    severity: 'error',
    scope: 'file',
  },
  create(context) {
    const { owners } = context.settings;
    const dataOf = ({ role, id }: Assignment) => ({ role, id, ownersFile: owners.file.path, expected: EXPECTED[role] });

    const checkPerson = (assignment: Assignment, person: Person): void => {
      if (person.active) return;
      context.report({
        messageId: 'inactivePerson',
        data: dataOf(assignment),
        at: assignment.at,
        related: [{ at: person.location, message: `\`${person.id}\` is listed here with \`active: false\`.` }],
      });
    };

    const checkTeam = (assignment: Assignment, team: Team): void => {
      const states = memberStates(team, owners);
      if (states.some(({ state }) => state === 'active')) return;
      context.report({
        messageId: states.length ? 'inactiveTeam' : 'emptyTeam',
        data: { ...dataOf(assignment), members: describeMembers(states, owners.file.path) },
        at: assignment.at,
        related: [{ at: team.location, message: `Team \`${team.id}\` is defined here.` }],
      });
    };

    const check = (assignment: Assignment): void => {
      // An id that is not listed at all is owner-unknown's business.
      const found = owners.find(assignment.id);
      if (found?.kind === 'person') checkPerson(assignment, found.person);
      else if (found?.kind === 'team') checkTeam(assignment, found.team);
    };

    return {
      policy(policy) {
        assignments(policy).forEach(check);
      },
      control(control) {
        assignments(control).forEach(check);
      },
    };
  },
});
