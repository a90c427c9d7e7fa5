import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { WardSet } from './boundaries.ts';
import { countByPoint, selectCrimes, type CrimeFilter, type PointCounts, type SnapPoints } from './crimeSelection.ts';
import { concentrationCurve, shareInTopPercent, type ConcentrationPoint } from './grid/concentration.ts';
import { giStarOnGrid } from './grid/getisOrd.ts';
import { addStudyAreaCells, cellCentre, hexbin, hexCorners, suggestCellSize, suggestDistanceBand, topCategories, type HexGrid } from './grid/hexGrid.ts';
import { createLocalProjection } from './grid/localProjection.ts';
import type { MapLayer } from './viewState.ts';
import type { CrimeTable } from './policeUkCsv.ts';
import { WardLocator } from './spatialJoin.ts';

/** The hexagon size of the hexbin and density layers unless the user picks another. */
export const DEFAULT_HEX_METRES = 250;
/** At most this many hexagons cover the study area by default, so a county or England stays quick to draw. */
const MAX_DISPLAY_CELLS = 40_000;
/** Gi* cells: about this many in the study area, enough for local detail with a few crimes per cell. */
const GI_TARGET_CELLS = 2_000;
/** Categories named in a hexagon's tooltip. */
const TOP_CATEGORIES = 3;

export interface AnalysisOptions {
  layer: MapLayer;
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
    /** Hexagon size across flats, metres. */
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
  const chosenCell = hotspots ? suggestCellSize(areaM2, GI_TARGET_CELLS) : Math.max(DEFAULT_HEX_METRES, suggestCellSize(areaM2, MAX_DISPLAY_CELLS));
  const cell = options.cell ?? chosenCell;

  if (options.layer === 'density') {
    // The heatmap's scale comes from counts in hexagons as wide as its kernel (radius `cell`).
    const counts = hexbin({ x, y }, 2 * cell).count;
    return {
      ...empty,
      points: countByPoint(data.points, selected),
      grid: { cell, band: null, chosen: options.cell === null, description: `Kernel radius ${metres(cell)}` },
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

function emptyAnalysis(layer: MapLayer, crimes: number, categories: string[]): LayerAnalysis {
  return {
    layer,
    crimes,
    points: { point: new Uint32Array(0), lon: new Float64Array(0), lat: new Float64Array(0), count: new Uint32Array(0) },
    grid: { cell: DEFAULT_HEX_METRES, band: null, chosen: true, description: '' },
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

/** The wards in the filter: their bounding box, a point test, and the share of the box they cover (for sizing cells). */
function studyArea(wards: WardSet, keep: readonly boolean[] | null): { bbox: [number, number, number, number]; contains: (lon: number, lat: number) => boolean; areaShare: number } {
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
