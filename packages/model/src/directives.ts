/**
 * Inline suppressions, written in a comment:
 *
 *     # trustlint-disable-next-line owner-inactive until 2027-03-01 -- Carol is on leave
 *     <!-- trustlint-disable-file review-overdue -- retired in the next release -->
 *
 * `disable-next-line` covers the next line that is not blank and not a
 * comment; `disable-file` covers the whole file. Rule ids are required, a
 * reason after `--` is required, and `until YYYY-MM-DD` is optional.
 */
import type { SourceFile, Span } from '@trustlint/parser';
import { parseDate } from './dates.js';

export interface DirectiveRule {
  id: string;
  span: Span;
}

export interface Directive {
  kind: 'next-line' | 'file';
  rules: DirectiveRule[];
  /** The reason after `--`, trimmed; empty when missing. */
  reason: string;
  /** The expiry date when it is valid. */
  until: string | undefined;
  /** The expiry as written, when it is not a valid date. */
  invalidUntil: string | undefined;
  /** The directive text inside the comment. */
  span: Span;
  /** The 1-based line a next-line directive covers (undefined at the end of the file). */
  targetLine: number | undefined;
}

const MARKER = 'trustlint-disable';
const YAML_COMMENT = /(?:^|\s)#\s*(trustlint-disable-(?:next-line|file)\b[^\n\r]*)$/;
const HTML_COMMENT = /<!--\s*(trustlint-disable-(?:next-line|file)\b.*?)\s*-->/;
const COMMENT_ONLY = /^\s*(?:#.*|<!--.*-->)?\s*$/;

/** Parses the directive text `trustlint-disable-… rules [until DATE] -- reason`, located at `offset`. */
function parseDirective(text: string, offset: number): Omit<Directive, 'targetLine'> {
  const kind = text.startsWith('trustlint-disable-file') ? 'file' : 'next-line';
  const head = kind === 'file' ? 'trustlint-disable-file' : 'trustlint-disable-next-line';
  const separator = text.indexOf('--', head.length);
  const body = separator >= 0 ? text.slice(head.length, separator) : text.slice(head.length);
  const reason = separator >= 0 ? text.slice(separator + 2).trim() : '';
  const rules: DirectiveRule[] = [];
  let until: string | undefined;
  let invalidUntil: string | undefined;
  const words = [...body.matchAll(/[^\s,]+/g)];
  for (let index = 0; index < words.length; index++) {
    const word = words[index] as RegExpMatchArray;
    if (word[0] === 'until') {
      const date = words[index + 1]?.[0] ?? '';
      until = parseDate(date);
      if (until === undefined) invalidUntil = date;
      index++;
      continue;
    }
    const start = offset + head.length + (word.index ?? 0);
    rules.push({ id: word[0], span: { start, end: start + word[0].length } });
  }
  return { kind, rules, reason, until, invalidUntil, span: { start: offset, end: offset + text.trimEnd().length } };
}

/**
 * Finds the directives of a file. `markdown` files take HTML comments in
 * their body and `#` comments in their front matter (which ends at
 * `frontMatterEnd`); YAML files take `#` comments.
 */
export function parseDirectives(file: SourceFile, kind: 'yaml' | 'markdown', frontMatterEnd = 0): Directive[] {
  if (!file.text.includes(MARKER)) return [];
  const directives: Directive[] = [];
  for (let line = 1; line <= file.lineCount; line++) {
    const text = file.lineText(line);
    if (!text.includes(MARKER)) continue;
    const lineStart = file.lineStarts[line - 1] ?? 0;
    const inYaml = kind === 'yaml' || lineStart < frontMatterEnd;
    const match = (inYaml ? YAML_COMMENT : HTML_COMMENT).exec(text);
    const directiveText = match?.[1];
    if (match === null || directiveText === undefined) continue;
    const offset = lineStart + match.index + match[0].indexOf(directiveText);
    const directive = parseDirective(directiveText, offset);
    directives.push({ ...directive, targetLine: directive.kind === 'next-line' ? nextCodeLine(file, line) : undefined });
  }
  return directives;
}

/** The first line after `line` that is neither blank nor only a comment. */
function nextCodeLine(file: SourceFile, line: number): number | undefined {
  for (let next = line + 1; next <= file.lineCount; next++) {
    if (!COMMENT_ONLY.test(file.lineText(next))) return next;
  }
  return undefined;
}
