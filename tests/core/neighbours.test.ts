import { describe, expect, it } from 'vitest';
import { cubeIndex, rowCount, type Cube } from '../../src/core/cube.ts';
import { parseMonth } from '../../src/core/months.ts';
import { districtsOf, neighbourComparison } from '../../src/core/neighbours.ts';

const month = parseMonth('2019-09')!;
const period = { from: month, to: month, label: 'Sep 2019' };

/** Six wards in three districts; district C has one ward without crimes (the force's file barely reaches it). */
const properties = ['A', 'A', 'B', 'B', 'C', 'C'].map((lad, i) => ({ WD13CD: `E0500000${i}`, LAD13CD: `E0700000${lad.charCodeAt(0) - 64}` }));
const burglaries = [10, 20, 5, 5, 3, 0];

function cube(): Cube {
  const result: Cube = { wardCount: 6, firstMonth: month, monthCount: 1, categories: ['Burglary'], counts: new Uint32Array(0), monthsWithData: [true] };
  result.counts = new Uint32Array(rowCount(result));
  burglaries.forEach((n, ward) => (result.counts[cubeIndex(result, ward, 0, 0)] = n));
  return result;
}

describe('neighbourComparison', () => {
  it('finds the district property of the wards', () => {
    expect(districtsOf(properties)).toEqual({ property: 'LAD13CD', codes: ['E07000001', 'E07000002', 'E07000003'], wardDistrict: Int32Array.from([0, 0, 1, 1, 2, 2]) });
    expect(districtsOf([{ WD13CD: 'E05000001' }])).toBeNull();
    expect(districtsOf(properties.slice(0, 2))).toBeNull();
  });

  it('ranks the districts the data covers by rate, leaving out one it barely reaches', () => {
    const rows = neighbourComparison(cube(), districtsOf(properties)!, [1000, 1000, 100, 400, 500, 500], 'Burglary', period);
    expect(rows.map((r) => [r.code, r.count, r.population, r.rate, r.rank])).toEqual([
      ['E07000002', 10, 500, 20, 1],
      ['E07000001', 30, 2000, 15, 2],
    ]);
  });

  it('gives no rate, and no rank, to a district with a ward lacking a population', () => {
    const rows = neighbourComparison(cube(), districtsOf(properties)!, [1000, null, 100, 400, 500, 500], 'Burglary', period);
    expect(rows.map((r) => [r.code, r.rate, r.rank, r.wardsWithoutPopulation])).toEqual([
      ['E07000002', 20, 1, 0],
      ['E07000001', null, null, 1],
    ]);
  });
});
