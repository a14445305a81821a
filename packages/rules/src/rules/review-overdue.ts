/**
 * An approved policy is reviewed every `review_cycle` months: report one
 * whose review is past due, and a review date that has not happened yet.
 */
import { addMonths, daysBetween, parseDate } from '@trustlint/model';
import { createRule } from '../create-rule.js';

export interface Options {
  /** Days after the due date before a review counts as overdue. */
  graceDays: number;
}

export type MessageIds = 'overdue' | 'future';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export const rule = createRule<MessageIds, Options>({
  name: 'review-overdue',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every approved policy to be reviewed within its review cycle (`last_reviewed` + `review_cycle` months).',
      category: 'lifecycle',
    },
    messages: {
      overdue:
        'Policy review overdue by {{overdue}}: last reviewed {{lastReviewed}} with a review cycle of {{cycle}}, so due {{due}}; expected a new review, recorded in `last_reviewed`.',
      future: 'Unexpected `last_reviewed` {{lastReviewed}}: later than today ({{today}}); expected the date of a review that has taken place.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        graceDays: {
          type: 'integer',
          minimum: 0,
          description: 'Days after the due date before a review counts as overdue.',
        },
      },
    },
    defaultOptions: { graceDays: 0 },
    severity: 'warning',
    scope: 'file',
  },
  create(context) {
    const { today } = context.settings;
    const { graceDays } = context.options;
    return {
      policy(policy) {
        if (policy.status !== 'approved') return;
        const lastReviewed = parseDate(policy.lastReviewed);
        if (lastReviewed === undefined) return;
        const at = policy.locate([policy.keys.lastReviewed]);
        if (lastReviewed > today) {
          context.report({ messageId: 'future', data: { lastReviewed, today }, at });
          return;
        }
        const due = addMonths(lastReviewed, policy.reviewCycle);
        const overdue = daysBetween(due, today);
        if (overdue <= graceDays) return;
        context.report({
          messageId: 'overdue',
          data: { overdue: plural(overdue, 'day', 'days'), lastReviewed, cycle: plural(policy.reviewCycle, 'month', 'months'), due },
          at,
        });
      },
    };
  },
});
