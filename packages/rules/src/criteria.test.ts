import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '@trustlint/model';
import { configPath, legacyIsoSuccessors, locateInConfig, outOfScope, suggestionProbe } from './criteria.js';

const config = (text: string) => parseConfig(text, '/program/trustlint.config.yaml', 'trustlint.config.yaml');

describe('criterion scope', () => {
  it('finds criteria of in-scope categories and frameworks in scope', () => {
    const both = config('frameworks:\n  soc2:\n    categories: [availability]\n  iso27001: {}\n');
    expect(outOfScope(both, 'soc2', 'CC6.1')).toBeUndefined();
    expect(outOfScope(both, 'soc2', 'A1.2')).toBeUndefined();
    expect(outOfScope(both, 'iso27001', 'A.8.8')).toBeUndefined();
  });

  it('says which SOC 2 category a criterion belongs to and how to put it in scope', () => {
    expect(outOfScope(config('frameworks:\n  soc2:\n    categories: [confidentiality]\n'), 'soc2', 'P4.1')).toEqual({
      reason: 'category',
      belongsTo: 'SOC 2 Privacy',
      inScope: 'Security and Confidentiality',
      fix: 'add `privacy` to `frameworks.soc2.categories` in trustlint.config.yaml',
      setting: { path: ['frameworks', 'soc2', 'categories'], note: 'The SOC 2 categories in scope are set here.' },
    });
  });

  it('says which framework is not enabled', () => {
    expect(outOfScope(defaultConfig('/program'), 'iso27001', 'A.5.1')).toMatchObject({
      reason: 'framework',
      belongsTo: 'ISO/IEC 27001',
      inScope: 'SOC 2',
      fix: 'add `iso27001: {}` under `frameworks` in trustlint.config.yaml',
    });
    const isoOnly = config('frameworks:\n  iso27001: {}\n');
    expect(outOfScope(isoOnly, 'soc2', 'CC1.1')?.fix).toBe('add `soc2: {}` under `frameworks` in trustlint.config.yaml');
    expect(outOfScope(isoOnly, 'soc2', 'C1.1')?.fix).toBe('add `soc2: {categories: [confidentiality]}` under `frameworks` in trustlint.config.yaml');
  });

  it('locates config paths, falling back to the start of a config that does not exist', () => {
    const withFile = config('frameworks:\n  soc2: {}\n');
    expect(configPath(withFile)).toBe('trustlint.config.yaml');
    expect(withFile.file?.rangeOf(locateInConfig(withFile, ['frameworks', 'soc2']).span)).toEqual({ line: 2, column: 9, endLine: 2, endColumn: 11 });
    const none = locateInConfig(defaultConfig('/program'), ['frameworks']);
    expect([none.file.path, none.span]).toEqual(['trustlint.config.yaml', { start: 0, end: 0 }]);
  });
});

describe('ISO/IEC 27001:2013 numbering', () => {
  it('gives the 2022 successors of a control, an objective or a clause, in catalog order', () => {
    expect(legacyIsoSuccessors('A.9.2.1')).toEqual(['A.5.16']);
    expect(legacyIsoSuccessors(' 9.2.1 ')).toEqual(['A.5.16']);
    expect(legacyIsoSuccessors('a9.4.3')).toEqual(['A.5.17']);
    expect(legacyIsoSuccessors('A.18.2.3')).toEqual(['A.5.36', 'A.8.8']);
    expect(legacyIsoSuccessors('A.9.2')).toEqual(['A.5.16', 'A.5.17', 'A.5.18', 'A.8.2']);
    expect(legacyIsoSuccessors('A.10')).toEqual(['A.8.24']);
    expect(legacyIsoSuccessors('A.11')?.length).toBeGreaterThan(10);
  });

  it('does not take 2022 themes, unknown numbers or other text for 2013 numbering', () => {
    for (const id of ['A.5', '8', 'A.9.9.9', 'A.19.1.1', 'A.9.2.1.1', 'CC6.1', 'A.05.1.1', '']) expect(legacyIsoSuccessors(id), id).toBeUndefined();
  });

  it('compares Annex A ids with the catalog in canonical spelling', () => {
    expect(suggestionProbe('iso27001', ' 8.35')).toBe('A.8.35');
    expect(suggestionProbe('iso27001', 'a8.35')).toBe('A.8.35');
    expect(suggestionProbe('iso27001', 'firewall')).toBe('firewall');
    expect(suggestionProbe('soc2', ' CC6.10 ')).toBe('CC6.10');
  });
});
