export interface ConcentrationPoint {
  /** Share of cells, %, busiest first. */
  cells: number;
  /** Share of all crime in those cells, %. */
  crime: number;
}

/**
 * The share of crime in the busiest `percent`% of cells (zeros included). When the
 * boundary falls inside a cell, that cell counts in proportion: the curve is the
 * piecewise-linear Lorenz-type curve through the sorted cells.
 */
export function shareInTopPercent(counts: ArrayLike<number>, percent: number): number {
  const sorted = Float64Array.from(counts).sort().reverse();
  return shareAt(sorted, total(sorted), percent);
}

/** The concentration curve at every half percent of cells, from (0, 0) to (100, 100). */
export function concentrationCurve(counts: ArrayLike<number>): ConcentrationPoint[] {
  const sorted = Float64Array.from(counts).sort().reverse();
  const sum = total(sorted);
  return Array.from({ length: 201 }, (_, i) => ({ cells: i / 2, crime: shareAt(sorted, sum, i / 2) }));
}

function total(sorted: Float64Array): number {
  let sum = 0;
  for (const c of sorted) sum += c;
  return sum;
}

function shareAt(sorted: Float64Array, sum: number, percent: number): number {
  if (sum === 0 || sorted.length === 0) return 0;
  const cells = (percent / 100) * sorted.length;
  const whole = Math.floor(cells);
  let crime = 0;
  for (let i = 0; i < whole; i++) crime += sorted[i];
  if (whole < sorted.length) crime += (cells - whole) * sorted[whole];
  return (crime / sum) * 100;
}
