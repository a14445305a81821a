import { iso27001 } from '@trustlint/catalogs';
import { computeCoverage, loadProgram, MemorySource, parseConfig } from '@trustlint/model';
import { describe, expect, it } from 'vitest';
import { HOSTILE } from './__fixtures__/program.js';
import { csvField, renderSoa, soaCsv, soaJson, soaMarkdown, soaSummary, soaVerdict, statementOfApplicability, type StatementOfApplicability } from './soa.js';

const OWNERS = [
  'people:',
  '  - {id: maya, name: Maya}',
  '  - {id: jonah, name: Jonah, active: false}',
  'teams:',
  '  - {id: security, members: [maya]}',
  '',
].join('\n');

const EXCLUSIONS = [
  'exclusions:',
  '  - {framework: iso27001, criterion: "7.11", reason: No equipment of ours is hosted in a data centre., approver: maya}',
  '  - {framework: iso27001, criterion: A.8.30, reason: No development is outsourced., approver: maya}',
  '',
].join('\n');

/** Every Annex A control but those given, written without `A.`. */
function allBut(...leftOut: string[]): string {
  return iso27001.criteria
    .map((criterion) => criterion.id)
    .filter((id) => !leftOut.includes(id))
    .map((id) => id.slice(2))
    .join(', ');
}

/** The rows of the Markdown table, each split into its cells at the pipes that are not escaped. */
function tableRows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('| '))
    .map((line) => line.split(/(?<!\\)\|/).slice(1, -1));
}

function soaOf(files: Record<string, string>, exclusions = EXCLUSIONS, withOwners = true): StatementOfApplicability {
  const config = parseConfig(`frameworks:\n  soc2: {}\n  iso27001: {}\n${exclusions}`, '/r/trustlint.config.yaml');
  const program = loadProgram(config, { repoRoot: '/r', source: new MemorySource({ 'owners.yaml': OWNERS, ...files }) });
  const coverage = computeCoverage(config, program.controls, program.policies).framework('iso27001');
  if (coverage === undefined) throw new Error('ISO/IEC 27001 is not in scope');
  return statementOfApplicability({ program: 'Acme Cloud', today: '2026-11-22', coverage, ...(withOwners ? { owners: program.owners } : {}) });
}

const ALL = { 'controls/all.yaml': `id: ALL-01\ntitle: Everything\nowner: security\nstatus: implemented\nsatisfies:\n  soc2: [CC6.1]\n  iso27001: [${allBut('A.7.11', 'A.8.30', 'A.8.17', 'A.8.12')}]\n` };
const PARTS = {
  ...ALL,
  'controls/dlp.yaml': 'id: DLP-01\ntitle: Data loss prevention\nowner: security\nstatus: partially-implemented\nsatisfies: {iso27001: ["8.12"]}\n',
  'controls/ntp.yaml': 'id: NTP-01\ntitle: Time sync\nowner: sre\nstatus: planned\nsatisfies: {iso27001: [A.8.17]}\n',
};

describe('statementOfApplicability', () => {
  it('has one row per Annex A control, in catalog order, with the catalog title and theme', () => {
    const soa = soaOf(ALL);
    expect(soa.rows).toHaveLength(93);
    expect(soa.rows.map((row) => row.id)).toEqual(iso27001.criteria.map((criterion) => criterion.id));
    expect(soa.rows[0]).toEqual({
      id: 'A.5.1',
      title: 'Information security policies',
      theme: 'Organizational controls',
      applicable: true,
      justification: 'Implemented by ALL-01.',
      approver: undefined,
      controls: [{ id: 'ALL-01', title: 'Everything', status: 'implemented', owner: 'security', file: 'controls/all.yaml' }],
      state: 'implemented',
      problems: [],
    });
    expect(soa.catalog).toBe('ISO/IEC 27001 Annex A 2022');
  });

  it('shows an exclusion as not applicable, with its reason as the justification and its approver', () => {
    const row = soaOf(ALL).rows.find((entry) => entry.id === 'A.7.11');
    expect(row).toEqual({
      id: 'A.7.11',
      title: 'Supporting utilities',
      theme: 'Physical controls',
      applicable: false,
      justification: 'No equipment of ours is hosted in a data centre.',
      approver: 'maya',
      controls: [],
      state: 'excluded',
      problems: [],
    });
  });

  it('says which applicable controls are partial or not implemented, and why', () => {
    const soa = soaOf(PARTS);
    const byId = new Map(soa.rows.map((row) => [row.id, row]));
    expect(byId.get('A.8.12')).toMatchObject({ applicable: true, state: 'partial', justification: 'Not implemented yet: only partially, by DLP-01.', problems: ['partially implemented'] });
    expect(byId.get('A.8.17')).toMatchObject({ applicable: true, state: 'not-implemented', justification: 'Not implemented yet: listed only by NTP-01 (planned).', problems: ['not implemented'] });
    expect(soaOf(ALL).rows.find((row) => row.id === 'A.8.17')).toMatchObject({ state: 'not-implemented', justification: 'Not implemented yet: no control lists it.' });
    expect(soa.totals).toEqual({ total: 93, applicable: 91, implemented: 89, partial: 1, notImplemented: 1, excluded: 2, excludedIncomplete: 0 });
    expect(soa.complete).toBe(false);
  });

  it('counts a control mapped to several Annex A controls in each, and lists every implementing control', () => {
    const second = { 'controls/second.yaml': 'id: SEC-02\nowner: maya\nstatus: implemented\nsatisfies: {iso27001: [A.5.1, "5.2"]}\n' };
    const soa = soaOf({ ...ALL, ...second });
    expect(soa.rows.slice(0, 2).map((row) => [row.id, row.justification, row.controls.map((control) => control.id)])).toEqual([
      ['A.5.1', 'Implemented by ALL-01 and SEC-02.', ['ALL-01', 'SEC-02']],
      ['A.5.2', 'Implemented by ALL-01 and SEC-02.', ['ALL-01', 'SEC-02']],
    ]);
  });

  it('is complete when every applicable control is implemented and every exclusion is justified and approved', () => {
    const soa = soaOf({ ...PARTS, 'controls/more.yaml': 'id: MORE\nowner: sre\nstatus: implemented\nsatisfies: {iso27001: [A.8.12, A.8.17]}\n' });
    expect(soa.complete).toBe(true);
    expect(soa.totals).toEqual({ total: 93, applicable: 91, implemented: 91, partial: 0, notImplemented: 0, excluded: 2, excludedIncomplete: 0 });
  });

  it('reports an exclusion without a justification or a valid approver', () => {
    const exclusions = [
      'exclusions:',
      '  - {framework: iso27001, criterion: A.7.11, approver: maya}',
      '  - {framework: iso27001, criterion: A.7.12, reason: " ", approver: jonah}',
      '  - {framework: iso27001, criterion: A.7.13, reason: Hosted., approver: security}',
      '  - {framework: iso27001, criterion: A.8.30, reason: None outsourced.}',
      '  - {framework: iso27001, criterion: A.7.5, reason: Hosted., approver: nobody}',
      '',
    ].join('\n');
    const rows = soaOf(ALL, exclusions).rows.filter((row) => !row.applicable);
    expect(rows.map((row) => [row.id, row.problems])).toEqual([
      ['A.7.5', ['approver nobody is not in owners.yaml']],
      ['A.7.11', ['no justification']],
      ['A.7.12', ['no justification', 'approver jonah is inactive']],
      ['A.7.13', ['approver security is a team, not a person']],
      ['A.8.30', ['no approver']],
    ]);
    // Without the owners, only presence is judged.
    expect(soaOf(ALL, exclusions, false).rows.filter((row) => !row.applicable && row.problems.length).map((row) => row.id)).toEqual(['A.7.11', 'A.7.12', 'A.8.30']);
  });

  it('lets an exclusion decide applicability, and still shows the controls that list the excluded control', () => {
    const exclusions = 'exclusions:\n  - {framework: iso27001, criterion: A.5.1, reason: Not needed., approver: maya}\n';
    const row = soaOf(ALL, exclusions).rows[0];
    expect(row).toMatchObject({ id: 'A.5.1', applicable: false, state: 'excluded', justification: 'Not needed.', problems: [] });
    expect(row?.controls.map((control) => control.id)).toEqual(['ALL-01']);
  });

  it('refuses the coverage of another framework', () => {
    const config = parseConfig('frameworks:\n  soc2: {}\n', '/r/trustlint.config.yaml');
    const [coverage] = computeCoverage(config, []).frameworks;
    expect(() => coverage && statementOfApplicability({ program: 'x', today: '2026-11-22', coverage })).toThrow(/ISO\/IEC 27001/);
  });
});

describe('soaSummary and soaVerdict', () => {
  it('says what the totals are, and whether anything is missing', () => {
    const complete = soaOf({ ...PARTS, 'controls/more.yaml': 'id: MORE\nstatus: implemented\nsatisfies: {iso27001: [A.8.12, A.8.17]}\n' });
    expect(soaSummary(complete)).toBe('93 Annex A controls: 91 applicable (91 implemented), 2 excluded (2 justified and approved).');
    expect(soaVerdict(complete)).toBe('✔ Statement of Applicability complete: 91 applicable Annex A controls implemented, 2 excluded with a justification and an approver.');
    const open = soaOf(PARTS, 'exclusions:\n  - {framework: iso27001, criterion: A.7.11, approver: maya}\n');
    expect(soaSummary(open)).toBe('93 Annex A controls: 92 applicable (89 implemented, 1 partial, 2 not implemented), 1 excluded (0 justified and approved, 1 incomplete).');
    expect(soaVerdict(open)).toBe(
      '✖ Statement of Applicability incomplete: 3 applicable controls not implemented (A.8.12 (partial), A.8.17, A.8.30); 1 exclusion incomplete (A.7.11: no justification).',
    );
  });

  it('shows untrusted text of a verdict on one line, with control characters visible', () => {
    const open = soaOf(ALL, 'exclusions:\n  - {framework: iso27001, criterion: A.7.11, reason: x, approver: "bad\\nname\\u001b[2J"}\n');
    expect(soaVerdict(open)).toContain('A.7.11: approver bad\\nname\\u001b[2J is not in owners.yaml');
  });
});

describe('soaMarkdown', () => {
  it('is a heading, the totals and one table row per Annex A control', () => {
    const markdown = soaMarkdown(soaOf(PARTS));
    const lines = markdown.split('\n');
    expect(lines.slice(0, 8)).toEqual([
      '## ❌ Statement of Applicability: Acme Cloud',
      '',
      'ISO/IEC 27001 Annex A 2022 · judged on 2026-11-22',
      '',
      '93 Annex A controls: 91 applicable (89 implemented, 1 partial, 1 not implemented), 2 excluded (2 justified and approved).',
      '',
      '| control | title | applicable | justification | approver | implementing controls | state |',
      '| --- | --- | --- | --- | --- | --- | --- |',
    ]);
    expect(lines).toContain('| A\\.5\\.1 | Information security policies | yes | Implemented by `ALL-01`. | — | `ALL-01` (implemented, `security`) | ✔ implemented |');
    expect(lines).toContain('| A\\.7\\.11 | Supporting utilities | no | No equipment of ours is hosted in a data centre\\. | `maya` | — | – excluded |');
    expect(lines).toContain('| A\\.8\\.12 | Data leakage prevention | yes | **Not implemented yet**: only partially, by `DLP-01`. | — | `DLP-01` (partially\\-implemented, `security`) | ◐ partial |');
    expect(lines).toContain('| A\\.8\\.17 | Clock synchronization | yes | **Not implemented yet**: listed only by `NTP-01`. | — | `NTP-01` (planned, `sre`) | ✖ not implemented |');
    const rows = tableRows(markdown);
    expect(rows).toHaveLength(95);
    expect(rows.every((cells) => cells.length === 7)).toBe(true);
  });

  it('says when an exclusion has no justification or approver', () => {
    const markdown = soaMarkdown(soaOf(ALL, 'exclusions:\n  - {framework: iso27001, criterion: A.7.11}\n'));
    expect(markdown).toContain('| A\\.7\\.11 | Supporting utilities | no | **no justification** | **no approver** | — | – excluded: no justification, no approver |');
  });

  it('shows untrusted text as written, inert, and keeps every row one table row', () => {
    const hostile = `${HOSTILE} | @acme/security\n=1+1`;
    const files = { ...ALL, 'controls/evil.yaml': `id: ${JSON.stringify(`EVIL-1 ${HOSTILE}`)}\nowner: ${JSON.stringify(hostile)}\nstatus: implemented\nsatisfies: {iso27001: [A.5.1]}\n` };
    const exclusions = `exclusions:\n  - {framework: iso27001, criterion: A.7.11, reason: ${JSON.stringify(hostile)}, approver: ${JSON.stringify(hostile)}}\n`;
    const markdown = soaMarkdown(soaOf(files, exclusions));
    const rows = tableRows(markdown);
    expect(rows).toHaveLength(95);
    expect(rows.every((cells) => cells.length === 7)).toBe(true);
    expect(markdown.split('\n').filter((line) => line !== '' && !line.startsWith('| '))).toHaveLength(3);
    // Outside code spans no HTML is left; inside them GitHub renders nothing.
    const outsideCode = markdown.replace(/(`+)[^`][\s\S]*?\1/g, '').replaceAll('<br>', ' ');
    expect(outsideCode).not.toContain('<');
    expect(outsideCode).toContain('&lt;img src\\=x onerror\\=alert\\(1\\)&gt;');
    expect(markdown).not.toMatch(/@acme/);
  });
});

describe('soaCsv', () => {
  it('has a header and one CRLF-terminated record per Annex A control', () => {
    const csv = soaCsv(soaOf(PARTS));
    const records = csv.split('\r\n');
    expect(records.at(-1)).toBe('');
    expect(records).toHaveLength(95);
    expect(records[0]).toBe('control,title,theme,applicable,state,justification,approver,implementing controls,problems');
    expect(records[1]).toBe('A.5.1,Information security policies,Organizational controls,yes,implemented,Implemented by ALL-01.,,"ALL-01 (implemented, security)",');
    expect(records).toContain('A.7.11,Supporting utilities,Physical controls,no,excluded,No equipment of ours is hosted in a data centre.,maya,,');
    expect(records).toContain('A.8.17,Clock synchronization,Technological controls,yes,not-implemented,Not implemented yet: listed only by NTP-01 (planned).,,"NTP-01 (planned, sre)",not implemented');
  });

  it('quotes fields as RFC 4180 says', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('')).toBe('');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("https://evil.example","x")')).toBe('"\'=HYPERLINK(""https://evil.example"",""x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('\r=1')).toBe('"\'\r=1"');
    expect(csvField('a=1')).toBe('a=1');
    const exclusions = 'exclusions:\n  - {framework: iso27001, criterion: A.7.11, reason: "=cmd|\' /C calc\'!A0", approver: "@maya"}\n';
    const record = soaCsv(soaOf(ALL, exclusions)).split('\r\n').find((line) => line.startsWith('A.7.11,'));
    expect(record).toBe("A.7.11,Supporting utilities,Physical controls,no,excluded,'=cmd|' /C calc'!A0,'@maya,,approver @maya is not in owners.yaml");
  });
});

describe('soaJson and renderSoa', () => {
  it('prints the whole SoA as one object, with null for what a file leaves out', () => {
    const soa = soaOf(PARTS);
    const json = JSON.parse(soaJson(soa)) as { program: string; totals: unknown; complete: boolean; rows: { id: string; approver: string | null; controls: { title: string | null }[] }[] };
    expect(json.program).toBe('Acme Cloud');
    expect(json.complete).toBe(false);
    expect(json.totals).toEqual(soa.totals);
    expect(json.rows).toHaveLength(93);
    expect(json.rows[0]).toMatchObject({ id: 'A.5.1', approver: null });
    expect(json.rows.find((row) => row.id === 'A.7.11')?.approver).toBe('maya');
  });

  it('renders each format by name', () => {
    const soa = soaOf(ALL);
    expect(renderSoa(soa, 'markdown')).toBe(soaMarkdown(soa));
    expect(renderSoa(soa, 'csv')).toBe(soaCsv(soa));
    expect(renderSoa(soa, 'json')).toBe(soaJson(soa));
  });
});
