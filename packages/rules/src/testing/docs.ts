/**
 * Rule docs that cannot drift from the code.
 *
 * Each rule has `docs/<name>.md`. The part between the `generated` markers
 * (description, category, severity, scope, options and messages) is rendered
 * from the rule's metadata; the rest is prose and examples. Examples are
 * fenced code blocks titled with a file path under an "Incorrect" or
 * "Correct" heading; an incorrect example ends with a `findings` block that
 * lists exactly what the rule reports, and tests run every example.
 */
import type { AnyRule } from '@trustlint/engine';
import { parseMarkdown } from '@trustlint/parser';
import type { Code, Heading, RootContent } from 'mdast';

export const GENERATED_START = '<!-- begin generated from rule metadata: edit the rule, then run `npm run docs` -->';
export const GENERATED_END = '<!-- end generated -->';

function describeOptions(schema: AnyRule['meta']['schema'], defaults: object): string[] {
  if (schema === undefined) return ['This rule has no options.'];
  const properties = (schema.properties ?? {}) as Record<string, { description?: string; type?: string | string[] }>;
  const rows = Object.entries(properties).map(([name, property]) => {
    const fallback = (defaults as Record<string, unknown>)[name];
    const type = Array.isArray(property.type) ? property.type.join(' \\| ') : (property.type ?? 'any');
    return `| \`${name}\` | ${type} | \`${JSON.stringify(fallback)}\` | ${property.description ?? ''} |`;
  });
  return ['| option | type | default | description |', '| --- | --- | --- | --- |', ...rows];
}

/** The generated section of a rule's page. */
export function renderGenerated(rule: AnyRule): string {
  const { meta } = rule;
  const messages = Object.entries(meta.messages).map(([id, template]) => `| \`${id}\` | ${template.replace(/\|/g, '\\|')} |`);
  return [
    GENERATED_START,
    '',
    `> ${meta.docs.description}`,
    '',
    '| | |',
    '| --- | --- |',
    `| Category | ${meta.docs.category} |`,
    `| Default severity | ${meta.severity} |`,
    `| Scope | ${meta.scope === 'file' ? 'file (also runs in the editor)' : 'program (runs in the CLI and the Action)'} |`,
    ...(meta.needsBase ? ['| Needs | `--base REF` |'] : []),
    '',
    '### Options',
    '',
    ...describeOptions(meta.schema, meta.defaultOptions),
    '',
    '### Messages',
    '',
    '| id | message |',
    '| --- | --- |',
    ...messages,
    '',
    GENERATED_END,
  ].join('\n');
}

/** A page with its generated section brought up to date (or added after the title). */
export function updatePage(page: string, rule: AnyRule): string {
  const start = page.indexOf(GENERATED_START);
  const end = page.indexOf(GENERATED_END);
  if (start >= 0 && end > start) return page.slice(0, start) + renderGenerated(rule) + page.slice(end + GENERATED_END.length);
  const titleEnd = page.indexOf('\n') + 1;
  return `${page.slice(0, titleEnd)}\n${renderGenerated(rule)}\n${page.slice(titleEnd)}`;
}

export interface DocExample {
  kind: 'incorrect' | 'correct';
  /** The heading it sits under. */
  title: string;
  /** Files by path (the config among them, if given). */
  files: Record<string, string>;
  /** For incorrect examples: the findings listed, one per line. */
  findings: string[];
  /** Where the example starts in the page. */
  line: number;
}

function titleOf(node: Code): string | undefined {
  return /title="([^"]+)"/.exec(node.meta ?? '')?.[1];
}

function headingText(node: Heading): string {
  return node.children.map((child) => ('value' in child ? child.value : '')).join('');
}

/** The examples of a rule page. */
export function parseExamples(page: string): DocExample[] {
  const examples: DocExample[] = [];
  let current: DocExample | undefined;
  const visit = (node: RootContent): void => {
    if (node.type === 'heading') {
      const text = headingText(node);
      const kind = /\bincorrect\b/i.test(text) ? 'incorrect' : /\bcorrect\b/i.test(text) ? 'correct' : undefined;
      current = kind ? { kind, title: text, files: {}, findings: [], line: node.position?.start.line ?? 0 } : undefined;
      if (current) examples.push(current);
      return;
    }
    if (node.type !== 'code' || current === undefined) return;
    const title = titleOf(node);
    if (title === 'findings') current.findings = node.value.split('\n').filter((line) => line.trim() !== '');
    else if (title !== undefined) current.files[title] = `${node.value}\n`;
  };
  parseMarkdown(page).children.forEach(visit);
  return examples;
}

/** How a finding is written in a `findings` block. */
export function formatFindingLine(finding: { file: string; line: number; column: number; endLine: number; endColumn: number; message: string }): string {
  return `${finding.file}:${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn} ${finding.message}`;
}

export const README_START = '<!-- begin rules table: generated from rule metadata by `npm run docs` -->';
export const README_END = '<!-- end rules table -->';

/** The README's table of rules, one row per rule. */
export function renderRulesTable(rules: readonly AnyRule[], docsPath: string): string {
  const rows = rules.map(
    (rule) => `| [\`${rule.name}\`](${docsPath}${rule.name}.md) | ${rule.meta.docs.category} | ${rule.meta.severity} | ${rule.meta.scope} | ${rule.meta.docs.description} |`,
  );
  return [README_START, '', '| rule | category | default | scope | what it checks |', '| --- | --- | --- | --- | --- |', ...rows, '', README_END].join('\n');
}

/** The README with its rules table brought up to date. */
export function updateReadme(readme: string, rules: readonly AnyRule[], docsPath: string): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error('README.md has no rules table markers');
  return readme.slice(0, start) + renderRulesTable(rules, docsPath) + readme.slice(end + README_END.length);
}
