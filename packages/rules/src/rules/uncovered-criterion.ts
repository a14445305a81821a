/**
 * Every in-scope criterion needs at least one implemented control.
 */
import type { Control, MarkdownDocument } from '@trustlint/model';
import { createRule } from '../create-rule.js';
import { FRAMEWORK_TITLES, scopeLocation } from '../criteria.js';

export type Options = Record<string, never>;
export type MessageIds = 'uncovered' | 'notImplemented' | 'onlyDocuments' | 'partial';

function controlList(controls: readonly Control[]): string {
  const ids = controls.map((control) => `\`${control.id ?? '(no id)'}\` (${control.status ?? 'no status'})`);
  return ids.length > 3 ? `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more` : ids.join(', ');
}

/** `policy \`AOTP\`, narrative \`SEN\``: the documents that list a criterion. */
function documentList(documents: readonly MarkdownDocument[]): string {
  const names = documents.map((document) => `${'role' in document ? String(document.role) : 'policy'} \`${document.id ?? document.file.path}\``);
  return names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
}

export const rule = createRule<MessageIds, Options>({
  name: 'uncovered-criterion',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every in-scope criterion to be covered by at least one implemented control.',
      category: 'criteria',
    },
    messages: {
      uncovered:
        'In-scope {{framework}} criterion {{id}} ({{title}}) has no implemented control; expected a control with `status: implemented` that lists {{id}} in `satisfies.{{key}}`.',
      notImplemented:
        'In-scope {{framework}} criterion {{id}} ({{title}}) has no implemented control: it is listed only by {{controls}}; expected at least one with `status: implemented`.',
      onlyDocuments:
        'In-scope {{framework}} criterion {{id}} ({{title}}) has no implemented control: it is listed only by {{documents}}, and a document states intent without implementing it; expected a control with `status: implemented` that lists {{id}} in `satisfies.{{key}}`.',
      partial:
        'In-scope {{framework}} criterion {{id}} ({{title}}) is only partially covered: {{controls}}; expected at least one control with `status: implemented`.',
    },
    schema: undefined,
    defaultOptions: {},
    severity: 'error',
    scope: 'program',
    factsOnly: true,
  },
  create(context) {
    const { config } = context.settings;
    for (const coverage of context.coverage.frameworks) {
      for (const entry of coverage.criteria) {
        if (entry.state !== 'uncovered' && entry.state !== 'partial') continue;
        const data = {
          framework: FRAMEWORK_TITLES[coverage.framework],
          id: entry.criterion.id,
          title: entry.criterion.title,
          key: coverage.framework,
          controls: controlList(entry.otherControls),
        };
        const partial = entry.otherControls.filter((control) => control.status === 'partially-implemented');
        const [first] = partial;
        if (entry.state === 'partial' && first) {
          context.report({
            messageId: 'partial',
            data: { ...data, controls: controlList(partial) },
            at: first.locate(['status']),
            related: partial.slice(1).map((control) => ({ at: control.locate(['status']), message: `\`${control.id ?? '?'}\` is partially implemented.` })),
            coverageOf: coverage.framework,
          });
        } else {
          const messageId = entry.otherControls.length ? 'notImplemented' : entry.documents.length ? 'onlyDocuments' : 'uncovered';
          context.report({
            messageId,
            data: { ...data, documents: documentList(entry.documents) },
            at: scopeLocation(config, coverage.framework, entry.criterion),
            coverageOf: coverage.framework,
          });
        }
      }
    }
  },
});
