// The parse-only floor: read every file of a program and parse it the way
// trustlint does (YAML with positions, front matter, the Markdown outline),
// with no model and no rules. Usage: node bench/parse-floor.mjs PROGRAM
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findFrontMatter, outlineMarkdown, parseYaml, SourceFile } from '@trustlint/parser';

const root = process.argv[2];
let count = 0;
for (const path of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
  if (!/\.(md|ya?ml)$/.test(path)) continue;
  const file = new SourceFile(path, readFileSync(join(root, path), 'utf8'));
  if (path.endsWith('.md')) {
    const frontMatter = findFrontMatter(file.text);
    if (frontMatter.kind === 'yaml' && frontMatter.closed) parseYaml(file, { span: frontMatter.content });
    outlineMarkdown(file.text, frontMatter);
  } else parseYaml(file);
  count++;
}
process.stdout.write(`${count}\n`);
