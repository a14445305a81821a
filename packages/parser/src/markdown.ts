/**
 * Markdown documents: unified + remark-parse (+ remark-frontmatter), with
 * positions as offsets into the whole file, front matter included.
 */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { FrontMatter } from './front-matter.js';

function createProcessor() {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']);
}

let processor: ReturnType<typeof createProcessor> | undefined;

function markdownProcessor(): ReturnType<typeof createProcessor> {
  processor ??= createProcessor();
  return processor;
}

/**
 * Parses a Markdown text into mdast. A comply header (which remark would read
 * as a paragraph and a setext heading) is blanked out first, keeping its line
 * breaks, so that every offset in the tree is still an offset into `text`.
 */
export function parseMarkdown(text: string, frontMatter?: FrontMatter): Root {
  let input = text;
  if (frontMatter && frontMatter.kind === 'comply') {
    const { end } = frontMatter.block;
    input = text.slice(0, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
  }
  return markdownProcessor().parse(input);
}
