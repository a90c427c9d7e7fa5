import { RATE_PER } from '../measures.ts';
import { logGamma } from './logGamma.ts';

/** Two-sided 95% and 99.8% limits: the quantiles each side. */
export const FUNNEL_LIMITS = [
  { label: '95%', lower: 0.025, upper: 0.975 },
  { label: '99.8%', lower: 0.001, upper: 0.999 },
] as const;

export type FunnelPosition = 'above-99.8' | 'above-95' | 'within' | 'below-95' | 'below-99.8';

/** P(X ≤ k) for X ~ Poisson(mean), summed in log space (fine for means in the thousands). */
export function poissonCdf(k: number, mean: number): number {
  if (k < 0) return 0;
  if (mean === 0) return 1;
  let logTerm = -mean;
  let logSum = logTerm;
  for (let i = 1; i <= k; i++) {
    logTerm += Math.log(mean) - Math.log(i);
    logSum = logTerm > logSum ? logTerm + Math.log1p(Math.exp(logSum - logTerm)) : logSum + Math.log1p(Math.exp(logTerm - logSum));
  }
  return Math.min(1, Math.exp(logSum));
}

/**
 * The control limit on a count at probability `prob`, for an expected count `mean`: the
 * Poisson quantile r, interpolated between whole counts as Spiegelhalter (2005, appendix
 * A.1.2) does, so the funnel is a smooth curve rather than a staircase.
 */
export function poissonLimit(prob: number, mean: number): number {
  if (mean === 0) return 0;
  // Start a little below the quantile (the normal approximation is never far off), then step up.
  let r = Math.max(0, Math.floor(mean - 6 * Math.sqrt(mean) - 1));
  let at = poissonCdf(r, mean);
  let below = poissonCdf(r - 1, mean);
  while (at < prob) {
    r++;
    below = at;
    at += Math.exp(-mean + r * Math.log(mean) - logGamma(r + 1));
  }
  const alpha = at === below ? 0 : (at - prob) / (at - below);
  return Math.max(0, r - alpha);
}

/** Control limits on the rate per 1,000 for an area of `population`, around the target rate per 1,000. */
export function funnelLimits(targetRate: number, population: number, prob: number): number {
  const expected = (targetRate * population) / RATE_PER;
  return expected === 0 ? targetRate : (poissonLimit(prob, expected) / population) * RATE_PER;
}

/** Points along each limit, from the smallest to the largest population, for drawing. */
export function funnelCurves(targetRate: number, minPopulation: number, maxPopulation: number, steps = 60) {
  const populations = Array.from({ length: steps + 1 }, (_, i) => minPopulation * (maxPopulation / minPopulation) ** (i / steps));
  return FUNNEL_LIMITS.map((limit) => ({
    label: limit.label,
    lower: populations.map((population) => ({ population, rate: funnelLimits(targetRate, population, limit.lower) })),
    upper: populations.map((population) => ({ population, rate: funnelLimits(targetRate, population, limit.upper) })),
  }));
}

/** Where an area's rate lies against the funnel at its population. */
export function funnelPosition(count: number, population: number, targetRate: number): FunnelPosition {
  const rate = (count / population) * RATE_PER;
  if (rate > funnelLimits(targetRate, population, 0.999)) return 'above-99.8';
  if (rate > funnelLimits(targetRate, population, 0.975)) return 'above-95';
  if (rate < funnelLimits(targetRate, population, 0.001)) return 'below-99.8';
  if (rate < funnelLimits(targetRate, population, 0.025)) return 'below-95';
  return 'within';
}
