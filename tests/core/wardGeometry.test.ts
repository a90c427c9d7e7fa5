import pointInPolygon from 'point-in-polygon-hao';
import { describe, expect, it } from 'vitest';
import type { WardSet } from '../../src/core/boundaries.ts';
import { dataBounds, packWardShapes, shapeFeature, shapesBounds, wardBounds, wardLabelPoint } from '../../src/core/wardGeometry.ts';
import { loadTestValley } from './support/testValley.ts';
import { square } from './support/fixtures.ts';

/** A U shape: its centroid lies in the gap, outside the polygon. */
const U_SHAPE = [
  [
    [0, 50],
    [0.03, 50],
    [0.03, 50.003],
    [0.01, 50.003],
    [0.01, 50.027],
    [0.03, 50.027],
    [0.03, 50.03],
    [0, 50.03],
    [0, 50],
  ],
];

const wards: WardSet = {
  ids: ['E05000001', 'E05000002'],
  names: ['One', 'Two'],
  polygons: [[U_SHAPE], [[square(1, 50, 1.01, 50.01)], [square(2, 50, 2.1, 50.1)]]],
  properties: [{}, {}],
};

describe('wardLabelPoint', () => {
  it('puts the label inside a concave ward', () => {
    const point = wardLabelPoint([U_SHAPE]);
    expect(pointInPolygon([point.lon, point.lat], U_SHAPE)).toBe(true);
  });

  it('labels the roomiest part of a ward in several parts', () => {
    const point = wardLabelPoint(wards.polygons[1]);
    expect(point.lon).toBeCloseTo(2.05, 2);
    expect(point.lat).toBeCloseTo(50.05, 2);
    // Half the 0.1° side, in kilometres: about 3.6 km east-west at 50°N, 5.6 km north-south.
    expect(point.radiusKm).toBeGreaterThan(3);
    expect(point.radiusKm).toBeLessThan(6);
  });
});

describe('packWardShapes and shapeFeature', () => {
  /** The feature a ward should become, built straight from its polygons. */
  const expected = (set: WardSet, ward: number) => {
    const polygons = set.polygons[ward];
    return {
      type: 'Feature',
      id: ward,
      properties: { code: set.ids[ward], name: set.names[ward] },
      geometry: polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons },
    };
  };

  it('gives back each ward, its id the ward index: polygons, multipolygons and holes', () => {
    const withHole: WardSet = { ...wards, ids: ['E1', 'E2', 'E3'], names: ['A', 'B', 'C'], polygons: [...wards.polygons, [[square(5, 50, 6, 51), square(5.2, 50.2, 5.4, 50.4).reverse()]]] };
    const shapes = packWardShapes(withHole.polygons);
    expect(shapes.wardEnds.length).toBe(3);
    const features = withHole.polygons.map((_, ward) => shapeFeature(shapes, ward, withHole.ids[ward], withHole.names[ward]));
    expect(features.map((f) => [f.id, f.geometry.type])).toEqual([
      [0, 'Polygon'],
      [1, 'MultiPolygon'],
      [2, 'Polygon'],
    ]);
    features.forEach((feature, ward) => expect(feature).toEqual(expected(withHole, ward)));
  });

  it('gives the bounds of some of the wards', () => {
    const shapes = packWardShapes([[[square(0, 0, 1, 1)]], [[square(2, 2, 3, 3)], [square(5, -1, 6, 0)]], [[square(-4, 0, -3, 9)]]]);
    expect(shapesBounds(shapes, [1])).toEqual([2, -1, 6, 3]);
    expect(shapesBounds(shapes, [0, 2])).toEqual([-4, 0, 1, 9]);
    expect(shapesBounds(shapes, [0, 1, 2])).toEqual([-4, -1, 6, 9]);
  });

  it('packs the Test Valley wards without losing a point', async () => {
    const { data, dataset } = await loadTestValley();
    const shapes = packWardShapes(dataset.wards.polygons);
    expect(shapes.coords.length).toBe(2 * dataset.wards.polygons.flat(3).length);
    data.wardIds.forEach((id, ward) => expect(shapeFeature(shapes, ward, id, data.wardNames[ward])).toEqual(expected(dataset.wards, ward)));
  });
});

describe('wardBounds', () => {
  it('covers every ward', () => {
    expect(wardBounds(wards)).toEqual([0, 50, 2.1, 50.1]);
  });
});

describe('dataBounds', () => {
  const square = (x: number) => [[[x, 50], [x + 1, 50], [x + 1, 51], [x, 51], [x, 50]]];
  const five = { polygons: [0, 2, 4, 6, 8].map((x) => [square(x)]) };

  it('looks at the wards with crimes when they are fewer than half', () => {
    expect(dataBounds(five, [0, 3, 0, 1, 0])).toEqual([2, 50, 7, 51]);
  });

  it('looks at every ward when crimes reach half of them or more, or none', () => {
    expect(dataBounds(five, [1, 3, 1, 0, 0])).toEqual([0, 50, 9, 51]);
    expect(dataBounds(five, [0, 0, 0, 0, 0])).toEqual([0, 50, 9, 51]);
  });
});
