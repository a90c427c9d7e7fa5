import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import pointInPolygon from 'point-in-polygon-hao';
import { coordinateSystemOfPrj, toWgs84 } from './coordinateSystems.ts';
import { InputError } from './problems.ts';

/* Boundary files as a zipped Shapefile (.shp, .dbf, .prj) of polygons, read into WGS84 GeoJSON. */

/** A zipped Shapefile's parts, by extension. */
export interface ShapefileParts {
  name: string;
  shp: Uint8Array;
  dbf: Uint8Array;
  prj: string | null;
  /** The .cpg code page, when given (e.g. "UTF-8"). */
  cpg: string | null;
}

/** Polygons and their attributes as WGS84 GeoJSON. */
export function shapefileToGeoJson(parts: ShapefileParts): FeatureCollection {
  if (parts.prj === null) throw new InputError(parts.name, 'has no .prj file, so its coordinate system is unknown');
  const system = coordinateSystemOfPrj(`${parts.name} (.prj)`, parts.prj);
  const shapes = readShp(parts.name, parts.shp);
  const records = readDbf(parts.name, parts.dbf, parts.cpg);
  if (records.length !== shapes.length) throw new InputError(parts.name, `the .shp has ${shapes.length} shapes but the .dbf ${records.length} records`);
  const collection: FeatureCollection = {
    type: 'FeatureCollection',
    features: shapes.map((geometry, i): Feature => ({ type: 'Feature', properties: records[i], geometry: geometry ?? (null as unknown as Polygon) })),
  };
  return system === 'british-national-grid' ? toWgs84(collection) : collection;
}

const POLYGON_TYPES = new Set([5, 15, 25]);

/** The polygon shapes of a .shp, null for a null shape. */
function readShp(name: string, bytes: Uint8Array): (Polygon | MultiPolygon | null)[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 100 || view.getInt32(0) !== 9994) throw new InputError(name, 'the .shp file is not a Shapefile (no 9994 file code)');
  const shapeType = view.getInt32(32, true);
  if (!POLYGON_TYPES.has(shapeType)) throw new InputError(name, `the .shp holds shape type ${shapeType}, not polygons: boundaries must be polygons`);
  const shapes: (Polygon | MultiPolygon | null)[] = [];
  for (let at = 100; at + 8 <= bytes.length; ) {
    const length = view.getInt32(at + 4) * 2;
    const content = at + 8;
    const type = view.getInt32(content, true);
    if (type === 0) shapes.push(null);
    else shapes.push(polygonRecord(view, content));
    at = content + length;
  }
  return shapes;
}

function polygonRecord(view: DataView, at: number): Polygon | MultiPolygon {
  const partCount = view.getInt32(at + 36, true);
  const pointCount = view.getInt32(at + 40, true);
  const parts = Array.from({ length: partCount }, (_, i) => view.getInt32(at + 44 + i * 4, true));
  const points = at + 44 + partCount * 4;
  const rings = parts.map((start, i) => {
    const end = i + 1 < partCount ? parts[i + 1] : pointCount;
    return Array.from({ length: end - start }, (_, k): Position => [view.getFloat64(points + (start + k) * 16, true), view.getFloat64(points + (start + k) * 16 + 8, true)]);
  });
  return ringsToGeometry(rings);
}

/**
 * Shapefile rings to GeoJSON: clockwise rings are outer rings, each starting a polygon;
 * counter-clockwise rings are holes, put in the outer ring that contains them.
 */
export function ringsToGeometry(rings: Position[][]): Polygon | MultiPolygon {
  const outers: Position[][][] = [];
  const holes: Position[][] = [];
  for (const ring of rings) {
    if (signedArea(ring) < 0) outers.push([ring]);
    else holes.push(ring);
  }
  for (const hole of holes) {
    // pointInPolygon: true inside, 0 on the edge, false outside.
    const owner = outers.find(([outer]) => pointInPolygon(hole[0], [outer]) !== false) ?? outers[0];
    if (owner) owner.push(hole);
    else outers.push([hole]);
  }
  // GeoJSON (RFC 7946) winds outer rings counter-clockwise and holes clockwise: the reverse of a Shapefile.
  const polygons = outers.map((polygon) => polygon.map((ring) => [...ring].reverse()));
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
}

/** Twice the signed area (shoelace): positive counter-clockwise. */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return sum;
}

/** The records of a dBase III .dbf as plain objects: numbers for N and F fields, trimmed text otherwise. */
export function readDbf(name: string, bytes: Uint8Array, cpg: string | null): Record<string, string | number | null>[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 32) throw new InputError(name, 'the .dbf file is too short to be a dBase table');
  const count = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  const decoder = new TextDecoder(/utf-?8/i.test(cpg ?? '') || cpg === null ? 'utf-8' : 'latin1');
  const fields: { name: string; type: string; offset: number; length: number }[] = [];
  let offset = 1;
  for (let at = 32; at + 32 <= headerLength && bytes[at] !== 0x0d; at += 32) {
    const fieldName = decoder.decode(bytes.subarray(at, at + 11)).replace(/\0.*$/, '');
    const length = bytes[at + 16];
    fields.push({ name: fieldName, type: String.fromCharCode(bytes[at + 11]), offset, length });
    offset += length;
  }
  const records: Record<string, string | number | null>[] = [];
  for (let r = 0; r < count; r++) {
    const start = headerLength + r * recordLength;
    const record: Record<string, string | number | null> = {};
    for (const field of fields) {
      const text = decoder.decode(bytes.subarray(start + field.offset, start + field.offset + field.length)).trim();
      record[field.name] = field.type === 'N' || field.type === 'F' ? (text === '' ? null : Number(text)) : text;
    }
    records.push(record);
  }
  return records;
}
