import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { parseBoundaries } from '../../src/core/boundaries.ts';
import { InputError } from '../../src/core/problems.ts';
import { coordinateSystemOfGeoJson, coordinateSystemOfPrj, toWgs84 } from '../../src/core/coordinateSystems.ts';
import { ringsToGeometry, shapefileToGeoJson, type ShapefileParts } from '../../src/core/shapefile.ts';
import { writeDbf, writeShp, type ShapeSpec } from './support/shapefileWriter.ts';

const BNG_PRJ =
  'PROJCS["British_National_Grid",GEOGCS["GCS_OSGB_1936",DATUM["D_OSGB_1936",SPHEROID["Airy_1830",6377563.396,299.3249646]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"]]';
const WGS84_PRJ = 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

/** A clockwise square (a Shapefile outer ring), closed. */
const clockwise = (x0: number, y0: number, size: number) => [[x0, y0], [x0, y0 + size], [x0 + size, y0 + size], [x0 + size, y0], [x0, y0]];

/**
 * Ordnance Survey's worked example ("A guide to coordinate systems in Great Britain"):
 * E 651409.903, N 313177.270 is 52°39'28.8282"N, 1°42'57.8663"E in ETRS89 (WGS84 to a metre);
 * the Helmert transformation used here is good to a few metres.
 */
const OS_EXAMPLE = { e: 651409.903, n: 313177.27, lat: 52 + 39 / 60 + 28.8282 / 3600, lon: 1 + 42 / 60 + 57.8663 / 3600 };

/** Two wards in British National Grid, the first with a corner at the OS example point. */
const ANDOVER: ShapeSpec[] = [
  { rings: [clockwise(OS_EXAMPLE.e, OS_EXAMPLE.n, 800)], attributes: { WD13CD: 'E05004640', WD13NM: 'St Mary\'s' } },
  { rings: [clockwise(653000, 313000, 800), [[653200, 313200], [653600, 313200], [653600, 313600], [653200, 313600], [653200, 313200]]], attributes: { WD13CD: 'E05004628', WD13NM: 'Alamein' } },
];

describe('zipped Shapefile boundaries', () => {
  it('reads polygons and attributes in British National Grid and reprojects them to WGS84', () => {
    const collection = shapefileToGeoJson({ name: 'wards.zip', shp: writeShp(ANDOVER), dbf: writeDbf(ANDOVER), prj: BNG_PRJ, cpg: 'UTF-8' });
    expect(collection.features.map((f) => f.properties)).toEqual([
      { WD13CD: 'E05004640', WD13NM: "St Mary's" },
      { WD13CD: 'E05004628', WD13NM: 'Alamein' },
    ]);
    const [lon, lat] = (collection.features[0].geometry as Polygon).coordinates[0][0];
    expect(lon).toBeCloseTo(OS_EXAMPLE.lon, 4);
    expect(lat).toBeCloseTo(OS_EXAMPLE.lat, 4);
    // The second ward keeps its hole, and the result loads as boundaries.
    expect((collection.features[1].geometry as Polygon).coordinates).toHaveLength(2);
    const wards = parseBoundaries('wards.zip', JSON.stringify(collection));
    expect(wards.ids).toEqual(['E05004640', 'E05004628']);
    expect(wards.names).toEqual(["St Mary's", 'Alamein']);
  });

  it('takes WGS84 Shapefiles as they are', () => {
    const square: ShapeSpec[] = [{ rings: [clockwise(-1.5, 51.2, 0.01)], attributes: { CODE: 'E05000001' } }];
    const collection = shapefileToGeoJson({ name: 'w.zip', shp: writeShp(square), dbf: writeDbf(square), prj: WGS84_PRJ, cpg: null });
    expect((collection.features[0].geometry as Polygon).coordinates[0][0]).toEqual([-1.5, 51.2]);
  });

  it('refuses what it cannot read, naming the file', () => {
    const parts: ShapefileParts = { name: 'w.zip', shp: writeShp(ANDOVER), dbf: writeDbf(ANDOVER), prj: BNG_PRJ, cpg: null };
    const problem = (change: Partial<typeof parts>) => {
      try {
        shapefileToGeoJson({ ...parts, ...change });
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        return (error as InputError).message;
      }
      return 'no error';
    };
    expect(problem({ prj: null })).toBe('w.zip: has no .prj file, so its coordinate system is unknown');
    expect(problem({ prj: 'PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984"]]' })).toBe(
      'w.zip (.prj): uses WGS_1984_Web_Mercator_Auxiliary_Sphere: only WGS84 (longitude and latitude) and British National Grid (EPSG:27700) are supported',
    );
    expect(problem({ shp: writeShp(ANDOVER, 3) })).toBe('w.zip: the .shp holds shape type 3, not polygons: boundaries must be polygons');
    expect(problem({ shp: new Uint8Array(120) })).toBe('w.zip: the .shp file is not a Shapefile (no 9994 file code)');
    expect(problem({ dbf: writeDbf(ANDOVER.slice(0, 1)) })).toBe('w.zip: the .shp has 2 shapes but the .dbf 1 records');
  });

  it('turns Shapefile rings into GeoJSON winding, each outer ring a polygon', () => {
    const hole = [[5.2, 5.2], [5.8, 5.2], [5.8, 5.8], [5.2, 5.8], [5.2, 5.2]];
    const geometry = ringsToGeometry([clockwise(0, 0, 1), clockwise(5, 5, 1), hole]);
    expect(geometry.type).toBe('MultiPolygon');
    const [first, second] = geometry.coordinates as number[][][][];
    expect([first.length, second.length]).toEqual([1, 2]);
    // Outer rings counter-clockwise, holes clockwise, as RFC 7946 asks.
    expect(second[0]).toEqual([...clockwise(5, 5, 1)].reverse());
    expect(second[1]).toEqual([...hole].reverse());
  });
});

describe('British National Grid GeoJSON', () => {
  it('reads the coordinate system a GeoJSON names, and refuses others', () => {
    expect(coordinateSystemOfGeoJson('w.geojson', { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::27700' } })).toBe('british-national-grid');
    expect(coordinateSystemOfGeoJson('w.geojson', { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } })).toBe('wgs84');
    expect(coordinateSystemOfGeoJson('w.geojson', undefined)).toBeNull();
    expect(() => coordinateSystemOfGeoJson('w.geojson', { properties: { name: 'EPSG:3857' } })).toThrow('w.geojson: uses the coordinate system "EPSG:3857"');
    expect(coordinateSystemOfPrj('x.prj', BNG_PRJ)).toBe('british-national-grid');
  });

  it('loads a GeoJSON boundary file whose "crs" names EPSG:27700 in longitude and latitude', () => {
    const file = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::27700' } },
      features: [{ type: 'Feature', properties: { CODE: 'E05000001' }, geometry: { type: 'Polygon', coordinates: [clockwise(OS_EXAMPLE.e, OS_EXAMPLE.n, 800)] } }],
    };
    const [lon, lat] = parseBoundaries('bng.geojson', JSON.stringify(file)).polygons[0][0][0][0];
    expect([lon, lat]).toEqual([expect.closeTo(OS_EXAMPLE.lon, 4), expect.closeTo(OS_EXAMPLE.lat, 4)]);
  });

  it('reprojects polygons and multipolygons', () => {
    const collection = toWgs84({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [[clockwise(OS_EXAMPLE.e, OS_EXAMPLE.n, 800)]] } }],
    });
    const geometry = collection.features[0].geometry as { coordinates: number[][][][] };
    expect(geometry.coordinates[0][0][0]).toEqual([expect.closeTo(OS_EXAMPLE.lon, 4), expect.closeTo(OS_EXAMPLE.lat, 4)]);
  });
});
