/**
 * Relative links between documents must lead somewhere: the file must exist,
 * and an anchor must name a heading of the page it points into.
 */
import { dirname, join, posix, relative, sep } from 'node:path';
import GithubSlugger from 'github-slugger';
import { orList, suggest, type MarkdownDocument, type Program } from '@trustlint/model';
import type { Span } from '@trustlint/parser';
import { createRule } from '../create-rule.js';
import { headingsOf } from '../policy-markdown.js';

export type Options = Record<string, never>;
export type MessageIds = 'missingFile' | 'missingAnchor' | 'missingAnchorHere';

/** The anchors of a page's headings, as GitHub renders them (`## Roles & duties` → `roles--duties`). */
function anchorsOf(policy: MarkdownDocument): string[] {
  const slugger = new GithubSlugger();
  return headingsOf(policy).map((heading) => slugger.slug(heading.text));
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Links, images and definitions with a relative destination, each with the span of its destination. */
function relativeLinks(policy: MarkdownDocument): { url: string; span: Span }[] {
  const links: { url: string; span: Span }[] = [];
  for (const { url, destination } of policy.outline().links) {
    if (url === '' || /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) continue;
    links.push({ url, span: destination });
  }
  return links;
}

export const rule = createRule<MessageIds, Options>({
  name: 'broken-link',
  meta: {
    type: 'problem',
    docs: {
      description: 'Report relative links in policies and other documents that lead to a missing file or to an anchor that no heading has.',
      category: 'references',
    },
    messages: {
      missingFile: 'Broken link to `{{url}}`: there is no file {{target}}; expected {{expected}}.',
      missingAnchor: 'Broken link to `{{url}}`: {{target}} has no heading with the anchor `#{{anchor}}`; expected one of {{anchors}}.',
      missingAnchorHere: 'Broken link to `{{url}}`: no heading of this policy has the anchor `#{{anchor}}`; expected one of {{anchors}}.',
    },
    schema: undefined,
    defaultOptions: {},
    severity: 'error',
    scope: 'program',
    factsOnly: true,
  },
  create(context) {
    const { program } = context;
    const pages: MarkdownDocument[] = [...program.policies, ...program.documents];
    const policies = new Map(pages.map((page) => [programPath(program, page.file), page]));
    const namesByFolder = new Map<string, string[]>();
    for (const entry of program.files) {
      const path = programPath(program, entry.file);
      const folder = posix.dirname(path);
      const names = namesByFolder.get(folder);
      if (names) names.push(posix.basename(path));
      else namesByFolder.set(folder, [posix.basename(path)]);
    }
    // Many links lead to the same few files and pages: ask the disk and slug the headings once for each.
    const exists = new Map<string, boolean>();
    const fileExists = (target: string): boolean => {
      let found = exists.get(target);
      if (found === undefined) exists.set(target, (found = program.fileExists(target)));
      return found;
    };
    const anchors = new Map<MarkdownDocument, string[]>();
    const anchorsOfPage = (page: MarkdownDocument): string[] => {
      let found = anchors.get(page);
      if (found === undefined) anchors.set(page, (found = anchorsOf(page)));
      return found;
    };
    for (const policy of pages) {
      const from = programPath(program, policy.file);
      for (const { url, span } of relativeLinks(policy)) {
        // On a Hugo site, `/path/` is a route of the published site, not a file of the repository.
        if (policy.dialect === 'hugo' && url.startsWith('/')) continue;
        const [rawPath = '', rawAnchor = ''] = url.split('#', 2);
        const path = decode(rawPath.split('?')[0] ?? '');
        const anchor = decode(rawAnchor);
        const at = { file: policy.file, span };
        if (path === '') {
          checkAnchor(policy, anchor, 'missingAnchorHere', url, at);
          continue;
        }
        const target = path.startsWith('/')
          ? relative(program.root, join(program.repoRoot, path)).split(sep).join('/')
          : posix.normalize(posix.join(posix.dirname(from), path));
        if (!fileExists(target)) {
          const close = suggest(posix.basename(target), namesByFolder.get(posix.dirname(target)) ?? []);
          const folder = rawPath.slice(0, rawPath.length - posix.basename(rawPath).length);
          context.report({
            messageId: 'missingFile',
            data: {
              url,
              target: repoPath(program, target),
              expected: close.length ? `${orList(close.map((name) => folder + name))} (a close match)` : 'the path of an existing file, relative to this one',
            },
            at,
          });
          continue;
        }
        const linked = policies.get(target);
        if (anchor !== '' && linked) checkAnchor(linked, anchor, 'missingAnchor', url, at);
      }
    }

    function checkAnchor(page: MarkdownDocument, anchor: string, messageId: 'missingAnchor' | 'missingAnchorHere', url: string, at: { file: MarkdownDocument['file']; span: Span }): void {
      const headings = anchorsOfPage(page);
      if (anchor === '' || headings.includes(anchor.toLowerCase())) return;
      const close = suggest(anchor, headings);
      const listed = close.length ? close : headings.slice(0, 8);
      context.report({
        messageId,
        data: { url, anchor, target: page.file.path, anchors: listed.length ? orList(listed.map((name) => `#${name}`)) : 'a heading (it has none)' },
        at,
      });
    }
  },
});

/** A file's path relative to the program root, with `/`. */
function programPath(program: Program, file: { absolutePath: string }): string {
  return relative(program.root, file.absolutePath).split(sep).join('/');
}

/** A program-relative path as findings name files: relative to the repository. */
function repoPath(program: Program, path: string): string {
  return relative(program.repoRoot, join(program.root, path)).split(sep).join('/') || dirname(path);
}
