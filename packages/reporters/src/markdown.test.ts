import { soc2 } from '@trustlint/catalogs';
import { describe, expect, it } from 'vitest';
import { control, sampleCoverage } from './__fixtures__/coverage.js';
import { finding, realisticFindings, report } from './__fixtures__/reports.js';
import { formatters } from './index.js';
import { coverageMarkdown, MARKDOWN_MAX_LENGTH, markdownReport } from './markdown.js';
import type { Report } from './report.js';

/** Security and Availability fully covered by one implemented control. */
function completeCoverage() {
  const ids = soc2.criteria.filter((c) => c.category === 'security' || c.category === 'availability').map((c) => c.id);
  return sampleCoverage([control('controls/all.yaml', `id: ALL-01\nowner: security\nstatus: implemented\nsatisfies: {soc2: [${ids.join(', ')}]}\n`)], '{soc2: {categories: [security, availability]}}');
}

function sample(extra: Partial<Report> = {}): Report {
  return report(realisticFindings(), { coverage: sampleCoverage(), ...extra });
}

/** Many findings with long messages, to push the limits. */
function manyFindings(count: number) {
  return Array.from({ length: count }, (_, index) =>
    finding({ line: index + 1, message: `Unexpected criterion \`CC9.${index}\`: not a SOC 2 criterion; ${'a long explanation '.repeat(10)}` }),
  );
}

describe('markdown', () => {
  it('is registered as a format and is the same as markdownReport with the defaults', () => {
    expect(formatters.markdown?.(sample(), { color: true })).toBe(markdownReport(sample()));
  });

  it('opens with the verdict, the counts, the program and the date', () => {
    const lines = markdownReport(sample()).split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '## ❌ trustlint: 7 problems (5 errors, 1 warning, 1 info) · 125 in-scope criteria uncovered',
      '',
      '**Acme Cloud** · judged on 2026-11-22',
    ]);
    const clean = markdownReport(report([], { coverage: completeCoverage() }));
    expect(clean.split('\n')[0]).toBe('## ✅ trustlint: no problems · every in-scope criterion covered');
  });

  it('fails the verdict at the threshold it is given, and always on uncovered criteria', () => {
    const warnings = report([finding({ severity: 'warning' })], { coverage: completeCoverage() });
    expect(markdownReport(warnings)).toMatch(/^## ✅ trustlint: 1 problem \(0 errors, 1 warning\)/);
    expect(markdownReport(warnings, { failOn: 'warning' })).toMatch(/^## ❌ /);
    expect(markdownReport(report([finding({})], { coverage: completeCoverage() }), { failOn: 'never' })).toMatch(/^## ✅ /);
    expect(markdownReport(report([], { coverage: sampleCoverage() }), { failOn: 'never' })).toMatch(/^## ❌ trustlint: no problems · 125 in-scope criteria uncovered/);
  });

  it('has a table of category totals per framework, then the criteria by category, gaps open and complete ones folded', () => {
    const text = markdownReport(report([], { coverage: completeCoverage() }));
    expect(text).toContain(
      [
        '### SOC 2 coverage: 36/36 covered',
        '',
        '| category | covered | partial | uncovered | excluded | total |',
        '| --- | ---: | ---: | ---: | ---: | ---: |',
        '| ✔ Security | 33 | 0 | 0 | 0 | 33 |',
        '| ✔ Availability | 3 | 0 | 0 | 0 | 3 |',
        '',
        '<details>',
        '<summary>✔ Security: 33/33 covered</summary>',
        '',
        '| state | criterion | title | controls |',
        '| --- | --- | --- | --- |',
        '| ✔ covered | CC1\\.1 | Ethical tone and conduct | `ALL-01` (implemented, `security`) |',
      ].join('\n'),
    );
    const gaps = markdownReport(sample());
    expect(gaps).toContain('### SOC 2 coverage: 3/35 covered, 2 partial, 30 uncovered, 1 excluded');
    expect(gaps).toContain('### ISO/IEC 27001 coverage: 0/93 covered, 1 partial, 92 uncovered');
    expect(gaps).toContain('<details open>\n<summary>◐ Availability: 1/2 covered, 1 partial, 1 excluded</summary>');
    expect(gaps).toContain(
      [
        '| ◐ partial | A1\\.2 | Environmental protection, backup and recovery infrastructure | (no id) in `controls/c.yaml` (partially\\-implemented, no owner) |',
        '| – excluded | A1\\.3 | Recovery plan testing | excluded: Done by the hosting provider\\. (approved by `erin`) |',
        '| ✔ covered | A1\\.1 | Capacity management | `AC-01` (implemented, `security`) |',
      ].join('\n'),
    );
    expect(gaps).toContain('| ✔ covered | CC1\\.1 | Ethical tone and conduct | `AC-01` (implemented, `security`)<br>`PLAN-01` (planned, `sre`) |');
    // Categories with gaps come before complete ones.
    const mixed = markdownReport(
      report([], {
        coverage: sampleCoverage(
          [control('a.yaml', `id: A\nstatus: implemented\nowner: x\nsatisfies: {soc2: [${soc2.criteria.filter((c) => c.category === 'security').map((c) => c.id).join(', ')}]}\n`)],
          '{soc2: {categories: [security, availability]}}',
        ),
      }),
    );
    expect(mixed.indexOf('<summary>✖ Availability')).toBeLessThan(mixed.indexOf('<summary>✔ Security'));
    expect(mixed).toContain('<details>\n<summary>✔ Security: 33/33 covered</summary>');
  });

  it('lists findings with severity, place, the rule linked to its docs and the message', () => {
    const text = markdownReport(sample());
    expect(text).toContain(
      [
        '### Findings',
        '',
        '| severity | location | rule | message |',
        '| --- | --- | --- | --- |',
        '| ✖ error | `controls/access-review.yaml:2:5` | [duplicate\\-id](https://github.com/trustlint/trustlint/blob/main/packages/rules/docs/duplicate-id.md) | Duplicate control id `AC-01`\\: first defined at controls/access\\.yaml\\:2; expected every control id to be unique\\. |',
      ].join('\n'),
    );
    expect(text).toContain('| ⚠ warning | `policies/access-control.md:9:16` |');
    expect(text).toContain('| ℹ info | `policies/information-security.md:14:22` |');
    expect(text).toContain('| ✖ error | `policies/vendor management.md:1:1` |');
    expect(text).not.toContain('more finding');
  });

  it('links a rule only to an https URL that cannot break out of the link', () => {
    const links = ['http://docs.example/r', 'javascript:alert(1)', 'https://docs.example/a)b', 'https://docs.example/a b', 'https://docs.example/a|b', 'data:text/html,x'];
    const text = markdownReport(report(links.map((url) => finding({ ruleId: 'plugin-rule', url }))));
    expect(text).not.toContain('](');
    expect(text.match(/\| `plugin-rule` \|/g)).toHaveLength(links.length);
    expect(markdownReport(report([finding({ ruleId: 'plugin-rule', url: 'https://docs.example/plugin-rule#options' })]))).toContain(
      '| [plugin\\-rule](https://docs.example/plugin-rule#options) |',
    );
  });

  it('shows the first maxFindings findings and says how many more there are', () => {
    const text = markdownReport(sample(), { maxFindings: 3 });
    expect(text.match(/^\| (✖ error|⚠ warning|ℹ info) \|/gm)).toHaveLength(3);
    expect(text).toContain('\n… and 4 more findings: run `trustlint lint` locally or see the job log.\n');
    expect(markdownReport(sample(), { maxFindings: 6 })).toContain('… and 1 more finding: run');
    const none = markdownReport(sample(), { maxFindings: 0 });
    expect(none).not.toContain('| severity |');
    expect(none).toContain('\n7 findings not shown: run `trustlint lint` locally or see the job log.\n');
  });

  it('says what suppressions and the baseline took out, and when there is nothing', () => {
    expect(markdownReport(sample({ suppressed: 2, baselined: 1 }))).toMatch(/Not shown: 2 suppressed inline, 1 accepted by the baseline\.\n$/);
    expect(markdownReport(report([], { coverage: completeCoverage(), baselined: 3 }))).toMatch(/### Findings\n\nNo findings\.\n\nNot shown: 3 accepted by the baseline\.\n$/);
  });

  it('stays within maxLength: fewer findings rows first, then the criteria of complete categories, then every criterion', () => {
    const findings = manyFindings(3000);
    const full = markdownReport(report(findings, { coverage: sampleCoverage() }), { maxFindings: 3000 });
    expect(full.length).toBeLessThanOrEqual(MARKDOWN_MAX_LENGTH);
    const rows = full.match(/^\| ✖ error \|/gm)?.length ?? 0;
    expect(rows).toBeGreaterThan(50);
    expect(full).toContain(`\n… and ${3000 - rows} more findings: run \`trustlint lint\` locally or see the job log.\n`);
    expect(full).toContain('<details open>\n<summary>✖ Security');

    // Complete categories are dropped before the ones with gaps.
    const base = report([], { coverage: sampleCoverage(sampleControlsCoveringSecurity(), '{soc2: {categories: [security, availability]}}') });
    const whole = markdownReport(base);
    const gapsOnly = markdownReport(base, { maxLength: whole.length - 1 });
    expect(gapsOnly.length).toBeLessThan(whole.length);
    expect(gapsOnly).not.toContain('<summary>✔ Security');
    expect(gapsOnly).toContain('<summary>◐ Availability');
    expect(gapsOnly).toContain('_33 criteria left out (the criteria of complete categories) to keep this within the size limit: run `trustlint coverage` to see them._');

    const noMatrix = markdownReport(base, { maxLength: gapsOnly.length - 1 });
    expect(noMatrix.length).toBeLessThan(gapsOnly.length);
    expect(noMatrix).not.toContain('<details');
    expect(noMatrix).toContain('| ✔ Security | 33 | 0 | 0 | 0 | 33 |');
    expect(noMatrix).toContain('_36 criteria left out (the criteria matrix) to keep this within the size limit: run `trustlint coverage` to see them._');

    for (const maxLength of [0, 1, 40, 120, 500, 2000, 10_000, 30_000]) {
      const text = markdownReport(report(findings.slice(0, 200), { coverage: sampleCoverage(), program: 'x'.repeat(5000) }), { maxLength });
      expect(text.length, String(maxLength)).toBeLessThanOrEqual(maxLength);
    }
    expect(markdownReport(report(findings.slice(0, 200), { program: 'x'.repeat(5000) }), { maxLength: 400 })).toMatch(
      /^## ❌ trustlint: 200 problems \(200 errors, 0 warnings\) · 36 in-scope criteria uncovered\n\nThe rest of this report was left out/,
    );
  });

  it('judges only the frameworks the gate requires, and says which ones it does not', () => {
    const security = soc2.criteria.filter((c) => c.category === 'security').map((c) => c.id);
    const both = sampleCoverage(
      [control('controls/all.yaml', `id: ALL\nowner: security\nstatus: implemented\nsatisfies: {soc2: [${security.join(', ')}], iso27001: [A.5.1]}\n`)],
      '{soc2: {categories: [security]}, iso27001: {}}',
    );
    const uncovered = finding({
      ruleId: 'uncovered-criterion',
      messageId: 'uncovered',
      message: 'In-scope ISO/IEC 27001 criterion A.5.2 (Security roles and responsibilities) has no implemented control; expected a control with `status: implemented` that lists A.5.2 in `satisfies.iso27001`.',
      coverageOf: 'iso27001',
    });
    const gaps = report([uncovered], { coverage: both });
    const everything = markdownReport(gaps);
    expect(everything.split('\n')[0]).toBe('## ❌ trustlint: 1 problem (1 error, 0 warnings) · 92 in-scope criteria uncovered');
    expect(everything).toContain('### SOC 2 coverage: 33/33 covered\n');
    expect(everything).toContain('### ISO/IEC 27001 coverage: 1/93 covered, 92 uncovered\n');
    const soc2Only = markdownReport(gaps, { frameworks: ['soc2'] });
    expect(soc2Only.split('\n')[0]).toBe('## ✅ trustlint: 1 problem (1 error, 0 warnings) · every in-scope criterion of the required frameworks covered');
    expect(soc2Only).toContain('### SOC 2 coverage: 33/33 covered\n');
    expect(soc2Only).toContain('### ISO/IEC 27001 coverage: 1/93 covered, 92 uncovered (not required by the gate)\n');
    expect(soc2Only).toContain('In\\-scope ISO/IEC 27001 criterion A\\.5\\.2');
    expect(markdownReport(gaps, { frameworks: ['iso27001'] }).split('\n')[0]).toMatch(/^## ❌ /);
  });

  it('renders the matrix alone for `trustlint coverage`', () => {
    const text = coverageMarkdown(report([], { coverage: completeCoverage() }));
    expect(text.split('\n').slice(0, 5)).toEqual(['## ✅ trustlint coverage: every in-scope criterion covered', '', '**Acme Cloud** · judged on 2026-11-22', '', '### SOC 2 coverage: 36/36 covered']);
    expect(text).not.toContain('### Findings');
    expect(coverageMarkdown(sample())).toMatch(/^## ❌ trustlint coverage: 125 in-scope criteria uncovered\n/);
  });

  it('escapes the program name, messages, paths, control ids and owners', () => {
    const hostile = '<img src=x onerror=alert(1)> @acme/security | `x` <!-- c --> [a](https://evil.example)';
    const text = markdownReport(
      report([finding({ message: `Unexpected owner \`${hostile}\` and ${hostile}.`, file: `policies/${hostile}.md` })], {
        program: hostile,
        coverage: sampleCoverage([control(`controls/${hostile}.yaml`, `id: '${hostile}'\nowner: '${hostile}'\nstatus: implemented\nsatisfies: {soc2: [CC1.1]}\n`)], '{soc2: {}}'),
      }),
    );
    expect(text).toContain('**&lt;img src\\=x onerror\\=alert\\(1\\)&gt; @\u200Bacme/security \\| \\`x\\` &lt;\\!\\-\\- c \\-\\-&gt; \\[a\\]\\(https\\://evil\\.example\\)**');
    expect(text).toContain('| ✔ covered | CC1\\.1 | Ethical tone and conduct | ``<img src=x onerror=alert(1)> @\u200Bacme/security \\| `x` <!-- c --> [a](https://evil.example)`` (implemented, ``<img');
    expect(text).toContain(' and &lt;img src\\=x onerror\\=alert\\(1\\)&gt; @\u200Bacme/security \\| `x` &lt;\\!\\-\\- c \\-\\-&gt; \\[a\\]\\(https\\://evil\\.example\\)\\. |');
    expect(text).not.toMatch(/@acme/);
  });
});

function sampleControlsCoveringSecurity() {
  const security = soc2.criteria.filter((c) => c.category === 'security').map((c) => c.id);
  return [
    control('controls/s.yaml', `id: SEC-01\nowner: security\nstatus: implemented\nsatisfies: {soc2: [${security.join(', ')}, A1.1]}\n`),
    control('controls/p.yaml', 'id: BCP-01\nowner: sre\nstatus: partially-implemented\nsatisfies: {soc2: [A1.2]}\n'),
  ];
}
