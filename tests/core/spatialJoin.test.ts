import { describe, expect, it } from 'vitest';
import { parseBoundaries, type WardSet } from '../../src/core/boundaries.ts';
import { CrimeTableBuilder } from '../../src/core/policeUkCsv.ts';
import { assignToWards, NO_LOCATION, OUTSIDE, WardLocator } from '../../src/core/spatialJoin.ts';
import { code, csv, featureCollection, row, square, type FeatureSpec } from './support/fixtures.ts';

function wards(features: FeatureSpec[]): WardSet {
  return parseBoundaries('test.geojson', featureCollection(features));
}

const polygon = (...rings: number[][][]): FeatureSpec['geometry'] => ({ type: 'Polygon', coordinates: rings });

/** Four unit squares meeting at (1, 1): A bottom left, B bottom right, C top left, D top right. */
const A: FeatureSpec = { code: code(1), name: 'A', geometry: polygon(square(0, 0, 1, 1)) };
const B: FeatureSpec = { code: code(2), name: 'B', geometry: polygon(square(1, 0, 2, 1)) };
const C: FeatureSpec = { code: code(3), name: 'C', geometry: polygon(square(0, 1, 1, 2)) };
const D: FeatureSpec = { code: code(4), name: 'D', geometry: polygon(square(1, 1, 2, 2)) };

function locateName(set: WardSet, lon: number, lat: number): string {
  const ward = new WardLocator(set).locate(lon, lat);
  return ward === OUTSIDE ? 'outside' : set.names[ward];
}

describe('WardLocator: adjacent wards', () => {
  it('puts points strictly inside in their own ward', () => {
    const set = wards([A, B, C, D]);
    expect([locateName(set, 0.5, 0.5), locateName(set, 1.5, 0.5), locateName(set, 0.5, 1.5), locateName(set, 1.5, 1.5)]).toEqual(['A', 'B', 'C', 'D']);
    expect(locateName(set, 2.5, 0.5)).toBe('outside');
    expect(locateName(set, -0.000001, 0.5)).toBe('outside');
  });

  it('assigns a point on the edge shared by two wards to the first listed, once', () => {
    expect(locateName(wards([A, B]), 1, 0.5)).toBe('A');
    expect(locateName(wards([B, A]), 1, 0.5)).toBe('B');
    // A horizontal shared edge too.
    expect(locateName(wards([C, A]), 0.25, 1)).toBe('C');
    expect(locateName(wards([A, C]), 0.25, 1)).toBe('A');
  });

  it('assigns a point on a vertex shared by four wards to the first listed', () => {
    expect(locateName(wards([A, B, C, D]), 1, 1)).toBe('A');
    expect(locateName(wards([D, C, B, A]), 1, 1)).toBe('D');
    expect(locateName(wards([C, D, A, B]), 1, 1)).toBe('C');
  });

  it('assigns a point on a shared diagonal edge, and on an edge at real-world coordinates, to the first listed', () => {
    const lower: FeatureSpec = { code: code(5), name: 'Lower', geometry: polygon([[0, 0], [2, 0], [2, 2], [0, 0]]) };
    const upper: FeatureSpec = { code: code(6), name: 'Upper', geometry: polygon([[0, 0], [2, 2], [0, 2], [0, 0]]) };
    expect(locateName(wards([lower, upper]), 0.75, 0.75)).toBe('Lower');
    expect(locateName(wards([upper, lower]), 0.75, 0.75)).toBe('Upper');
    const south: FeatureSpec = { code: code(7), name: 'South', geometry: polygon(square(-1.5, 51.1, -1.4, 51.2)) };
    const north: FeatureSpec = { code: code(8), name: 'North', geometry: polygon(square(-1.5, 51.2, -1.4, 51.3)) };
    expect(locateName(wards([north, south]), -1.45, 51.2)).toBe('North');
    expect(locateName(wards([south, north]), -1.45, 51.2)).toBe('South');
  });

  it('on a 5×5 grid listed in scrambled order, gives every shared edge and vertex to the first-listed ward touching it', () => {
    // Square (col, row) is listed at position (7 × (col + 5 × row)) mod 25, so file order and
    // position on the map disagree, as does the spatial index's own order.
    const cells: FeatureSpec[] = new Array(25);
    for (let r = 0; r < 5; r++) {
      for (let c = 0; c < 5; c++) {
        const at = (7 * (c + 5 * r)) % 25;
        cells[at] = { code: code(at + 1), name: `${c},${r}`, geometry: polygon(square(c, r, c + 1, r + 1)) };
      }
    }
    const set = wards(cells);
    const locator = new WardLocator(set);
    const firstTouching = (x: number, y: number) => {
      const touching = cells.map((cell, i) => ({ cell, i })).filter(({ cell }) => {
        const [c, r] = cell.name.split(',').map(Number);
        return x >= c && x <= c + 1 && y >= r && y <= r + 1;
      });
      return Math.min(...touching.map((t) => t.i));
    };
    let checked = 0;
    for (let x = 0; x <= 5; x += 0.5) {
      for (let y = 0; y <= 5; y += 0.5) {
        if (Number.isInteger(x) || Number.isInteger(y)) {
          expect(locator.locate(x, y), `(${x}, ${y})`).toBe(firstTouching(x, y));
          checked++;
        }
      }
    }
    expect(checked).toBe(121 - 25);
  });

  it('counts edge and vertex points once in assignToWards', () => {
    const set = wards([A, B, C, D]);
    const builder = new CrimeTableBuilder();
    builder.addFile('edges.csv', csv(row({ lon: 1, lat: 0.5 }), row({ lon: 1, lat: 1 }), row({ lon: 0.5, lat: 1 }), row({ lon: 1.5, lat: 1.5 })));
    const { ward, counts } = assignToWards(builder.build(), new WardLocator(set));
    expect(Array.from(ward, (w) => set.names[w])).toEqual(['A', 'A', 'A', 'D']);
    expect(counts).toEqual({ assigned: 4, outside: 0, noLocation: 0 });
  });

  it('counts a point on the outer edge of a single ward as inside it', () => {
    expect(locateName(wards([A]), 0, 0.5)).toBe('A');
    expect(locateName(wards([A]), 0, 0)).toBe('A');
  });
});

describe('WardLocator: holes, islands and MultiPolygons', () => {
  // H is a 4×4 square with a 2×2 hole in the middle.
  const outer = square(0, 0, 4, 4);
  const hole = square(1, 1, 3, 3).reverse();
  const island = square(1.5, 1.5, 2.5, 2.5);

  it('puts a point in a hole outside the ward', () => {
    const set = wards([{ code: code(1), name: 'H', geometry: polygon(outer, hole) }]);
    expect(locateName(set, 2, 2)).toBe('outside');
    expect(locateName(set, 0.5, 0.5)).toBe('H');
    expect(locateName(set, 3.5, 2)).toBe('H');
    // The hole's edge belongs to the ward.
    expect(locateName(set, 1, 2)).toBe('H');
  });

  it('puts a point on an island inside the hole in the ward owning the island (same ward, MultiPolygon)', () => {
    const set = wards([{ code: code(1), name: 'H', geometry: { type: 'MultiPolygon', coordinates: [[outer, hole], [island]] } }]);
    expect(locateName(set, 2, 2)).toBe('H');
    expect(locateName(set, 1.2, 1.2)).toBe('outside'); // in the hole, off the island
    expect(locateName(set, 0.5, 0.5)).toBe('H');
  });

  it('puts a point on an island that is another ward in that ward', () => {
    const set = wards([
      { code: code(1), name: 'H', geometry: polygon(outer, hole) },
      { code: code(2), name: 'Island', geometry: polygon(island) },
    ]);
    expect(locateName(set, 2, 2)).toBe('Island');
    expect(locateName(set, 1.2, 2.8)).toBe('outside');
    expect(locateName(set, 3.5, 3.5)).toBe('H');
  });

  it('finds points in either part of a MultiPolygon ward, not between the parts', () => {
    const set = wards([
      { code: code(1), name: 'Split', geometry: { type: 'MultiPolygon', coordinates: [[square(0, 0, 1, 1)], [square(5, 5, 6, 6)]] } },
      { code: code(2), name: 'Other', geometry: polygon(square(2, 2, 3, 3)) },
    ]);
    expect(locateName(set, 0.5, 0.5)).toBe('Split');
    expect(locateName(set, 5.5, 5.5)).toBe('Split');
    expect(locateName(set, 2.5, 2.5)).toBe('Other');
    // Inside the parts' combined bounding box, but in neither part.
    expect(locateName(set, 4, 4)).toBe('outside');
  });

  it('does not depend on ring winding order', () => {
    const clockwise = square(0, 0, 1, 1).reverse();
    expect(locateName(wards([{ code: code(1), name: 'CW', geometry: polygon(clockwise) }]), 0.5, 0.5)).toBe('CW');
  });

  it('handles a concave ward (an L shape) whose bounding box covers a point it does not', () => {
    const L = polygon([[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2], [0, 0]]);
    const set = wards([{ code: code(1), name: 'L', geometry: L }]);
    expect(locateName(set, 0.5, 1.5)).toBe('L');
    expect(locateName(set, 1.5, 1.5)).toBe('outside');
  });
});

describe('assignToWards', () => {
  it('marks crimes without coordinates NO_LOCATION and located crimes outside every ward OUTSIDE', () => {
    const set = wards([A, B]);
    const builder = new CrimeTableBuilder();
    builder.addFile('a.csv', csv(row({ lon: '', lat: '' }), row({ lon: 0.5, lat: 0.5 }), row({ lon: 10, lat: 10 }), row({ lon: 1.5, lat: 0.5 })));
    const { ward, counts } = assignToWards(builder.build(), new WardLocator(set));
    expect(Array.from(ward)).toEqual([NO_LOCATION, 0, OUTSIDE, 1]);
    expect(counts).toEqual({ assigned: 2, outside: 1, noLocation: 1 });
  });
});
