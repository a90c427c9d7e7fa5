import { describe, expect, it } from 'vitest';
import { assignmentDifferences } from '../../src/core/assignmentSensitivity.ts';
import type { WardRow } from '../../src/core/dashboardModel.ts';

function ward(index: number, name: string, count: number, lsoaCount: number | null): WardRow {
  return { ward: index, name, figures: { count }, lsoaCount } as WardRow;
}

describe('assignmentDifferences', () => {
  it('orders wards by how far their count moves, in percent, and keeps a zero base apart', () => {
    const rows = assignmentDifferences([ward(0, 'Abbey', 100, 104), ward(1, 'Bourne', 50, 40), ward(2, 'Charlton', 0, 3), ward(3, 'Dun', 20, 20)]);
    expect(rows.map((r) => [r.name, r.difference, r.percent])).toEqual([
      ['Charlton', 3, null],
      ['Bourne', -10, -20],
      ['Abbey', 4, 4],
      ['Dun', 0, 0],
    ]);
  });

  it('is empty without LSOA counts', () => {
    expect(assignmentDifferences([ward(0, 'Abbey', 10, null)])).toEqual([]);
  });
});
