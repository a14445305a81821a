/**
 * Evidence must be dated: not in the future, and (for a Type 2 window)
 * inside the observation period it is meant to count toward.
 */
import { contains, parseDate, type EvidenceRecord, type Located } from '@trustlint/model';
import { createRule } from '../create-rule.js';

export interface Options {
  /** Report records dated outside the observation period. */
  outsideWindow: boolean;
}

export type MessageIds = 'future' | 'outsideWindow';

export const rule = createRule<MessageIds, Options>({
  name: 'evidence-date',
  meta: {
    type: 'problem',
    docs: {
      description: 'Report evidence records dated after today, or outside the observation period.',
      category: 'evidence',
    },
    messages: {
      future: 'Unexpected evidence date {{date}}: later than today ({{today}}); expected the date the evidence was produced, today or earlier.',
      outsideWindow:
        'Evidence dated {{date}} is outside the observation period ({{start}} to {{end}}) and does not count toward it; expected a date from {{start}} to {{end}}.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        outsideWindow: {
          type: 'boolean',
          description: 'Also report records dated outside the observation period (`observation_period` in the config), which do not count toward it.',
        },
      },
    },
    defaultOptions: { outsideWindow: true },
    severity: 'warning',
    scope: 'file',
  },
  create(context) {
    const { config, today } = context.settings;
    const window = context.options.outsideWindow ? config.observationPeriod : undefined;
    const check = (entity: Located, record: EvidenceRecord): void => {
      const date = parseDate(record.date);
      if (date === undefined) return;
      const at = entity.locate([...record.path, 'date']);
      if (date > today) {
        context.report({ messageId: 'future', data: { date, today }, at });
      } else if (window && !contains(window, date)) {
        context.report({ messageId: 'outsideWindow', data: { date, start: window.start, end: window.end }, at });
      }
    };
    return {
      control(control) {
        for (const record of control.evidence) check(control, record);
      },
      evidence(log) {
        for (const record of log.records) check(log, record);
      },
    };
  },
});
