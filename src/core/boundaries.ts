import type { FeatureCollection } from 'geojson';
import { coordinateSystemOfGeoJson, toWgs84 } from './coordinateSystems.ts';
import { InputError } from './problems.ts';

export type Ring = number[][];
export type PolygonRings = Ring[];

/** Areas (wards) from a boundary file: parallel arrays indexed by ward number. */
export interface WardSet {
  ids: string[];
  names: string[];
  /** Each ward as a list of polygons (outer ring first, then holes). */
  polygons: PolygonRings[][];
  /** The original feature properties, for filters and group-by-property configs. */
  properties: Record<string, unknown>[];
}

export interface BoundaryOptions {
  idProperty?: string;
  nameProperty?: string;
  /** Keep only features whose property has one of the values (e.g. LAD13CD for a set of districts). */
  filter?: { property: string; values: string[] };
}

const GSS_CODE = /^[EWSNK]\d{8}$/;

/** Parses and validates a GeoJSON FeatureCollection of (Multi)Polygons in WGS84. */
export function parseBoundaries(fileName: string, text: string, options: BoundaryOptions = {}): WardSet {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new InputError(fileName, `not valid JSON (${(error as Error).message})`);
  }
  return readBoundaries(fileName, json, options);
}

/** Validates parsed GeoJSON as boundaries (see parseBoundaries). */
export function readBoundaries(fileName: string, json: unknown, options: BoundaryOptions = {}): WardSet {
  if (!isRecord(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    throw new InputError(fileName, 'not a GeoJSON FeatureCollection (expected "type": "FeatureCollection" and a "features" array)');
  }
  // British National Grid is reprojected when the file's "crs" names it; an unknown system is refused.
  const system = coordinateSystemOfGeoJson(fileName, json.crs);
  const features = (system === 'british-national-grid' ? toWgs84(json as unknown as FeatureCollection).features : json.features) as unknown[];
  if (features.length === 0) throw new InputError(fileName, 'the FeatureCollection has no features');
  const allProperties = features.map((feature, i) => {
    if (!isRecord(feature) || !isRecord(feature.properties ?? {})) {
      throw new InputError(fileName, `feature ${i + 1} is not a GeoJSON Feature with properties`);
    }
    return (feature.properties ?? {}) as Record<string, unknown>;
  });
  const idProperty = options.idProperty ?? detectIdProperty(allProperties);
  if (!idProperty) throw new InputError(fileName, 'no property holds a unique area code: name one with the id property option');
  const nameProperty = options.nameProperty ?? detectNameProperty(allProperties, idProperty);

  const wards: WardSet = { ids: [], names: [], polygons: [], properties: [] };
  const seen = new Set<string>();
  features.forEach((feature, i) => {
    const properties = allProperties[i];
    if (options.filter && !options.filter.values.includes(String(properties[options.filter.property]))) return;
    const where = `feature ${i + 1}`;
    const id = properties[idProperty];
    if (typeof id !== 'string' && typeof id !== 'number') {
      throw new InputError(fileName, `${where} has no "${idProperty}" property`);
    }
    const code = String(id);
    if (seen.has(code)) throw new InputError(fileName, `${where}: "${idProperty}" ${code} appears more than once`);
    seen.add(code);
    const name = properties[nameProperty];
    wards.ids.push(code);
    wards.names.push(typeof name === 'string' && name.trim() !== '' ? name : code);
    wards.polygons.push(readGeometry(fileName, `${where} (${code})`, (feature as Record<string, unknown>).geometry));
    wards.properties.push(properties);
  });
  if (wards.ids.length === 0) throw new InputError(fileName, 'no feature matches the boundary filter');
  return wards;
}

function readGeometry(fileName: string, where: string, geometry: unknown): PolygonRings[] {
  if (!isRecord(geometry)) throw new InputError(fileName, `${where} has no geometry`);
  const coordinates = geometry.coordinates;
  let polygons: unknown[];
  if (geometry.type === 'Polygon') polygons = [coordinates];
  else if (geometry.type === 'MultiPolygon' && Array.isArray(coordinates)) polygons = coordinates;
  else throw new InputError(fileName, `${where}: geometry type ${String(geometry.type)} is not Polygon or MultiPolygon`);
  if (polygons.length === 0) throw new InputError(fileName, `${where}: the MultiPolygon has no polygons`);
  return polygons.map((polygon, p) => {
    if (!Array.isArray(polygon) || polygon.length === 0) throw new InputError(fileName, `${where}: polygon ${p + 1} has no rings`);
    return polygon.map((ring, r) => readRing(fileName, `${where}, polygon ${p + 1}, ring ${r + 1}`, ring));
  });
}

function readRing(fileName: string, where: string, ring: unknown): Ring {
  if (!Array.isArray(ring)) throw new InputError(fileName, `${where} is not a list of positions`);
  for (const position of ring) {
    if (!Array.isArray(position) || position.length < 2 || !Number.isFinite(position[0]) || !Number.isFinite(position[1])) {
      throw new InputError(fileName, `${where} has a position that is not [longitude, latitude]: ${JSON.stringify(position)}`);
    }
    if (Math.abs(position[0]) > 180 || Math.abs(position[1]) > 90) {
      throw new InputError(
        fileName,
        `${where} has coordinates [${position[0]}, ${position[1]}] outside longitude/latitude: boundaries must be WGS84 (EPSG:4326), or British National Grid with a "crs" naming EPSG:27700`,
      );
    }
  }
  // An unclosed ring is closed here, so three positions still make a triangle.
  const first = ring[0] as number[] | undefined;
  const last = ring[ring.length - 1] as number[] | undefined;
  const closed = first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
  const result = closed || first === undefined ? (ring as Ring) : [...(ring as Ring), first];
  if (result.length < 4) throw new InputError(fileName, `${where} has fewer than 4 positions (3 corners and the closing one)`);
  return result;
}

/** The id and name properties a boundary file's features probably use (an ONS code; a name ending in NM or name). */
export function guessBoundaryProperties(properties: Record<string, unknown>[]): { id: string | undefined; name: string | undefined } {
  const id = detectIdProperty(properties);
  return { id, name: id === undefined ? undefined : detectNameProperty(properties, id) };
}

function detectIdProperty(properties: Record<string, unknown>[]): string | undefined {
  const keys = Object.keys(properties[0] ?? {});
  return keys.find((key) => {
    const values = properties.map((p) => p[key]);
    return values.every((v) => typeof v === 'string' && GSS_CODE.test(v)) && new Set(values).size === values.length;
  });
}

function detectNameProperty(properties: Record<string, unknown>[], idProperty: string): string {
  const keys = Object.keys(properties[0] ?? {}).filter((key) => key !== idProperty);
  const named = keys.find((key) => /(nm|name)$/i.test(key) && properties.every((p) => typeof p[key] === 'string' && p[key] !== ''));
  return named ?? idProperty;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
