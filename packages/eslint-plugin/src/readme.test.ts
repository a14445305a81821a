/**
 * The README's "In your editor" section says what the code does: the rules
 * it lists as running in the editor are the file rules, the others are the
 * program rules, and its VS Code settings are the ones `trustlint init
 * --editor vscode` writes for the default layout.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { init } from '@trustlint/core';
import { rules } from '@trustlint/rules';
import { REPOSITORY, TODAY } from '@trustlint/test-support';
import { describe, expect, it } from 'vitest';
import plugin from './index.js';

function editorSection(): string {
  const readme = readFileSync(join(REPOSITORY, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## In your editor\n');
  expect(start, 'README.md has a section "In your editor"').toBeGreaterThanOrEqual(0);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** The rule names in the list item that starts with `label`. */
function listed(section: string, label: string): string[] {
  const item = section.split('\n- ').find((entry) => entry.startsWith(label));
  expect(item, `a list item starting with ${label}`).toBeDefined();
  const names = new Set(rules.map((rule) => rule.name));
  return [...(item ?? '').matchAll(/`([a-z0-9-]+)`/g)].map((match) => match[1] ?? '').filter((name) => names.has(name));
}

describe('README: In your editor', () => {
  it('lists the file rules as running in the editor and the program rules as staying in the CLI', () => {
    const section = editorSection();
    expect(listed(section, '**In the editor and in the CLI**')).toEqual(rules.filter((rule) => rule.meta.scope === 'file').map((rule) => rule.name));
    expect(listed(section, '**Only in the CLI and the Action**')).toEqual(rules.filter((rule) => rule.meta.scope === 'program').map((rule) => rule.name));
    expect(Object.keys(plugin.rules)).toEqual(rules.filter((rule) => rule.meta.scope === 'file').map((rule) => rule.name));
  });

  it('shows the VS Code settings that `trustlint init --editor vscode` writes for the default layout', () => {
    const block = /```json\n([\s\S]*?)\n```/.exec(editorSection())?.[1];
    expect(block).toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), 'trustlint-readme-'));
    init(dir, { today: TODAY, person: { name: 'Maya Okafor', email: 'maya@example.com' }, editor: 'vscode' });
    expect(JSON.parse(block ?? '')).toEqual(JSON.parse(readFileSync(join(dir, '.vscode/settings.json'), 'utf8')));
  });
});
