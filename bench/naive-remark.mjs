// The naive pipeline the performance work started from: js-yaml `load` of
// every YAML file and unified + remark-parse + remark-frontmatter over every
// Markdown file, with no positions kept and no rules. Usage: node bench/naive-remark.mjs PROGRAM
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const root = process.argv[2];
const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
let count = 0;
for (const path of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
  if (!/\.(md|ya?ml)$/.test(path)) continue;
  const text = readFileSync(join(root, path), 'utf8');
  if (path.endsWith('.md')) markdown.parse(text);
  else loadAll(text);
  count++;
}
process.stdout.write(`${count}\n`);
