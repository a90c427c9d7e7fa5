/**
 * Deliberately naive re-implementations used to check the core against the real data: a
 * CSV line splitter and even-odd ray casting over the raw GeoJSON. They share no code with
 * src/core, so an agreement between the two is evidence, not a tautology.
 */
import { readFileSync } from 'node:fs';

export interface RawCrime {
  file: string;
  crimeId: string;
  month: string;
  lon: number;
  lat: number;
  category: string;
}

/** Splits one CSV line on commas outside double quotes ("" inside quotes is a quote). */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

/** Every data row of police.uk files, read line by line (the files have no multi-line fields). */
export function readRawCrimes(paths: readonly string[]): RawCrime[] {
  const crimes: RawCrime[] = [];
  for (const path of paths) {
    const lines = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
    const header = splitCsvLine(lines[0]);
    const col = (name: string) => {
      const i = header.indexOf(name);
      if (i < 0) throw new Error(`${path}: no column ${name}`);
      return i;
    };
    const [id, month, lon, lat, type] = ['Crime ID', 'Month', 'Longitude', 'Latitude', 'Crime type'].map(col);
    for (const line of lines.slice(1)) {
      if (line === '') continue;
      const f = splitCsvLine(line);
      if (f.length !== header.length) throw new Error(`${path}: ${f.length} fields in ${line}`);
      crimes.push({
        file: path,
        crimeId: f[id],
        month: f[month],
        lon: f[lon] === '' ? Number.NaN : parseFloat(f[lon]),
        lat: f[lat] === '' ? Number.NaN : parseFloat(f[lat]),
        category: f[type],
      });
    }
  }
  return crimes;
}

type Position = number[];
interface RawGeometry {
  type: string;
  coordinates: unknown;
}
interface RawFeature {
  properties: Record<string, unknown>;
  geometry: RawGeometry;
}

/** W. R. Franklin's even-odd test against one ring. */
export function insideRing(x: number, y: number, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside a Polygon (outer ring, not in a hole) or in any polygon of a MultiPolygon. */
export function insideGeometry(x: number, y: number, geometry: RawGeometry): boolean {
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as Position[][][];
  return polygons.some(([outer, ...holes]) => insideRing(x, y, outer) && !holes.some((hole) => insideRing(x, y, hole)));
}

export interface RawWards {
  features: RawFeature[];
  /** Index of the first feature containing the point, or -1. */
  locate: (x: number, y: number) => number;
}

/** The boundary file as plain JSON, with a bounding-box prefilter to keep the test quick. */
export function readRawWards(path: string): RawWards {
  const { features } = JSON.parse(readFileSync(path, 'utf8')) as { features: RawFeature[] };
  const boxes = features.map((feature) => {
    const polygons = (feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates) as Position[][][];
    const xs = polygons.flatMap((p) => p[0].map((q) => q[0]));
    const ys = polygons.flatMap((p) => p[0].map((q) => q[1]));
    return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  });
  const locate = (x: number, y: number) =>
    features.findIndex((feature, i) => {
      const [x0, y0, x1, y1] = boxes[i];
      return x >= x0 && x <= x1 && y >= y0 && y <= y1 && insideGeometry(x, y, feature.geometry);
    });
  return { features, locate };
}

/** Inclusive "YYYY-MM" string range test; such strings compare in calendar order. */
export function inMonths(month: string, from: string, to: string): boolean {
  return month >= from && month <= to;
}

/** Standard competition rank, worked out the obvious way: 1 + how many values are strictly greater. */
export function naiveRank(values: readonly number[], value: number): number {
  return 1 + values.filter((v) => v > value).length;
}
