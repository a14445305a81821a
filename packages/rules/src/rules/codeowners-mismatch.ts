/**
 * CODEOWNERS must ask each policy's and control's declared owner to review
 * changes to it: a change nobody accountable reviews is an unreviewed change.
 */
import type { RelatedDescriptor } from '@trustlint/engine';
import { orList, type Codeowners, type CodeownersEntry, type Location, type Owner, type Owners, type Person, type Team } from '@trustlint/model';
import { createRule } from '../create-rule.js';
import { assignments, teamsOf, type Owned } from '../ownership.js';
import { codeList } from '../wording.js';

export type Options = Record<string, never>;
export type MessageIds = 'routedElsewhere' | 'noMatch' | 'noOwners' | 'noHandle' | 'unsupportedSyntax' | 'missingFile';

/** A GitHub handle or CODEOWNERS owner as compared: without its `@`, in lower case. */
function normalizeHandle(handle: string): string {
  return handle.replace(/^@/, '').toLowerCase();
}

/** A handle as CODEOWNERS writes it. */
function atHandle(handle: string): string {
  return `@${handle.replace(/^@/, '')}`;
}

/** Whether a CODEOWNERS line names the person: by username, by email, or through one of their teams. */
function routesToPerson(listed: ReadonlySet<string>, person: Person, owners: Owners): boolean {
  const own = [person.github, person.email].some((handle) => handle !== undefined && listed.has(normalizeHandle(handle)));
  return own || teamsOf(person, owners).some((team) => routesToTeam(listed, team));
}

function routesToTeam(listed: ReadonlySet<string>, team: Team): boolean {
  return team.githubTeam !== undefined && listed.has(normalizeHandle(team.githubTeam));
}

function routes(entry: CodeownersEntry, owner: Owner, owners: Owners): boolean {
  const listed = new Set(entry.owners.map(normalizeHandle));
  return owner.kind === 'person' ? routesToPerson(listed, owner.person, owners) : routesToTeam(listed, owner.team);
}

/** The handles that would route to the owner, its own first. */
function handlesOf(owner: Owner, owners: Owners): string[] {
  if (owner.kind === 'team') return owner.team.githubTeam === undefined ? [] : [atHandle(owner.team.githubTeam)];
  const own = owner.person.github === undefined ? [] : [atHandle(owner.person.github)];
  const teams = teamsOf(owner.person, owners).flatMap((team) => (team.githubTeam === undefined ? [] : [atHandle(team.githubTeam)]));
  return [...own, ...teams];
}

/** The owner's own handle is missing from the owners file. */
function lacksHandle(owner: Owner): boolean {
  return owner.kind === 'person' ? owner.person.github === undefined : owner.team.githubTeam === undefined;
}

/** A CODEOWNERS pattern that matches exactly this file, or undefined when the file lies outside its root. */
function patternFor(path: string, codeowners: Codeowners): string | undefined {
  const prefix = codeowners.root === '' ? '' : `${codeowners.root}/`;
  if (!path.startsWith(prefix)) return undefined;
  return `/${path.slice(prefix.length).replace(/[\s#*?[\]\\]/g, '\\$&')}`;
}

/** A file's declared owner, resolved. */
interface Subject {
  /** The file's repository-relative path. */
  path: string;
  owner: Owner;
  /** The owner's id as written. */
  id: string;
  /** Where the owner is written. */
  at: Location;
}

/** The key of the owners file that gives an owner's own handle, and where the owner is defined. */
function handleKey(owner: Owner): { kind: string; key: string; what: string; location: Location } {
  return owner.kind === 'person'
    ? { kind: 'person', key: 'github', what: 'username', location: owner.person.location }
    : { kind: 'team', key: 'github_team', what: 'team (`org/team`)', location: owner.team.location };
}

function decidingLine(codeowners: Codeowners, entry: CodeownersEntry): RelatedDescriptor {
  return {
    at: { file: codeowners.file, span: entry.span },
    message: `The last CODEOWNERS line that matches the file (line ${entry.line}) decides who reviews it.`,
  };
}

export const rule = createRule<MessageIds, Options>({
  name: 'codeowners-mismatch',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require CODEOWNERS to route every policy and control to its declared owner.',
      category: 'ownership',
    },
    messages: {
      routedElsewhere:
        'CODEOWNERS line {{line}} (`{{pattern}}`) routes this file to {{routed}}, not to its owner `{{owner}}`; expected {{expected}} on that line.',
      noMatch: 'No CODEOWNERS line matches this file, so no review is requested from its owner `{{owner}}`; expected {{expected}}.',
      noOwners:
        'CODEOWNERS line {{line}} (`{{pattern}}`) decides this file but names no owners, so no review is requested from its owner `{{owner}}`; expected {{expected}} on that line.',
      noHandle:
        'Cannot check that CODEOWNERS line {{line}} (`{{pattern}}`) routes this file to its owner `{{owner}}`: the {{kind}} has no `{{key}}` in {{ownersFile}}; expected its GitHub {{what}} there.',
      unsupportedSyntax: '{{problem}}',
      missingFile: 'The config names the CODEOWNERS file `{{path}}`, which does not exist, so no routing can be checked; expected the path of the CODEOWNERS file, relative to the config.',
    },
    schema: undefined,
    defaultOptions: {},
    severity: 'warning',
    scope: 'file',
  },
  create(context) {
    const { codeowners, owners, config } = context.settings;
    if (codeowners === undefined) {
      const configured = config.paths.codeowners;
      return {
        file(entry) {
          const at = config.locate(['paths', 'codeowners']);
          if (entry.role !== 'config' || configured === undefined || at === undefined) return;
          context.report({ messageId: 'missingFile', data: { path: configured }, at });
        },
      };
    }
    const ownersFile = owners.file.path;

    /** What would route the file to the owner, as said after "expected". */
    const expectedHandles = ({ owner, id }: Subject): string => {
      const handles = handlesOf(owner, owners);
      return handles.length ? orList(handles) : `the GitHub ${owner.kind === 'person' ? 'username' : 'team'} of \`${id}\` (${ownersFile} gives none)`;
    };

    const expectedLine = (subject: Subject): string => {
      const pattern = patternFor(subject.path, codeowners);
      if (pattern === undefined) return `a CODEOWNERS file that covers it (the patterns of ${codeowners.file.path} are relative to \`${codeowners.root}/\`)`;
      const [handle] = handlesOf(subject.owner, owners);
      return handle === undefined ? `a line that routes it to ${expectedHandles(subject)}` : `a line such as \`${pattern} ${handle}\``;
    };

    /** Reports a file whose deciding line does not name its owner. */
    const reportUnrouted = (subject: Subject, entry: CodeownersEntry): void => {
      const { owner, id, at } = subject;
      const data = { owner: id, line: entry.line, pattern: entry.pattern };
      const related = [decidingLine(codeowners, entry)];
      if (entry.owners.length === 0) {
        context.report({ messageId: 'noOwners', data: { ...data, expected: expectedHandles(subject) }, at, related });
      } else if (lacksHandle(owner)) {
        const { kind, key, what, location } = handleKey(owner);
        related.push({ at: location, message: `\`${id}\` is defined here.` });
        context.report({ messageId: 'noHandle', data: { ...data, kind, key, what, ownersFile }, at, related });
      } else {
        context.report({ messageId: 'routedElsewhere', data: { ...data, routed: codeList(entry.owners), expected: expectedHandles(subject) }, at, related });
      }
    };

    const check = (entity: Owned): void => {
      for (const { role, id, at } of assignments(entity)) {
        // Unknown owners are owner-unknown's business; approvers are not routed.
        const owner = owners.find(id);
        if (role !== 'owner' || owner === undefined) continue;
        const subject: Subject = { path: entity.file.path, owner, id, at };
        const entry = codeowners.entryFor(subject.path);
        if (entry === undefined) context.report({ messageId: 'noMatch', data: { owner: id, expected: expectedLine(subject) }, at });
        else if (!routes(entry, owner, owners)) reportUnrouted(subject, entry);
      }
    };

    return {
      file(entry) {
        if (entry.role !== 'codeowners' || entry.file.path !== codeowners.file.path) return;
        for (const problem of codeowners.problems) {
          context.report({ messageId: 'unsupportedSyntax', data: { problem: problem.message }, at: { file: entry.file, span: problem.span } });
        }
      },
      policy: check,
      control: check,
    };
  },
});
