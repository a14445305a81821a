import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CONFIG, HOSTILE, PROGRAM_FILES, pageInput, programFindings, programReport, sampleProgram } from './__fixtures__/program.js';
import { finding } from './__fixtures__/reports.js';
import { OWN_HEAD_BYTES } from '@trustlint/model';
import { HTML_CSP, htmlReport, isHtmlReport, PALETTE } from './html.js';
import { escapeHtml } from './html-text.js';
import { reportPage } from './report-model.js';

const html = htmlReport(reportPage(pageInput()));

function only(pattern: RegExp, text = html): string {
  const matches = [...text.matchAll(pattern)];
  expect(matches).toHaveLength(1);
  return matches[0]?.[1] ?? '';
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('htmlReport: a self-contained page', () => {
  it('is one HTML document with one inline style sheet and one inline script', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy"')).toBe(true);
    expect(html.endsWith('</html>\n')).toBe(true);
    expect(html.match(/<style[\s>]/g)).toHaveLength(1);
    expect(html.match(/<script[\s>]/g)).toHaveLength(1);
  });

  it('forbids loading anything, and allows its own style and script by hash', () => {
    const csp = only(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g);
    expect(csp).toBe(escapeHtml(HTML_CSP));
    const style = only(/<style>([\s\S]*?)<\/style>/g);
    const script = only(/<script>([\s\S]*?)<\/script>/g);
    expect(HTML_CSP.split('; ')).toEqual([
      "default-src 'none'",
      `style-src 'sha256-${sha256(style)}'`,
      `script-src 'sha256-${sha256(script)}'`,
      "img-src 'none'",
      "font-src 'none'",
      "connect-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
    ]);
  });

  it('names no URL but the rule docs links, and loads no resource', () => {
    const hrefs = [...html.matchAll(/\shref="([^"]*)"/g)].map((match) => match[1] ?? '');
    expect(hrefs.filter((href) => !href.startsWith('#'))).toEqual([
      'https://github.com/trustlint/trustlint/blob/main/packages/rules/docs/evidence-missing.md',
      'https://github.com/trustlint/trustlint/blob/main/packages/rules/docs/review-overdue.md',
      'https://github.com/trustlint/trustlint/blob/main/packages/rules/docs/evidence-missing.md',
    ]);
    expect(html).not.toMatch(/<[a-z]+\s[^>]*\b(src|srcset|action|formaction|data|poster)=/i);
    expect(html).not.toMatch(/<(img|iframe|object|embed|link|base|video|audio|source)[\s>]/i);
    expect(html).not.toMatch(/url\(|@import|@font-face/);
    expect(html).not.toMatch(/http:\/\//);
  });

  it('links a finding to its docs only when the URL is https', () => {
    const row = only(/(<tr class="finding" data-severity="info"[\s\S]*?<\/tr>)/g);
    expect(row).toContain('<code>soc2-certification-language</code>');
    expect(row).not.toContain('href');
    expect(html).not.toContain('javascript:');
  });
});

describe('isHtmlReport: telling trustlint’s page from a user’s file', () => {
  it('knows the page htmlReport writes, with or without a version, from its first bytes', () => {
    expect(html.indexOf('<meta name="generator" content="trustlint')).toBeLessThan(OWN_HEAD_BYTES / 4);
    expect(isHtmlReport(html.slice(0, OWN_HEAD_BYTES))).toBe(true);
    // A page of a run whose version was unknown names trustlint alone.
    const bare = html.replace(/<meta name="generator" content="trustlint [^"]*">/, '<meta name="generator" content="trustlint">');
    expect(bare).not.toBe(html);
    expect(isHtmlReport(bare)).toBe(true);
  });

  it('knows no other file, even one that names trustlint in its body or title', () => {
    for (const text of [
      '',
      '<!DOCTYPE html><html><head><title>Our SOC 2 notes</title></head><body>Made with trustlint</body></html>',
      '<html><head><meta name="generator" content="Hugo 0.120"></head></html>',
      '<html><head><meta name="generator" content="trustlintish"></head></html>',
      '<html><head></head><body><meta name="generator" content="trustlint 1.0.0"></body></html>',
      '# trustlint-report.html\n\nNot a page.',
    ]) {
      expect(isHtmlReport(text), text).toBe(false);
    }
    const program = sampleProgram(CONFIG.replace('program: Kestrel Pay', 'program: \'<meta name="generator" content="trustlint">\''));
    const named = htmlReport(reportPage(pageInput({ report: programReport(program) })));
    expect(named).toContain('&lt;meta name=&quot;generator&quot;');
    expect(isHtmlReport(named.replace(/<meta name="generator"[^>]*>/, ''))).toBe(false);
  });
});

describe('htmlReport: untrusted text', () => {
  const hostile = (label: string) => `${label}${HOSTILE}"'&`;
  const program = sampleProgram(
    `program: "${hostile('Kestrel').replace(/"/g, '\\"')}"\nframeworks: {soc2: {categories: [security], type: 2}}\nobservation_period: {start: 2026-04-01, end: 2026-12-31}\n` +
      `exclusions:\n  - {criterion: CC9.2, reason: '${hostile('reason').replace(/'/g, "''")}', approver: '${hostile('approver').replace(/'/g, "''")}'}\n`,
    {
      'controls/a.yaml': [
        `id: '${hostile('AC-01').replace(/'/g, "''")}'`,
        `title: '${hostile('title').replace(/'/g, "''")}'`,
        `owner: '${hostile('owner').replace(/'/g, "''")}'`,
        'status: implemented',
        'frequency: monthly',
        'satisfies: {soc2: [CC6.1]}',
        '',
      ].join('\n'),
      'policies/p.md': [
        '---',
        `id: '${hostile('POL').replace(/'/g, "''")}'`,
        `title: '${hostile('policy').replace(/'/g, "''")}'`,
        `owner: '${hostile('powner').replace(/'/g, "''")}'`,
        `approver: '${hostile('papprover').replace(/'/g, "''")}'`,
        `version: '${hostile('v').replace(/'/g, "''")}'`,
        `last_reviewed: '${hostile('when').replace(/'/g, "''")}'`,
        'status: approved',
        '---',
        '# P',
        '',
      ].join('\n'),
    },
  );
  const report = programReport(program, [
    finding({ ruleId: hostile('rule'), file: hostile('file'), message: `Bad ${hostile('message')} and \`${hostile('code')}\`.`, url: `https://example.com/${HOSTILE}` }),
  ]);
  const page = htmlReport(
    reportPage({ report, controls: program.controls, policies: program.policies, evidence: [], observationPeriod: program.config.observationPeriod, soc2Type: 2, commit: hostile('commit') }),
  );

  it('escapes every string from the program, wherever it appears', () => {
    for (const label of ['Kestrel', 'reason', 'approver', 'AC-01', 'title', 'owner', 'POL', 'policy', 'powner', 'papprover', 'v', 'when', 'rule', 'file', 'message', 'code', 'commit']) {
      expect(page, label).toContain(escapeHtml(hostile(label)));
    }
    expect(page.match(/<script[\s>]/g)).toHaveLength(1);
    expect(page).not.toMatch(/<img/i);
    expect(page).not.toContain('onerror=alert(1)>');
    expect(page).not.toMatch(/="[^"]*"'&/);
  });

  it('keeps attribute values closed: every attribute is double-quoted and holds no raw quote', () => {
    const tags = [...page.matchAll(/<[a-z][^>]*>/g)].map((match) => match[0]);
    for (const tag of tags) {
      expect(tag, tag).toMatch(/^<[a-z0-9]+(\s[a-z-]+(="[^"<>]*")?)*\s?>$/);
    }
  });

  it('does not link a docs URL that holds markup', () => {
    expect(page).not.toContain('href="https://example.com');
  });
});

describe('htmlReport: what a reader sees', () => {
  it('shows the program, the commit, the date and the examination in the header', () => {
    expect(html).toContain('<h1>Kestrel Pay</h1>');
    expect(html).toContain('<dt>Commit</dt><dd><code>0123456789abcdef0123456789abcdef01234567</code></dd>');
    expect(html).toContain('<dt>Judged on</dt><dd><time datetime="2026-11-22">2026-11-22</time></dd>');
    expect(html).toContain('<dt>Examination</dt><dd>SOC 2 Type 2</dd>');
    expect(html).toContain('<dt>Observation period</dt><dd>2026-04-01 to 2026-12-31</dd>');
    expect(htmlReport(reportPage(pageInput({ commit: undefined })))).toContain('<dt>Commit</dt><dd><span class="muted">not in a git repository</span></dd>');
  });

  it('has one matrix row per in-scope criterion, grouped by category, gaps first, each state in words and a symbol', () => {
    const rows = [...html.matchAll(/<tr class="criterion[^"]*" id="criterion-soc2-([^"]+)" data-state="([a-z]+)"><td><span class="badge s-\2"><span aria-hidden="true">(.)<\/span> \2<\/span>/g)];
    expect(rows).toHaveLength(36);
    expect(rows.map((match) => match[1])).toContain('A1.3');
    expect(html).toMatch(/<tbody class="category" data-category="security">\n<tr><th scope="rowgroup" colspan="4">Security <span class="muted">· 4\/33 covered, 29 uncovered<\/span><\/th><\/tr>\n<tr class="criterion gap" id="criterion-soc2-CC1.1" data-state="uncovered"><td><span class="badge s-uncovered"><span aria-hidden="true">✖<\/span> uncovered<\/span><\/td><th scope="row">CC1.1<\/th>/);
    expect(html).toContain('<li><strong>Excluded:</strong> Done by the hosting provider. <span class="muted">(approved by erin)</span></li>');
  });

  it('shows each enabled framework: a fact, a coverage card and a link each, then its own totals and matrix', () => {
    const config = CONFIG.replace('type: 2}}', 'type: 2}, iso27001: {}}');
    const files = { ...PROGRAM_FILES, 'controls/access.yaml': PROGRAM_FILES['controls/access.yaml']?.replace('satisfies: {soc2: [CC6.1, CC6.2]}', 'satisfies: {soc2: [CC6.1, CC6.2], iso27001: ["5.15", A.5.18]}') ?? '' };
    const program = sampleProgram(config, files);
    const both = htmlReport(reportPage(pageInput({ report: programReport(program), controls: program.controls, policies: program.policies, evidence: program.evidence })));
    expect(both).toContain('<dt>Frameworks</dt><dd>SOC 2 and ISO/IEC 27001</dd>');
    expect(html).toContain('<dt>Frameworks</dt><dd>SOC 2</dd>');
    const cards = [...both.matchAll(/<li><span class="badge s-(?:covered|uncovered)">.*?<\/span> <strong>([^<]+)<\/strong> ([^<]*)<\/li>/g)].map((match) => [match[1], match[2]]);
    expect(cards.slice(0, 2)).toEqual([
      ['SOC 2: 5/35 criteria covered', 'Security 4/33 · Availability 1/2; 30 uncovered, 1 excluded'],
      ['ISO/IEC 27001: 2/93 criteria covered', 'Organizational controls 2/37 · People controls 0/8 · Physical controls 0/14 · Technological controls 0/34; 91 uncovered'],
    ]);
    expect(both).toContain('<li><a href="#framework-soc2">SOC 2 coverage</a></li><li><a href="#framework-iso27001">ISO/IEC 27001 coverage</a></li><li><a href="#controls">');
    expect(both).toContain('<h3 id="framework-iso27001">ISO/IEC 27001: 2/93 covered, 91 uncovered</h3>');
    expect(both.match(/<tr class="criterion[^"]*" id="criterion-iso27001-/g)).toHaveLength(93);
    expect(both).toMatch(/<tr class="criterion" id="criterion-iso27001-A\.5\.15" data-state="covered">.*<strong>AC-01<\/strong>/);
    // One framework keeps one card over its totals, and one link to the coverage.
    expect(html).toContain('<li><a href="#coverage">Coverage</a></li>');
    expect(html).not.toContain('href="#framework-soc2"');
  });

  it('links each control of the matrix to its row in the controls table', () => {
    const link = only(/<th scope="row">CC7\.1<\/th><td>[^<]*<\/td><td><ul class="plain"><li><a href="#(control-\d+)"><strong>OPS-01<\/strong><\/a>/g);
    expect(html).toContain(`<tr class="control" id="${link}" data-evidence="missing"><th scope="row">OPS-01<div class="file">controls/operations.yaml:1</div></th>`);
  });

  it('shows each period of a control with its symbol, its label and its state in words', () => {
    expect(html).toContain(
      '<li class="p-missing" title="2026-07 (2026-07-01 to 2026-07-31): missing"><span aria-hidden="true">✖</span> 2026-07<span class="vh">: missing</span></li>',
    );
    expect(html).toContain('<li class="p-not-yet-due" title="2026-11 (2026-11-01 to 2026-11-30): not yet due"><span aria-hidden="true">◷</span> 2026-11<span class="vh">: not yet due</span></li>');
    expect(html).toContain('6 of 9 months covered, 1 missing, 2 not yet due.');
    expect(html).toContain('On event: 2 records in the observation period.');
    expect(html).toContain('No frequency, so no evidence periods.');
  });

  it('shows each policy with its owner, approver, version, reviews and next due date', () => {
    expect(html).toMatch(
      /<tr class="policy" data-review="overdue"><th scope="row">POL-ISP<div class="file">policies\/isp\.md<\/div><\/th><td>Information Security Policy<\/td><td>security<\/td><td>ola<\/td><td>1\.2<\/td><td class="nowrap">approved<\/td><td class="nowrap">2025-08-31<\/td><td class="num nowrap">6 months<\/td><td><span class="badge s-uncovered"><span aria-hidden="true">✖<\/span> overdue<\/span> <time class="nowrap" datetime="2026-02-28">2026-02-28<\/time><\/td><\/tr>/,
    );
    expect(html).toContain('<td><span class="muted">unknown (no valid last review)</span></td>');
  });

  it('offers filters by severity and by rule over rows that carry both', () => {
    expect(html).toContain('<form class="filters" id="filters" aria-label="Filter findings" hidden>');
    for (const severity of ['error', 'warning', 'info']) expect(html).toContain(`<input type="checkbox" name="severity" value="${severity}" checked>`);
    expect(html).toContain('<option value="">All rules (4)</option><option value="evidence-missing">evidence-missing (2)</option>');
    expect(html.match(/<tr class="finding" data-severity="(error|warning|info)" data-rule="[a-z0-9-]+">/g)).toHaveLength(4);
  });

  it('says so when there are no findings, and has no filters then', () => {
    const clean = htmlReport(reportPage(pageInput({ report: programReport(sampleProgram(), []) })));
    expect(clean).toContain('<p>No findings.</p>');
    expect(clean).not.toContain('id="filters"');
  });

  it('uses semantic tables: a caption and scoped header cells in each', () => {
    const tables = html.split('<table').slice(1);
    expect(tables.length).toBeGreaterThanOrEqual(5);
    for (const table of tables) {
      expect(table).toMatch(/^[^>]*>\n<caption>[^<]+<\/caption>\n<thead><tr>(<th scope="col"( class="num")?>[^<]+<\/th>)+<\/tr><\/thead>/);
      expect(table.slice(0, table.indexOf('</table>'))).not.toMatch(/<th(?=[\s>])(?! scope=)/);
    }
  });

  it('prints without filters, with every finding and each section on its own page', () => {
    const print = only(/@media print\{([^\n]*)\}/g);
    expect(print).toContain('.filters,#findings-count{display:none!important}');
    expect(print).toContain('tr.finding[hidden]{display:table-row!important}');
    expect(print).toContain('main>section{break-before:page}');
    expect(html).not.toMatch(/<details/);
  });
});

describe('PALETTE', () => {
  it('meets WCAG AA contrast (4.5:1) for every colour pair', () => {
    for (const [name, pair] of Object.entries(PALETTE)) {
      expect(contrast(pair.fg, pair.bg), name).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('is every colour the style sheet uses', () => {
    const style = only(/<style>([\s\S]*?)<\/style>/g);
    const used = new Set(style.match(/#[0-9a-f]{6}\b/g));
    const known = new Set([...Object.values(PALETTE).flatMap((pair) => [pair.fg, pair.bg]), '#c9d1d9']);
    expect([...used].filter((color) => !known.has(color))).toEqual([]);
  });
});

describe('htmlReport: findings of the fixture run', () => {
  it('shows every finding with its severity in words, its place and its message with code', () => {
    for (const item of programFindings()) expect(html).toContain(`<code>${escapeHtml(`${item.file}:${item.line}:${item.column}`)}</code>`);
    expect(html).toContain('<td>Implemented control <code>AC-01</code> (quarterly) has no evidence for 1 quarter.</td>');
    expect(html).toContain('<span class="badge s-warning"><span aria-hidden="true">⚠</span> warning</span>');
  });
});
