import type { FeatureCollection, Position } from 'geojson';
import proj4 from 'proj4';
import { InputError } from './problems.ts';

/*
 * The coordinate systems boundary files come in: WGS84 longitude and latitude as they are,
 * and British National Grid (EPSG:27700, the usual projection of ONS and OS files),
 * reprojected to WGS84. Anything else is refused by name.
 */

/** EPSG:27700 with the OSGB36 → WGS84 Helmert transformation (about 5 m), as proj4 and the EPSG registry give it. */
const BRITISH_NATIONAL_GRID =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';

export type CoordinateSystem = 'wgs84' | 'british-national-grid';

/** The coordinate system a .prj file (WKT) names; throws naming the file for anything else. */
export function coordinateSystemOfPrj(fileName: string, wkt: string): CoordinateSystem {
  if (/British_National_Grid|OSGB[ _]?1936|OSGB36|27700/i.test(wkt)) return 'british-national-grid';
  if (!/PROJCS/i.test(wkt) && /WGS[ _]?(19)?84/i.test(wkt)) return 'wgs84';
  const name = /^\s*(?:PROJCS|GEOGCS|PROJCRS|GEOGCRS)\s*\[\s*"([^"]+)"/i.exec(wkt)?.[1] ?? 'an unknown coordinate system';
  throw new InputError(fileName, `uses ${name}: only WGS84 (longitude and latitude) and British National Grid (EPSG:27700) are supported`);
}

/** The coordinate system a GeoJSON's "crs" member names (EPSG:27700 or WGS84/CRS84), or null when it names none. */
export function coordinateSystemOfGeoJson(fileName: string, crs: unknown): CoordinateSystem | null {
  const name = (crs as { properties?: { name?: unknown } } | null)?.properties?.name;
  if (typeof name !== 'string') return null;
  if (/27700/.test(name)) return 'british-national-grid';
  if (/CRS84|4326/.test(name)) return 'wgs84';
  throw new InputError(fileName, `uses the coordinate system "${name}": only WGS84 and British National Grid (EPSG:27700) are supported`);
}

/** Reprojects every position of polygon features from British National Grid to WGS84 longitude and latitude. */
export function toWgs84(collection: FeatureCollection): FeatureCollection {
  const convert = proj4(BRITISH_NATIONAL_GRID, 'WGS84');
  const ring = (positions: Position[]) => positions.map(([x, y]) => convert.forward([x, y]));
  return {
    ...collection,
    crs: undefined,
    features: collection.features.map((feature) => {
      const geometry = feature.geometry;
      if (geometry?.type === 'Polygon') return { ...feature, geometry: { type: 'Polygon', coordinates: geometry.coordinates.map(ring) } };
      if (geometry?.type === 'MultiPolygon') return { ...feature, geometry: { type: 'MultiPolygon', coordinates: geometry.coordinates.map((p) => p.map(ring)) } };
      return feature;
    }),
  } as FeatureCollection;
}

