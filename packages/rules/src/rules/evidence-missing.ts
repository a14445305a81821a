/**
 * SOC 2 Type 2: every implemented control needs evidence for every period of
 * its frequency that the observation window covers, once that period is over.
 */
import {
  DEFAULT_EVIDENCE_PERIODS,
  describePeriod,
  evidenceDates,
  elapsedPeriods,
  PERIOD_UNITS,
  periodsWithout,
  type Frequency,
  type Period,
  type PeriodSetting,
  type PeriodUnit,
} from '@trustlint/model';
import { createRule } from '../create-rule.js';

export type { PeriodSetting };

export interface Options {
  /** The period each frequency must be evidenced in; frequencies left out keep their default. */
  periods: Partial<Record<Frequency, PeriodSetting>>;
}

export type MessageIds = 'missing' | 'noWindow';

/** The model's defaults, which reports of evidence use too. */
export const DEFAULT_PERIODS = DEFAULT_EVIDENCE_PERIODS;

/** How many missing periods a message lists. */
const LISTED = 6;

const UNIT_NAMES: Readonly<Record<PeriodUnit, readonly [string, string]>> = {
  day: ['day', 'days'],
  week: ['ISO week', 'ISO weeks'],
  month: ['month', 'months'],
  quarter: ['quarter', 'quarters'],
  half: ['half-year', 'half-years'],
  year: ['calendar year', 'calendar years'],
};

const PERIOD_SETTINGS: readonly PeriodSetting[] = [...PERIOD_UNITS, 'none'];

function count(unit: PeriodUnit, n: number): string {
  const [one, many] = UNIT_NAMES[unit];
  return `${n} ${n === 1 ? one : many}`;
}

function listPeriods(periods: readonly Period[]): string {
  const shown = periods.slice(0, LISTED).map(describePeriod).join(', ');
  return periods.length > LISTED ? `${shown} and ${periods.length - LISTED} more` : shown;
}

export const rule = createRule<MessageIds, Options>({
  name: 'evidence-missing',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require evidence for every elapsed frequency period of the observation window for each implemented control (SOC 2 Type 2).',
      category: 'evidence',
    },
    messages: {
      missing:
        "Implemented control `{{id}}` ({{frequency}}) has no evidence for {{count}} of the observation period {{window}}: {{periods}}; expected a record dated within each {{unit}}, under the control's `evidence` or in an evidence log with `control: {{id}}`.",
      noWindow:
        'SOC 2 Type 2 evidence cannot be checked without an observation period; expected `observation_period` with `start` and `end` dates (YYYY-MM-DD) in {{configFile}}.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        periods: {
          type: 'object',
          description:
            'The calendar period in which each control frequency needs at least one evidence record: `day`, `week` (ISO week), `month`, `quarter`, `half`, `year`, or `none` (not checked). Frequencies left out keep their default.',
          additionalProperties: false,
          properties: Object.fromEntries(
            Object.keys(DEFAULT_PERIODS).map((frequency) => [frequency, { enum: PERIOD_SETTINGS, description: `Period for \`${frequency}\` controls.` }]),
          ),
        },
      },
    },
    defaultOptions: { periods: DEFAULT_PERIODS },
    severity: 'error',
    scope: 'program',
    factsOnly: true,
  },
  create(context) {
    const { config, today } = context.settings;
    const { program } = context;
    if (config.frameworks.soc2?.type !== 2) return;
    const implemented = program.controls.filter((control) => control.status === 'implemented');
    if (implemented.length === 0) return;
    const window = config.observationPeriod;
    if (window === undefined) {
      // At `type: 2`; when it is not written, at `soc2:` or the config's first line.
      const at = config.locate(['frameworks', 'soc2', 'type']);
      if (at) context.report({ messageId: 'noWindow', data: { configFile: at.file.path }, at });
      return;
    }
    const periods = { ...DEFAULT_PERIODS, ...context.options.periods };
    const datesOf = evidenceDates(program.evidence);
    const elapsed = new Map<PeriodUnit, Period[]>();
    for (const control of implemented) {
      if (control.frequency === undefined) continue;
      const unit = periods[control.frequency];
      if (unit === 'none') continue;
      let due = elapsed.get(unit);
      if (due === undefined) elapsed.set(unit, (due = elapsedPeriods(unit, window, today)));
      const missing = periodsWithout(due, datesOf(control));
      if (missing.length === 0) continue;
      context.report({
        messageId: 'missing',
        data: {
          id: control.id ?? '(no id)',
          frequency: control.frequency,
          count: count(unit, missing.length),
          window: `${window.start} to ${window.end}`,
          periods: listPeriods(missing),
          unit: UNIT_NAMES[unit][0],
        },
        at: control.locate(['frequency']),
      });
    }
  },
});
