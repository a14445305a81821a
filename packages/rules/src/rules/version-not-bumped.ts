/**
 * With `--base REF`: a policy whose text changed needs a new version or a new
 * entry in its revision history, so that readers and auditors can tell which
 * version they are looking at and what changed.
 */
import type { Policy } from '@trustlint/model';
import { createRule } from '../create-rule.js';

export type Options = Record<string, never>;
export type MessageIds = 'notBumped';

/** The body as a reader sees it: line endings and trailing blanks do not count as a change. */
function normalizedBody(policy: Policy): string {
  return policy.file.text
    .slice(policy.body.start)
    .split(/\r\n|\r|\n/)
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

export const rule = createRule<MessageIds, Options>({
  name: 'version-not-bumped',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a policy whose body changed since the base revision to bump its version or add a revision-history entry.',
      category: 'lifecycle',
    },
    messages: {
      notBumped:
        'The body of policy `{{policy}}` changed since `{{ref}}`, but its version is still {{version}} and its revision history gained no entry; expected a new version and a `{{historyKey}}` entry that says what changed.',
    },
    schema: undefined,
    defaultOptions: {},
    severity: 'error',
    scope: 'program',
    needsBase: true,
  },
  create(context) {
    const { base, program } = context;
    if (base === undefined) return;
    const byPath = new Map(base.program.policies.map((policy) => [policy.file.path, policy]));
    const byId = new Map(base.program.policies.flatMap((policy) => (policy.id === undefined ? [] : [[policy.id, policy] as const])));
    for (const policy of program.policies) {
      const before = byPath.get(policy.file.path) ?? (policy.id === undefined ? undefined : byId.get(policy.id));
      if (before === undefined || normalizedBody(before) === normalizedBody(policy)) continue;
      if (policy.version !== before.version || policy.revisions.length > before.revisions.length) continue;
      context.report({
        messageId: 'notBumped',
        data: {
          policy: policy.id ?? policy.file.path,
          ref: base.ref,
          version: policy.version === undefined ? 'unset' : `\`${policy.version}\``,
          historyKey: policy.keys.revisions,
        },
        at: policy.version === undefined ? policy.locate() : policy.locate(['version']),
      });
    }
  },
});
