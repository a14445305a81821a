/**
 * Who owns and approves what: the `owner` of policies and controls, the
 * `approver` of policies, and what the owners file says about the people and
 * teams they name. The words and lookups every ownership rule shares.
 */
import type { Control, Location, Owners, Person, Policy, Team } from '@trustlint/model';

/** Something that has an owner. */
export type Owned = Policy | Control;

export type Role = 'owner' | 'approver';

/** An owner or approver as written, where it is written. */
export interface Assignment {
  role: Role;
  id: string;
  at: Location;
}

/** The fields an entity was written with, when it was written as a mapping. */
export function fieldsOf(entity: Owned): Readonly<Record<string, unknown>> | undefined {
  const { value } = entity;
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Whether a field's value names nobody: nothing, or a string of nothing but spaces. */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** The roles an entity must fill: a policy's owner and approver, a control's owner. */
export function rolesOf(entity: Owned): readonly Role[] {
  return entity.kind === 'policy' ? ['owner', 'approver'] : ['owner'];
}

/** How messages name an entity: control `AC-01`, or `this control` when it has no id. */
export function describeOwned(entity: Owned): string {
  return entity.id === undefined || isBlank(entity.id) ? `this ${entity.kind}` : `${entity.kind} \`${entity.id}\``;
}

/** The entity's owner (and, for a policy, its approver), each when it names somebody. */
export function assignments(entity: Owned): Assignment[] {
  return rolesOf(entity).flatMap((role) => {
    const id = entity.kind === 'policy' && role === 'approver' ? entity.approver : entity.owner;
    return id === undefined || isBlank(id) ? [] : [{ role, id, at: entity.locate([role]) }];
  });
}

export type MemberState = 'active' | 'inactive' | 'unlisted';

/** Each member of a team once, with what the owners file says of them. */
export function memberStates(team: Team, owners: Owners): { id: string; state: MemberState }[] {
  const ids = [...new Set(team.members.map((member) => member.id))];
  return ids.map((id) => {
    const person = owners.people.get(id);
    return { id, state: person === undefined ? 'unlisted' : person.active ? 'active' : 'inactive' };
  });
}

/** The team's members who are active people. */
export function activeMembers(team: Team, owners: Owners): Person[] {
  return memberStates(team, owners).flatMap(({ id }) => {
    const person = owners.people.get(id);
    return person?.active ? [person] : [];
  });
}

/** The teams that list a person among their members. */
export function teamsOf(person: Person, owners: Owners): Team[] {
  return [...owners.teams.values()].filter((team) => team.members.some((member) => member.id === person.id));
}
