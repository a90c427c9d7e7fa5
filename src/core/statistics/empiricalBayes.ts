import { RATE_PER } from '../measures.ts';

export interface SmoothedRates {
  /** Smoothed rate per 1,000 for each area; null where the population is missing. */
  rates: (number | null)[];
  /** The prior: the pooled rate (per 1,000) every area is pulled towards, and the between-area variance (per person², not per 1,000). */
  priorRate: number;
  priorVariance: number;
}

/**
 * Global empirical-Bayes smoothing (Marshall 1991, method of moments, as GeoDa's "EB
 * smoothed rate"): each area's rate is pulled towards the pooled rate b, the more so
 * the smaller its population:
 *   b = Σy / Σn;  s² = Σ n_i (r_i − b)² / Σn;  a = s² − b / (Σn / k), 0 if negative;
 *   w_i = a / (a + b / n_i);  smoothed r_i = w_i·r_i + (1 − w_i)·b.
 * a = 0 means the areas differ no more than chance would make them, so every area gets b.
 */
export function empiricalBayesRates(counts: readonly number[], populations: readonly (number | null)[]): SmoothedRates {
  const used = counts.map((_, i) => i).filter((i) => (populations[i] ?? 0) > 0);
  const totalCount = used.reduce((sum, i) => sum + counts[i], 0);
  const totalPopulation = used.reduce((sum, i) => sum + populations[i]!, 0);
  if (used.length === 0 || totalPopulation === 0) return { rates: counts.map(() => null), priorRate: 0, priorVariance: 0 };
  const b = totalCount / totalPopulation;
  const s2 = used.reduce((sum, i) => sum + populations[i]! * (counts[i] / populations[i]! - b) ** 2, 0) / totalPopulation;
  const a = Math.max(0, s2 - b / (totalPopulation / used.length));
  const rates = counts.map((count, i) => {
    const n = populations[i];
    if (n === null || n <= 0) return null;
    const w = a + b / n === 0 ? 0 : a / (a + b / n);
    return (w * (count / n) + (1 - w) * b) * RATE_PER;
  });
  return { rates, priorRate: b * RATE_PER, priorVariance: a };
}
