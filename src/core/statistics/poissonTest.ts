import { logGamma } from './logGamma.ts';

/** R's tolerance for "as or less likely than the observed count" in binom.test. */
const RELATIVE_ERROR = 1 + 1e-7;

/**
 * Two-sided exact binomial test of x successes in n trials against probability p0,
 * computed as R's binom.test does: the total probability of every outcome no more likely
 * than x. Probabilities are taken in log space, so n in the millions is fine.
 */
export function binomialTestP(x: number, n: number, p0: number): number {
  if (n === 0) return 1;
  const logP = Math.log(p0);
  const logQ = Math.log1p(-p0);
  const logNFactorial = logGamma(n + 1);
  const logPmf = (k: number) => logNFactorial - logGamma(k + 1) - logGamma(n - k + 1) + k * logP + (n - k) * logQ;
  const observed = logPmf(x) + Math.log(RELATIVE_ERROR);
  let p = 0;
  for (let k = 0; k <= n; k++) {
    const l = logPmf(k);
    if (l <= observed) p += Math.exp(l);
  }
  return Math.min(1, p);
}

export interface ChangeTest {
  /** Two-sided p-value of "same underlying rate in both periods". */
  pValue: number;
  /** Rate in the current period over the previous one (exposure-adjusted); Infinity when previous is 0 and current is not, NaN when both are 0. */
  rateRatio: number;
}

/**
 * The exact conditional test for two Poisson counts (R's poisson.test(c(current,
 * previous), T = c(ratio, 1))): given their sum n, the current count is Binomial(n,
 * ratio / (1 + ratio)) when the underlying rates are equal. `ratio` is the current
 * period's exposure over the previous one's: 1 for periods of the same length.
 */
export function exactPoissonTest(current: number, previous: number, ratio = 1): ChangeTest {
  const rateRatio = previous === 0 ? (current === 0 ? Number.NaN : Infinity) : current / previous / ratio;
  return { pValue: binomialTestP(current, current + previous, ratio / (1 + ratio)), rateRatio };
}
