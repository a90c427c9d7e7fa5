import { describe, expect, it } from 'vitest';
import { categoryMask, categoryFromKey, categoryKey, categoryLabel, sortCategories, type CategorySelection } from '../../src/core/categories.ts';
import { buildCube, categoryTotals, cubeIndex, lastMonth, monthlySeries, noLocationRow, outsideRow, rowCount, sumByRow } from '../../src/core/cube.ts';
import { parseMonth } from '../../src/core/months.ts';
import { CrimeTableBuilder } from '../../src/core/policeUkCsv.ts';
import { NO_LOCATION, OUTSIDE } from '../../src/core/spatialJoin.ts';
import { csv, row } from './support/fixtures.ts';

const m = (text: string) => parseMonth(text)!;

/** Three wards; data in January and March 2019 (none in February); categories seen in a non-police.uk order. */
function smallCube() {
  const rows: [month: string, category: string, ward: number][] = [
    ['2019-01', 'Vehicle crime', 0],
    ['2019-01', 'Vehicle crime', 0],
    ['2019-01', 'Anti-social behaviour', 1],
    ['2019-01', 'Burglary', 2],
    ['2019-03', 'Burglary', 0],
    ['2019-03', 'Anti-social behaviour', OUTSIDE],
    ['2019-03', 'Vehicle crime', NO_LOCATION],
    ['2019-03', 'Anti-social behaviour', 1],
  ];
  const builder = new CrimeTableBuilder();
  builder.addFile('a.csv', csv(...rows.map(([month, category]) => row({ month, category }))));
  return buildCube(builder.build(), Int32Array.from(rows, (r) => r[2]), 3);
}

describe('buildCube', () => {
  const cube = smallCube();

  it('spans the months contiguously, marking months without data', () => {
    expect(cube.firstMonth).toBe(m('2019-01'));
    expect(cube.monthCount).toBe(3);
    expect(lastMonth(cube)).toBe(m('2019-03'));
    expect(cube.monthsWithData).toEqual([true, false, true]);
  });

  it('orders categories as police.uk does', () => {
    expect(cube.categories).toEqual(['Anti-social behaviour', 'Burglary', 'Vehicle crime']);
  });

  it('has rows for the wards, then outside, then no location', () => {
    expect([outsideRow(cube), noLocationRow(cube), rowCount(cube)]).toEqual([3, 4, 5]);
    expect(cube.counts).toHaveLength(5 * 3 * 3);
    expect(cube.counts[cubeIndex(cube, 0, 0, 2)]).toBe(2); // ward 0, January, vehicle crime
    expect(cube.counts[cubeIndex(cube, outsideRow(cube), 2, 0)]).toBe(1);
    expect(cube.counts[cubeIndex(cube, noLocationRow(cube), 2, 2)]).toBe(1);
    expect(cube.counts.reduce((a, b) => a + b, 0)).toBe(8);
  });
});

describe('cube sums', () => {
  const cube = smallCube();
  const all = cube.categories.map(() => true);

  it('sums rows over a month range and category mask', () => {
    expect(Array.from(sumByRow(cube, m('2019-01'), m('2019-03'), all))).toEqual([3, 2, 1, 1, 1]);
    expect(Array.from(sumByRow(cube, m('2019-01'), m('2019-01'), all))).toEqual([2, 1, 1, 0, 0]);
    expect(Array.from(sumByRow(cube, m('2019-02'), m('2019-02'), all))).toEqual([0, 0, 0, 0, 0]);
    const exclAsb = categoryMask({ kind: 'all-excl-asb' }, cube.categories);
    expect(Array.from(sumByRow(cube, m('2019-01'), m('2019-03'), exclAsb))).toEqual([3, 0, 1, 0, 1]);
  });

  it('ignores months beyond the axis', () => {
    expect(Array.from(sumByRow(cube, m('2018-01'), m('2020-12'), all))).toEqual([3, 2, 1, 1, 1]);
    expect(Array.from(sumByRow(cube, m('2019-04'), m('2019-12'), all))).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(sumByRow(cube, m('2018-01'), m('2018-12'), all))).toEqual([0, 0, 0, 0, 0]);
  });

  it('gives a monthly series for a set of rows', () => {
    expect(Array.from(monthlySeries(cube, [0, 1], all))).toEqual([3, 0, 2]);
    expect(Array.from(monthlySeries(cube, [0, 1, 2, 3, 4], categoryMask({ kind: 'asb' }, cube.categories)))).toEqual([1, 0, 2]);
  });

  it('gives totals by category for a row', () => {
    expect(Array.from(categoryTotals(cube, 0, m('2019-01'), m('2019-03')))).toEqual([0, 1, 2]);
    expect(Array.from(categoryTotals(cube, 0, m('2019-03'), m('2019-03')))).toEqual([0, 1, 0]);
  });

  it('builds an empty cube from an empty table', () => {
    const empty = buildCube(new CrimeTableBuilder().build(), new Int32Array(0), 2);
    expect(empty.monthCount).toBe(1);
    expect(empty.categories).toEqual([]);
    expect(empty.monthsWithData).toEqual([false]);
    expect(Array.from(sumByRow(empty, 0, 10, []))).toEqual([0, 0, 0, 0]);
  });
});

describe('categories', () => {
  it('sorts into police.uk order, unknown categories alphabetically after', () => {
    expect(sortCategories(['Other crime', 'Zebra crossing', 'Burglary', 'Arson (local)', 'Anti-social behaviour', 'Drugs'])).toEqual([
      'Anti-social behaviour',
      'Burglary',
      'Drugs',
      'Other crime',
      'Arson (local)',
      'Zebra crossing',
    ]);
  });

  it('masks categories for each kind of selection', () => {
    const names = ['Anti-social behaviour', 'Burglary', 'Drugs'];
    expect(categoryMask({ kind: 'all' }, names)).toEqual([true, true, true]);
    expect(categoryMask({ kind: 'asb' }, names)).toEqual([true, false, false]);
    expect(categoryMask({ kind: 'all-excl-asb' }, names)).toEqual([false, true, true]);
    expect(categoryMask({ kind: 'single', name: 'Drugs' }, names)).toEqual([false, false, true]);
    expect(categoryMask({ kind: 'single', name: 'Robbery' }, names)).toEqual([false, false, false]);
  });

  it('labels selections and turns them into keys and back', () => {
    const names = ['Anti-social behaviour', 'Burglary'];
    const selections: CategorySelection[] = [{ kind: 'all' }, { kind: 'asb' }, { kind: 'all-excl-asb' }, { kind: 'single', name: 'Burglary' }];
    for (const selection of selections) expect(categoryFromKey(categoryKey(selection), names)).toEqual(selection);
    expect(categoryLabel({ kind: 'all-excl-asb' })).toBe('All crime excluding anti-social behaviour');
    expect(categoryLabel({ kind: 'all' })).toBe('All incidents (crime and anti-social behaviour)');
    expect(categoryLabel({ kind: 'single', name: 'Burglary' })).toBe('Burglary');
    expect(categoryFromKey('Anti-social behaviour', names)).toEqual({ kind: 'asb' });
    expect(categoryFromKey('Robbery', names)).toBeNull();
  });
});
