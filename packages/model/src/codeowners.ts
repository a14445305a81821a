/**
 * CODEOWNERS, as GitHub reads it: one pattern and its owners per line, the
 * last matching line wins. Patterns follow gitignore with GitHub's
 * differences: no `!` negation, no `[ ]` ranges, and a `*` segment matches
 * exactly one path segment (`docs/*` owns `docs/a.md`, not `docs/x/b.md`).
 */
import type { SourceFile, Span } from '@trustlint/parser';

export interface CodeownersEntry {
  /** The pattern as written. */
  pattern: string;
  /** Owners as written: `@user`, `@org/team` or an email address. */
  owners: string[];
  /** 1-based line number. */
  line: number;
  /** The pattern's span in the file. */
  span: Span;
  /** The whole line's span (pattern and owners). */
  lineSpan: Span;
  matches(path: string): boolean;
}

export interface CodeownersProblem {
  message: string;
  span: Span;
}

export interface Codeowners {
  file: SourceFile;
  /** The folder its patterns are relative to, repository-relative ('' for the root). */
  root: string;
  entries: CodeownersEntry[];
  problems: CodeownersProblem[];
  /** The entry that decides a repository-relative path's owners, if any (the last match). */
  entryFor(path: string): CodeownersEntry | undefined;
}

/**
 * The folder a CODEOWNERS file's patterns are relative to: the folder that
 * holds its `.github/` or `docs/` folder, or else its own folder.
 */
export function codeownersRoot(path: string): string {
  const parts = path.split('/').slice(0, -1);
  if (parts.at(-1) === '.github' || parts.at(-1) === 'docs') parts.pop();
  return parts.join('/');
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Translates one CODEOWNERS pattern into a regular expression over root-relative paths. */
export function patternToRegex(pattern: string): RegExp {
  if (pattern === '/') return /^$/;
  let segments = pattern.split('/');
  if (segments[0] === '') {
    segments = segments.slice(1);
  } else if ((segments.length === 1 || (segments.length === 2 && segments[1] === '')) && segments[0] !== '**') {
    // A single segment (`*.md`, `docs/`) matches at any depth.
    segments = ['**', ...segments];
  }
  if (segments.length > 1 && segments.at(-1) === '') segments[segments.length - 1] = '**';
  const last = segments.length - 1;
  let source = '^';
  let needSlash = false;
  segments.forEach((segment, index) => {
    if (segment === '**') {
      if (index === 0 && index === last) source += '.+';
      else if (index === 0) {
        source += '(?:.+/)?';
        needSlash = false;
      } else if (index === last) source += '/.*';
      else {
        source += '(?:/.+)?';
        needSlash = true;
      }
      return;
    }
    if (needSlash) source += '/';
    if (segment === '*') {
      source += '[^/]+';
    } else {
      let escaped = false;
      for (const char of segment) {
        if (escaped) {
          source += escapeRegex(char);
          escaped = false;
        } else if (char === '\\') escaped = true;
        else if (char === '*') source += '[^/]*';
        else if (char === '?') source += '[^/]';
        else source += escapeRegex(char);
      }
      // A name without a trailing slash also owns everything beneath it.
      if (index === last) source += '(?:/.*)?';
    }
    needSlash = true;
  });
  return new RegExp(`${source}$`);
}

/** Splits a line at unescaped whitespace, keeping each token's offset. */
function tokens(line: string): { text: string; offset: number }[] {
  const found: { text: string; offset: number }[] = [];
  const pattern = /(?:\\.|[^\s\\])+/g;
  for (const match of line.matchAll(pattern)) found.push({ text: match[0], offset: match.index });
  return found;
}

export function parseCodeowners(file: SourceFile, root: string = codeownersRoot(file.path)): Codeowners {
  const entries: CodeownersEntry[] = [];
  const problems: CodeownersProblem[] = [];
  for (let line = 1; line <= file.lineCount; line++) {
    const start = file.lineStarts[line - 1] ?? 0;
    let text = file.lineText(line);
    const comment = /(^|\s)#/.exec(text);
    if (comment) text = text.slice(0, comment.index);
    const [first, ...rest] = tokens(text);
    if (first === undefined) continue;
    const span = { start: start + first.offset, end: start + first.offset + first.text.length };
    const lastToken = rest.at(-1) ?? first;
    const lineSpan = { start: span.start, end: start + lastToken.offset + lastToken.text.length };
    if (first.text.startsWith('!')) {
      problems.push({ message: `Pattern \`${first.text}\` uses \`!\` negation, which GitHub does not support in CODEOWNERS; this line matches nothing.`, span });
      continue;
    }
    if (/(^|[^\\])\[/.test(first.text)) {
      problems.push({ message: `Pattern \`${first.text}\` uses a \`[ ]\` character range, which GitHub does not support in CODEOWNERS; this line matches nothing.`, span });
      continue;
    }
    if (first.text.includes('***')) {
      problems.push({ message: `Pattern \`${first.text}\` has three asterisks in a row; GitHub ignores this line.`, span });
      continue;
    }
    const regex = patternToRegex(first.text);
    entries.push({
      pattern: first.text,
      owners: rest.map((token) => token.text),
      line,
      span,
      lineSpan,
      matches: (path) => regex.test(path),
    });
  }
  const prefix = root === '' ? '' : `${root}/`;
  return {
    file,
    root,
    entries,
    problems,
    entryFor(path) {
      if (!path.startsWith(prefix)) return undefined;
      const relative = path.slice(prefix.length);
      for (let index = entries.length - 1; index >= 0; index--) {
        const entry = entries[index] as CodeownersEntry;
        if (entry.matches(relative)) return entry;
      }
      return undefined;
    },
  };
}
