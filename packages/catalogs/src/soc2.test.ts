import { describe, expect, it } from 'vitest';
import { soc2 } from './index.js';

const EXPECTED_IDS = [
  'CC1.1', 'CC1.2', 'CC1.3', 'CC1.4', 'CC1.5',
  'CC2.1', 'CC2.2', 'CC2.3',
  'CC3.1', 'CC3.2', 'CC3.3', 'CC3.4',
  'CC4.1', 'CC4.2',
  'CC5.1', 'CC5.2', 'CC5.3',
  'CC6.1', 'CC6.2', 'CC6.3', 'CC6.4', 'CC6.5', 'CC6.6', 'CC6.7', 'CC6.8',
  'CC7.1', 'CC7.2', 'CC7.3', 'CC7.4', 'CC7.5',
  'CC8.1',
  'CC9.1', 'CC9.2',
  'A1.1', 'A1.2', 'A1.3',
  'PI1.1', 'PI1.2', 'PI1.3', 'PI1.4', 'PI1.5',
  'C1.1', 'C1.2',
  'P1.1',
  'P2.1',
  'P3.1', 'P3.2',
  'P4.1', 'P4.2', 'P4.3',
  'P5.1', 'P5.2',
  'P6.1', 'P6.2', 'P6.3', 'P6.4', 'P6.5', 'P6.6', 'P6.7',
  'P7.1',
  'P8.1',
];

describe('soc2 catalog', () => {
  it('names the edition', () => {
    expect(soc2.framework).toBe('soc2');
    expect(soc2.name).toBe('AICPA Trust Services Criteria');
    expect(soc2.version).toBe('2017 (points of focus revised 2022)');
  });

  it('holds exactly the 61 criteria in catalog order', () => {
    expect(EXPECTED_IDS).toHaveLength(61);
    expect(soc2.criteria.map((c) => c.id)).toEqual(EXPECTED_IDS);
    expect(new Set(soc2.criteria.map((c) => c.id)).size).toBe(61);
  });

  it('has the five categories in order with 33/3/5/2/18 criteria', () => {
    expect(soc2.categories.map((c) => [c.id, c.name, c.criteria.length])).toEqual([
      ['security', 'Security', 33],
      ['availability', 'Availability', 3],
      ['processing-integrity', 'Processing Integrity', 5],
      ['confidentiality', 'Confidentiality', 2],
      ['privacy', 'Privacy', 18],
    ]);
    expect(soc2.categories.flatMap((c) => c.criteria)).toEqual(EXPECTED_IDS);
  });

  it('keeps only Security always in scope', () => {
    expect(soc2.categories.filter((c) => c.alwaysInScope).map((c) => c.id)).toEqual(['security']);
  });

  it('files every criterion under a category that lists it, in the right series', () => {
    for (const criterion of soc2.criteria) {
      expect(criterion.framework).toBe('soc2');
      const category = soc2.categories.find((c) => c.id === criterion.category);
      expect(category?.criteria).toContain(criterion.id);
      expect(soc2.categoryOf(criterion.id)).toBe(category);
      expect(criterion.id.startsWith(`${criterion.group}.`)).toBe(true);
    }
    expect(soc2.get('CC6.1')?.group).toBe('CC6');
    expect(soc2.get('A1.2')?.group).toBe('A1');
    expect(soc2.get('C1.1')?.group).toBe('C1');
    expect(soc2.get('PI1.5')?.group).toBe('PI1');
    expect(soc2.get('P4.3')?.group).toBe('P4');
    expect(soc2.get('P8.1')?.category).toBe('privacy');
    expect(soc2.get('CC9.2')?.category).toBe('security');
    expect(soc2.get('PI1.1')?.category).toBe('processing-integrity');
  });

  it('gets criteria by exact canonical id only', () => {
    expect(soc2.get('CC6.1')?.title).toBe('Logical access security');
    expect(soc2.get('CC8.1')?.title).toBe('Change management');
    expect(soc2.get('CC7.2')?.title).toMatch(/anomal/i);
    for (const id of ['cc6.1', ' CC6.1', 'CC6.1 ', 'CC6.10', 'CC9.9', 'PI1.6', 'P3.3', 'CC6', '', 'constructor', '__proto__']) {
      expect(soc2.get(id)).toBeUndefined();
    }
  });

  it('canonicalizes case-insensitively and nothing else', () => {
    expect(soc2.canonicalize('CC6.1')).toBe('CC6.1');
    expect(soc2.canonicalize('cc6.1')).toBe('CC6.1');
    expect(soc2.canonicalize('Cc6.1')).toBe('CC6.1');
    expect(soc2.canonicalize('pi1.5')).toBe('PI1.5');
    expect(soc2.canonicalize('a1.2')).toBe('A1.2');
    expect(soc2.canonicalize('p8.1')).toBe('P8.1');
    for (const raw of [' CC6.1', 'CC6.1 ', 'CC 6.1', 'CC-6.1', 'CC6_1', 'CC6.10', 'CC06.1', 'CC9.9', 'PI1.6', 'CC6', 'pı1.1', '']) {
      expect(soc2.canonicalize(raw)).toBeUndefined();
    }
  });

  it('finds the category of a criterion by canonical id', () => {
    expect(soc2.categoryOf('CC6.1')?.id).toBe('security');
    expect(soc2.categoryOf('A1.3')?.id).toBe('availability');
    expect(soc2.categoryOf('C1.2')?.id).toBe('confidentiality');
    expect(soc2.categoryOf('P6.7')?.id).toBe('privacy');
    expect(soc2.categoryOf('CC6.10')).toBeUndefined();
    expect(soc2.categoryOf('cc6.1')).toBeUndefined();
  });
});
