/**
 * Ids are how documents refer to each other, so each must name one thing:
 * control ids across every control file, policy ids across policies, and
 * person and team ids together (an `owner:` may name either).
 */
import type { Location, Owners } from '@trustlint/model';
import { createRule } from '../create-rule.js';

export type Options = Record<string, never>;
export type MessageIds = 'duplicateControl' | 'duplicatePolicy' | 'duplicateOwner';

interface Definition {
  id: string;
  /** `control`, `policy`, `person` or `team`. */
  kind: string;
  at: Location;
}

/** Each definition after the first of its id, with that first one. */
function repeats(definitions: readonly Definition[]): { repeat: Definition; first: Definition }[] {
  const firsts = new Map<string, Definition>();
  const found: { repeat: Definition; first: Definition }[] = [];
  for (const definition of definitions) {
    const first = firsts.get(definition.id);
    if (first) found.push({ repeat: definition, first });
    else firsts.set(definition.id, definition);
  }
  return found;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}


/**
 * Every person and team of the owners file as written (the model keeps only
 * the first of an id), in the order they appear in the file.
 */
function ownerDefinitions(owners: Owners): Definition[] {
  const fields = isRecord(owners.value) ? owners.value : {};
  const list = (key: 'people' | 'teams', kind: string): Definition[] => {
    const entries: unknown = fields[key];
    if (!Array.isArray(entries)) return [];
    return entries.flatMap((entry: unknown, index) =>
      isRecord(entry) && typeof entry.id === 'string' && entry.id.trim() !== '' ? [{ id: entry.id, kind, at: owners.locate([key, index, 'id']) }] : [],
    );
  };
  return [...list('people', 'person'), ...list('teams', 'team')].sort((a, b) => a.at.span.start - b.at.span.start);
}

export const rule = createRule<MessageIds, Options>({
  name: 'duplicate-id',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require control ids, policy ids, and person and team ids to be unique across the program.',
      category: 'references',
    },
    messages: {
      duplicateControl: 'Duplicate control id `{{id}}`: first defined at {{first}}; expected every control id to be unique.',
      duplicatePolicy: 'Duplicate policy id `{{id}}`: first defined at {{first}}; expected every policy id to be unique.',
      duplicateOwner:
        'Duplicate {{kind}} id `{{id}}`: already used by the {{firstKind}} at {{first}}; expected person and team ids to be unique, since `owner:` can name either.',
    },
    schema: undefined,
    defaultOptions: {},
    severity: 'error',
    scope: 'program',
    factsOnly: true,
  },
  create(context) {
    const { program } = context;
    const report = (messageId: MessageIds, definitions: readonly Definition[]): void => {
      for (const { repeat, first } of repeats(definitions)) {
        context.report({
          messageId,
          data: { id: repeat.id, kind: repeat.kind, firstKind: first.kind, first: first.at },
          at: repeat.at,
          related: [{ at: first.at, message: `\`${first.id}\` is first defined here.` }],
        });
      }
    };
    const defined = <T extends { id: string | undefined }>(entities: readonly T[], kind: string, locate: (entity: T) => Location): Definition[] =>
      entities.flatMap((entity) => (entity.id === undefined || entity.id.trim() === '' ? [] : [{ id: entity.id, kind, at: locate(entity) }]));
    report('duplicateControl', defined(program.controls, 'control', (control) => control.locate(['id'])));
    report('duplicatePolicy', defined(program.policies, 'policy', (policy) => policy.locate([policy.keys.id])));
    report('duplicateOwner', ownerDefinitions(program.owners));
  },
});
