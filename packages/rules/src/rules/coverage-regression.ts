/**
 * With `--base REF`: a change must not uncover a criterion that was covered
 * at REF. Each regression names the control whose removal, status change or
 * remapping uncovered it.
 */
import type { Control, CriterionCoverage, Location, Program } from '@trustlint/model';
import { createRule } from '../create-rule.js';
import { FRAMEWORK_TITLES, scopeLocation } from '../criteria.js';

export type Options = Record<string, never>;
export type MessageIds = 'removed' | 'statusChanged' | 'unmapped';

interface Cause {
  messageId: MessageIds;
  control: Control;
  /** Where the control is now, when it still exists. */
  at: Location | undefined;
  status: string;
}

/** Why a control that covered a criterion at the base covers it no more. */
function causeOf(before: Control, program: Program): Cause {
  const now = program.controls.find((control) => control.id === before.id);
  if (now === undefined) return { messageId: 'removed', control: before, at: undefined, status: '' };
  if (now.status !== 'implemented') {
    return { messageId: 'statusChanged', control: now, at: now.locate(['status']), status: now.status ?? 'no status' };
  }
  return { messageId: 'unmapped', control: now, at: now.locate(['satisfies'], 'key'), status: 'implemented' };
}

export const rule = createRule<MessageIds, Options>({
  name: 'coverage-regression',
  meta: {
    type: 'problem',
    docs: {
      description: 'Report criteria that were covered at the base revision and that this change leaves uncovered.',
      category: 'criteria',
    },
    messages: {
      removed:
        'This change uncovers {{framework}} criterion {{id}} ({{title}}): at `{{ref}}` it was covered by `{{control}}` ({{file}}), which this change removes; expected another implemented control to cover {{id}} first.',
      statusChanged:
        'This change uncovers {{framework}} criterion {{id}} ({{title}}): at `{{ref}}` it was covered by `{{control}}`, whose status is now `{{status}}`; expected it to stay implemented, or another implemented control to cover {{id}}.',
      unmapped:
        'This change uncovers {{framework}} criterion {{id}} ({{title}}): at `{{ref}}` it was covered by `{{control}}`, which no longer lists it in `satisfies`; expected {{id}} kept, or another implemented control to cover it.',
    },
    schema: undefined,
    defaultOptions: {},
    severity: 'error',
    scope: 'program',
    needsBase: true,
  },
  create(context) {
    const { base, program, coverage } = context;
    if (base === undefined) return;
    for (const current of coverage.frameworks) {
      const before = base.coverage.framework(current.framework);
      if (before === undefined) continue;
      const wasCovered = new Map<string, CriterionCoverage>(before.criteria.filter((entry) => entry.state === 'covered').map((entry) => [entry.criterion.id, entry]));
      for (const entry of current.criteria) {
        const previous = wasCovered.get(entry.criterion.id);
        if (previous === undefined || (entry.state !== 'uncovered' && entry.state !== 'partial')) continue;
        const causes = previous.controls.map((control) => causeOf(control, program));
        const cause = causes.find((candidate) => candidate.at !== undefined) ?? causes[0];
        if (cause === undefined) continue;
        context.report({
          messageId: cause.messageId,
          data: {
            framework: FRAMEWORK_TITLES[current.framework],
            id: entry.criterion.id,
            title: entry.criterion.title,
            ref: base.ref,
            control: cause.control.id ?? '(no id)',
            file: cause.control.file.path,
            status: cause.status,
          },
          at: cause.at ?? scopeLocation(program.config, current.framework, entry.criterion),
          coverageOf: current.framework,
        });
      }
    }
  },
});
