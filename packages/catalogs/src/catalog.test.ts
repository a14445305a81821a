import { describe, expect, it } from 'vitest';
import { catalogs, defineCatalog, iso27001, iso27001_2013, soc2, type CatalogData } from './index.js';

const everyCriterion = [...soc2.criteria, ...iso27001.criteria];

describe('catalogs', () => {
  it('indexes the current catalogs by framework', () => {
    expect(Object.keys(catalogs)).toEqual(['soc2', 'iso27001']);
    expect(catalogs.soc2).toBe(soc2);
    expect(catalogs.iso27001).toBe(iso27001);
  });

  it('is frozen all the way down', () => {
    for (const catalog of Object.values(catalogs)) {
      expect(Object.isFrozen(catalog)).toBe(true);
      expect(Object.isFrozen(catalog.criteria)).toBe(true);
      expect(Object.isFrozen(catalog.categories)).toBe(true);
      expect(catalog.categories.every((c) => Object.isFrozen(c) && Object.isFrozen(c.criteria))).toBe(true);
      expect(catalog.criteria.every((c) => Object.isFrozen(c))).toBe(true);
    }
    expect(Object.isFrozen(catalogs)).toBe(true);
    expect(Object.isFrozen(iso27001_2013.all)).toBe(true);
    expect(iso27001_2013.all.every((c) => Object.isFrozen(c) && Object.isFrozen(c.successors))).toBe(true);
  });

  it('returns the same criterion from get as from the criteria list', () => {
    for (const catalog of Object.values(catalogs)) {
      for (const criterion of catalog.criteria) {
        expect(catalog.get(criterion.id)).toBe(criterion);
        expect(catalog.canonicalize(criterion.id)).toBe(criterion.id);
      }
    }
  });
});

describe('criterion text', () => {
  it('has a non-empty title without a trailing period for every criterion and legacy control', () => {
    for (const { id, title } of [...everyCriterion, ...iso27001_2013.all]) {
      expect(title.trim(), id).toBe(title);
      expect(title, id).not.toBe('');
      expect(title.endsWith('.'), id).toBe(false);
    }
  });

  it('describes every criterion in one sentence ending with a period', () => {
    for (const { id, description } of everyCriterion) {
      expect(description.trim(), id).toBe(description);
      expect(description, id).toMatch(/^[A-Z][^.!?]*\.$/);
    }
  });

  it('never repeats a description', () => {
    const descriptions = everyCriterion.map((c) => c.description);
    expect(new Set(descriptions).size).toBe(descriptions.length);
  });
});

describe('defineCatalog', () => {
  const upper = (raw: string) => raw.toUpperCase();
  const data = (ids: string[]): CatalogData => ({
    framework: 'soc2',
    name: 'Test',
    version: '1',
    categories: [{ id: 'only', name: 'Only', alwaysInScope: false, criteria: ids.map((id) => ({ id, title: id, description: `${id}.` })) }],
  });

  it('derives category and group from the data', () => {
    const catalog = defineCatalog(data(['X1.1', 'X1.2']), upper);
    expect(catalog.get('X1.2')).toEqual({ id: 'X1.2', framework: 'soc2', category: 'only', group: 'X1', title: 'X1.2', description: 'X1.2.' });
    expect(catalog.canonicalize('x1.1')).toBe('X1.1');
    expect(catalog.canonicalize('x1.3')).toBeUndefined();
  });

  it('rejects duplicate and non-canonical ids', () => {
    expect(() => defineCatalog(data(['X1.1', 'X1.1']), upper)).toThrow(/duplicate criterion id X1\.1/);
    expect(() => defineCatalog(data(['x1.1']), upper)).toThrow(/x1\.1 is not a canonical id/);
  });
});
