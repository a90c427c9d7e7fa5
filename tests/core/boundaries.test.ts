import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBoundaries, type BoundaryOptions } from '../../src/core/boundaries.ts';
import { InputError } from '../../src/core/problems.ts';
import { code, featureCollection, PROJECT_ROOT, square } from './support/fixtures.ts';

const TEST_VALLEY = 'geo/test-valley-wards-2013.geojson';

function error(text: string, options?: BoundaryOptions, fileName = 'wards.geojson'): InputError {
  try {
    parseBoundaries(fileName, text, options);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

function collection(features: unknown[]): string {
  return JSON.stringify({ type: 'FeatureCollection', features });
}

function feature(properties: Record<string, unknown>, geometry: unknown): unknown {
  return { type: 'Feature', properties, geometry };
}

const unitSquare = { type: 'Polygon' as const, coordinates: [square(0, 0, 1, 1)] };

describe('parseBoundaries: the Test Valley wards', () => {
  const wards = parseBoundaries(TEST_VALLEY, readFileSync(resolve(PROJECT_ROOT, TEST_VALLEY), 'utf8'));

  it('detects WD13CD as the id and WD13NM as the name', () => {
    expect(wards.ids).toHaveLength(24);
    expect(wards.ids[0]).toBe('E05004628');
    expect(wards.names[0]).toBe('Abbey');
    expect(wards.ids.every((id) => /^E0500\d{4}$/.test(id))).toBe(true);
    expect(new Set(wards.ids).size).toBe(24);
    expect(wards.names).toContain("St Mary's");
    expect(wards.properties[0]).toMatchObject({ WD13CD: 'E05004628', WD13CDO: '24UNGA', WD13NM: 'Abbey' });
  });

  it('keeps the MultiPolygon ward as several polygons and every other ward as one', () => {
    const multi = wards.names.indexOf('Chilworth, Nursling and Rownhams');
    expect(wards.polygons[multi].length).toBeGreaterThan(1);
    const others = wards.polygons.filter((_, i) => i !== multi);
    expect(others.every((polygons) => polygons.length === 1)).toBe(true);
  });

  it('returns closed rings of [longitude, latitude] in Hampshire', () => {
    for (const ring of wards.polygons.flat(2)) {
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      for (const [lon, lat] of ring) {
        expect(lon).toBeGreaterThan(-1.8);
        expect(lon).toBeLessThan(-1.2);
        expect(lat).toBeGreaterThan(50.9);
        expect(lat).toBeLessThan(51.4);
      }
    }
  });
});

describe('parseBoundaries: files it refuses', () => {
  it('refuses text that is not JSON, naming the file', () => {
    const e = error('{"type": "FeatureCollection", ', undefined, 'geo/wards.geojson');
    expect(e.file).toBe('geo/wards.geojson');
    expect(e.message).toMatch(/^geo\/wards\.geojson: not valid JSON/);
  });

  it('refuses JSON that is not a FeatureCollection', () => {
    expect(error('[1, 2]').problem).toMatch(/not a GeoJSON FeatureCollection/);
    expect(error(JSON.stringify(feature({ WD13CD: code(1) }, unitSquare))).problem).toMatch(/not a GeoJSON FeatureCollection/);
    expect(error('{"type": "FeatureCollection", "features": {}}').problem).toMatch(/not a GeoJSON FeatureCollection/);
    expect(error(collection([])).problem).toMatch(/no features/);
  });

  it('refuses a feature without geometry', () => {
    const text = collection([feature({ WD13CD: code(1) }, unitSquare), feature({ WD13CD: code(2) }, null)]);
    expect(error(text).problem).toBe(`feature 2 (${code(2)}) has no geometry`);
  });

  it('refuses a Point geometry', () => {
    const text = collection([feature({ WD13CD: code(1) }, { type: 'Point', coordinates: [-1.4, 51.2] })]);
    expect(error(text).problem).toMatch(/feature 1 \(E05000001\): geometry type Point is not Polygon or MultiPolygon/);
  });

  it('refuses a MultiPolygon without polygons, and a polygon without rings', () => {
    const empty = collection([feature({ WD13CD: code(1) }, { type: 'MultiPolygon', coordinates: [] })]);
    expect(error(empty).problem).toBe(`feature 1 (${code(1)}): the MultiPolygon has no polygons`);
    const noRings = collection([feature({ WD13CD: code(1) }, { type: 'Polygon', coordinates: [] })]);
    expect(error(noRings).problem).toBe(`feature 1 (${code(1)}): polygon 1 has no rings`);
  });

  it('refuses coordinates in British National Grid metres, asking for WGS84', () => {
    const bng = { type: 'Polygon', coordinates: [square(430000, 140000, 431000, 141000)] };
    const e = error(collection([feature({ WD13CD: code(1) }, bng)]));
    expect(e.problem).toContain('WGS84');
    expect(e.problem).toContain('430000');
  });

  it('refuses a position that is not two numbers', () => {
    const bad = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], ['1', 1], [0, 0]]] };
    expect(error(collection([feature({ WD13CD: code(1) }, bad)])).problem).toMatch(/ring 1 has a position that is not \[longitude, latitude\]: \["1",1\]/);
  });

  it('refuses a ring with fewer than three corners', () => {
    const line = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] };
    expect(error(collection([feature({ WD13CD: code(1) }, line)])).problem).toMatch(/fewer than 4 positions/);
  });

  it('refuses duplicate ids, naming the id and the feature', () => {
    const text = collection([feature({ id: 'A1', name: 'One' }, unitSquare), feature({ id: 'A1', name: 'Two' }, unitSquare)]);
    expect(error(text, { idProperty: 'id' }).problem).toBe('feature 2: "id" A1 appears more than once');
  });

  it('refuses a file where no property holds unique area codes, unless one is named', () => {
    const text = collection([feature({ ref: 'x', name: 'One' }, unitSquare), feature({ ref: 'y', name: 'Two' }, unitSquare)]);
    expect(error(text).problem).toMatch(/no property holds a unique area code/);
    expect(parseBoundaries('w.geojson', text, { idProperty: 'ref' }).ids).toEqual(['x', 'y']);
  });

  it('refuses a feature missing the named id property', () => {
    const text = collection([feature({ WD13CD: code(1) }, unitSquare), feature({ other: 1 }, unitSquare)]);
    expect(error(text, { idProperty: 'WD13CD' }).problem).toBe('feature 2 has no "WD13CD" property');
  });
});

describe('parseBoundaries: what it repairs and detects', () => {
  it('closes an unclosed ring', () => {
    const open = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] };
    const wards = parseBoundaries('w.geojson', collection([feature({ WD13CD: code(1) }, open)]));
    expect(wards.polygons[0][0][0]).toEqual([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]);
  });

  it('closes an unclosed triangle of three positions', () => {
    const triangle = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 1]]] };
    const wards = parseBoundaries('w.geojson', collection([feature({ WD13CD: code(1) }, triangle)]));
    expect(wards.polygons[0][0][0]).toEqual([[0, 0], [1, 0], [0, 1], [0, 0]]);
  });

  it('reads a file with a UTF-8 byte order mark', () => {
    const text = '\uFEFF' + featureCollection([{ code: code(1), name: 'A', geometry: unitSquare }]);
    expect(parseBoundaries('w.geojson', text).ids).toEqual([code(1)]);
  });

  it('detects a GSS code property for the id and a *NM property for the name', () => {
    const text = collection([
      feature({ OBJECTID: 1, LSOA11CD: 'E01023165', LSOA11NM: 'Test Valley 001A' }, unitSquare),
      feature({ OBJECTID: 2, LSOA11CD: 'E01023169', LSOA11NM: 'Test Valley 001B' }, unitSquare),
    ]);
    const wards = parseBoundaries('lsoa.geojson', text);
    expect(wards.ids).toEqual(['E01023165', 'E01023169']);
    expect(wards.names).toEqual(['Test Valley 001A', 'Test Valley 001B']);
  });

  it('does not take a repeated code (the district code) as the id', () => {
    const text = collection([
      feature({ LAD13CD: 'E07000093', WD13CD: code(1), WD13NM: 'One' }, unitSquare),
      feature({ LAD13CD: 'E07000093', WD13CD: code(2), WD13NM: 'Two' }, unitSquare),
    ]);
    expect(parseBoundaries('w.geojson', text).ids).toEqual([code(1), code(2)]);
  });

  it('falls back to the code when a ward has no name, and uses named properties when given', () => {
    const text = collection([feature({ key: 'k1', label: 'First' }, unitSquare), feature({ key: 'k2', label: '' }, unitSquare)]);
    const wards = parseBoundaries('w.geojson', text, { idProperty: 'key', nameProperty: 'label' });
    expect(wards.names).toEqual(['First', 'k2']);
  });

  it('takes numeric ids as strings', () => {
    const text = collection([feature({ n: 7 }, unitSquare), feature({ n: 8 }, unitSquare)]);
    expect(parseBoundaries('w.geojson', text, { idProperty: 'n' }).ids).toEqual(['7', '8']);
  });
});

describe('parseBoundaries: filter by property', () => {
  const text = collection([
    feature({ LAD13CD: 'E07000179', WD13CD: code(1), WD13NM: 'One' }, unitSquare),
    feature({ LAD13CD: 'E07000180', WD13CD: code(2), WD13NM: 'Two' }, unitSquare),
    feature({ LAD13CD: 'E07000093', WD13CD: code(3), WD13NM: 'Three' }, unitSquare),
    feature({ LAD13CD: 'E07000179', WD13CD: code(4), WD13NM: 'Four' }, unitSquare),
  ]);

  it('keeps only the features whose property has one of the values, in file order', () => {
    const wards = parseBoundaries('w.geojson', text, { filter: { property: 'LAD13CD', values: ['E07000179', 'E07000180'] } });
    expect(wards.names).toEqual(['One', 'Two', 'Four']);
    expect(wards.properties.map((p) => p.LAD13CD)).toEqual(['E07000179', 'E07000180', 'E07000179']);
  });

  it('refuses a filter that matches nothing', () => {
    expect(error(text, { filter: { property: 'LAD13CD', values: ['E07000001'] } }).problem).toBe('no feature matches the boundary filter');
  });

  it('does not complain about broken features the filter leaves out', () => {
    const mixed = collection([feature({ LAD: 'keep', WD13CD: code(1) }, unitSquare), feature({ LAD: 'drop', WD13CD: code(2) }, null)]);
    expect(parseBoundaries('w.geojson', mixed, { filter: { property: 'LAD', values: ['keep'] } }).ids).toEqual([code(1)]);
  });
});
