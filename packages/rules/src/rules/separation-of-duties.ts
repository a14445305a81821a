/**
 * A policy is signed off by an accountable person who is not its owner.
 */
import type { RelatedDescriptor } from '@trustlint/engine';
import { orList, type Owners, type Policy, type Team } from '@trustlint/model';
import { createRule } from '../create-rule.js';
import { activeMembers, isBlank } from '../ownership.js';

export interface Options {
  /** Also report an approver who is a member of the team that owns the policy. */
  forbidTeamMembers: boolean;
}
export type MessageIds = 'sameAsOwner' | 'teamApprover' | 'memberOfOwningTeam';

/** What a team approver should be replaced with: one of its active members other than the owner. */
function personInstead(team: Team, owner: string | undefined, owners: Owners): string {
  const candidates = activeMembers(team, owners).filter((person) => person.id !== owner);
  const listed = candidates.slice(0, 3).map((person) => person.id);
  if (listed.length === 0) return `an active person from ${owners.file.path}`;
  const more = candidates.length > listed.length ? ` (${candidates.length - listed.length} more)` : '';
  return `one of its active members, such as ${orList(listed)}${more}`;
}

function ownerRelated(policy: Policy, owner: string | undefined): RelatedDescriptor[] {
  return owner === undefined ? [] : [{ at: policy.locate(['owner']), message: `The policy's owner is \`${owner}\`.` }];
}

export const rule = createRule<MessageIds, Options>({
  name: 'separation-of-duties',
  meta: {
    type: 'problem',
    docs: {
      description: "Require a policy's approver to be a person other than its owner.",
      category: 'ownership',
    },
    messages: {
      sameAsOwner: 'Unexpected approver `{{approver}}`: the same as the owner, so nobody independent signs off this policy; expected a person other than `{{owner}}`.',
      teamApprover: 'Unexpected approver `{{approver}}`: a team, but an approval needs one accountable person; expected {{expected}}.',
      memberOfOwningTeam:
        'Unexpected approver `{{approver}}`: a member of the owning team `{{owner}}`, so the team signs off its own policy; expected a person outside `{{owner}}`.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        forbidTeamMembers: {
          type: 'boolean',
          description: 'Also report an approver who is a member of the team that owns the policy.',
        },
      },
    },
    defaultOptions: { forbidTeamMembers: false },
    severity: 'error',
    scope: 'file',
  },
  create(context) {
    const { owners } = context.settings;

    const teamOf = (id: string): Team | undefined => {
      const found = owners.find(id);
      return found?.kind === 'team' ? found.team : undefined;
    };

    const isMemberOf = (id: string, team: Team | undefined): boolean => team?.members.some((member) => member.id === id) ?? false;

    const check = (policy: Policy, owner: string | undefined, approver: string): void => {
      const report = (messageId: MessageIds, expected = ''): void => {
        context.report({
          messageId,
          data: { approver, owner: owner ?? '', expected },
          at: policy.locate(['approver']),
          related: ownerRelated(policy, owner),
        });
      };
      const approvingTeam = teamOf(approver);
      if (approver === owner) report('sameAsOwner');
      else if (approvingTeam) report('teamApprover', personInstead(approvingTeam, owner, owners));
      else if (context.options.forbidTeamMembers && owner !== undefined && isMemberOf(approver, teamOf(owner))) report('memberOfOwningTeam');
    };

    return {
      policy(policy) {
        const { owner, approver } = policy;
        if (approver === undefined || isBlank(approver)) return;
        check(policy, owner === undefined || isBlank(owner) ? undefined : owner, approver);
      },
    };
  },
});
