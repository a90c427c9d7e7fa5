import area from '@turf/area';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { topologyFeatures } from '../../src/core/boundarySimplify.ts';
import { BUNDLE_VERSION, checkManifest, CRIMES_FILE, CUBE_FILE, MANIFEST_FILE, readBundle, type BundleManifest, type LoadedParts } from '../../src/core/bundle.ts';
import { dashboardModel } from '../../src/core/dashboardModel.ts';
import { buildBundle } from '../../src/cli/build.ts';
import { InputError } from '../../src/core/problems.ts';
import { PROJECT_ROOT } from './support/fixtures.ts';
import { loadTestValley, TEST_VALLEY_CONFIG, type TestValley } from './support/testValley.ts';
import { testView } from './support/views.ts';

let raw: TestValley;
let manifest: BundleManifest;
let parts: LoadedParts;
let sizes: Record<string, number>;

const buffer = (path: string) => {
  const bytes = readFileSync(path);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
};

beforeAll(async () => {
  raw = await loadTestValley();
  const built = await buildBundle(TEST_VALLEY_CONFIG, mkdtempSync(join(tmpdir(), 'bundle-')), new Date('2026-12-05T00:00:00Z'));
  sizes = built.sizes;
  manifest = checkManifest(MANIFEST_FILE, JSON.parse(readFileSync(join(built.folder, MANIFEST_FILE), 'utf8')));
  parts = readBundle(manifest, buffer(join(built.folder, CUBE_FILE)), buffer(join(built.folder, CRIMES_FILE)));
});

describe('the Test Valley deployment bundle', () => {
  it('is under a third of the size of the raw files it replaces', () => {
    const total = Object.values(sizes).reduce((a, b) => a + b, 0);
    const { config } = raw;
    const rawFiles = [config.boundaries.file, config.lsoas!.file, config.population!.file, ...config.crimes.files];
    const rawTotal = rawFiles.reduce((sum, file) => sum + statSync(resolve(PROJECT_ROOT, file)).size, 0);
    expect(total).toBeLessThan(rawTotal / 3);
    expect(manifest).toMatchObject({ format: 'ward-crime-map-bundle', version: BUNDLE_VERSION, created: '2026-12-05T00:00:00.000Z', configFile: TEST_VALLEY_CONFIG });
  });

  it('gives back the cube, the quality report and every crime with its ward', () => {
    const { dataset } = raw;
    expect(parts.cube).toEqual(dataset.cube);
    expect(parts.lsoaCube).toEqual(dataset.byLsoa!.cube);
    expect(parts.quality.counts).toEqual(dataset.counts);
    expect(parts.wardOfCrime).toEqual(dataset.wardOfCrime);
    const { table } = parts;
    expect([table.length, table.categories, table.locations.length]).toEqual([dataset.table.length, dataset.table.categories, dataset.table.locations.length]);
    for (const column of ['month', 'category', 'lsoa', 'location', 'outcome', 'file', 'line'] as const) expect(table[column], column).toEqual(dataset.table[column]);
    // Coordinates as float32: within a metre.
    for (let i = 0; i < table.length; i += 97) {
      if (Number.isNaN(dataset.table.lon[i])) expect(table.lon[i]).toBeNaN();
      else expect(Math.abs(table.lat[i] - dataset.table.lat[i])).toBeLessThan(1e-5);
    }
  });

  it('makes the same dashboard as the raw files', () => {
    const view = testView({ period: 'fy2018', category: 'Burglary' });
    const fromBundle = dashboardModel({ ...raw.data, cube: parts.cube, lsoaCube: parts.lsoaCube, populations: parts.populations }, view);
    expect(fromBundle.wards.map((w) => [w.id, w.figures, w.rank])).toEqual(dashboardModel(raw.data, view).wards.map((w) => [w.id, w.figures, w.rank]));
  });

  it('simplifies the wards for display without gaps or overlaps between neighbours', () => {
    const areaOf = (features: Feature[]) => features.map((f) => area(f as Feature<Polygon | MultiPolygon>));
    const original = areaOf(raw.data.wardIds.map((_, ward) => ({ type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: raw.dataset.wards.polygons[ward] } })));
    const simplified = areaOf(topologyFeatures(manifest.boundaries).features);
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    // Shared borders are simplified once, so what one ward loses its neighbour gains: the district keeps its area.
    expect(Math.abs(sum(simplified) / sum(original) - 1)).toBeLessThan(0.005);
    simplified.forEach((value, ward) => expect(Math.abs(value / original[ward] - 1), raw.data.wardNames[ward]).toBeLessThan(0.05));
    expect(parts.wards.ids).toEqual(raw.data.wardIds);
    expect(parts.wards.names).toEqual(raw.data.wardNames);
  });

  it('refuses a bundle of another version, saying how to rebuild it', () => {
    const old = { ...manifest, version: BUNDLE_VERSION + 1 };
    expect(() => checkManifest('data/bundles/test-valley/manifest.json', old)).toThrow(InputError);
    expect(() => checkManifest('m.json', old)).toThrow(
      `m.json: is a data bundle of format version ${BUNDLE_VERSION + 1}, but this app reads version ${BUNDLE_VERSION}: rebuild it with this version (npm run data -- build --area ${TEST_VALLEY_CONFIG})`,
    );
    expect(() => checkManifest('m.json', { format: 'other' })).toThrow('m.json: is not a ward crime map data bundle');
    expect(() => readBundle(manifest, new ArrayBuffer(8), new ArrayBuffer(8))).toThrow(/cube\.bin: holds 8 bytes where the manifest needs \d+: the bundle is incomplete/);
  });
});
