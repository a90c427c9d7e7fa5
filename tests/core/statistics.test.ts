import { describe, expect, it } from 'vitest';
import { empiricalBayesRates } from '../../src/core/statistics/empiricalBayes.ts';
import { funnelLimits, funnelPosition, poissonCdf, poissonLimit } from '../../src/core/statistics/funnel.ts';
import { binomialTestP, exactPoissonTest } from '../../src/core/statistics/poissonTest.ts';
import { changeFlag } from '../../src/core/changeFlags.ts';

/** Two-sided exact binomial p-value by brute force over exact binomial coefficients (BigInt), as R defines it. */
function bruteForceP(x: number, n: number, p: number): number {
  const choose = (k: number) => {
    let c = 1n;
    for (let i = 0; i < k; i++) c = (c * BigInt(n - i)) / BigInt(i + 1);
    return Number(c);
  };
  const d = Array.from({ length: n + 1 }, (_, k) => choose(k) * p ** k * (1 - p) ** (n - k));
  return Math.min(1, d.filter((v) => v <= d[x] * (1 + 1e-7)).reduce((a, b) => a + b, 0));
}

describe('the exact conditional Poisson test', () => {
  it('matches R’s published examples', () => {
    // ?binom.test: binom.test(c(682, 243), p = 3/4) gives p-value = 0.3825.
    expect(binomialTestP(682, 925, 0.75)).toBeCloseTo(0.3825, 4);
    // ?poisson.test: poisson.test(c(11, 6 + 8 + 7), c(800, 1083 + 1050 + 878)) gives p-value = 0.07967.
    expect(exactPoissonTest(11, 21, 800 / 3011).pValue).toBeCloseTo(0.07967, 5);
  });

  it.each([
    [11, 23, 0.05761],
    [0, 5, 0.0625],
    [5, 0, 0.0625],
    [10, 10, 1],
    [30, 15, 0.0357],
  ])('for (%i, %i) over equal periods gives p = %f, as brute force does', (a, b, published) => {
    const { pValue } = exactPoissonTest(a, b);
    expect(pValue).toBeCloseTo(published, 4);
    expect(pValue).toBeCloseTo(bruteForceP(a, a + b, 0.5), 10);
  });

  it('handles counts in the thousands (a district year)', () => {
    // Exact in integers: p = 2 · Σ_{k ≤ 1350} C(2850, k) / 2^2850.
    let term = 1n;
    let tail = 1n;
    for (let k = 1; k <= 1350; k++) {
      term = (term * BigInt(2850 - k + 1)) / BigInt(k);
      tail += term;
    }
    const exact = Number((2n * tail * 10n ** 15n) / 2n ** 2850n) / 1e15;
    expect(exactPoissonTest(1500, 1350).pValue).toBeCloseTo(exact, 10);
    expect(exactPoissonTest(1500, 1350).pValue).toBeLessThan(0.01);
    expect(exactPoissonTest(7473, 7448).pValue).toBeGreaterThan(0.8);
  });

  it('flags a rise or fall only when significant at 95%, and says so in words', () => {
    expect(changeFlag({ count: 30, previous: 15 })).toMatchObject({ kind: 'rise', short: 'Sig. rise' });
    expect(changeFlag({ count: 15, previous: 30 })).toMatchObject({ kind: 'fall' });
    expect(changeFlag({ count: 11, previous: 23 }).kind).toBe('not-significant');
    expect(changeFlag({ count: 11, previous: 23 }).label).toBe('No significant change (p = 0.06)');
    expect(changeFlag({ count: 30, previous: 15 }).label).toBe('Significant rise (p = 0.04)');
    expect(changeFlag({ count: 300, previous: 150 }).label).toBe('Significant rise (p < 0.001)');
    expect(changeFlag({ count: 5, previous: null }).kind).toBe('unavailable');
    expect(changeFlag({ count: 0, previous: 0 }).kind).toBe('not-significant');
  });
});

describe('empirical-Bayes smoothed rates', () => {
  it('matches a hand-worked example', () => {
    // counts 10, 2, 50 in populations 1,000, 100, 2,000: raw rates 0.010, 0.020, 0.025.
    // b = 62 / 3,100 = 0.02.
    // s² = (1,000·0.01² + 100·0² + 2,000·0.005²) / 3,100 = 0.15 / 3,100 = 4.83871e-5.
    // a = s² − b / (3,100 / 3) = 4.83871e-5 − 1.935484e-5 = 2.903226e-5.
    // w = a / (a + b/n): 2.903226 / 4.903226 = 0.592105; 2.903226 / 22.903226 = 0.126761; 2.903226 / 3.903226 = 0.743802.
    // smoothed = w·r + (1 − w)·b: 0.0140789, 0.0200000, 0.0237190 → per 1,000: 14.0789, 20.0000, 23.7190.
    const { rates, priorRate } = empiricalBayesRates([10, 2, 50], [1000, 100, 2000]);
    expect(priorRate).toBeCloseTo(20, 10);
    expect(rates[0]).toBeCloseTo(14.0789, 3);
    expect(rates[1]).toBeCloseTo(20, 6);
    expect(rates[2]).toBeCloseTo(23.719, 3);
  });

  it('pulls every area to the pooled rate when they differ less than chance would make them', () => {
    const { rates, priorVariance } = empiricalBayesRates([10, 20], [1000, 2000]);
    expect(priorVariance).toBe(0);
    expect(rates).toEqual([10, 10]);
  });

  it('leaves areas without a population out', () => {
    const { rates } = empiricalBayesRates([10, 5, 20], [1000, null, 2000]);
    expect(rates[1]).toBeNull();
    expect(rates[0]).toBeCloseTo(10, 6);
  });
});

describe('funnel plot limits', () => {
  it('uses exact Poisson quantiles, interpolated between whole counts', () => {
    // Expected 100: the 97.5% quantile of Poisson(100) is 120 (P(X ≤ 119) = 0.97177, P(X ≤ 120) = 0.97733),
    // so the interpolated limit is 120 − (0.97733 − 0.975) / (0.97733 − 0.97177) = 119.581.
    expect(poissonCdf(119, 100)).toBeCloseTo(0.97177, 4);
    expect(poissonCdf(120, 100)).toBeCloseTo(0.97733, 4);
    expect(poissonLimit(0.975, 100)).toBeCloseTo(119.581, 2);
    // The lower 2.5% quantile is 81 (P(X ≤ 80) = 0.02265, P(X ≤ 81) = 0.02907): 81 − 0.00407 / 0.00642 = 80.366.
    expect(poissonLimit(0.025, 100)).toBeCloseTo(80.366, 2);
    // As rates per 1,000 for 2,000 residents at a target of 50 per 1,000 (expected 100).
    expect(funnelLimits(50, 2000, 0.975)).toBeCloseTo(poissonLimit(0.975, 100) / 2, 10);
  });

  it('narrows as the population grows and widens at 99.8%', () => {
    const width = (population: number, upper: number, lower: number) => funnelLimits(50, population, upper) - funnelLimits(50, population, lower);
    expect(width(1000, 0.975, 0.025)).toBeGreaterThan(width(10000, 0.975, 0.025));
    expect(width(1000, 0.999, 0.001)).toBeGreaterThan(width(1000, 0.975, 0.025));
  });

  it('places an area above, within or below the limits at its population', () => {
    expect(funnelPosition(100, 2000, 50)).toBe('within');
    expect(funnelPosition(125, 2000, 50)).toBe('above-95');
    expect(funnelPosition(140, 2000, 50)).toBe('above-99.8');
    expect(funnelPosition(78, 2000, 50)).toBe('below-95');
    expect(funnelPosition(65, 2000, 50)).toBe('below-99.8');
  });
});
