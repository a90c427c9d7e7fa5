/**
 * The Benjamini–Hochberg threshold: the largest p_(k) with p_(k) ≤ (k / m)·alpha over the
 * m sorted p-values, or 0 when none qualifies. Every test with p ≤ the threshold is
 * significant with the false discovery rate held at alpha.
 */
export function fdrThreshold(pValues: ArrayLike<number>, alpha: number): number {
  const sorted = Float64Array.from(pValues).sort();
  const m = sorted.length;
  for (let k = m; k >= 1; k--) {
    if (sorted[k - 1] <= (k / m) * alpha) return sorted[k - 1];
  }
  return 0;
}

/** Which tests are significant under Benjamini–Hochberg at alpha. */
export function fdrSignificant(pValues: ArrayLike<number>, alpha: number): boolean[] {
  const threshold = fdrThreshold(pValues, alpha);
  return Array.from(pValues, (p) => threshold > 0 && p <= threshold);
}
