import { describe, expect, it } from 'vitest';
import { sampleCoverage } from './__fixtures__/coverage.js';
import { controlText, coverageView, criteriaCount, isComplete, totalsText } from './coverage-view.js';

describe('coverageView', () => {
  const view = coverageView(sampleCoverage());
  const [soc2, iso] = view.frameworks;
  const [security, availability] = soc2?.categories ?? [];

  it('names frameworks and catalogs, and keeps categories in catalog order', () => {
    expect(view.frameworks.map((f) => [f.framework, f.name])).toEqual([
      ['soc2', 'SOC 2'],
      ['iso27001', 'ISO/IEC 27001'],
    ]);
    expect(soc2?.catalog).toBe('AICPA Trust Services Criteria 2017 (points of focus revised 2022)');
    expect(soc2?.categories.map((c) => [c.id, c.name])).toEqual([
      ['security', 'Security'],
      ['availability', 'Availability'],
    ]);
    expect(iso?.categories.map((c) => c.name)).toEqual(['Organizational controls', 'People controls', 'Physical controls', 'Technological controls']);
  });

  it('puts uncovered and partial criteria first, then excluded, then covered, each in catalog order', () => {
    expect(availability?.criteria.map((c) => [c.id, c.state])).toEqual([
      ['A1.2', 'partial'],
      ['A1.3', 'excluded'],
      ['A1.1', 'covered'],
    ]);
    const states = security?.criteria.map((c) => c.state) ?? [];
    expect(states.slice(0, 31).every((state) => state === 'uncovered' || state === 'partial')).toBe(true);
    expect(states.slice(31)).toEqual(['covered', 'covered']);
    expect(security?.criteria.slice(0, 3).map((c) => [c.id, c.state])).toEqual([
      ['CC1.2', 'uncovered'],
      ['CC1.3', 'uncovered'],
      ['CC1.4', 'uncovered'],
    ]);
    expect(security?.criteria.find((c) => c.id === 'CC2.1')?.state).toBe('partial');
    expect(security?.criteria.slice(31).map((c) => c.id)).toEqual(['CC1.1', 'CC6.1']);
  });

  it('counts each state once: the totals add up per category and per framework', () => {
    expect(security?.totals).toEqual({ covered: 2, partial: 1, uncovered: 30, excluded: 0, total: 33 });
    expect(availability?.totals).toEqual({ covered: 1, partial: 1, uncovered: 0, excluded: 1, total: 3 });
    expect(soc2?.totals).toEqual({ covered: 3, partial: 2, uncovered: 30, excluded: 1, total: 36 });
    for (const category of [...(soc2?.categories ?? []), ...(iso?.categories ?? [])]) {
      const { covered, partial, uncovered, excluded, total } = category.totals;
      expect(covered + partial + uncovered + excluded).toBe(total);
      expect(category.criteria).toHaveLength(total);
    }
  });

  it('lists every control that maps to a criterion, implemented first, with what the file says', () => {
    expect(security?.criteria.find((c) => c.id === 'CC1.1')?.controls).toEqual([
      { id: 'AC-01', title: 'Access review', status: 'implemented', owner: 'security', file: 'controls/a.yaml' },
      { id: 'PLAN-01', title: undefined, status: 'planned', owner: 'sre', file: 'controls/b.yaml' },
    ]);
    expect(security?.criteria.find((c) => c.id === 'CC1.2')?.controls.map((c) => c.id)).toEqual(['PLAN-01']);
    expect(availability?.criteria[0]?.controls).toEqual([{ id: undefined, title: undefined, status: 'partially-implemented', owner: undefined, file: 'controls/c.yaml' }]);
  });

  it('carries the exclusion of an excluded criterion, and only there', () => {
    expect(availability?.criteria[1]?.exclusion).toEqual({ reason: 'Done by the hosting provider.', approver: 'erin' });
    expect(availability?.criteria.filter((c) => c.exclusion !== undefined)).toHaveLength(1);
  });

  it('is plain data that survives JSON', () => {
    expect(JSON.parse(JSON.stringify(view))).toEqual(JSON.parse(JSON.stringify(coverageView(sampleCoverage()))));
    expect(JSON.stringify(view)).not.toContain('"node"');
  });
});

describe('coverage words', () => {
  it('says totals against the criteria that need a control, leaving out empty states', () => {
    expect(totalsText({ covered: 32, partial: 0, uncovered: 1, excluded: 0, total: 33 })).toBe('32/33 covered, 1 uncovered');
    expect(totalsText({ covered: 1, partial: 1, uncovered: 0, excluded: 1, total: 3 })).toBe('1/2 covered, 1 partial, 1 excluded');
    expect(isComplete({ covered: 2, partial: 0, uncovered: 0, excluded: 1, total: 3 })).toBe(true);
    expect(isComplete({ covered: 2, partial: 1, uncovered: 0, excluded: 0, total: 3 })).toBe(false);
    expect(criteriaCount(1)).toBe('1 criterion');
    expect(criteriaCount(3)).toBe('3 criteria');
  });

  it('describes a control, with words for what its file leaves out', () => {
    expect(controlText({ id: 'AC-01', title: undefined, status: 'implemented', owner: 'security', file: 'a.yaml' })).toBe('AC-01 (implemented, security)');
    expect(controlText({ id: undefined, title: undefined, status: undefined, owner: undefined, file: 'c.yaml' })).toBe('(no id, c.yaml) (no status, no owner)');
  });
});
