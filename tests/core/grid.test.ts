import { describe, expect, it } from 'vitest';
import { concentrationCurve, shareInTopPercent } from '../../src/core/grid/concentration.ts';
import { fdrSignificant, fdrThreshold } from '../../src/core/grid/fdr.ts';
import { giStar, giStarOnGrid } from '../../src/core/grid/getisOrd.ts';
import { addStudyAreaCells, cellAt, cellCentre, hexbin, hexCorners, neighboursWithin, suggestCellSize, suggestDistanceBand, topCategories } from '../../src/core/grid/hexGrid.ts';
import { createLocalProjection } from '../../src/core/grid/localProjection.ts';
import { normalCdf } from '../../src/core/grid/normal.ts';
import { seededRandom as random } from '../../src/core/statistics/seededRandom.ts';

function uniformPoints(n: number, side: number, next: () => number): { x: Float64Array; y: Float64Array } {
  return { x: Float64Array.from({ length: n }, () => next() * side), y: Float64Array.from({ length: n }, () => next() * side) };
}

const SIDE = 20_000;
const inSquare = (x: number, y: number) => x >= 0 && x <= SIDE && y >= 0 && y <= SIDE;
const BOX = [0, 0, SIDE, SIDE] as const;

describe('hexbin', () => {
  it('puts every point in the hexagon whose centre is nearest, and the counts add up', () => {
    const points = uniformPoints(5000, SIDE, random(1));
    const grid = hexbin(points, 250);
    expect(grid.count.reduce((a, b) => a + b, 0)).toBe(5000);
    for (let i = 0; i < 5000; i++) {
      const [cx, cy] = cellCentre(grid, grid.cellOfPoint[i]);
      // No point is further from its cell's centre than a corner is (size / √3).
      expect(Math.hypot(points.x[i] - cx, points.y[i] - cy)).toBeLessThanOrEqual(250 / Math.sqrt(3) + 1e-9);
    }
  });

  it('adds empty study-area cells without changing the counts or duplicating a cell', () => {
    const points = uniformPoints(500, SIDE, random(2));
    const grid = addStudyAreaCells(hexbin(points, 1000), inSquare, BOX);
    expect(grid.count.reduce((a, b) => a + b, 0)).toBe(500);
    const keys = new Set(Array.from(grid.q, (q, i) => `${q},${grid.r[i]}`));
    expect(keys.size).toBe(grid.cellCount);
    // A 20 km square holds about 400 / (√3/2) ≈ 462 one-kilometre hexagon centres.
    expect(grid.cellCount).toBeGreaterThan(430);
    expect(grid.cellCount).toBeLessThan(500);
  });

  it('has corners at size / √3 from the centre and neighbours at `size` apart', () => {
    for (const [x, y] of hexCorners(300, 10, 20)) expect(Math.hypot(x - 10, y - 20)).toBeCloseTo(300 / Math.sqrt(3), 9);
    const [q, r] = cellAt(300, 0, 0);
    const [nq, nr] = cellAt(300, 300, 0);
    expect([q, r, nq - q, nr - r]).toEqual([0, 0, 1, 0]);
  });

  it('finds two rings of neighbours within twice the cell size (19 cells with itself)', () => {
    const grid = addStudyAreaCells(hexbin({ x: new Float64Array([0]), y: new Float64Array([0]) }, 100), () => true, [-1000, -1000, 1000, 1000]);
    const { offsets } = neighboursWithin(grid, 200);
    const centre = grid.cellOfPoint[0];
    expect(offsets[centre + 1] - offsets[centre]).toBe(19);
  });

  it('chooses a nice cell size that gives about the target number of cells', () => {
    expect(suggestCellSize(637e6, 2000)).toBe(750); // Test Valley: 637 km²
    expect(suggestCellSize(130_000e6, 2000)).toBe(10000); // England
    expect(suggestCellSize(1e6, 2000)).toBe(100);
  });

  it('names each cell’s most common categories', () => {
    const grid = hexbin({ x: new Float64Array([0, 1, 2, 3, 5000]), y: new Float64Array(5) }, 250);
    const { categories, counts } = topCategories(grid, Uint16Array.from([2, 2, 0, 1, 1]), 2);
    expect([...categories.slice(0, 2), ...counts.slice(0, 2)]).toEqual([2, 0, 2, 1]);
    expect([categories[2], categories[3], counts[2], counts[3]]).toEqual([1, 0xffff, 1, 0]);
  });
});

describe('local projection', () => {
  it('measures a degree of latitude and of longitude at 51° N in metres', () => {
    const projection = createLocalProjection(-1.5, 51);
    const [, y] = projection.toXY(-1.5, 52);
    const [x] = projection.toXY(-0.5, 51);
    expect(y).toBeCloseTo(111_195, -1);
    expect(x).toBeCloseTo(111_195 * Math.cos((51 * Math.PI) / 180), -1);
    const [lon, lat] = projection.toLonLat(...projection.toXY(-1.2, 51.3));
    expect([lon, lat]).toEqual([expect.closeTo(-1.2, 12), expect.closeTo(51.3, 12)]);
  });
});

describe('Benjamini–Hochberg', () => {
  it('matches a hand-worked example', () => {
    // m = 10, alpha = 0.05: the k-th smallest p must be ≤ k × 0.005.
    // k = 1: 0.001 ≤ 0.005 yes; k = 2: 0.008 ≤ 0.010 yes; k = 3: 0.039 ≤ 0.015 no; ... k = 10: 0.216 ≤ 0.05 no.
    // The largest k that passes is 2, so the threshold is 0.008 and two tests are significant.
    const p = [0.041, 0.001, 0.039, 0.008, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216];
    expect(fdrThreshold(p, 0.05)).toBe(0.008);
    expect(fdrSignificant(p, 0.05)).toEqual([false, true, false, true, false, false, false, false, false, false]);
    expect(fdrThreshold([0.5, 0.9], 0.05)).toBe(0);
  });
});

describe('Getis–Ord Gi*', () => {
  it('matches a worked example: six cells in a line, each with its immediate neighbours', () => {
    // x = 1, 2, 3, 10, 2, 1: n = 6, X̄ = 19/6 = 3.1666667, Σx² = 119, S = sqrt(119/6 − X̄²) = sqrt(9.8055556) = 3.1313824.
    // Cell 3 (value 10): neighbours 2, 3, 4: Σwx = 15, W = 3; numerator 15 − 3 × 3.1666667 = 5.5;
    //   denominator S × sqrt((6 × 3 − 3²) / 5) = 3.1313824 × 1.3416408 = 4.2011904; z = 1.3091528.
    // Cell 0 (value 1): neighbours 0, 1: Σwx = 3, W = 2; numerator 3 − 6.3333333 = −3.3333333;
    //   denominator 3.1313824 × sqrt((12 − 4) / 5) = 3.9609270; z = −0.8415553.
    const neighbours = [[0, 1], [0, 1, 2], [1, 2, 3], [2, 3, 4], [3, 4, 5], [4, 5]];
    const offsets = Uint32Array.from([0, ...neighbours.map((_, i) => neighbours.slice(0, i + 1).flat().length)]);
    const { z, bin } = giStar([1, 2, 3, 10, 2, 1], { offsets, cells: Uint32Array.from(neighbours.flat()) });
    expect(z[3]).toBeCloseTo(1.3091528, 6);
    expect(z[2]).toBeCloseTo(1.3091528, 6);
    expect(z[4]).toBeCloseTo(0.8330972, 6);
    expect(z[1]).toBeCloseTo(-0.8330972, 6);
    expect(z[0]).toBeCloseTo(-0.8415553, 6);
    expect([...bin]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  // The app's defaults for a 20 km square: about 2,000 cells (500 m) and two rings of
  // neighbours (1,000 m). With far fewer crimes per neighbourhood the normal approximation
  // behind Gi* gets anti-conservative (a Poisson tail is heavier), so smaller cells can show
  // false hot spots in noise; that is why the default size follows the area.
  const cell = suggestCellSize(SIDE * SIDE, 2000);
  const band = suggestDistanceBand(cell);

  it('uses 500 m cells and a 1,000 m band by default on a 20 km square', () => {
    expect([cell, band]).toEqual([500, 1000]);
  });

  it('rarely finds a hot spot in uniform noise after the FDR correction: the false-alarm rate', () => {
    // 40 runs of 5,000 uniform points. With the FDR held at 5%, a run of pure noise should
    // show any 95% hot spot in about 5% of runs; Gi*'s normal approximation runs a little
    // hot (measured: 2 of these 40 runs, and 6 of 40 with Math.random). Allow up to 10%.
    let runsWithHotSpots = 0;
    let hot99 = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const grid = addStudyAreaCells(hexbin(uniformPoints(5000, SIDE, random(seed)), cell), inSquare, BOX);
      const { bin } = giStarOnGrid(grid, band);
      if (bin.some((b) => b >= 2)) runsWithHotSpots++;
      hot99 += bin.filter((b) => b === 3).length;
    }
    expect(runsWithHotSpots).toBeLessThanOrEqual(4);
    expect(hot99).toBeLessThanOrEqual(4);
  });

  it('finds a planted cluster as a hot spot, and nothing far from it', () => {
    const next = random(21);
    const noise = uniformPoints(5000, SIDE, next);
    const centre = [12_345, 6_789];
    const cluster = Array.from({ length: 150 }, () => {
      const angle = next() * 2 * Math.PI;
      const radius = 300 * Math.sqrt(next());
      return [centre[0] + radius * Math.cos(angle), centre[1] + radius * Math.sin(angle)];
    });
    const points = { x: Float64Array.from([...noise.x, ...cluster.map((p) => p[0])]), y: Float64Array.from([...noise.y, ...cluster.map((p) => p[1])]) };
    const grid = addStudyAreaCells(hexbin(points, cell), inSquare, BOX);
    const { bin } = giStarOnGrid(grid, band);
    const [cq, cr] = cellAt(cell, centre[0], centre[1]);
    const centreCell = Array.from(grid.q).findIndex((q, i) => q === cq && grid.r[i] === cr);
    expect(bin[centreCell]).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < grid.cellCount; i++) {
      if (bin[i] < 2) continue;
      const [x, y] = cellCentre(grid, i);
      expect(Math.hypot(x - centre[0], y - centre[1])).toBeLessThan(1500);
    }
  });

  it('finds nothing when every cell is alike', () => {
    const neighbours = { offsets: Uint32Array.from([0, 1, 2]), cells: Uint32Array.from([0, 1]) };
    expect([...giStar([4, 4], neighbours).bin]).toEqual([0, 0]);
  });
});

describe('normal distribution', () => {
  it('gives the familiar critical values', () => {
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-2.575829)).toBeCloseTo(0.005, 6);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
  });
});

describe('crime concentration', () => {
  it('gives the share of crime in the busiest cells, zeros included', () => {
    const counts = [10, 0, 0, 0, 0, 5, 5, 0, 0, 0];
    expect(shareInTopPercent(counts, 10)).toBe(50);
    expect(shareInTopPercent(counts, 30)).toBe(100);
    // Half way into the second cell: 10 + 2.5 of 20.
    expect(shareInTopPercent(counts, 15)).toBe(62.5);
  });

  it('runs from (0, 0) to (100, 100) and never falls', () => {
    const curve = concentrationCurve([3, 1, 4, 1, 5, 9, 2, 6]);
    expect(curve[0]).toEqual({ cells: 0, crime: 0 });
    expect(curve.at(-1)).toEqual({ cells: 100, crime: 100 });
    expect(curve.every((point, i) => i === 0 || point.crime >= curve[i - 1].crime)).toBe(true);
  });
});
