/**
 * Inline suppressions must say which rule they silence and why; those that
 * are malformed, expired or unused are reported. (The engine applies the
 * suppressions and reports the unused ones with this rule's `unused` message.)
 */
import { isInForce } from '@trustlint/engine';
import { orList, suggest, type Directive } from '@trustlint/model';
import type { SourceFile } from '@trustlint/parser';
import { createRule } from '../create-rule.js';

export type Options = Record<string, never>;
export type MessageIds = 'missingReason' | 'noRules' | 'unknownRule' | 'invalidDate' | 'expired' | 'noTarget' | 'unused';

function ruleList(directive: Directive): string {
  return orList(directive.rules.map((rule) => rule.id)).replace(/ or /g, ' and ');
}

export const rule = createRule<MessageIds, Options>({
  name: 'suppression',
  meta: {
    type: 'problem',
    docs: {
      description: 'Report inline suppressions that give no reason, name unknown rules, have expired, or suppress nothing.',
      category: 'meta',
    },
    messages: {
      missingReason: 'Suppression of {{rules}} gives no reason, so it does not apply; expected `-- <why the finding is accepted>` after the rule ids.',
      noRules: 'Suppression names no rule, so it does not apply; expected rule ids, as in `trustlint-disable-next-line review-overdue -- <reason>`.',
      unknownRule: 'Unexpected rule `{{rule}}` in a suppression: no rule has that id; expected {{expected}}.',
      invalidDate: 'Suppression expiry `until {{date}}` is not a calendar date, so the suppression does not apply; expected `until YYYY-MM-DD`.',
      expired: 'Suppression of {{rules}} expired on {{date}}, so what it covered is reported again; expected the findings fixed, or a new `until` date.',
      noTarget: 'Suppression `trustlint-disable-next-line` has no line after it; expected it directly above the line it is for.',
      unused: 'Suppression of `{{rule}}` suppresses nothing here (reason given: "{{reason}}"); expected it removed.',
    },
    schema: undefined,
    defaultOptions: {},
    severity: 'warning',
    scope: 'file',
  },
  create(context) {
    const { today, knownRuleIds } = context.settings;
    const check = (file: SourceFile, directive: Directive): void => {
      const at = { file, span: directive.span };
      if (directive.rules.length === 0) {
        context.report({ messageId: 'noRules', at });
        return;
      }
      for (const named of directive.rules) {
        if (knownRuleIds.has(named.id)) continue;
        const close = suggest(named.id, knownRuleIds);
        const expected = close.length ? `${orList(close)} (a close match)` : 'a rule id that `trustlint rules` lists';
        context.report({ messageId: 'unknownRule', data: { rule: named.id, expected }, at: { file, span: named.span } });
      }
      if (directive.reason === '') context.report({ messageId: 'missingReason', data: { rules: ruleList(directive) }, at });
      if (directive.invalidUntil !== undefined) context.report({ messageId: 'invalidDate', data: { date: directive.invalidUntil }, at });
      else if (directive.until !== undefined && !isInForce(directive, today) && directive.reason !== '') {
        context.report({ messageId: 'expired', data: { rules: ruleList(directive), date: directive.until }, at });
      }
      if (directive.kind === 'next-line' && directive.targetLine === undefined) context.report({ messageId: 'noTarget', at });
    };
    return {
      file(entry) {
        for (const directive of entry.directives) check(entry.file, directive);
      },
    };
  },
});
