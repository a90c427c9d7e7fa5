import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { WardSet } from './boundaries.ts';
import { countByPoint, selectCrimes, type CrimeFilter, type PointCounts, type SnapPoints } from './crimeSelection.ts';
import { concentrationCurve, shareInTopPercent, type ConcentrationPoint } from './grid/concentration.ts';
import { giStar, giStarOnGrid } from './grid/getisOrd.ts';
import { addStudyAreaCells, cellCentre, hexbin, hexCorners, suggestCellSize, suggestDistanceBand, topCategories, type HexGrid } from './grid/hexGrid.ts';
import { createLocalProjection } from './grid/localProjection.ts';
import type { MapLayer } from './viewState.ts';
import type { CrimeTable } from './policeUkCsv.ts';
import { WardLocator } from './spatialJoin.ts';
import { wardLabelPoint } from './wardGeometry.ts';

/** The hexagon size of the hexbin and density layers unless the user picks another. */
export const DEFAULT_HEX_METRES = 250;
/** At most this many hexagons cover the study area by default, so a county or England stays quick to draw. */
const MAX_DISPLAY_CELLS = 40_000;
/** Gi* cells: about this many in the study area, enough for local detail with a few crimes per cell. */
const GI_TARGET_CELLS = 2_000;
/** Categories named in a hexagon's tooltip. */
const TOP_CATEGORIES = 3;

/** What Gi* is computed on: hexagons, or the LSOAs (when the area has LSOA boundaries). */
export type HotspotUnits = 'hexagons' | 'lsoas';

export interface AnalysisOptions {
  layer: MapLayer;
  /** For the hot spot layer. */
  units: HotspotUnits;
  /** Hexagon size across flats in metres; null to choose from the study area. */
  cell: number | null;
  /** Gi* distance band in metres; null to choose from the cell size. */
  band: number | null;
}

/** Everything the crime layers draw for one filter. */
export interface LayerAnalysis {
  layer: MapLayer;
  /** Crimes selected by the filter (located in the wards). */
  crimes: number;
  /** Crimes per snap point (empty for the hexagon layers). */
  points: PointCounts;
  grid: {
    units: HotspotUnits;
    /** Hexagon size across flats, metres (0 for LSOAs). */
    cell: number;
    /** Gi* distance band, metres; null when no Gi* was computed. */
    band: number | null;
    /** Whether the size and band were chosen from the data rather than by the user. */
    chosen: boolean;
    /** "Gi* on 500 m hexagons (2,113 cells), neighbours within 1,000 m; ..." */
    description: string;
  };
  /** Every hexagon of the study area (empty for points). */
  cells: {
    count: Float64Array;
    /** Gi* bin −3…3 (all 0 when no Gi* was computed), z-score and p-value. */
    bin: Int8Array;
    z: Float64Array;
    p: Float64Array;
    /** TOP_CATEGORIES slots per cell: table category index (0xffff = none) and count. */
    topCategory: Uint16Array;
    topCount: Uint32Array;
  };
  categories: string[];
  /** Hexagons with crimes or a significant Gi*, for the map; feature id = cell index. */
  hexes: FeatureCollection<Polygon, HexProperties>;
  concentration: { curve: ConcentrationPoint[]; topFivePercentShare: number } | null;
}

export interface HexProperties {
  cell: number;
  count: number;
  bin: number;
}

/** The loaded crimes, kept in the worker between analyses. */
export interface AnalysisData {
  table: CrimeTable;
  wardOfCrime: Int32Array;
  points: SnapPoints;
  wards: WardSet;
  /** LSOA boundaries, for Gi* on LSOAs; null without them. */
  lsoas: WardSet | null;
}

/** Computes the crime layer for a filter: points, or hexagons with counts (and Gi* for the hot spot layer). */
export function analyseLayer(data: AnalysisData, filter: CrimeFilter, options: AnalysisOptions): LayerAnalysis {
  const selected = selectCrimes(data.table, data.wardOfCrime, filter);
  const empty = emptyAnalysis(options.layer, selected.length, data.table.categories);
  if (options.layer === 'points') return { ...empty, points: countByPoint(data.points, selected) };
  if (options.layer !== 'density' && options.layer !== 'hexbins' && options.layer !== 'hotspots') return empty;

  const study = studyArea(data.wards, filter.wards);
  const projection = createLocalProjection((study.bbox[0] + study.bbox[2]) / 2, (study.bbox[1] + study.bbox[3]) / 2);
  const x = new Float64Array(selected.length);
  const y = new Float64Array(selected.length);
  const category = new Uint16Array(selected.length);
  selected.forEach((crime, i) => {
    [x[i], y[i]] = projection.toXY(data.table.lon[crime], data.table.lat[crime]);
    category[i] = data.table.category[crime];
  });
  const [x0, y0] = projection.toXY(study.bbox[0], study.bbox[1]);
  const [x1, y1] = projection.toXY(study.bbox[2], study.bbox[3]);
  const areaM2 = study.areaShare * (x1 - x0) * (y1 - y0);

  const hotspots = options.layer === 'hotspots';
  if (hotspots && options.units === 'lsoas' && data.lsoas !== null) return lsoaHotspots(data, data.lsoas, selected, study, projection, options, empty);
  const chosenCell = hotspots ? suggestCellSize(areaM2, GI_TARGET_CELLS) : Math.max(DEFAULT_HEX_METRES, suggestCellSize(areaM2, MAX_DISPLAY_CELLS));
  const cell = options.cell ?? chosenCell;

  if (options.layer === 'density') {
    // The heatmap's scale comes from counts in hexagons as wide as its kernel (radius `cell`).
    const counts = hexbin({ x, y }, 2 * cell).count;
    return {
      ...empty,
      points: countByPoint(data.points, selected),
      grid: { units: 'hexagons', cell, band: null, chosen: options.cell === null, description: `Kernel radius ${metres(cell)}` },
      cells: { ...empty.cells, count: counts },
    };
  }

  const band = hotspots ? (options.band ?? suggestDistanceBand(cell)) : null;
  const contains = (px: number, py: number) => {
    const [lon, lat] = projection.toLonLat(px, py);
    return study.contains(lon, lat);
  };
  const grid: HexGrid = addStudyAreaCells(hexbin({ x, y }, cell), contains, [x0, y0, x1, y1]);
  const gi = hotspots && band !== null ? giStarOnGrid(grid, band) : null;
  const top = topCategories(grid, category, TOP_CATEGORIES);
  const cells = {
    count: grid.count,
    bin: gi?.bin ?? new Int8Array(grid.cellCount),
    z: gi?.z ?? new Float64Array(grid.cellCount),
    p: gi?.p ?? new Float64Array(grid.cellCount).fill(1),
    topCategory: top.categories,
    topCount: top.counts,
  };
  return {
    ...empty,
    grid: {
      units: 'hexagons',
      cell,
      band,
      chosen: options.cell === null && (options.band === null || !hotspots),
      description: gridDescription(cell, band, grid.cellCount, options),
    },
    cells,
    hexes: hexFeatures(grid, cells, (px, py) => projection.toLonLat(px, py)),
    concentration: { curve: concentrationCurve(grid.count), topFivePercentShare: shareInTopPercent(grid.count, 5) },
  };
}

const metres = (m: number) => `${m.toLocaleString('en-GB')} m`;

/**
 * Gi* on the LSOAs: each LSOA's crimes (by the LSOA code police.uk gives), neighbours
 * being the LSOAs whose label points lie within the band. The default band is the
 * smallest that gives every LSOA at least one neighbour (as ArcGIS suggests), rounded up
 * to 100 m. LSOAs whose label point lies outside the study area and hold no selected
 * crime are left out.
 */
function lsoaHotspots(
  data: AnalysisData,
  lsoas: WardSet,
  selected: Uint32Array,
  study: StudyArea,
  projection: ReturnType<typeof createLocalProjection>,
  options: AnalysisOptions,
  empty: LayerAnalysis,
): LayerAnalysis {
  const indexOfId = new Map(lsoas.ids.map((id, i) => [id, i]));
  const lsoaOfCode = Int32Array.from(data.table.lsoas, (code) => indexOfId.get(code) ?? -1);
  const tally = new Float64Array(lsoas.ids.length);
  for (const crime of selected) {
    const lsoa = lsoaOfCode[data.table.lsoa[crime]];
    if (lsoa >= 0) tally[lsoa]++;
  }
  const labels = lsoas.polygons.map(wardLabelPoint);
  const kept = lsoas.ids.map((_, i) => i).filter((i) => tally[i] > 0 || study.contains(labels[i].lon, labels[i].lat));
  const position = new Int32Array(lsoas.ids.length).fill(-1);
  kept.forEach((lsoa, k) => (position[lsoa] = k));
  const xy = kept.map((i) => projection.toXY(labels[i].lon, labels[i].lat));
  const band = options.band ?? Math.ceil(largestNearestNeighbour(xy) / 100) * 100;
  const neighbours = neighboursByDistance(xy, band);
  const count = Float64Array.from(kept, (i) => tally[i]);
  const gi = giStar(count, neighbours);
  // The crimes of the kept LSOAs, for each LSOA's top categories.
  const cellOfPoint: number[] = [];
  const categories: number[] = [];
  for (const crime of selected) {
    const lsoa = lsoaOfCode[data.table.lsoa[crime]];
    if (lsoa < 0 || position[lsoa] < 0) continue;
    cellOfPoint.push(position[lsoa]);
    categories.push(data.table.category[crime]);
  }
  const top = topCategories({ cellCount: kept.length, count, cellOfPoint: Int32Array.from(cellOfPoint) }, Uint16Array.from(categories), TOP_CATEGORIES);
  const cells = { count, bin: gi.bin, z: gi.z, p: gi.p, topCategory: top.categories, topCount: top.counts };
  const features: Feature<Polygon, HexProperties>[] = [];
  kept.forEach((lsoa, k) => {
    for (const polygon of lsoas.polygons[lsoa]) {
      features.push({ type: 'Feature', id: k, properties: { cell: k, count: count[k], bin: gi.bin[k] }, geometry: { type: 'Polygon', coordinates: polygon } });
    }
  });
  const chosen = options.band === null ? '; band chosen so every LSOA has a neighbour' : '';
  return {
    ...empty,
    grid: { units: 'lsoas', cell: 0, band, chosen: options.band === null, description: `Gi* on ${kept.length.toLocaleString('en-GB')} LSOAs, neighbours within ${metres(band)}${chosen}` },
    cells,
    hexes: { type: 'FeatureCollection', features },
    concentration: { curve: concentrationCurve(count), topFivePercentShare: shareInTopPercent(count, 5) },
  };
}

/** The largest distance from a point to its nearest other point. */
function largestNearestNeighbour(xy: readonly [number, number][]): number {
  let largest = 0;
  xy.forEach(([x, y], i) => {
    let nearest = Infinity;
    xy.forEach(([u, v], j) => {
      if (i !== j) nearest = Math.min(nearest, Math.hypot(x - u, y - v));
    });
    if (Number.isFinite(nearest)) largest = Math.max(largest, nearest);
  });
  return largest;
}

/** Neighbours (each point itself included) within `band`, in the offsets/cells form giStar takes. */
function neighboursByDistance(xy: readonly [number, number][], band: number): { offsets: Uint32Array; cells: Uint32Array } {
  const offsets = new Uint32Array(xy.length + 1);
  const cells: number[] = [];
  xy.forEach(([x, y], i) => {
    xy.forEach(([u, v], j) => {
      if (Math.hypot(x - u, y - v) <= band) cells.push(j);
    });
    offsets[i + 1] = cells.length;
  });
  return { offsets, cells: Uint32Array.from(cells) };
}

function emptyAnalysis(layer: MapLayer, crimes: number, categories: string[]): LayerAnalysis {
  return {
    layer,
    crimes,
    points: { point: new Uint32Array(0), lon: new Float64Array(0), lat: new Float64Array(0), count: new Uint32Array(0) },
    grid: { units: 'hexagons', cell: DEFAULT_HEX_METRES, band: null, chosen: true, description: '' },
    cells: { count: new Float64Array(0), bin: new Int8Array(0), z: new Float64Array(0), p: new Float64Array(0), topCategory: new Uint16Array(0), topCount: new Uint32Array(0) },
    categories,
    hexes: { type: 'FeatureCollection', features: [] },
    concentration: null,
  };
}

function gridDescription(cell: number, band: number | null, cellCount: number, options: AnalysisOptions): string {
  const cells = `${cellCount.toLocaleString('en-GB')} hexagons`;
  if (band === null) return `${metres(cell)} hexagons (${cells} cover the area)${options.cell === null ? ', sized to the area' : ''}`;
  const chosen = options.cell === null && options.band === null ? '; size and band chosen from the area’s extent' : '';
  return `Gi* on ${metres(cell)} hexagons (${cells}), neighbours within ${metres(band)}${chosen}`;
}

interface StudyArea {
  bbox: [number, number, number, number];
  contains: (lon: number, lat: number) => boolean;
  areaShare: number;
}

/** The wards in the filter: their bounding box, a point test, and the share of the box they cover (for sizing cells). */
function studyArea(wards: WardSet, keep: readonly boolean[] | null): StudyArea {
  const kept: WardSet = keep === null ? wards : { ...wards, polygons: wards.polygons.map((p, i) => (keep[i] ? p : [])) };
  const locator = new WardLocator(kept);
  const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygons of kept.polygons) {
    for (const polygon of polygons) {
      for (const [lon, lat] of polygon[0]) {
        bbox[0] = Math.min(bbox[0], lon);
        bbox[1] = Math.min(bbox[1], lat);
        bbox[2] = Math.max(bbox[2], lon);
        bbox[3] = Math.max(bbox[3], lat);
      }
    }
  }
  // The share of the box inside the wards, from a coarse grid of test points.
  const steps = 40;
  let inside = 0;
  for (let i = 0; i < steps; i++) {
    for (let j = 0; j < steps; j++) {
      const lon = bbox[0] + ((i + 0.5) / steps) * (bbox[2] - bbox[0]);
      const lat = bbox[1] + ((j + 0.5) / steps) * (bbox[3] - bbox[1]);
      if (locator.locate(lon, lat) >= 0) inside++;
    }
  }
  return { bbox, contains: (lon, lat) => locator.locate(lon, lat) >= 0, areaShare: Math.max(inside / (steps * steps), 0.01) };
}

function hexFeatures(grid: HexGrid, cells: LayerAnalysis['cells'], toLonLat: (x: number, y: number) => [number, number]): FeatureCollection<Polygon, HexProperties> {
  const features: Feature<Polygon, HexProperties>[] = [];
  for (let i = 0; i < grid.cellCount; i++) {
    if (cells.count[i] === 0 && cells.bin[i] === 0) continue;
    const [cx, cy] = cellCentre(grid, i);
    const ring = hexCorners(grid.size, cx, cy).map(([px, py]) => toLonLat(px, py));
    ring.push(ring[0]);
    features.push({ type: 'Feature', id: i, properties: { cell: i, count: cells.count[i], bin: cells.bin[i] }, geometry: { type: 'Polygon', coordinates: [ring] } });
  }
  return { type: 'FeatureCollection', features };
}
