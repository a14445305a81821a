import { describe, expect, it } from 'vitest';
import { iso27001, iso27001_2013 } from './index.js';

describe('iso27001_2013 correspondence', () => {
  it('holds exactly the 114 controls of the 2013 edition, ids unique', () => {
    expect(iso27001_2013.all).toHaveLength(114);
    expect(new Set(iso27001_2013.all.map((c) => c.id)).size).toBe(114);
    for (const control of iso27001_2013.all) expect(control.id).toMatch(/^A\.(?:[5-9]|1[0-8])\.[1-9]\.[1-9]$/);
    expect(iso27001_2013.all[0]?.id).toBe('A.5.1.1');
    expect(iso27001_2013.all.at(-1)?.id).toBe('A.18.2.3');
  });

  it('has the 2013 number of controls in each clause', () => {
    const perClause = new Map<string, number>();
    for (const { id } of iso27001_2013.all) {
      const clause = id.split('.')[1]!;
      perClause.set(clause, (perClause.get(clause) ?? 0) + 1);
    }
    expect(Object.fromEntries(perClause)).toEqual({
      5: 2, 6: 7, 7: 6, 8: 10, 9: 14, 10: 2, 11: 15, 12: 14, 13: 7, 14: 13, 15: 5, 16: 7, 17: 4, 18: 8,
    });
  });

  it('maps every control to at least one valid 2022 control', () => {
    for (const control of iso27001_2013.all) {
      expect(control.title).not.toBe('');
      expect(control.successors.length).toBeGreaterThan(0);
      for (const successor of control.successors) expect(iso27001.get(successor)?.id).toBe(successor);
    }
  });

  it('leaves exactly the eleven controls that are new in 2022 without a predecessor', () => {
    const covered = new Set(iso27001_2013.all.flatMap((c) => c.successors));
    const uncovered = iso27001.criteria.map((c) => c.id).filter((id) => !covered.has(id));
    expect(uncovered).toEqual(['A.5.7', 'A.5.23', 'A.5.30', 'A.7.4', 'A.8.9', 'A.8.10', 'A.8.11', 'A.8.12', 'A.8.16', 'A.8.23', 'A.8.28']);
  });

  it('follows the published correspondence', () => {
    const expected: Record<string, readonly string[]> = {
      'A.5.1.1': ['A.5.1'],
      'A.5.1.2': ['A.5.1'],
      'A.6.1.2': ['A.5.3'],
      'A.6.1.5': ['A.5.8'],
      'A.6.2.1': ['A.8.1'],
      'A.6.2.2': ['A.6.7'],
      'A.7.2.1': ['A.5.4'],
      'A.8.2.3': ['A.5.10'],
      'A.8.3.2': ['A.7.10'],
      'A.9.1.1': ['A.5.15'],
      'A.9.1.2': ['A.5.15'],
      'A.9.2.1': ['A.5.16'],
      'A.9.2.2': ['A.5.18'],
      'A.9.2.3': ['A.8.2'],
      'A.9.2.4': ['A.5.17'],
      'A.9.4.2': ['A.8.5'],
      'A.9.4.3': ['A.5.17'],
      'A.11.1.6': ['A.7.2'],
      'A.11.2.5': ['A.7.10'],
      'A.11.2.8': ['A.8.1'],
      'A.12.1.1': ['A.5.37'],
      'A.12.1.2': ['A.8.32'],
      'A.12.6.1': ['A.8.8'],
      'A.12.6.2': ['A.8.19'],
      'A.12.7.1': ['A.8.34'],
      'A.13.2.1': ['A.5.14'],
      'A.13.2.4': ['A.6.6'],
      'A.14.1.1': ['A.5.8'],
      'A.14.2.6': ['A.8.31'],
      'A.16.1.3': ['A.6.8'],
      'A.17.1.2': ['A.5.29'],
      'A.17.2.1': ['A.8.14'],
      'A.18.1.4': ['A.5.34'],
      'A.18.1.5': ['A.5.31'],
      'A.18.2.3': ['A.5.36', 'A.8.8'],
    };
    for (const [id, successors] of Object.entries(expected)) {
      expect(iso27001_2013.get(id)?.successors, id).toEqual(successors);
    }
  });

  it('merges several 2013 controls into single 2022 controls', () => {
    const predecessors = (id: string) => iso27001_2013.all.filter((c) => c.successors.includes(id)).map((c) => c.id);
    expect(predecessors('A.5.17')).toEqual(['A.9.2.4', 'A.9.3.1', 'A.9.4.3']);
    expect(predecessors('A.5.18')).toEqual(['A.9.2.2', 'A.9.2.5', 'A.9.2.6']);
    expect(predecessors('A.7.10')).toEqual(['A.8.3.1', 'A.8.3.2', 'A.8.3.3', 'A.11.2.5']);
    expect(predecessors('A.8.15')).toEqual(['A.12.4.1', 'A.12.4.2', 'A.12.4.3']);
    expect(predecessors('A.8.32')).toEqual(['A.12.1.2', 'A.14.2.2', 'A.14.2.3', 'A.14.2.4']);
    expect(predecessors('A.8.8')).toEqual(['A.12.6.1', 'A.18.2.3']);
  });

  it('gets by exact id in any letter case', () => {
    expect(iso27001_2013.get('A.9.2.1')?.id).toBe('A.9.2.1');
    expect(iso27001_2013.get('a.9.2.1')?.id).toBe('A.9.2.1');
    for (const id of ['9.2.1', 'A9.2.1', ' A.9.2.1', 'A.9.2.1 ', 'A.9.2.7', 'A.19.1.1', 'A.5.15', 'A.09.2.1', '']) {
      expect(iso27001_2013.get(id)).toBeUndefined();
    }
  });
});
