/**
 * Every policy in force has the sections auditors look for (by default
 * Purpose, Scope and Policy): a heading that names each one.
 */
import type { Location, Policy } from '@trustlint/model';
import { headingsOf, type HeadingInfo } from '../policy-markdown.js';
import { createRule } from '../create-rule.js';

export interface Options {
  /** Section names, each required as a whole word in some heading. */
  sections: string[];
}

export type MessageIds = 'missing';

/** How many headings a message lists. */
const LISTED = 8;

/** Matches a section name as whole words, in any case, however the spaces between its words are written. */
function sectionPattern(section: string): RegExp {
  const words = section.trim().split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}_])${words.join('\\s+')}(?![\\p{L}\\p{N}_])`, 'iu');
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The heading that titles the document rather than a section: a first-level
 * first heading that repeats the policy's title, or that every other heading
 * sits below.
 */
function titleHeading(headings: readonly HeadingInfo[], title: string | undefined): HeadingInfo | undefined {
  const [first, ...rest] = headings;
  if (first?.depth !== 1) return undefined;
  const repeatsTitle = title !== undefined && normalize(first.text) === normalize(title);
  const isOnlyTop = rest.length > 0 && rest.every((heading) => heading.depth > 1);
  return repeatsTitle || isOnlyTop ? first : undefined;
}

function describeFound(sections: readonly HeadingInfo[], title: HeadingInfo | undefined): string {
  if (sections.length === 0) return title ? `found only the title \`${title.text}\`` : 'found no headings';
  const shown = sections.slice(0, LISTED).map((heading) => `\`${heading.text}\``);
  const more = sections.length > LISTED ? ` and ${sections.length - LISTED} more` : '';
  return `found ${shown.join(', ')}${more}${title ? ' besides the title' : ''}`;
}

/** The first heading, or else the first line of the body that is not blank. */
function reportLocation(policy: Policy, headings: readonly HeadingInfo[]): Location {
  const { file, body } = policy;
  const start = headings[0]?.span.start ?? body.start + (/\S/.exec(file.text.slice(body.start))?.index ?? 0);
  return { file, span: file.firstLineOf({ start, end: file.text.length }) };
}

export const rule = createRule<MessageIds, Options>({
  name: 'required-sections',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every policy that is not retired to have a heading for each required section (by default Purpose, Scope and Policy).',
      category: 'lifecycle',
    },
    messages: {
      missing: 'Missing required section `{{section}}`: no heading contains `{{section}}` ({{found}}); expected a heading such as `## {{section}}`.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        sections: {
          type: 'array',
          items: { type: 'string', pattern: '\\S' },
          description: 'Section names; each must appear as a whole word (any case) in some heading other than the title.',
        },
      },
    },
    defaultOptions: { sections: ['Purpose', 'Scope', 'Policy'] },
    severity: 'warning',
    scope: 'file',
  },
  create(context) {
    const required = context.options.sections.map((section) => ({ section: section.trim(), pattern: sectionPattern(section) }));
    return {
      policy(policy) {
        if (policy.status === 'retired' || required.length === 0) return;
        const headings = headingsOf(policy).filter((heading) => heading.span.start >= policy.body.start);
        const title = titleHeading(headings, policy.title);
        const sections = headings.filter((heading) => heading !== title);
        const found = describeFound(sections, title);
        const at = reportLocation(policy, headings);
        for (const { section, pattern } of required) {
          if (sections.some((heading) => pattern.test(heading.text))) continue;
          context.report({ messageId: 'missing', data: { section, found }, at });
        }
      },
    };
  },
});
