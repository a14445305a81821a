import { interpolate } from '@trustlint/model';
import { describe, expect, it } from 'vitest';
import { placeholderData } from './placeholders.js';
import { fileRules } from './rules.js';

/** ESLint's interpolation: `{{ name }}` replaced from data when data has it, left as it is otherwise. */
function eslintInterpolate(template: string, data: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{([^{}]+)\}\}/gu, (whole, term: string) => data[term.trim()] ?? whole);
}

const TRICKY = ['', 'plain', '`code` and "quotes"', 'a {{nested}} placeholder', '$& $1 $$', 'two\nlines', '(.*)?[]\\', ';'];

describe('placeholder data recovered from a message', () => {
  it('gives back every message of every file rule word for word through ESLint\'s interpolation', () => {
    let checked = 0;
    for (const rule of fileRules) {
      for (const template of Object.values<string>(rule.meta.messages)) {
        const names = [...new Set([...template.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((match) => match[1] ?? ''))];
        for (const [index, value] of TRICKY.entries()) {
          const data = Object.fromEntries(names.map((name, position) => [name, TRICKY[(index + position) % TRICKY.length] ?? value]));
          const message = interpolate(template, data);
          const recovered = placeholderData(template, message);
          expect(recovered, `${rule.name}: ${template}`).toBeDefined();
          expect(eslintInterpolate(template, recovered ?? {})).toBe(message);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('keeps a name used twice consistent, and refuses a message its template cannot make', () => {
    expect(placeholderData('`{{section}}` is missing; add `## {{section}}`.', '`Scope` is missing; add `## Scope`.')).toEqual({ section: 'Scope' });
    expect(placeholderData('`{{section}}` is missing; add `## {{section}}`.', '`Scope` is missing; add `## Purpose`.')).toBeUndefined();
    expect(placeholderData('Unexpected owner `{{id}}`.', 'Something else entirely.')).toBeUndefined();
  });
});
