import { sumByRow, outsideRow, noLocationRow, type Cube } from './cube.ts';
import { isCovered, previousPeriod, type DataRange, type Period } from './periods.ts';

export type Measure = 'count' | 'rate';

export const RATE_PER = 1000;

/** Figures for one area (ward, group or district) over a period and category selection. */
export interface AreaFigures {
  count: number;
  /** Count in the previous period of the same length; null when the data does not cover it. */
  previous: number | null;
  /** count - previous, or null when there is no previous period. */
  change: number | null;
  /** Percent change; null when there is no previous period or the previous count is 0. */
  percentChange: number | null;
  population: number | null;
  /** Crimes per 1,000 residents; null without a population. */
  rate: number | null;
}

export interface WardFigures extends AreaFigures {
  ward: number;
  /** 1 = highest; tied values share a rank (1, 2, 2, 4). Null when the value is missing. */
  countRank: number;
  rateRank: number | null;
}

export function figures(count: number, previous: number | null, population: number | null): AreaFigures {
  const change = previous === null ? null : count - previous;
  return {
    count,
    previous,
    change,
    percentChange: previous === null || previous === 0 ? null : ((count - previous) / previous) * 100,
    population,
    rate: population === null || population <= 0 ? null : (count / population) * RATE_PER,
  };
}

export interface PeriodTotals {
  current: Float64Array;
  /** Null when the previous period is not wholly in the data. */
  previous: Float64Array | null;
}

/** Row totals (wards, then outside and no-location rows) for a period and the one before it. */
export function periodTotals(cube: Cube, period: Period, range: DataRange, mask: readonly boolean[]): PeriodTotals {
  const before = previousPeriod(period);
  return {
    current: sumByRow(cube, period.from, period.to, mask),
    previous: isCovered(before, range) ? sumByRow(cube, before.from, before.to, mask) : null,
  };
}

/** Per-ward figures with ranks by count and by rate. */
export function wardFigures(totals: PeriodTotals, populations: readonly (number | null)[]): WardFigures[] {
  const rows = populations.map((population, ward) =>
    figures(totals.current[ward], totals.previous ? totals.previous[ward] : null, population),
  );
  const countRanks = competitionRanks(rows.map((r) => r.count));
  const rateRanks = competitionRanks(rows.map((r) => r.rate));
  return rows.map((row, ward) => ({ ...row, ward, countRank: countRanks[ward] ?? 0, rateRank: rateRanks[ward] }));
}

/** Figures for a set of wards added together; the rate needs every ward's population. */
export function combinedFigures(totals: PeriodTotals, wards: readonly number[], populations: readonly (number | null)[]): AreaFigures {
  let count = 0;
  let previous = 0;
  let population: number | null = 0;
  for (const ward of wards) {
    count += totals.current[ward];
    if (totals.previous) previous += totals.previous[ward];
    const p = populations[ward];
    population = population === null || p === null ? null : population + p;
  }
  return figures(count, totals.previous ? previous : null, wards.length === 0 ? null : population);
}

/**
 * The whole district: every ward plus crimes outside the ward boundaries and without a
 * location, which belong to the district's data even though no ward holds them.
 */
export function districtFigures(totals: PeriodTotals, wardCount: number, populations: readonly (number | null)[], cube: Cube): AreaFigures {
  const wards = Array.from({ length: wardCount }, (_, i) => i);
  const extraRows = [outsideRow(cube), noLocationRow(cube)];
  const combined = combinedFigures(totals, wards, populations);
  const extra = extraRows.reduce((sum, row) => sum + totals.current[row], 0);
  const extraBefore = totals.previous ? extraRows.reduce((sum, row) => sum + (totals.previous?.[row] ?? 0), 0) : 0;
  return figures(combined.count + extra, combined.previous === null ? null : combined.previous + extraBefore, combined.population);
}

/** Standard competition ranking, highest first; nulls get no rank. */
export function competitionRanks(values: readonly (number | null)[]): (number | null)[] {
  const present = values.filter((v): v is number => v !== null).sort((a, b) => b - a);
  // Each value's rank is 1 + its first position in descending order; a map keeps this
  // O(n log n) for the 7,000-odd wards of England rather than a search per ward.
  const rankOf = new Map<number, number>();
  present.forEach((v, i) => {
    if (!rankOf.has(v)) rankOf.set(v, i + 1);
  });
  return values.map((v) => (v === null ? null : (rankOf.get(v) ?? null)));
}
