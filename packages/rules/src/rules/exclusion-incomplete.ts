/**
 * An exclusion takes a criterion out of the coverage gate, so it must say why
 * and who accepted it, and it must name an in-scope criterion, once. For
 * ISO/IEC 27001 an exclusion is an entry of the Statement of Applicability:
 * its reason is the justification that the standard requires. Messages name
 * the criterion in its canonical form (`A.7.4` for `7.4`).
 */
import { catalogs } from '@trustlint/catalogs';
import type { ReportDescriptor } from '@trustlint/engine';
import { inScopeCategories, orList, type Config, type Exclusion, type Location, type Owners, type Team } from '@trustlint/model';
import { createRule } from '../create-rule.js';
import { FRAMEWORK_TITLES, closestCriteria, LEGACY_SUCCESSORS_NAMED, legacyIsoSuccessors, locateInConfig, outOfScope, suggestionProbe } from '../criteria.js';
import { expectedId, someOf } from '../wording.js';

export type Options = Record<string, never>;
export type MessageIds =
  | 'missingReason'
  | 'missingJustification'
  | 'missingApprover'
  | 'approverUnknown'
  | 'approverTeam'
  | 'approverInactive'
  | 'unknownCriterion'
  | 'legacyCriterion'
  | 'outOfScope'
  | 'duplicate';

type Report = (descriptor: ReportDescriptor<MessageIds>) => void;

/** Where the parts of one exclusion are written. */
function placesOf(config: Config, exclusion: Exclusion) {
  const path = ['exclusions', exclusion.index];
  return {
    /** The exclusion's first line, for a key it lacks. */
    head: locateInConfig(config, path),
    value: (key: string): Location => locateInConfig(config, [...path, key]),
  };
}

function blank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

function checkReason(exclusion: Exclusion, criterion: string, config: Config, report: Report): void {
  if (!blank(exclusion.reason)) return;
  const places = placesOf(config, exclusion);
  const at = exclusion.reason === undefined ? places.head : places.value('reason');
  report({ messageId: exclusion.framework === 'iso27001' ? 'missingJustification' : 'missingReason', data: { criterion }, at });
}

/** What to name instead of a team: one of its active members, if it has any. */
function personOfTeam(team: Team, activePeople: readonly string[]): string {
  const members = team.members.map((member) => member.id).filter((id) => activePeople.includes(id));
  if (members.length === 0) return 'an active person';
  return `an active person, such as its ${members.length === 1 ? 'member' : 'members'} ${someOf(members)}`;
}

function checkApprover(exclusion: Exclusion, criterion: string, config: Config, owners: Owners, report: Report): void {
  const places = placesOf(config, exclusion);
  const { approver } = exclusion;
  const ownersFile = owners.file.path;
  const data = { criterion, ownersFile };
  if (approver === undefined || blank(approver)) {
    report({ messageId: 'missingApprover', data, at: approver === undefined ? places.head : places.value('approver') });
    return;
  }
  const at = places.value('approver');
  const found = owners.find(approver);
  const activePeople = [...owners.people.values()].filter((person) => person.active).map((person) => person.id);
  if (found === undefined) {
    const none = owners.exists ? `${ownersFile} lists none` : `there is no ${ownersFile}`;
    const expected = expectedId(approver, activePeople, { noun: 'an active person', none });
    report({ messageId: 'approverUnknown', data: { ...data, id: approver, expected }, at });
  } else if (found.kind === 'team') {
    const expected = personOfTeam(found.team, activePeople);
    report({ messageId: 'approverTeam', data: { ...data, id: approver, expected }, at, related: [{ at: found.team.location, message: `\`${approver}\` is a team.` }] });
  } else if (!found.person.active) {
    report({
      messageId: 'approverInactive',
      data: { ...data, id: approver },
      at,
      related: [{ at: found.person.location, message: `\`${approver}\` is marked inactive here.` }],
    });
  }
}

/** The canonical id the exclusion names, after reporting what is wrong with it; undefined when it names none. */
function checkCriterion(exclusion: Exclusion, config: Config, report: Report): string | undefined {
  const { framework, criterion } = exclusion;
  const at = placesOf(config, exclusion).value('criterion');
  const catalog = catalogs[framework];
  const id = catalog.canonicalize(criterion.trim());
  if (id === undefined && framework === 'iso27001') {
    const successors = legacyIsoSuccessors(criterion);
    if (successors) {
      const expected =
        successors.length <= LEGACY_SUCCESSORS_NAMED
          ? orList(successors)
          : `one of the ${successors.length} 2022 controls it became, such as ${orList(successors.slice(0, LEGACY_SUCCESSORS_NAMED - 1))}`;
      report({ messageId: 'legacyCriterion', data: { criterion: criterion.trim(), expected }, at });
      return undefined;
    }
  }
  if (id === undefined) {
    const inScope = inScopeCategories(config, framework).flatMap((category) => category.criteria);
    const candidates = inScope.length ? inScope : catalog.criteria.map((entry) => entry.id);
    const noun = inScope.length ? `an in-scope ${FRAMEWORK_TITLES[framework]} criterion` : `a criterion of ${FRAMEWORK_TITLES[framework]}`;
    const expected = expectedId(suggestionProbe(framework, criterion), candidates, { noun, none: 'the catalog has none', closest: closestCriteria });
    report({ messageId: 'unknownCriterion', data: { criterion, framework: FRAMEWORK_TITLES[framework], expected }, at });
    return undefined;
  }
  const out = outOfScope(config, framework, id);
  if (out) {
    report({
      messageId: 'outOfScope',
      data: { criterion: id, belongsTo: out.belongsTo, what: out.reason === 'category' ? 'a category' : 'a framework', inScope: out.inScope },
      at,
      related: [{ at: locateInConfig(config, out.setting.path), message: out.setting.note }],
    });
  }
  return id;
}

/** Reports each exclusion of a criterion already excluded, pointing at the first. */
function duplicateChecker(config: Config, report: Report): (exclusion: Exclusion, id: string) => void {
  const firsts = new Map<string, Location>();
  return (exclusion, id) => {
    const key = `${exclusion.framework} ${id}`;
    const at = placesOf(config, exclusion).value('criterion');
    const first = firsts.get(key);
    if (first === undefined) {
      firsts.set(key, at);
      return;
    }
    report({
      messageId: 'duplicate',
      data: { criterion: id, first },
      at,
      related: [{ at: first, message: `\`${id}\` is first excluded here.` }],
    });
  };
}

export const rule = createRule<MessageIds, Options>({
  name: 'exclusion-incomplete',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every exclusion to name an in-scope criterion once, with a reason and an active person who approved it.',
      category: 'criteria',
    },
    messages: {
      missingReason: 'Exclusion of `{{criterion}}` has no reason; expected a non-blank `reason` that says why the criterion does not apply.',
      missingJustification:
        'Exclusion of ISO/IEC 27001 control `{{criterion}}` has no justification; the Statement of Applicability needs one for every excluded control: expected a non-blank `reason` that says why the control is not applicable.',
      missingApprover: 'Exclusion of `{{criterion}}` has no approver; expected `approver`: an active person in {{ownersFile}} who accepted leaving it out.',
      approverUnknown: 'Unexpected approver `{{id}}` of the exclusion of `{{criterion}}`: not in {{ownersFile}}; expected {{expected}}.',
      approverTeam: 'Unexpected approver `{{id}}` of the exclusion of `{{criterion}}`: a team, and a team cannot sign off; expected {{expected}}.',
      approverInactive: 'Unexpected approver `{{id}}` of the exclusion of `{{criterion}}`: marked inactive in {{ownersFile}}; expected an active person.',
      unknownCriterion: 'Unexpected criterion `{{criterion}}` in an exclusion: not in the {{framework}} catalog; expected {{expected}}.',
      legacyCriterion:
        'Unexpected criterion `{{criterion}}` in an exclusion: ISO/IEC 27001:2013 numbering, but the 2022 catalog applies; expected {{expected}}.',
      outOfScope:
        'Unexpected exclusion of `{{criterion}}`: it belongs to {{belongsTo}}, {{what}} not in scope (in scope: {{inScope}}), so there is nothing to exclude; expected an in-scope criterion, or no exclusion.',
      duplicate: 'Duplicate exclusion of `{{criterion}}`: already excluded at {{first}}; expected each criterion to be excluded once.',
    },
    schema: undefined,
    defaultOptions: {},
    severity: 'error',
    scope: 'program',
    factsOnly: true,
  },
  create(context) {
    const { config, owners } = context.settings;
    const report: Report = (descriptor) => {
      context.report(descriptor);
    };
    const checkDuplicate = duplicateChecker(config, report);
    for (const exclusion of config.exclusions) {
      const id = checkCriterion(exclusion, config, report);
      if (id !== undefined) checkDuplicate(exclusion, id);
      const criterion = id ?? exclusion.criterion;
      checkReason(exclusion, criterion, config, report);
      checkApprover(exclusion, criterion, config, owners, report);
    }
  },
});
