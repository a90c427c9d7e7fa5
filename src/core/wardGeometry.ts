import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import polylabel from 'polylabel';
import type { PolygonRings, WardSet } from './boundaries.ts';

export interface WardFeatureProperties {
  code: string;
  name: string;
}

/** Where a ward's name goes, and how much room it has there. */
export interface LabelPoint {
  lon: number;
  lat: number;
  /** Distance to the nearest edge, in kilometres (roughly): bigger wards label first. */
  radiusKm: number;
}

/** [west, south, east, north] */
export type Bounds = [number, number, number, number];

const KM_PER_DEGREE = 111.32;

/** The wards as a GeoJSON FeatureCollection for the map, each feature's id being its ward index. */
export function wardFeatures(wards: WardSet): FeatureCollection<Polygon | MultiPolygon, WardFeatureProperties> {
  return {
    type: 'FeatureCollection',
    features: wards.polygons.map(
      (polygons, ward): Feature<Polygon | MultiPolygon, WardFeatureProperties> => ({
        type: 'Feature',
        id: ward,
        properties: { code: wards.ids[ward], name: wards.names[ward] },
        geometry: polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons },
      }),
    ),
  };
}

/**
 * The label point of a ward: the pole of inaccessibility (polylabel) of its roomiest
 * polygon, found on coordinates with longitude scaled by cos(latitude) so "room" is
 * measured in ground distance rather than in degrees.
 */
export function wardLabelPoint(polygons: readonly PolygonRings[]): LabelPoint {
  let best: LabelPoint = { lon: polygons[0][0][0][0], lat: polygons[0][0][0][1], radiusKm: -1 };
  for (const polygon of polygons) {
    const [west, south, east, north] = ringBounds(polygon[0]);
    const scale = Math.cos((((south + north) / 2) * Math.PI) / 180);
    const scaled = polygon.map((ring) => ring.map(([x, y]): [number, number] => [x * scale, y]));
    const precision = Math.max((east - west) * scale, north - south) / 500 || 1e-9;
    const pole = polylabel(scaled, precision);
    const radiusKm = pole.distance * KM_PER_DEGREE;
    if (radiusKm > best.radiusKm) best = { lon: pole[0] / scale, lat: pole[1], radiusKm };
  }
  return best;
}

/** The bounding box of every ward. */
export function wardBounds(wards: Pick<WardSet, 'polygons'>): Bounds {
  const bounds: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygons of wards.polygons) {
    for (const polygon of polygons) {
      const [west, south, east, north] = ringBounds(polygon[0]);
      bounds[0] = Math.min(bounds[0], west);
      bounds[1] = Math.min(bounds[1], south);
      bounds[2] = Math.max(bounds[2], east);
      bounds[3] = Math.max(bounds[3], north);
    }
  }
  return bounds;
}

function ringBounds(ring: readonly number[][]): Bounds {
  const bounds: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) {
    bounds[0] = Math.min(bounds[0], x);
    bounds[1] = Math.min(bounds[1], y);
    bounds[2] = Math.max(bounds[2], x);
    bounds[3] = Math.max(bounds[3], y);
  }
  return bounds;
}

/**
 * Where the map first looks: every ward, or, when the crimes reach fewer than half of the
 * wards (one force's file on England's wards), the wards with crimes.
 */
export function dataBounds(wards: Pick<WardSet, 'polygons'>, crimesByWard: ArrayLike<number>): Bounds {
  const withCrimes = wards.polygons.filter((_, ward) => crimesByWard[ward] > 0);
  return withCrimes.length > 0 && withCrimes.length < wards.polygons.length / 2 ? wardBounds({ polygons: withCrimes }) : wardBounds(wards);
}
