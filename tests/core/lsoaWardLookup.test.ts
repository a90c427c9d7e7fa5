import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBoundaries, type WardSet } from '../../src/core/boundaries.ts';
import { assignByLsoa, bestFitLsoaWards } from '../../src/core/lsoaWardLookup.ts';
import { CrimeTableBuilder } from '../../src/core/policeUkCsv.ts';
import { NO_LOCATION, OUTSIDE } from '../../src/core/spatialJoin.ts';
import { code, csv, featureCollection, PROJECT_ROOT, row, square } from './support/fixtures.ts';
import { insideRing, readRawWards } from './support/independent.ts';

const polygon = (ring: number[][]) => ({ type: 'Polygon' as const, coordinates: [ring] });

function set(features: { id: string; ring: number[][] }[]): WardSet {
  return parseBoundaries('test.geojson', featureCollection(features.map((f, i) => ({ code: f.id, name: `Area ${i}`, geometry: polygon(f.ring) }))));
}

// Two wards side by side near the equator (so degrees are near-square): A = [0, 0.01], B = [0.01, 0.02].
const wards = set([
  { id: code(1), ring: square(0, 0, 0.01, 0.01) },
  { id: code(2), ring: square(0.01, 0, 0.02, 0.01) },
]);

describe('bestFitLsoaWards on hand-made areas', () => {
  it('picks the ward with the larger share of the area and measures that share', () => {
    const lsoas = set([
      { id: 'E01000001', ring: square(0.0025, 0, 0.0125, 0.01) }, // 75% in A
      { id: 'E01000002', ring: square(0.011, 0.002, 0.019, 0.008) }, // wholly in B
      { id: 'E01000003', ring: square(0.015, 0, 0.03, 0.01) }, // a third in B, the rest outside
      { id: 'E01000004', ring: square(0.05, 0.05, 0.06, 0.06) }, // outside
    ]);
    const lookup = bestFitLsoaWards(lsoas, wards);
    expect([...lookup.ward]).toEqual([0, 1, OUTSIDE, OUTSIDE]);
    expect(lookup.share[0]).toBeCloseTo(0.75, 1);
    expect(lookup.share[1]).toBe(1);
    expect(lookup.share[2]).toBeCloseTo(2 / 3, 1);
  });
});

describe('assignByLsoa', () => {
  it('puts each crime in its LSOA’s ward, whatever its coordinates', () => {
    const lsoas = set([
      { id: 'E01000001', ring: square(0.0025, 0, 0.0125, 0.01) },
      { id: 'E01000002', ring: square(0.011, 0.002, 0.019, 0.008) },
    ]);
    const builder = new CrimeTableBuilder();
    builder.addFile(
      'a.csv',
      csv(
        row({ lsoa: 'E01000001', lon: 0.012, lat: 0.005 }), // in B by its point, A by its LSOA
        row({ lsoa: 'E01000002', lon: 0.015, lat: 0.005 }),
        row({ lsoa: 'E01099999', lon: 0.015, lat: 0.005 }), // LSOA not in the lookup
        row({ lsoa: '', lon: '', lat: '' }),
      ),
    );
    expect([...assignByLsoa(builder.build(), bestFitLsoaWards(lsoas, wards))]).toEqual([0, 1, OUTSIDE, NO_LOCATION]);
  });
});

describe('bestFitLsoaWards on Test Valley', () => {
  const read = (path: string, idProperty: string) =>
    parseBoundaries(path, readFileSync(resolve(PROJECT_ROOT, path), 'utf8'), { idProperty });
  const tvWards = read('geo/test-valley-wards-2013.geojson', 'WD13CD');
  const tvLsoas = read('geo/test-valley-lsoa-2011.geojson', 'LSOA11CD');
  const lookup = bestFitLsoaWards(tvLsoas, tvWards);

  it('gives every LSOA a ward, and almost every LSOA nests in one', () => {
    expect(lookup.lsoaIds).toHaveLength(tvLsoas.ids.length);
    expect([...lookup.ward].every((w) => w >= 0)).toBe(true);
    const nested = [...lookup.share].filter((s) => s > 0.95).length;
    expect(nested / lookup.share.length).toBeGreaterThan(0.9);
    // Every ward receives at least one LSOA.
    expect(new Set(lookup.ward).size).toBe(tvWards.ids.length);
  });

  it('agrees with an independent point-in-polygon test at the middle of each well-nested LSOA', () => {
    const raw = readRawWards(resolve(PROJECT_ROOT, 'geo/test-valley-wards-2013.geojson'));
    let checked = 0;
    tvLsoas.polygons.forEach((polygons, i) => {
      if (lookup.share[i] < 0.99) return;
      // The mean of the outer ring's vertices of a compact LSOA usually lies inside it; skip it when not.
      const ring = polygons[0][0];
      const x = ring.reduce((a, p) => a + p[0], 0) / ring.length;
      const y = ring.reduce((a, p) => a + p[1], 0) / ring.length;
      const independent = raw.locate(x, y);
      const lsoaHere = polygons.some((polygon) => insideRing(x, y, polygon[0]));
      if (independent < 0 || !lsoaHere) return;
      expect(tvWards.ids[lookup.ward[i]]).toBe(raw.features[independent].properties.WD13CD);
      checked++;
    });
    expect(checked).toBeGreaterThan(50);
  });
});

