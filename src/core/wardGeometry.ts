import type { Feature, MultiPolygon, Polygon } from 'geojson';
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

export type WardFeature = Feature<Polygon | MultiPolygon, WardFeatureProperties>;

/** A ward as a GeoJSON feature for the map, its id being its ward index. */
function wardFeature(ward: number, code: string, name: string, polygons: PolygonRings[]): WardFeature {
  return {
    type: 'Feature',
    id: ward,
    properties: { code, name },
    geometry: polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons },
  };
}

/**
 * The wards' rings as flat typed arrays, for the page: they move to it without being
 * copied, and a ward becomes GeoJSON only when the page draws it on its own (the hovered
 * ward, the report's map). England's wards as GeoJSON objects took about 0.3 s to copy
 * into the page and as long again into MapLibre's worker.
 */
export interface WardShapes {
  /** Longitude, latitude, point after point. */
  coords: Float64Array;
  /** For each ring, the point where it ends. */
  ringEnds: Uint32Array;
  /** For each polygon, the ring where it ends. */
  polygonEnds: Uint32Array;
  /** For each ward, the polygon where it ends. */
  wardEnds: Uint32Array;
}

export function packWardShapes(polygonsByWard: readonly PolygonRings[][]): WardShapes {
  let points = 0;
  let rings = 0;
  let polygons = 0;
  for (const ward of polygonsByWard) {
    for (const polygon of ward) {
      for (const ring of polygon) points += ring.length;
      rings += polygon.length;
    }
    polygons += ward.length;
  }
  const shapes: WardShapes = {
    coords: new Float64Array(2 * points),
    ringEnds: new Uint32Array(rings),
    polygonEnds: new Uint32Array(polygons),
    wardEnds: new Uint32Array(polygonsByWard.length),
  };
  let point = 0;
  let ringCount = 0;
  let polygonCount = 0;
  polygonsByWard.forEach((ward, w) => {
    for (const polygon of ward) {
      for (const ring of polygon) {
        for (const [lon, lat] of ring) {
          shapes.coords[point++] = lon;
          shapes.coords[point++] = lat;
        }
        shapes.ringEnds[ringCount++] = point / 2;
      }
      shapes.polygonEnds[polygonCount++] = ringCount;
    }
    shapes.wardEnds[w] = polygonCount;
  });
  return shapes;
}

/** The bounds of some wards of packed shapes. */
export function shapesBounds(shapes: WardShapes, wards: readonly number[]): Bounds {
  const { coords, ringEnds, polygonEnds, wardEnds } = shapes;
  const bounds: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ward of wards) {
    const firstPolygon = ward === 0 ? 0 : wardEnds[ward - 1];
    const firstRing = firstPolygon === 0 ? 0 : polygonEnds[firstPolygon - 1];
    const firstPoint = firstRing === 0 ? 0 : ringEnds[firstRing - 1];
    const endPoint = ringEnds[polygonEnds[wardEnds[ward] - 1] - 1];
    for (let i = firstPoint; i < endPoint; i++) {
      const lon = coords[2 * i];
      const lat = coords[2 * i + 1];
      if (lon < bounds[0]) bounds[0] = lon;
      if (lat < bounds[1]) bounds[1] = lat;
      if (lon > bounds[2]) bounds[2] = lon;
      if (lat > bounds[3]) bounds[3] = lat;
    }
  }
  return bounds;
}

/** One ward of packed shapes as a GeoJSON feature, its id the ward index. */
export function shapeFeature(shapes: WardShapes, ward: number, code: string, name: string): WardFeature {
  const { coords, ringEnds, polygonEnds, wardEnds } = shapes;
  const polygons: PolygonRings[] = [];
  for (let p = ward === 0 ? 0 : wardEnds[ward - 1]; p < wardEnds[ward]; p++) {
    const rings: [number, number][][] = [];
    for (let r = p === 0 ? 0 : polygonEnds[p - 1]; r < polygonEnds[p]; r++) {
      const ring: [number, number][] = [];
      for (let i = r === 0 ? 0 : ringEnds[r - 1]; i < ringEnds[r]; i++) ring.push([coords[2 * i], coords[2 * i + 1]]);
      rings.push(ring);
    }
    polygons.push(rings);
  }
  return wardFeature(ward, code, name, polygons);
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
