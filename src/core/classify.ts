import { ckmeans, equalIntervalBreaks, quantileSorted } from 'simple-statistics';
import { formatCount, formatRate } from './format.ts';

export type ClassificationMethod = 'quantile' | 'ckmeans' | 'equal-interval';

export const CLASSIFICATION_LABELS: Record<ClassificationMethod, string> = {
  quantile: 'Quantile (equal numbers of wards)',
  ckmeans: 'Natural breaks (Ckmeans)',
  'equal-interval': 'Equal interval',
};

/**
 * Class breaks: `breaks[i]` to `breaks[i + 1]` bounds class i; the first break is the
 * minimum and the last the maximum. A value equal to an inner break falls in the upper class.
 */
export interface Classification {
  method: ClassificationMethod;
  breaks: number[];
}

export function classCount(classification: Classification): number {
  return Math.max(classification.breaks.length - 1, 1);
}

/**
 * Computes breaks for the finite values; fewer classes result when there are fewer distinct
 * values. With no more distinct values than classes, quantile and ckmeans give each value a
 * class of its own.
 */
export function classify(values: readonly (number | null)[], method: ClassificationMethod, classes: number): Classification {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return { method, breaks: [] };
  const min = finite[0];
  const max = finite[finite.length - 1];
  if (min === max) return { method, breaks: [min, max] };
  const distinct = finite.filter((v, i) => i === 0 || v !== finite[i - 1]);
  if (method !== 'equal-interval' && distinct.length <= classes) return { method, breaks: [...distinct, max] };
  const k = Math.max(1, Math.min(classes, distinct.length));
  let inner: number[];
  switch (method) {
    case 'quantile':
      inner = tiedQuantiles(finite, k);
      break;
    case 'ckmeans':
      inner = ckmeans(finite, k).slice(1).map((cluster) => cluster[0]);
      break;
    case 'equal-interval':
      inner = equalIntervalBreaks(finite, k).slice(1, -1);
      break;
  }
  const breaks = [min];
  for (const b of inner) if (b > breaks[breaks.length - 1]) breaks.push(b);
  // The maximum closes the last class. A ckmeans cluster holding only the maximum (a lone
  // outlier ward) starts at the maximum itself, so it stays a class of its own; a quantile
  // break that reaches the maximum only means tied values, whose classes merge.
  if (max > breaks[breaks.length - 1] || method === 'ckmeans') breaks.push(max);
  return { method, breaks };
}

/**
 * Quantile breaks that survive ties: when the lowest value alone fills a class or more (most
 * wards with none, on a map wider than the data), it becomes a class of its own and the
 * rest is split into the remaining classes, instead of the classes collapsing into one.
 */
function tiedQuantiles(sorted: readonly number[], classes: number): number[] {
  const inner: number[] = [];
  let rest = sorted;
  let k = classes;
  while (k > 1 && rest.length > 0) {
    const tied = rest.findIndex((v) => v > rest[0]);
    if (tied < 0) break;
    if (tied < rest.length / k) {
      for (let i = 1; i < k; i++) inner.push(quantileSorted(rest, i / k));
      break;
    }
    inner.push(rest[tied]);
    rest = rest.slice(tied);
    k--;
  }
  return inner;
}

/** The class of a value, 0-based, or -1 for a missing value. */
export function classOf(classification: Classification, value: number | null): number {
  if (value === null || !Number.isFinite(value) || classification.breaks.length === 0) return -1;
  const { breaks } = classification;
  const last = breaks.length - 2;
  for (let i = last; i > 0; i--) if (value >= breaks[i]) return i;
  return 0;
}

/** Counts are whole numbers, so a class [a, b) is shown as the whole numbers it holds: "12–19". */
export function countClassLabel(breaks: number[], i: number): string {
  const last = i === breaks.length - 2;
  const lower = Math.ceil(breaks[i]);
  const upper = last ? Math.floor(breaks[i + 1]) : Math.ceil(breaks[i + 1]) - 1;
  return upper <= lower ? formatCount(lower) : `${formatCount(lower)}–${formatCount(upper)}`;
}

/** A rate class includes its lower break but not its upper one, except the last class. */
export function rateClassLabel(breaks: number[], i: number, digits: number): string {
  const last = i === breaks.length - 2;
  const lower = formatRate(breaks[i], digits);
  const upper = formatRate(breaks[i + 1], digits);
  if (last) return lower === upper ? lower : `${lower} to ${upper}`;
  return `${lower} to under ${upper}`;
}
