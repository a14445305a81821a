import { join } from 'node:path';
import { resolveRules, runRules } from '@trustlint/engine';
import { loadConfig, loadProgram } from '@trustlint/model';
import { SAMPLE, TODAY } from '@trustlint/test-support';
import { describe, expect, it } from 'vitest';
import { brief, lintFiles } from '../testing/lint.js';
import { rule } from './broken-link.js';

const policy = (body: string) => `---\nid: POL-X\n---\n# Access Control\n\n## Scope and duties\n\n${body}\n`;
const other = '---\nid: POL-DATA\n---\n# Data Classification\n\n## Levels\n\nText.\n';

function lint(body: string, extra: Record<string, string> = {}) {
  return lintFiles({ 'policies/access.md': policy(body), 'policies/data.md': other, 'docs/guide.md': '# Guide\n', ...extra }, { rules: [rule], config: 'paths:\n  policies: ["policies/*.md"]\n' }).findings.map(brief);
}

describe('broken-link', () => {
  it('accepts links to existing files, headings of this page and of other policies, and external links', () => {
    expect(
      lint(
        [
          'See [data](./data.md), [levels](data.md#levels), [scope](#scope-and-duties),',
          '[guide](../docs/guide.md), [root guide](/docs/guide.md), [web](https://example.com/x.md), [mail](mailto:a@example.com).',
          '',
          '[ref]: ./data.md#levels',
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it('reports a missing file at the URL, suggesting a close name', () => {
    expect(lint('See [data](./data-clasification.md).', { 'policies/data-classification.md': other.replace('POL-DATA', 'POL-DC') })).toEqual([
      {
        ruleId: 'broken-link',
        messageId: 'missingFile',
        message:
          'Broken link to `./data-clasification.md`: there is no file policies/data-clasification.md; expected `./data-classification.md` (a close match).',
        file: 'policies/access.md',
        line: 8,
        column: 12,
        endLine: 8,
        endColumn: 35,
      },
    ]);
  });

  it('reports an anchor that no heading of the linked policy has', () => {
    expect(lint('See [levels](./data.md#level).')).toEqual([
      expect.objectContaining({
        messageId: 'missingAnchor',
        message: 'Broken link to `./data.md#level`: policies/data.md has no heading with the anchor `#level`; expected one of `#levels`.',
        line: 8,
        column: 14,
        endColumn: 29,
      }),
    ]);
  });

  it('reports an anchor of this page that does not exist, in images and definitions too', () => {
    const findings = lint('![diagram](./missing.png)\n\n[ref]: #duties');
    expect(findings.map((f) => [f.messageId, f.line, f.column, f.endColumn])).toEqual([
      ['missingFile', 8, 12, 25],
      ['missingAnchorHere', 10, 8, 15],
    ]);
    expect(findings[1]?.message).toBe(
      'Broken link to `#duties`: no heading of this policy has the anchor `#duties`; expected one of `#access-control` or `#scope-and-duties`.',
    );
  });

  it('leaves the site routes of a Hugo site alone', () => {
    const findings = lintFiles(
      { 'policies/access.md': '---\ntitle: Access\nslug: access\n---\nSee [vendors](/security-policies/vendor/) and [x](./missing.md).\n' },
      { rules: [rule], config: 'dialect: hugo\npaths:\n  policies: ["policies/*.md"]\n' },
    ).findings;
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining('`./missing.md`')]);
  });

  it('ignores links inside code', () => {
    expect(lint('`[x](./missing.md)`\n\n```\n[y](./missing.md)\n```')).toEqual([]);
  });

  it('finds nothing in the sample program', () => {
    const config = loadConfig(join(SAMPLE, 'trustlint.config.yaml'));
    const program = loadProgram(config);
    expect(runRules({ program, rules: resolveRules([rule], config), today: TODAY }).findings).toEqual([]);
  });
});
