import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAreaConfig } from '../../src/core/areaConfig.ts';
import { parseBoundaries } from '../../src/core/boundaries.ts';
import { categoryMask } from '../../src/core/categories.ts';
import { indexSnapPoints } from '../../src/core/crimeSelection.ts';
import { sumByRow } from '../../src/core/cube.ts';
import { analyseLayer, type AnalysisData } from '../../src/core/layerAnalysis.ts';
import { parseMonth } from '../../src/core/months.ts';
import { runPipeline, type Dataset } from '../../src/core/pipeline.ts';
import { diskFile, PROJECT_ROOT } from './support/fixtures.ts';

const CONFIG_FILE = 'data/areas/test-valley.json';
let dataset: Dataset;
let data: AnalysisData;
const from = parseMonth('2018-04')!;
const to = parseMonth('2019-03')!;
const filter = { category: 'all-excl-asb', from, to, wards: null };

beforeAll(async () => {
  const fromProject = (path: string) => resolve(PROJECT_ROOT, path);
  const config = parseAreaConfig(CONFIG_FILE, JSON.parse(readFileSync(fromProject(CONFIG_FILE), 'utf8')));
  dataset = await runPipeline({
    boundaries: diskFile(fromProject(config.boundaries.file), config.boundaries.file),
    boundaryOptions: { idProperty: config.boundaries.idProperty, nameProperty: config.boundaries.nameProperty },
    crimeFiles: config.crimes.files.map((file) => diskFile(fromProject(file), file)),
  });
  data = { table: dataset.table, wardOfCrime: dataset.wardOfCrime, points: indexSnapPoints(dataset.table), wards: dataset.wards, lsoas: dataset.byLsoa?.lsoas ?? null };
});

/** The wards' total in the cube for FY2018/19, all crime excluding ASB. */
function wardTotal(wards: readonly number[]): number {
  const mask = categoryMask({ kind: 'all-excl-asb' }, dataset.cube.categories);
  const totals = sumByRow(dataset.cube, from, to, mask);
  return wards.reduce((sum, ward) => sum + totals[ward], 0);
}

const allWards = () => dataset.wards.ids.map((_, i) => i);

describe('analyseLayer on Test Valley, FY2018/19', () => {
  it('counts every crime in the wards once: at the points, in the hexagons and in the hot spot grid', () => {
    const expected = wardTotal(allWards());
    const points = analyseLayer(data, filter, { layer: 'points', units: 'hexagons', cell: null, band: null });
    const hexbins = analyseLayer(data, filter, { layer: 'hexbins', units: 'hexagons', cell: null, band: null });
    const hotspots = analyseLayer(data, filter, { layer: 'hotspots', units: 'hexagons', cell: null, band: null });
    const sum = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0);
    expect(points.crimes).toBe(expected);
    expect(sum(points.points.count)).toBe(expected);
    expect(sum(hexbins.cells.count)).toBe(expected);
    expect(sum(hotspots.cells.count)).toBe(expected);
    // The hexagon features hold every non-empty cell; their counts add up too.
    expect(hexbins.hexes.features.reduce((a, f) => a + f.properties.count, 0)).toBe(expected);
  });

  it('sizes hexagons from the area: 250 m for display; about 2,000 Gi* cells with a two-ring band', () => {
    const hexbins = analyseLayer(data, filter, { layer: 'hexbins', units: 'hexagons', cell: null, band: null });
    const hotspots = analyseLayer(data, filter, { layer: 'hotspots', units: 'hexagons', cell: null, band: null });
    expect(hexbins.grid.cell).toBe(250);
    expect(hotspots.grid.cell).toBe(750);
    expect(hotspots.grid.band).toBe(1500);
    expect(hotspots.cells.count.length).toBeGreaterThan(1000);
    expect(hotspots.cells.count.length).toBeLessThan(2500);
    expect(hotspots.grid.description).toContain('Gi* on 750 m hexagons');
    // Andover's town centre (St Mary's) is a 99% hot spot.
    expect(hotspots.cells.bin.some((bin) => bin === 3)).toBe(true);
    // The busiest 5% of cells hold most of the crime.
    expect(hotspots.concentration!.topFivePercentShare).toBeGreaterThan(50);
  });

  it('honours a chosen cell size and band', () => {
    const hotspots = analyseLayer(data, filter, { layer: 'hotspots', units: 'hexagons', cell: 500, band: 1500 });
    expect([hotspots.grid.cell, hotspots.grid.band, hotspots.grid.chosen]).toEqual([500, 1500, false]);
  });

  it('keeps to a group of wards when filtered', () => {
    const north = allWards().filter((ward) => ward % 2 === 0);
    const keep = allWards().map((ward) => ward % 2 === 0);
    const analysis = analyseLayer(data, { ...filter, wards: keep }, { layer: 'hexbins', units: 'hexagons', cell: null, band: null });
    expect(Array.from(analysis.cells.count).reduce((a, b) => a + b, 0)).toBe(wardTotal(north));
  });

  it('names each hexagon’s top categories from the table’s own list', () => {
    const hexbins = analyseLayer(data, filter, { layer: 'hexbins', units: 'hexagons', cell: null, band: null });
    const busiest = hexbins.cells.count.indexOf(Math.max(...hexbins.cells.count));
    const top = hexbins.categories[hexbins.cells.topCategory[busiest * 3]];
    expect(top).toBe('Violence and sexual offences');
    expect(hexbins.cells.topCount[busiest * 3]).toBeLessThanOrEqual(hexbins.cells.count[busiest]);
  });
});

describe('Gi* on the LSOAs of Test Valley', () => {
  let withLsoas: AnalysisData;
  beforeAll(() => {
    const path = resolve(PROJECT_ROOT, 'geo/test-valley-lsoa-2011.geojson');
    withLsoas = { ...data, lsoas: parseBoundaries(path, readFileSync(path, 'utf8'), { idProperty: 'LSOA11CD' }) };
  });

  it('tests every LSOA, counting crimes by their LSOA code, with a band that gives each a neighbour', () => {
    const analysis = analyseLayer(withLsoas, filter, { layer: 'hotspots', units: 'lsoas', cell: null, band: null });
    const lsoas = withLsoas.lsoas!;
    expect(analysis.grid.units).toBe('lsoas');
    expect(analysis.cells.count.length).toBe(lsoas.ids.length);
    // Every selected crime in Test Valley carries a Test Valley LSOA code.
    expect(Array.from(analysis.cells.count).reduce((a, b) => a + b, 0)).toBe(wardTotal(allWards()));
    expect(analysis.grid.band! % 100).toBe(0);
    expect(analysis.grid.description).toMatch(/^Gi\* on \d+ LSOAs, neighbours within [\d,]+ m/);
    // The LSOAs drawn are LSOA polygons, and Andover's centre is a hot spot.
    expect(analysis.hexes.features.length).toBeGreaterThanOrEqual(lsoas.ids.length);
    expect(analysis.cells.bin.some((bin) => bin >= 2)).toBe(true);
  });

  it('falls back to hexagons when the area has no LSOA boundaries', () => {
    const analysis = analyseLayer(data, filter, { layer: 'hotspots', units: 'lsoas', cell: null, band: null });
    expect(analysis.grid.units).toBe('hexagons');
  });
});
