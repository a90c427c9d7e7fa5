import { fdrThreshold } from './fdr.ts';
import { neighboursWithin, type HexGrid } from './hexGrid.ts';
import { twoSidedP } from './normal.ts';

export interface GiStar {
  z: Float64Array;
  p: Float64Array;
  /** −3…3: cold or hot spot at 99, 95 or 90% confidence after the FDR correction; 0 not significant. */
  bin: Int8Array;
}

/** Confidence levels of the bins, highest first. */
const LEVELS: [number, number][] = [
  [3, 0.01],
  [2, 0.05],
  [1, 0.1],
];

/**
 * Getis–Ord Gi* (Ord & Getis 1995) with binary weights: each cell's neighbourhood is the
 * cells listed for it (itself included). For neighbourhood i with W = Σw and the values
 * x of all n cells, mean X̄ and S = sqrt(Σx²/n − X̄²):
 *   z_i = (Σ_j w_ij x_j − X̄·W) / (S · sqrt((n·W − W²) / (n − 1)))
 * (with binary weights Σw² = W). Bins follow ArcGIS's Hot Spot Analysis with the FDR
 * correction: a cell reaches a confidence level when its p-value is within the
 * Benjamini–Hochberg threshold at that level, over all n tests.
 */
export function giStar(values: ArrayLike<number>, neighbours: { offsets: Uint32Array; cells: Uint32Array }): GiStar {
  const n = values.length;
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < n; i++) {
    sum += values[i];
    sumSquares += values[i] * values[i];
  }
  const mean = sum / n;
  const s = Math.sqrt(Math.max(sumSquares / n - mean * mean, 0));
  const z = new Float64Array(n);
  const p = new Float64Array(n).fill(1);
  const bin = new Int8Array(n);
  // All cells alike (or a single cell): nothing stands out.
  if (n < 2 || s === 0) return { z, p, bin };
  for (let i = 0; i < n; i++) {
    let local = 0;
    const start = neighbours.offsets[i];
    const end = neighbours.offsets[i + 1];
    for (let k = start; k < end; k++) local += values[neighbours.cells[k]];
    const w = end - start;
    const denominator = s * Math.sqrt((n * w - w * w) / (n - 1));
    z[i] = denominator > 0 ? (local - mean * w) / denominator : 0;
    p[i] = twoSidedP(z[i]);
  }
  const thresholds = LEVELS.map(([level, alpha]) => [level, fdrThreshold(p, alpha)] as const);
  for (let i = 0; i < n; i++) {
    const reached = thresholds.find(([, threshold]) => threshold > 0 && p[i] <= threshold);
    if (reached) bin[i] = Math.sign(z[i]) * reached[0];
  }
  return { z, p, bin };
}

/** Gi* over every cell of a hexagon grid, with neighbours within `band` metres. */
export function giStarOnGrid(grid: HexGrid, band: number): GiStar {
  return giStar(grid.count, neighboursWithin(grid, band));
}
