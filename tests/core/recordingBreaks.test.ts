import { beforeAll, describe, expect, it } from 'vitest';
import { cubeIndex, rowCount, type Cube } from '../../src/core/cube.ts';
import { parseMonth } from '../../src/core/months.ts';
import { breaksWithin, describeBreak, detectBreaks, type RecordingBreak } from '../../src/core/recordingBreaks.ts';
import { seededRandom } from '../../src/core/statistics/seededRandom.ts';
import { loadTestValley, type TestValley } from './support/testValley.ts';

const m = (text: string) => parseMonth(text)!;
const WARDS = 24;
const MONTHS = 31;
const FIRST = m('2017-04');

/** Knuth's Poisson sampler: fine for the small means here. */
function poisson(mean: number, next: () => number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = next(); p > limit; p *= next()) k++;
  return k;
}

/** One category over 24 wards and 31 months; `mean(ward, month)` gives each cell's Poisson mean. */
function syntheticCube(mean: (ward: number, month: number) => number, seed: number): Cube {
  const next = seededRandom(seed);
  const cube: Cube = { wardCount: WARDS, firstMonth: FIRST, monthCount: MONTHS, categories: ['Public order'], counts: new Uint32Array(0), monthsWithData: new Array<boolean>(MONTHS).fill(true) };
  cube.counts = new Uint32Array(rowCount(cube) * MONTHS);
  for (let ward = 0; ward < WARDS; ward++) {
    for (let month = 0; month < MONTHS; month++) cube.counts[cubeIndex(cube, ward, month, 0)] = poisson(mean(ward, month), next);
  }
  return cube;
}

const wardMean = (ward: number) => 2 + (ward % 7);
const STEP_AT = 14;

describe('detectBreaks on synthetic series', () => {
  it('finds a step planted in every ward in the same month, at that month', () => {
    const cube = syntheticCube((ward, month) => wardMean(ward) * (month >= STEP_AT ? 1.6 : 1), 1);
    const [found, ...rest] = detectBreaks(cube);
    expect(rest).toEqual([]);
    expect(found.month).toBe(FIRST + STEP_AT);
    const plantedBefore = Array.from({ length: WARDS }, (_, w) => wardMean(w)).reduce((a, b) => a + b, 0);
    expect(found.before / plantedBefore).toBeCloseTo(1, 1);
    expect(found.after / (plantedBefore * 1.6)).toBeCloseTo(1, 1);
    expect(found.wardsMoved).toBeGreaterThanOrEqual(22);
    expect(found.pValue).toBeLessThan(0.01);
  });

  it('does not report the same district step when only 3 of 24 wards move', () => {
    const cube = syntheticCube((ward, month) => wardMean(ward) * (ward < 3 && month >= STEP_AT ? 6 : 1), 2);
    expect(detectBreaks(cube)).toEqual([]);
  });

  it('does not report a steady rise of 3% a month in every ward', () => {
    const cube = syntheticCube((ward, month) => wardMean(ward) * 1.03 ** month, 3);
    expect(detectBreaks(cube)).toEqual([]);
  });

  it('stays under a 2% false-alarm rate in stationary Poisson noise', () => {
    // Measured: 0 of 200 seeded runs report a break (the permutation test alone allows 1%).
    let alarms = 0;
    for (let run = 0; run < 200; run++) {
      const cube = syntheticCube((ward) => wardMean(ward), 1000 + run);
      if (detectBreaks(cube, { permutations: 199, alpha: 0.01 }).length > 0) alarms++;
    }
    expect(alarms / 200).toBeLessThan(0.02);
  });

  it('skips months without data rather than reading them as zeros', () => {
    const cube = syntheticCube((ward) => wardMean(ward), 4);
    for (const month of [20, 21]) {
      cube.monthsWithData[month] = false;
      for (let ward = 0; ward < WARDS; ward++) cube.counts[cubeIndex(cube, ward, month, 0)] = 0;
    }
    expect(detectBreaks(cube)).toEqual([]);
  });
});

describe('breaksWithin and describeBreak', () => {
  const at = (month: string, category = 'Public order'): RecordingBreak => ({ category, month: m(month), before: 20.4, after: 35.2, pValue: 0.001, wardsMoved: 22, wardsTested: 24 });

  it('keeps the breaks after the comparison starts and up to its end', () => {
    const breaks = [at('2018-04'), at('2018-05'), at('2019-06', 'Drugs')];
    expect(breaksWithin(breaks, m('2017-04'), m('2019-03'))).toEqual([at('2018-04'), at('2018-05')]);
    expect(breaksWithin(breaks, m('2018-04'), m('2019-03'))).toEqual([at('2018-05')]);
    expect(breaksWithin(breaks, m('2017-04'), m('2019-10'), ['Drugs'])).toEqual([at('2019-06', 'Drugs')]);
  });

  it('says what the step is and why it is no change in crime', () => {
    expect(describeBreak(at('2018-05'))).toBe(
      "police.uk's series for public order steps up from May 2018 (from about 20 to 35 a month) in 22 of 24 wards at once, " +
        'which points to a change in how the police record or publish this category rather than in crime itself.',
    );
  });
});

describe('detectBreaks on the real Test Valley data', () => {
  let area: TestValley;
  beforeAll(async () => {
    area = await loadTestValley();
  });

  it('finds one break: anti-social behaviour steps down in April 2018 in 23 of 24 wards, no crime category', () => {
    const breaks = detectBreaks(area.data.cube);
    expect(breaks.map((b) => [b.category, b.month, b.wardsMoved, b.wardsTested])).toEqual([['Anti-social behaviour', m('2018-04'), 23, 24]]);
    expect(breaks[0].before).toBeCloseTo(155.5, 0);
    expect(breaks[0].after).toBeCloseTo(48.1, 0);
  });
});
