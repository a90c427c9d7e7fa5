import { describe, expect, it } from 'vitest';
import { cubeIndex, rowCount, type Cube } from '../../src/core/cube.ts';
import { parseMonth } from '../../src/core/months.ts';
import { districtNames, districtsOf, neighbourComparison } from '../../src/core/neighbours.ts';

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
    expect(districtsOf(properties)).toEqual({ property: 'LAD13CD', codes: ['E07000001', 'E07000002', 'E07000003'], wardDistrict: Int32Array.from([0, 0, 1, 1, 2, 2]), names: [null, null, null] });
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

  it('names each district by what most of its crimes\' LSOA names say', () => {
    // Wards 0 and 1 are in the first district, 2 and 3 in the second, 4 and 5 in the third.
    const table = {
      lsoaNames: ['Test Valley 011A', 'Test Valley 002B', 'Wiltshire 040C', 'Winchester 001A', 'not a name', ''],
      lsoa: Uint32Array.from([0, 1, 2, 1, 3, 3, 2, 4, 5, 0]),
      length: 10,
    };
    // Crimes 0-3 in district 0 (one snapped from Wiltshire), 4-6 in district 1, 7-8 in district 2 (no usable names), 9 outside.
    const wardOfCrime = Int32Array.from([0, 1, 1, 0, 2, 3, 2, 4, 5, -1]);
    const named = districtNames(districtsOf(properties)!, table, wardOfCrime);
    expect(named.names).toEqual(['Test Valley', 'Winchester', null]);
    const rows = neighbourComparison(cube(), named, [1000, 1000, 100, 400, 500, 500], 'Burglary', period);
    expect(rows.map((r) => [r.code, r.name])).toEqual([
      ['E07000002', 'Winchester'],
      ['E07000001', 'Test Valley'],
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
