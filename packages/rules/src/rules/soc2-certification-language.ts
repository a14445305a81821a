/**
 * SOC 2 is an attestation, not a certification: report "SOC 2 certified",
 * "SOC 2 certification" and their variants in policy text.
 */
import type { MarkdownDocument } from '@trustlint/model';
import { proseOf } from '../policy-markdown.js';
import { createRule } from '../create-rule.js';

export type Options = Record<string, never>;
export type MessageIds = 'certification';

/** What may stand between two words of the phrase: spaces, line breaks, emphasis markers, hyphens and dashes, a quote marker. */
const GAP = String.raw`[\s*_>\-\u2010-\u2013]`;
/** `Type 1`, `Type 2`, `Type I`, `Type II`. */
const TYPE = String.raw`Type${GAP}*(?:1|2|II|I|one|two)(?![\p{L}\p{N}])`;
/** `SOC 2`, `SOC2`, `SOC-2`, `SOC II`, `SOC two`, optionally followed by a type, maybe in parentheses. */
const SOC2 = String.raw`SOC${GAP}*(?:2|II|two)(?![\p{L}\p{N}])(?:${GAP}+(?:${TYPE}|\(${TYPE}\)))?`;
const CERTIFIED = String.raw`certif(?:ied|ications?|icates?)(?![\p{L}\p{N}])`;
/** Not inside a word, a path or a host name. */
const START = String.raw`(?<![\p{L}\p{N}/.])`;

/** `SOC 2 certified` and `certified for/against/to SOC 2`, in any case. */
const SOC = /soc/i;
const CERTIF = /certif/i;
const PHRASE = new RegExp(`${START}(?:${SOC2}${GAP}+${CERTIFIED}|${CERTIFIED}${GAP}+(?:for|against|to)${GAP}+${SOC2})`, 'giu');

/** The phrase as a reader sees it: one space between words, no emphasis markers. */
function plain(phrase: string): string {
  return phrase.replace(/[\s*_>]+/g, ' ').trim();
}

export const rule = createRule<MessageIds, Options>({
  name: 'soc2-certification-language',
  meta: {
    type: 'problem',
    docs: {
      description: 'Report "SOC 2 certified", "SOC 2 certification" and their variants in policy text: SOC 2 is an attestation, not a certification.',
      category: 'language',
    },
    messages: {
      certification:
        'Unexpected `{{phrase}}`: SOC 2 yields an attestation report issued by a licensed CPA firm, not a certification; expected wording such as "SOC 2 Type 2 report", "SOC 2 attestation" or "audited against SOC 2".',
    },
    schema: undefined,
    defaultOptions: {},
    severity: 'error',
    scope: 'file',
  },
  create(context) {
    const check = (document: MarkdownDocument): void => {
      const { file } = document;
      // Blanking only turns characters into spaces, so prose without both words cannot match: skip building it.
      if (!SOC.test(file.text) || !CERTIF.test(file.text)) return;
      for (const match of proseOf(document).matchAll(PHRASE)) {
        const start = match.index;
        const phrase = match[0];
        context.report({ messageId: 'certification', data: { phrase: plain(phrase) }, at: { file, span: { start, end: start + phrase.length } } });
      }
    };
    return { policy: check, document: check };
  },
});
