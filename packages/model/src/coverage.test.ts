import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.js';
import { computeCoverage } from './coverage.js';
import { MemorySource } from './files.js';
import { loadProgram } from './program.js';

const BOTH = 'frameworks:\n  soc2:\n    categories: [security, availability]\n  iso27001: {}\n';

function coverageOf(files: Record<string, string>, configText = BOTH) {
  const config = parseConfig(configText, '/r/trustlint.config.yaml');
  const program = loadProgram(config, { repoRoot: '/r', source: new MemorySource(files) });
  return { program, coverage: computeCoverage(config, program.controls, program.policies) };
}

describe('computeCoverage', () => {
  it('counts one control mapped to both frameworks in both', () => {
    const backups = 'id: BCK-01\nstatus: implemented\nsatisfies:\n  soc2: [A1.2]\n  iso27001: [A.8.13]\n';
    const { program, coverage } = coverageOf({ 'controls/backups.yaml': backups });
    const [control] = program.controls;
    expect(coverage.frameworks.map((entry) => entry.framework)).toEqual(['soc2', 'iso27001']);
    expect(coverage.framework('soc2')?.covered).toEqual(['A1.2']);
    expect(coverage.framework('iso27001')?.covered).toEqual(['A.8.13']);
    const soc2Entry = coverage.framework('soc2')?.criteria.find((entry) => entry.criterion.id === 'A1.2');
    const isoEntry = coverage.framework('iso27001')?.criteria.find((entry) => entry.criterion.id === 'A.8.13');
    expect(soc2Entry).toMatchObject({ state: 'covered', controls: [control] });
    expect(isoEntry).toMatchObject({ state: 'covered', controls: [control] });
    expect(coverage.framework('iso27001')?.categories.find((totals) => totals.category.id === 'technological')).toMatchObject({ total: 34, covered: 1, uncovered: 33 });
  });

  it('puts all 93 Annex A controls in scope, in catalog order', () => {
    const { coverage } = coverageOf({});
    const iso = coverage.framework('iso27001');
    expect(iso?.inScope).toHaveLength(93);
    expect(iso?.inScope.slice(0, 3)).toEqual(['A.5.1', 'A.5.2', 'A.5.3']);
    expect(iso?.inScope.at(-1)).toBe('A.8.34');
    expect(iso?.categories.map((totals) => [totals.category.id, totals.total])).toEqual([
      ['organizational', 37],
      ['people', 8],
      ['physical', 14],
      ['technological', 34],
    ]);
  });

  it('reports Annex A controls in their canonical form, in whatever spelling they are written', () => {
    const control = 'id: ACC-01\nstatus: implemented\nsatisfies:\n  iso27001: ["5.15", a.5.16, A5.17, A.5.18]\n';
    const partial = 'id: DLP-01\nstatus: partially-implemented\nsatisfies:\n  iso27001: ["8.12"]\n';
    const policy = '---\nid: POL-1\nsatisfies:\n  iso27001: ["5.1"]\n---\n# Policy\n';
    const exclusion = 'exclusions:\n  - framework: iso27001\n    criterion: "7.11"\n    reason: No equipment hosted.\n    approver: maya\n';
    const { coverage } = coverageOf({ 'controls/acc.yaml': control, 'controls/dlp.yaml': partial, 'policy.md': policy }, `${BOTH}${exclusion}`);
    const iso = coverage.framework('iso27001');
    expect(iso?.covered).toEqual(['A.5.15', 'A.5.16', 'A.5.17', 'A.5.18']);
    expect(iso?.partial).toEqual(['A.8.12']);
    expect(iso?.excluded).toEqual(['A.7.11']);
    expect(iso?.criteria.find((entry) => entry.criterion.id === 'A.5.1')?.documents.map((document) => document.id)).toEqual(['POL-1']);
    // An exclusion for one framework does not exclude anything in the other.
    expect(coverage.framework('soc2')?.excluded).toEqual([]);
  });

  it('leaves out a framework the config does not enable, even when controls map to it', () => {
    const control = 'id: BCK-01\nstatus: implemented\nsatisfies:\n  soc2: [A1.2]\n  iso27001: [A.8.13]\n';
    const { coverage } = coverageOf({ 'controls/backups.yaml': control }, 'frameworks:\n  soc2:\n    categories: [availability]\n');
    expect(coverage.frameworks.map((entry) => entry.framework)).toEqual(['soc2']);
    expect(coverage.framework('iso27001')).toBeUndefined();
  });
});
