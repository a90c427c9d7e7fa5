import { describe, expect, it } from 'vitest';
import { classCount, classify, classOf, type Classification } from '../../src/core/classify.ts';

const ONE_TO_TEN = [7, 3, 10, 1, 5, 9, 2, 8, 4, 6];

function classesOf(classification: Classification, values: number[]): number[] {
  return values.map((v) => classOf(classification, v));
}

describe('classify: quantile', () => {
  // simple-statistics interpolates quantiles linearly (R type 7): the p-quantile of n sorted
  // values x[0..n-1] lies at position (n - 1) * p, between x[floor] and x[ceil].
  it('splits 1..10 into 5 classes of 2 values each', () => {
    // Positions 9 × 0.2 = 1.8, 3.6, 5.4, 7.2 → 2.8, 4.6, 6.4, 8.2.
    const c = classify(ONE_TO_TEN, 'quantile', 5);
    expect(c.breaks).toHaveLength(6);
    [1, 2.8, 4.6, 6.4, 8.2, 10].forEach((b, i) => expect(c.breaks[i]).toBeCloseTo(b, 12));
    expect(classCount(c)).toBe(5);
    expect(classesOf(c, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('splits 12 values with repeats into 4 classes of 3', () => {
    // Sorted: 1 1 2 | 3 3 4 | 5 5 5 | 6 8 9. Positions 11 × 0.25 = 2.75, 5.5, 8.25:
    // 2 + 0.75 × (3 - 2) = 2.75, 4 + 0.5 × (5 - 4) = 4.5, 5 + 0.25 × (6 - 5) = 5.25.
    const values = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8];
    const c = classify(values, 'quantile', 4);
    expect(c.breaks).toEqual([1, 2.75, 4.5, 5.25, 9]);
    const sizes = [0, 0, 0, 0];
    for (const v of values) sizes[classOf(c, v)]++;
    expect(sizes).toEqual([3, 3, 3, 3]);
  });

  it('merges classes when tied values fill a quantile', () => {
    // Sorted 1 2 3 10 10 10 10 10: positions 7/3 and 14/3 give 3 + (1/3) × 7 = 16/3 and 10 itself,
    // so the top two thirds are one class of the tied 10s.
    const c = classify([10, 1, 10, 2, 10, 3, 10, 10], 'quantile', 3);
    expect(c.breaks).toHaveLength(3);
    expect(c.breaks[0]).toBe(1);
    expect(c.breaks[1]).toBeCloseTo(16 / 3, 12);
    expect(c.breaks[2]).toBe(10);
    expect(classesOf(c, [1, 2, 3, 10])).toEqual([0, 0, 0, 1]);
  });
});

describe('classify: ckmeans (natural breaks)', () => {
  it('finds three obvious clusters, the top one a single outlier', () => {
    const c = classify([12, 1, 30, 2, 11, 3, 10], 'ckmeans', 3);
    expect(c.breaks).toEqual([1, 10, 30, 30]);
    expect(classCount(c)).toBe(3);
    expect(classesOf(c, [1, 2, 3, 10, 11, 12, 30])).toEqual([0, 0, 0, 1, 1, 1, 2]);
  });

  it('finds two clusters', () => {
    const c = classify([1, 52, 2, 1, 50, 2, 51], 'ckmeans', 2);
    expect(c.breaks).toEqual([1, 50, 52]);
    expect(classesOf(c, [1, 2, 50, 51, 52])).toEqual([0, 0, 1, 1, 1]);
  });

  it('keeps a lone top ward in a class of its own: Test Valley FY2018/19 counts', () => {
    // Crimes excluding ASB per ward, FY2018/19; St Mary's (1552) stands apart, Alamein (972) too.
    const counts = [432, 972, 51, 90, 133, 206, 64, 253, 69, 507, 271, 101, 147, 418, 108, 329, 346, 50, 145, 280, 1552, 160, 170, 617];
    const c = classify(counts, 'ckmeans', 5);
    expect(classCount(c)).toBe(5);
    expect(c.breaks).toEqual([50, 206, 418, 972, 1552, 1552]);
    expect(classOf(c, 1552)).toBe(4);
    expect(classOf(c, 972)).toBe(3);
    expect(classOf(c, 617)).toBe(2);
  });
});

describe('classify: equal interval', () => {
  it('splits the range 0..10 into 5 intervals of 2', () => {
    const c = classify([0, 10, 3, 7, 1, 9], 'equal-interval', 5);
    expect(c.breaks).toEqual([0, 2, 4, 6, 8, 10]);
    expect(classesOf(c, [0, 1.99, 2, 3, 4, 7, 8, 10])).toEqual([0, 0, 1, 1, 2, 3, 4, 4]);
  });

  it('splits 10..40 into 3 intervals of 10', () => {
    const c = classify([40, 10, 25], 'equal-interval', 3);
    expect(c.breaks).toEqual([10, 20, 30, 40]);
    expect(classesOf(c, [10, 25, 40])).toEqual([0, 1, 2]);
  });

  it('makes no more intervals than there are distinct values', () => {
    // 4 values, 5 classes asked: 4 intervals of 2.5.
    expect(classify([0, 3, 7, 10], 'equal-interval', 5).breaks).toEqual([0, 2.5, 5, 7.5, 10]);
  });
});

describe('classify: few or missing values', () => {
  it('gives each value a class of its own when there are fewer distinct values than classes', () => {
    const values = [5, 5, 7, 7, 9];
    for (const method of ['quantile', 'ckmeans'] as const) {
      const c = classify(values, method, 5);
      expect(c.breaks, method).toEqual([5, 7, 9, 9]);
      expect(classCount(c)).toBe(3);
      expect(classesOf(c, [5, 7, 9]), method).toEqual([0, 1, 2]);
    }
    const interval = classify(values, 'equal-interval', 5);
    expect(classCount(interval)).toBe(3);
    expect(interval.breaks[0]).toBe(5);
    expect(interval.breaks[1]).toBeCloseTo(19 / 3, 12);
    expect(interval.breaks[2]).toBeCloseTo(23 / 3, 12);
    expect(interval.breaks[3]).toBe(9);
    expect(classesOf(interval, [5, 7, 9])).toEqual([0, 1, 2]);
  });

  it('gives two values two classes', () => {
    for (const method of ['quantile', 'ckmeans', 'equal-interval'] as const) {
      const c = classify([3, 8, 3, 8, 8], method, 5);
      expect(classCount(c), method).toBe(2);
      expect(classesOf(c, [3, 8]), method).toEqual([0, 1]);
    }
  });

  it('gives all-equal values one class', () => {
    for (const method of ['quantile', 'ckmeans', 'equal-interval'] as const) {
      const c = classify([4, 4, 4], method, 5);
      expect(c.breaks).toEqual([4, 4]);
      expect(classCount(c)).toBe(1);
      expect(classOf(c, 4)).toBe(0);
    }
  });

  it('ignores nulls and non-finite values', () => {
    const withGaps = [null, ...ONE_TO_TEN.slice(0, 5), Number.NaN, null, ...ONE_TO_TEN.slice(5), Number.POSITIVE_INFINITY];
    for (const method of ['quantile', 'ckmeans', 'equal-interval'] as const) {
      expect(classify(withGaps, method, 5).breaks, method).toEqual(classify(ONE_TO_TEN, method, 5).breaks);
    }
  });

  it('returns no breaks when there is no value', () => {
    const c = classify([null, null], 'quantile', 5);
    expect(c.breaks).toEqual([]);
    expect(classOf(c, 3)).toBe(-1);
  });
});

describe('classOf', () => {
  const c: Classification = { method: 'quantile', breaks: [0, 10, 20, 30] };

  it('puts a value equal to an inner break in the upper class', () => {
    expect(classOf(c, 10)).toBe(1);
    expect(classOf(c, 20)).toBe(2);
    expect(classOf(c, 9.999)).toBe(0);
  });

  it('puts the minimum in the first class and the maximum in the last', () => {
    expect(classOf(c, 0)).toBe(0);
    expect(classOf(c, 30)).toBe(2);
  });

  it('clamps values beyond the breaks to the first and last class', () => {
    expect(classOf(c, -5)).toBe(0);
    expect(classOf(c, 99)).toBe(2);
  });

  it('gives missing values class -1', () => {
    expect(classOf(c, null)).toBe(-1);
    expect(classOf(c, Number.NaN)).toBe(-1);
  });
});

describe('quantile classes with many tied values', () => {
  it('gives the tied lowest value a class of its own and splits the rest, rather than collapsing into one class', () => {
    // 80 wards with none (a force's file on England's wards), 20 with 1 to 20.
    const values = [...new Array<number>(80).fill(0), ...Array.from({ length: 20 }, (_, i) => i + 1)];
    const { breaks } = classify(values, 'quantile', 5);
    expect(breaks).toHaveLength(6);
    expect(breaks.slice(0, 2)).toEqual([0, 1]);
    expect(breaks[5]).toBe(20);
    const sizes = [0, 1, 2, 3, 4].map((c) => values.filter((v) => classOf({ method: 'quantile', breaks }, v) === c).length);
    expect(sizes).toEqual([80, 5, 5, 5, 5]);
  });
});
