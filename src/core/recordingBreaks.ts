import { monthlySeries, rowCount, type Cube } from './cube.ts';
import { formatCount } from './format.ts';
import { shortMonthLabel, type MonthIndex } from './months.ts';
import { binomialTestP } from './statistics/poissonTest.ts';
import { seededRandom } from './statistics/seededRandom.ts';

/**
 * A sudden, lasting step in one category's monthly counts that (almost) every ward shows
 * in the same month: far more likely a change in how the force records or publishes the
 * category than a change in behaviour, so comparisons across it are not like for like.
 */
export interface RecordingBreak {
  category: string;
  /** The first month at the new level. */
  month: MonthIndex;
  /** Mean monthly counts in the district before and after. */
  before: number;
  after: number;
  /** Permutation p-value of the largest step in the series. */
  pValue: number;
  /** Wards whose mean moved the same way as the district, of those with enough crimes to tell. */
  wardsMoved: number;
  wardsTested: number;
}

export interface BreakOptions {
  /** Fewest months on each side of a step. */
  minSegment: number;
  alpha: number;
  permutations: number;
  /** Smallest step worth reporting, as a share of the level before. */
  minRelativeStep: number;
  /** Share of the tested wards that must move the same way. */
  minWardShare: number;
  /** Crimes a ward needs over the series to count towards the share. */
  minWardCrimes: number;
  seed: number;
}

export const BREAK_DEFAULTS: BreakOptions = {
  minSegment: 6,
  alpha: 0.01,
  permutations: 999,
  minRelativeStep: 0.25,
  minWardShare: 0.75,
  minWardCrimes: 10,
  seed: 20190901,
};

/**
 * Finds recording breaks, one at most per category. For each category's district series
 * (months with data only): the split that best divides it into two Poisson means, scaled
 * by the overdispersion of that fit (quasi-Poisson); kept only when the step fits better
 * than a straight-line trend (sudden, not gradual), is significant by a permutation test
 * of the largest step (so the search over splits is paid for), is large, and is shared by
 * most wards, by share and by a sign test.
 */
export function detectBreaks(cube: Cube, options: Partial<BreakOptions> = {}): RecordingBreak[] {
  const settings = { ...BREAK_DEFAULTS, ...options };
  const months = cube.monthsWithData.flatMap((has, offset) => (has ? [offset] : []));
  if (months.length < settings.minSegment * 2) return [];
  // Seeded, so the permutation test gives the same answer on every load.
  const random = seededRandom(settings.seed);
  const allRows = Array.from({ length: rowCount(cube) }, (_, row) => row);
  const found: RecordingBreak[] = [];
  cube.categories.forEach((category, k) => {
    const all = monthlySeries(cube, allRows, cube.categories.map((_, j) => j === k));
    const series = Float64Array.from(months, (offset) => all[offset]);
    const step = bestStep(series, settings.minSegment);
    if (step === null || !isSudden(series, step.split)) return;
    const before = mean(series.subarray(0, step.split));
    const after = mean(series.subarray(step.split));
    if (before > 0 ? Math.abs(after / before - 1) < settings.minRelativeStep : after === 0) return;
    const pValue = permutationP(series, step.statistic, settings, random);
    if (pValue >= settings.alpha) return;
    const wards = wardAgreement(cube, k, months, step.split, after > before, settings.minWardCrimes);
    if (wards.tested < 3 || wards.moved / wards.tested < settings.minWardShare) return;
    if (binomialTestP(wards.moved, wards.tested, 0.5) / 2 >= settings.alpha) return;
    found.push({ category, month: cube.firstMonth + months[step.split], before, after, pValue, wardsMoved: wards.moved, wardsTested: wards.tested });
  });
  return found.sort((a, b) => a.month - b.month || a.category.localeCompare(b.category));
}

/** Breaks a comparison from `from` to `to` spans (the step falls after its first month), optionally in some categories only. */
export function breaksWithin(breaks: readonly RecordingBreak[], from: MonthIndex, to: MonthIndex, categories?: readonly string[]): RecordingBreak[] {
  return breaks.filter((b) => b.month > from && b.month <= to && (categories === undefined || categories.includes(b.category)));
}

/** "Public order steps up from Jun 2018 (about 20 to 35 a month) in 22 of 24 wards at once, which points to …" */
export function describeBreak(b: RecordingBreak): string {
  const direction = b.after > b.before ? 'up' : 'down';
  const level = (value: number) => formatCount(value);
  return (
    `police.uk's series for ${b.category.toLowerCase()} steps ${direction} from ${shortMonthLabel(b.month)} ` +
    `(from about ${level(b.before)} to ${level(b.after)} a month) in ${b.wardsMoved} of ${b.wardsTested} wards at once, ` +
    'which points to a change in how the police record or publish this category rather than in crime itself.'
  );
}

/** The split with the largest quasi-Poisson deviance reduction of two means over one. */
function bestStep(series: Float64Array, minSegment: number): { split: number; statistic: number } | null {
  const n = series.length;
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + series[i];
  const total = prefix[n];
  if (total === 0) return null;
  const xLogX = series.reduce((sum, y) => sum + (y > 0 ? y * Math.log(y) : 0), 0);
  const ll = (sum: number, count: number) => (sum > 0 ? sum * Math.log(sum / count) : 0);
  const oneMean = ll(total, n);
  let best: { split: number; statistic: number } | null = null;
  for (let t = minSegment; t <= n - minSegment; t++) {
    const left = prefix[t];
    const right = total - left;
    const reduction = 2 * (ll(left, t) + ll(right, n - t) - oneMean);
    const residual = 2 * (xLogX - ll(left, t) - ll(right, n - t));
    // Dispersion of the two-mean fit (residual deviance per degree of freedom): above 1 when months vary more than Poisson.
    const dispersion = Math.max(1, residual / (n - 2));
    const statistic = reduction / dispersion;
    if (best === null || statistic > best.statistic) best = { split: t, statistic };
  }
  return best;
}

/** True when two means fit the series better than a least-squares straight line (by Poisson deviance). */
function isSudden(series: Float64Array, split: number): boolean {
  const n = series.length;
  const xs = Array.from({ length: n }, (_, i) => i);
  const xMean = (n - 1) / 2;
  const yMean = mean(series);
  const slope = xs.reduce((s, x) => s + (x - xMean) * (series[x] - yMean), 0) / xs.reduce((s, x) => s + (x - xMean) ** 2, 0);
  const line = xs.map((x) => Math.max(yMean + slope * (x - xMean), 1e-6));
  const before = mean(series.subarray(0, split));
  const after = mean(series.subarray(split));
  const steps = xs.map((x) => Math.max(x < split ? before : after, 1e-6));
  return deviance(series, steps) < deviance(series, line);
}

function deviance(observed: Float64Array, expected: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < observed.length; i++) {
    const y = observed[i];
    sum += 2 * ((y > 0 ? y * Math.log(y / expected[i]) : 0) - (y - expected[i]));
  }
  return sum;
}

/** Share of shuffled series whose largest step is at least the observed one (with the observed series counted). */
function permutationP(series: Float64Array, observed: number, settings: BreakOptions, random: () => number): number {
  const shuffled = Float64Array.from(series);
  let atLeast = 0;
  for (let p = 0; p < settings.permutations; p++) {
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    const step = bestStep(shuffled, settings.minSegment);
    if (step !== null && step.statistic >= observed - 1e-9) atLeast++;
  }
  return (atLeast + 1) / (settings.permutations + 1);
}

/** Wards with enough crimes, and how many of them moved the same way as the district at the split. */
function wardAgreement(cube: Cube, category: number, months: readonly number[], split: number, up: boolean, minCrimes: number): { moved: number; tested: number } {
  const mask = cube.categories.map((_, j) => j === category);
  let moved = 0;
  let tested = 0;
  for (let ward = 0; ward < cube.wardCount; ward++) {
    const all = monthlySeries(cube, [ward], mask);
    const series = Float64Array.from(months, (offset) => all[offset]);
    if (series.reduce((a, b) => a + b, 0) < minCrimes) continue;
    tested++;
    const before = mean(series.subarray(0, split));
    const after = mean(series.subarray(split));
    if (up ? after > before : after < before) moved++;
  }
  return { moved, tested };
}

function mean(values: Float64Array): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
