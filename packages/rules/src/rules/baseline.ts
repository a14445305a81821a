/**
 * A baseline entry that no finding matches any more is debt paid off: it is
 * reported so that the baseline can be pruned and cannot hide a new finding
 * later. (The engine compares findings with the baseline and reports stale
 * entries with this rule's `stale` message; this module declares the rule.)
 */
import { createRule } from '../create-rule.js';

export type Options = Record<string, never>;
export type MessageIds = 'stale';

export const rule = createRule<MessageIds, Options>({
  name: 'baseline',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Report baseline entries that no longer match any finding.',
      category: 'meta',
    },
    messages: {
      stale: 'Stale baseline entry: `{{rule}}` in {{file}} ("{{message}}") matches no finding any more; expected it pruned with `trustlint lint --write-baseline`.',
    },
    schema: undefined,
    defaultOptions: {},
    severity: 'warning',
    scope: 'program',
    factsOnly: true,
  },
  create() {
    // Stale entries are found by the engine after every rule has run.
  },
});
