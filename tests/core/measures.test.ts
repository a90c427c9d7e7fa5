import { describe, expect, it } from 'vitest';
import { buildCube, type Cube } from '../../src/core/cube.ts';
import {
  combinedFigures,
  competitionRanks,
  districtFigures,
  figures,
  periodTotals,
  wardFigures,
  type PeriodTotals,
} from '../../src/core/measures.ts';
import { parseMonth } from '../../src/core/months.ts';
import { resolvePeriod } from '../../src/core/periods.ts';
import { CrimeTableBuilder } from '../../src/core/policeUkCsv.ts';
import { NO_LOCATION, OUTSIDE } from '../../src/core/spatialJoin.ts';
import { csv, row } from './support/fixtures.ts';

const m = (text: string) => parseMonth(text)!;

function totals(current: number[], previous: number[] | null): PeriodTotals {
  return { current: Float64Array.from(current), previous: previous ? Float64Array.from(previous) : null };
}

describe('figures', () => {
  it('computes change, percent change and rate per 1,000', () => {
    // 30 crimes against 20 the year before, 5,000 residents: +10, +50 %, 6 per 1,000.
    expect(figures(30, 20, 5000)).toEqual({ count: 30, previous: 20, change: 10, percentChange: 50, population: 5000, rate: 6 });
    const fall = figures(15, 20, 2500);
    expect(fall.change).toBe(-5);
    expect(fall.percentChange).toBe(-25);
    expect(fall.rate).toBe(6);
  });

  it('gives no percent change (n/a) when the previous count is 0, but still the change', () => {
    const f = figures(4, 0, 1000);
    expect(f.change).toBe(4);
    expect(f.percentChange).toBeNull();
  });

  it('gives neither change nor percent change without a previous period', () => {
    const f = figures(4, null, 1000);
    expect(f.previous).toBeNull();
    expect(f.change).toBeNull();
    expect(f.percentChange).toBeNull();
  });

  it('gives no rate without a positive population', () => {
    expect(figures(4, null, null).rate).toBeNull();
    expect(figures(4, null, 0).rate).toBeNull();
  });

  it('reports an unchanged count as 0 change and 0 %', () => {
    expect(figures(7, 7, null)).toMatchObject({ change: 0, percentChange: 0 });
  });
});

describe('competitionRanks', () => {
  it('ranks highest first, ties sharing a rank and taking up the ranks after it (1, 2, 2, 4)', () => {
    expect(competitionRanks([10, 20, 20, 5, 20])).toEqual([4, 1, 1, 5, 1]);
    expect(competitionRanks([9, 7, 7, 3])).toEqual([1, 2, 2, 4]);
    expect(competitionRanks([0, 0, 0])).toEqual([1, 1, 1]);
  });

  it('ranks the 7,681 wards of England the obvious way', () => {
    const values = Array.from({ length: 7681 }, (_, i) => (i * 7919) % 1000);
    const ranks = competitionRanks(values);
    for (const i of [0, 1, 500, 7680]) expect(ranks[i]).toBe(1 + values.filter((v) => v > values[i]).length);
    expect(ranks[values.indexOf(999)]).toBe(1);
    expect(ranks[values.indexOf(0)]).toBe(7681 - values.filter((v) => v === 0).length + 1);
  });

  it('gives missing values no rank, without counting them', () => {
    expect(competitionRanks([null, 3, null, 8])).toEqual([null, 2, null, 1]);
    expect(competitionRanks([])).toEqual([]);
  });
});

describe('wardFigures', () => {
  it('gives each ward its figures and its ranks by count and by rate', () => {
    // Ward 0: 40 in 4,000 (10 per 1,000); ward 1: 40 in 2,000 (20); ward 2: 10 in 500 (20); ward 3: 50, no population.
    const t = totals([40, 40, 10, 50, 1, 2], [20, 40, 0, 25, 0, 0]);
    const rows = wardFigures(t, [4000, 2000, 500, null]);
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r.ward)).toEqual([0, 1, 2, 3]);
    expect(rows.map((r) => r.countRank)).toEqual([2, 2, 4, 1]);
    expect(rows.map((r) => r.rate)).toEqual([10, 20, 20, null]);
    expect(rows.map((r) => r.rateRank)).toEqual([3, 1, 1, null]);
    expect(rows.map((r) => r.percentChange)).toEqual([100, 0, null, 100]);
    expect(rows.map((r) => r.change)).toEqual([20, 0, 10, 25]);
  });

  it('has no previous figures when the previous period is not covered', () => {
    const rows = wardFigures(totals([3, 4, 0, 0], null), [100, 100]);
    expect(rows.map((r) => [r.previous, r.change, r.percentChange])).toEqual([
      [null, null, null],
      [null, null, null],
    ]);
  });
});

describe('combinedFigures and districtFigures', () => {
  // Three wards, then the outside and no-location rows.
  const t = totals([10, 20, 30, 4, 1], [5, 25, 30, 2, 2]);

  it('adds wards together, with a rate when every ward has a population', () => {
    const group = combinedFigures(t, [0, 2], [1000, 2000, 3000]);
    expect(group).toEqual({ count: 40, previous: 35, change: 5, percentChange: (5 / 35) * 100, population: 4000, rate: 10 });
  });

  it('gives no rate for a group when one ward lacks a population', () => {
    const group = combinedFigures(t, [0, 1], [1000, null, 3000]);
    expect(group.count).toBe(30);
    expect(group.population).toBeNull();
    expect(group.rate).toBeNull();
  });

  it('gives an empty group zero and no population', () => {
    expect(combinedFigures(t, [], [1000, 2000, 3000])).toMatchObject({ count: 0, previous: 0, population: null, rate: null });
  });

  it('adds the crimes outside every ward and without a location to the district', () => {
    const cube = { wardCount: 3 } as Cube;
    const district = districtFigures(t, 3, [1000, 2000, 3000], cube);
    // Wards 60 + outside 4 + no location 1 = 65; before: 60 + 2 + 2 = 64.
    expect(district).toMatchObject({ count: 65, previous: 64, change: 1, population: 6000 });
    expect(district.rate).toBeCloseTo((65 / 6000) * 1000, 12);
    expect(district.percentChange).toBeCloseTo((1 / 64) * 100, 12);
    expect(districtFigures(totals([10, 20, 30, 4, 1], null), 3, [1000, 2000, 3000], cube).previous).toBeNull();
  });
});

describe('periodTotals', () => {
  // Two wards; ward 0 has 1 crime a month for 2017-04..2019-03 (two years), ward 1 has 2 in the second year only.
  const builder = new CrimeTableBuilder();
  const rows: string[] = [];
  const wardOf: number[] = [];
  for (let month = m('2017-04'); month <= m('2019-03'); month++) {
    const text = `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
    rows.push(row({ month: text }));
    wardOf.push(0);
    if (month >= m('2018-04')) {
      rows.push(row({ month: text, category: 'Anti-social behaviour' }), row({ month: text }));
      wardOf.push(1, 1);
    }
  }
  rows.push(row({ month: '2018-06', lon: '', lat: '' }));
  wardOf.push(NO_LOCATION);
  rows.push(row({ month: '2017-06', lon: 9, lat: 9 }));
  wardOf.push(OUTSIDE);
  builder.addFile('a.csv', csv(...rows));
  const cube = buildCube(builder.build(), Int32Array.from(wardOf), 2);
  const range = { first: m('2017-04'), last: m('2019-03') };
  const everything = cube.categories.map(() => true);

  it('sums the period and the one before it when the data covers both', () => {
    const fy2018 = resolvePeriod({ kind: 'financial-year', startYear: 2018 }, range);
    const t = periodTotals(cube, fy2018, range, everything);
    expect(Array.from(t.current)).toEqual([12, 24, 0, 1]);
    expect(Array.from(t.previous!)).toEqual([12, 0, 1, 0]);
    const rowsOut = wardFigures(t, [1000, 2000]);
    expect(rowsOut[1].previous).toBe(0);
    expect(rowsOut[1].percentChange).toBeNull();
    expect(rowsOut[1].change).toBe(24);
    expect(rowsOut[0].percentChange).toBe(0);
  });

  it('has no previous totals when the period before is not wholly in the data', () => {
    const fy2017 = resolvePeriod({ kind: 'financial-year', startYear: 2017 }, range);
    const t = periodTotals(cube, fy2017, range, everything);
    expect(Array.from(t.current)).toEqual([12, 0, 1, 0]);
    expect(t.previous).toBeNull();
    // A 6-month period whose previous 6 months start before the data.
    const half = resolvePeriod({ kind: 'range', from: m('2017-07'), to: m('2017-12') }, range);
    expect(periodTotals(cube, half, range, everything).previous).toBeNull();
  });

  it('applies the category mask', () => {
    const fy2018 = resolvePeriod({ kind: 'financial-year', startYear: 2018 }, range);
    const exclAsb = cube.categories.map((c) => c !== 'Anti-social behaviour');
    expect(Array.from(periodTotals(cube, fy2018, range, exclAsb).current)).toEqual([12, 12, 0, 1]);
  });
});
