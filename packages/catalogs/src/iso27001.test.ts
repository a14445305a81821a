import { describe, expect, it } from 'vitest';
import { iso27001 } from './index.js';

const EXPECTED_IDS = [
  'A.5.1', 'A.5.2', 'A.5.3', 'A.5.4', 'A.5.5', 'A.5.6', 'A.5.7', 'A.5.8', 'A.5.9', 'A.5.10',
  'A.5.11', 'A.5.12', 'A.5.13', 'A.5.14', 'A.5.15', 'A.5.16', 'A.5.17', 'A.5.18', 'A.5.19', 'A.5.20',
  'A.5.21', 'A.5.22', 'A.5.23', 'A.5.24', 'A.5.25', 'A.5.26', 'A.5.27', 'A.5.28', 'A.5.29', 'A.5.30',
  'A.5.31', 'A.5.32', 'A.5.33', 'A.5.34', 'A.5.35', 'A.5.36', 'A.5.37',
  'A.6.1', 'A.6.2', 'A.6.3', 'A.6.4', 'A.6.5', 'A.6.6', 'A.6.7', 'A.6.8',
  'A.7.1', 'A.7.2', 'A.7.3', 'A.7.4', 'A.7.5', 'A.7.6', 'A.7.7', 'A.7.8', 'A.7.9', 'A.7.10',
  'A.7.11', 'A.7.12', 'A.7.13', 'A.7.14',
  'A.8.1', 'A.8.2', 'A.8.3', 'A.8.4', 'A.8.5', 'A.8.6', 'A.8.7', 'A.8.8', 'A.8.9', 'A.8.10',
  'A.8.11', 'A.8.12', 'A.8.13', 'A.8.14', 'A.8.15', 'A.8.16', 'A.8.17', 'A.8.18', 'A.8.19', 'A.8.20',
  'A.8.21', 'A.8.22', 'A.8.23', 'A.8.24', 'A.8.25', 'A.8.26', 'A.8.27', 'A.8.28', 'A.8.29', 'A.8.30',
  'A.8.31', 'A.8.32', 'A.8.33', 'A.8.34',
];

describe('iso27001 catalog', () => {
  it('names the edition', () => {
    expect(iso27001.framework).toBe('iso27001');
    expect(iso27001.name).toBe('ISO/IEC 27001 Annex A');
    expect(iso27001.version).toBe('2022');
  });

  it('holds exactly the 93 controls in catalog order', () => {
    expect(EXPECTED_IDS).toHaveLength(93);
    expect(iso27001.criteria.map((c) => c.id)).toEqual(EXPECTED_IDS);
    expect(new Set(iso27001.criteria.map((c) => c.id)).size).toBe(93);
  });

  it('has the four themes with 37/8/14/34 controls, all always in scope', () => {
    expect(iso27001.categories.map((c) => [c.id, c.name, c.criteria.length, c.alwaysInScope])).toEqual([
      ['organizational', 'Organizational controls', 37, true],
      ['people', 'People controls', 8, true],
      ['physical', 'Physical controls', 14, true],
      ['technological', 'Technological controls', 34, true],
    ]);
    expect(iso27001.categories.flatMap((c) => c.criteria)).toEqual(EXPECTED_IDS);
  });

  it('groups each control by clause and files it under the matching theme', () => {
    const themeOfClause: Record<string, string> = { 'A.5': 'organizational', 'A.6': 'people', 'A.7': 'physical', 'A.8': 'technological' };
    for (const control of iso27001.criteria) {
      expect(control.framework).toBe('iso27001');
      expect(control.id.startsWith(`${control.group}.`)).toBe(true);
      expect(control.category).toBe(themeOfClause[control.group]);
      expect(iso27001.categoryOf(control.id)?.criteria).toContain(control.id);
    }
  });

  it('identifies well-known controls correctly', () => {
    expect(iso27001.get('A.5.15')?.title).toBe('Access control');
    expect(iso27001.get('A.5.23')?.title).toBe('Cloud service security');
    expect(iso27001.get('A.8.8')?.title).toBe('Management of technical vulnerabilities');
    expect(iso27001.get('A.8.16')?.title).toBe('Monitoring activities');
    expect(iso27001.get('A.8.28')?.title).toBe('Secure coding');
    expect(iso27001.get('A.8.32')?.title).toBe('Change management');
    expect(iso27001.get('A.6.1')?.title).toBe('Screening');
    expect(iso27001.get('A.7.4')?.title).toBe('Physical security monitoring');
  });

  it('gets controls by exact canonical id only', () => {
    for (const id of ['a.5.15', '5.15', 'A5.15', ' A.5.15', 'A.5.38', 'A.9.2.1', 'A.8.35', 'A.4.1', 'A.5']) {
      expect(iso27001.get(id)).toBeUndefined();
    }
  });

  it('canonicalizes the accepted spellings', () => {
    for (const raw of ['A.5.15', 'a.5.15', '5.15', 'A5.15', 'a5.15']) {
      expect(iso27001.canonicalize(raw)).toBe('A.5.15');
    }
    expect(iso27001.canonicalize('8.34')).toBe('A.8.34');
    expect(iso27001.canonicalize('A7.1')).toBe('A.7.1');
  });

  it('rejects unknown ids and other spellings', () => {
    for (const raw of ['A.5.38', 'A.9.2.1', '9.2.1', 'A.8.35', 'A.4.1', '4.1', ' A.5.15', 'A.5.15 ', 'A 5.15', 'A-5.15', 'A.05.15', 'A.5.015', '.5.15', 'AA.5.15', 'A..5.15', 'A.5', '']) {
      expect(iso27001.canonicalize(raw)).toBeUndefined();
    }
  });

  it('finds the theme of a control by canonical id', () => {
    expect(iso27001.categoryOf('A.5.15')?.id).toBe('organizational');
    expect(iso27001.categoryOf('A.6.7')?.id).toBe('people');
    expect(iso27001.categoryOf('A.7.14')?.id).toBe('physical');
    expect(iso27001.categoryOf('A.8.1')?.id).toBe('technological');
    expect(iso27001.categoryOf('A.5.38')).toBeUndefined();
    expect(iso27001.categoryOf('5.15')).toBeUndefined();
  });
});
