import { categoryTotals, cubeIndex } from './cube.ts';
import { figures } from './measures.ts';
import { formatMonth } from './months.ts';
import type { Dataset, RowCounts } from './pipeline.ts';

export interface WardAggregate {
  id: string;
  name: string;
  count: number;
  /** Crimes per 1,000 residents over all loaded months; null without a population. */
  rate: number | null;
  byCategory: Record<string, number>;
  byMonth: Record<string, number>;
}

export interface AggregateReport extends RowCounts {
  wards: WardAggregate[];
}

/** The CLI's aggregate output: reconciled row counts and every ward with its totals. */
export function aggregateReport(dataset: Dataset): AggregateReport {
  const { cube, wards } = dataset;
  const lastMonth = cube.firstMonth + cube.monthCount - 1;
  return {
    ...dataset.counts,
    wards: wards.ids.map((id, ward) => {
      const byCategoryTotals = categoryTotals(cube, ward, cube.firstMonth, lastMonth);
      const byCategory: Record<string, number> = {};
      cube.categories.forEach((name, k) => (byCategory[name] = byCategoryTotals[k]));
      const byMonth: Record<string, number> = {};
      let count = 0;
      for (let m = 0; m < cube.monthCount; m++) {
        let sum = 0;
        for (let k = 0; k < cube.categories.length; k++) sum += cube.counts[cubeIndex(cube, ward, m, k)];
        if (cube.monthsWithData[m]) byMonth[formatMonth(cube.firstMonth + m)] = sum;
        count += sum;
      }
      const rate = figures(count, null, dataset.populations[ward]).rate;
      return { id, name: wards.names[ward], count, rate: rate === null ? null : round(rate, 3), byCategory, byMonth };
    }),
  };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

