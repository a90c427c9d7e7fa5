import type { WardRow } from './dashboardModel.ts';

/** A ward's count by its crimes' points and by their LSOAs' best-fit wards. */
export interface AssignmentDifference {
  ward: number;
  name: string;
  byPoint: number;
  byLsoa: number;
  /** byLsoa − byPoint. */
  difference: number;
  /** The difference as a percentage of the count by point; null when that count is 0. */
  percent: number | null;
}

/**
 * How far each ward's count moves when crimes are assigned by their LSOA instead of their
 * point, largest moves first: wards whose figure hangs on snap points near a boundary.
 */
export function assignmentDifferences(wards: readonly WardRow[]): AssignmentDifference[] {
  return wards
    .filter((w) => w.lsoaCount !== null)
    .map((w) => {
      const byLsoa = w.lsoaCount ?? 0;
      const difference = byLsoa - w.figures.count;
      return {
        ward: w.ward,
        name: w.name,
        byPoint: w.figures.count,
        byLsoa,
        difference,
        percent: w.figures.count === 0 ? null : (difference / w.figures.count) * 100,
      };
    })
    .sort((a, b) => Math.abs(b.percent ?? Infinity) - Math.abs(a.percent ?? Infinity) || Math.abs(b.difference) - Math.abs(a.difference) || a.name.localeCompare(b.name));
}
