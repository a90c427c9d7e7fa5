import { sortCategories } from './categories.ts';
import type { MonthIndex } from './months.ts';
import type { CrimeTable } from './policeUkCsv.ts';
import { NO_LOCATION, OUTSIDE } from './spatialJoin.ts';

/**
 * Counts of crimes by area row × month × category. Rows 0..wardCount-1 are wards; the
 * two rows after them hold crimes outside every ward and crimes without a location, so
 * district totals still include them. Every filter change is answered from here.
 */
export interface Cube {
  wardCount: number;
  /** First month of the axis; months run contiguously, with zeros for months without data. */
  firstMonth: MonthIndex;
  monthCount: number;
  /** Categories in police.uk order. */
  categories: string[];
  counts: Uint32Array;
  /** Months for which at least one row was loaded. */
  monthsWithData: boolean[];
}

export function outsideRow(cube: Cube): number {
  return cube.wardCount;
}

export function noLocationRow(cube: Cube): number {
  return cube.wardCount + 1;
}

export function rowCount(cube: Cube): number {
  return cube.wardCount + 2;
}

export function cubeIndex(cube: Cube, row: number, monthOffset: number, category: number): number {
  return (row * cube.monthCount + monthOffset) * cube.categories.length + category;
}

export function lastMonth(cube: Cube): MonthIndex {
  return cube.firstMonth + cube.monthCount - 1;
}

/** Builds the cube from the crime table and each crime's ward index. */
export function buildCube(table: CrimeTable, ward: Int32Array, wardCount: number): Cube {
  const categories = sortCategories(table.categories);
  const remap = Uint16Array.from(table.categories, (name) => categories.indexOf(name));
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < table.length; i++) {
    const m = table.month[i];
    if (m < first) first = m;
    if (m > last) last = m;
  }
  if (table.length === 0) first = last = 0;
  const cube: Cube = {
    wardCount,
    firstMonth: first,
    monthCount: last - first + 1,
    categories,
    counts: new Uint32Array(0),
    monthsWithData: new Array<boolean>(last - first + 1).fill(false),
  };
  cube.counts = new Uint32Array(rowCount(cube) * cube.monthCount * categories.length);
  for (let i = 0; i < table.length; i++) {
    const w = ward[i];
    const row = w === OUTSIDE ? outsideRow(cube) : w === NO_LOCATION ? noLocationRow(cube) : w;
    const offset = table.month[i] - first;
    cube.counts[cubeIndex(cube, row, offset, remap[table.category[i]])]++;
    cube.monthsWithData[offset] = true;
  }
  return cube;
}

/**
 * Sums each row of the cube over a month range and a category mask.
 * Months outside the cube's axis contribute nothing.
 */
export function sumByRow(cube: Cube, from: MonthIndex, to: MonthIndex, mask: readonly boolean[]): Float64Array {
  const rows = rowCount(cube);
  const totals = new Float64Array(rows);
  const start = Math.max(from - cube.firstMonth, 0);
  const end = Math.min(to - cube.firstMonth, cube.monthCount - 1);
  const c = cube.categories.length;
  for (let row = 0; row < rows; row++) {
    let sum = 0;
    for (let m = start; m <= end; m++) {
      const base = (row * cube.monthCount + m) * c;
      for (let k = 0; k < c; k++) if (mask[k]) sum += cube.counts[base + k];
    }
    totals[row] = sum;
  }
  return totals;
}

/** Monthly totals for a set of rows, over the whole month axis. */
export function monthlySeries(cube: Cube, rows: readonly number[], mask: readonly boolean[]): Float64Array {
  const series = new Float64Array(cube.monthCount);
  const c = cube.categories.length;
  for (const row of rows) {
    for (let m = 0; m < cube.monthCount; m++) {
      const base = (row * cube.monthCount + m) * c;
      for (let k = 0; k < c; k++) if (mask[k]) series[m] += cube.counts[base + k];
    }
  }
  return series;
}

/** Totals by category for one row over a month range. */
export function categoryTotals(cube: Cube, row: number, from: MonthIndex, to: MonthIndex): Float64Array {
  const totals = new Float64Array(cube.categories.length);
  const start = Math.max(from - cube.firstMonth, 0);
  const end = Math.min(to - cube.firstMonth, cube.monthCount - 1);
  for (let m = start; m <= end; m++) {
    const base = cubeIndex(cube, row, m, 0);
    for (let k = 0; k < cube.categories.length; k++) totals[k] += cube.counts[base + k];
  }
  return totals;
}
