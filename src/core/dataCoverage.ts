import { type Cube } from './cube.ts';
import { shortMonthLabel, type MonthIndex } from './months.ts';

/** A category that starts or stops part-way through the data: a force that began or stopped publishing it. */
export interface CategoryChange {
  category: string;
  kind: 'appears' | 'vanishes';
  /** The first month with the category (appears) or the last (vanishes). */
  month: MonthIndex;
}

/** Months of absence at either end before a category counts as appearing or vanishing. */
const MIN_ABSENT_MONTHS = 3;

/**
 * Categories absent for at least three months with data at the start or the end of the data
 * while present in between: comparisons across that edge would compare unlike things.
 */
export function categoryChanges(cube: Cube): CategoryChange[] {
  const months = cube.monthsWithData.flatMap((has, offset) => (has ? [offset] : []));
  const c = cube.categories.length;
  const changes: CategoryChange[] = [];
  cube.categories.forEach((category, k) => {
    const present = months.map((offset) => {
      for (let row = 0; row < cube.wardCount + 2; row++) if (cube.counts[(row * cube.monthCount + offset) * c + k] > 0) return true;
      return false;
    });
    const first = present.indexOf(true);
    const last = present.lastIndexOf(true);
    if (first < 0) return;
    if (first >= MIN_ABSENT_MONTHS) changes.push({ category, kind: 'appears', month: cube.firstMonth + months[first] });
    if (present.length - 1 - last >= MIN_ABSENT_MONTHS) changes.push({ category, kind: 'vanishes', month: cube.firstMonth + months[last] });
  });
  return changes;
}

/** "Bicycle theft appears in the data only from Jun 2018." */
export function describeCategoryChange(change: CategoryChange): string {
  return change.kind === 'appears'
    ? `${change.category} appears in the data only from ${shortMonthLabel(change.month)}.`
    : `${change.category} is not in the data after ${shortMonthLabel(change.month)}.`;
}

/** Months from the first to the last of the data for which no file was loaded. */
export function monthsWithoutData(cube: Cube): MonthIndex[] {
  return cube.monthsWithData.flatMap((has, offset) => (has ? [] : [cube.firstMonth + offset]));
}
