/**
 * ESLint builds a message from a rule's message template and a report's
 * `data`; trustlint's engine hands out the message already built. The data
 * is recovered by matching the message against its own template: literal
 * parts must match exactly and each `{{name}}` takes what lies between them
 * (the same name, the same text). Putting the recovered values back into the
 * template gives the message again, character for character, which ESLint
 * then does — so the wording exists once, in the trustlint rule's metadata.
 */

/** trustlint's placeholder syntax (model's `interpolate`). */
const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const compiled = new Map<string, { pattern: RegExp; names: string[] }>();

function compile(template: string): { pattern: RegExp; names: string[] } {
  let found = compiled.get(template);
  if (found) return found;
  const names: string[] = [];
  let source = '^';
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    source += escapeRegExp(template.slice(last, match.index));
    const seen = names.indexOf(name);
    if (seen >= 0) {
      source += `\\${seen + 1}`;
    } else {
      names.push(name);
      source += '([\\s\\S]*?)';
    }
    last = match.index + match[0].length;
  }
  source += `${escapeRegExp(template.slice(last))}$`;
  found = { pattern: new RegExp(source), names };
  compiled.set(template, found);
  return found;
}

/**
 * The placeholder values that turn `template` into `message`, or undefined
 * when the message was not built from that template.
 */
export function placeholderData(template: string, message: string): Record<string, string> | undefined {
  const { pattern, names } = compile(template);
  const match = pattern.exec(message);
  if (!match) return undefined;
  return Object.fromEntries(names.map((name, index) => [name, match[index + 1] ?? '']));
}
