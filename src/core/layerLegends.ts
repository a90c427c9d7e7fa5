import { schemeYlOrRd } from 'd3-scale-chromatic';
import { quantileSorted } from 'simple-statistics';
import { classify, countClassLabel, type Classification, type ClassificationMethod } from './classify.ts';
import { classColours } from './dashboardModel.ts';
import { formatCount } from './format.ts';
import type { LayerAnalysis } from './layerAnalysis.ts';
import type { MapLayer } from './viewState.ts';

/*
 * Legends of the crime layers (density, hexagons, hot spots, points): what each colour or
 * symbol means, how the cells were made and the caveat every point-based layer carries.
 */

/** Said wherever crimes are shown at their points: police.uk moves each crime to a nearby anonymous point. */
export const SNAP_POINT_NOTE =
  'police.uk places each crime at one of a set of anonymous map points (the centre of a street or a public place) near where it happened, not at its address.';

export const DENSITY_COLOURS: readonly string[] = schemeYlOrRd[5];

/** Gi* bins to colours: hot spots red, cold spots blue, darker with confidence (ColorBrewer RdBu). */
export const HOTSPOT_COLOURS: Readonly<Record<1 | 2 | 3 | -1 | -2 | -3, string>> = {
  3: '#b2182b',
  2: '#ef8a62',
  1: '#fddbc7',
  [-1]: '#d1e5f0',
  [-2]: '#67a9cf',
  [-3]: '#2166ac',
};

export interface LayerLegendEntry {
  colour: string;
  label: string;
  /** "12 hexagons"; null when counting makes no sense. */
  count: string | null;
  shape: 'square' | 'circle' | 'ramp';
}

export interface LayerLegend {
  title: string;
  /** How the layer was made: method, cell size, bandwidth. */
  method: string;
  entries: LayerLegendEntry[];
  notes: string[];
}

/** The heatmap's kernel radius and the count its darkest colour stands for. */
export interface DensityScale {
  radiusMetres: number;
  top: number;
}

/**
 * The darkest colour stands for the 98th percentile of crimes per hexagon about as wide
 * as the kernel, so a handful of extreme points does not wash out the rest.
 */
export function densityScale(analysis: LayerAnalysis): DensityScale {
  const counts = Float64Array.from(analysis.cells.count.filter((c) => c > 0)).sort();
  const top = counts.length === 0 ? 1 : Math.max(2, Math.ceil(quantileSorted(Array.from(counts), 0.98)));
  return { radiusMetres: analysis.grid.cell, top };
}

/** Classes of the non-empty hexagons' counts, with the dashboard's method and number of classes. */
export function hexClasses(analysis: LayerAnalysis, method: ClassificationMethod, classes: number): { classification: Classification; colours: string[] } {
  const counts = Array.from(analysis.cells.count.filter((c) => c > 0));
  const classification = classify(counts, method, classes);
  return { classification, colours: classColours(Math.max(classification.breaks.length - 1, 0)) };
}

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

export function layerLegend(layer: MapLayer, analysis: LayerAnalysis, method: ClassificationMethod, classes: number, noun: string): LayerLegend | null {
  switch (layer) {
    case 'density':
      return densityLegend(analysis, noun);
    case 'hexbins':
      return hexLegend(analysis, method, classes, noun);
    case 'hotspots':
      return hotspotLegend(analysis, noun);
    case 'points':
      return pointsLegend(analysis, noun);
    default:
      return null;
  }
}

function densityLegend(analysis: LayerAnalysis, noun: string): LayerLegend {
  const scale = densityScale(analysis);
  const radius = formatCount(scale.radiusMetres);
  return {
    title: `Density of ${noun}`,
    method: `Kernel density, radius ${radius} m, the same on the ground at every zoom`,
    entries: DENSITY_COLOURS.map((colour, i) => ({
      colour,
      label: i === DENSITY_COLOURS.length - 1 ? `About ${formatCount(scale.top)} or more within ${radius} m` : i === 0 ? `A few within ${radius} m` : '',
      count: null,
      shape: 'ramp',
    })),
    notes: [`${plural(analysis.crimes, noun.replace(/s$/, ''), noun)} in the wards.`, SNAP_POINT_NOTE],
  };
}

function hexLegend(analysis: LayerAnalysis, method: ClassificationMethod, classes: number, noun: string): LayerLegend {
  const { classification, colours } = hexClasses(analysis, method, classes);
  const counts = analysis.cells.count;
  const cellsIn = (i: number) => {
    let n = 0;
    const low = classification.breaks[i];
    const high = classification.breaks[i + 1];
    const last = i === colours.length - 1;
    for (const c of counts) if (c > 0 && c >= low && (last ? c <= high : c < high)) n++;
    return n;
  };
  const methodLabel = method === 'quantile' ? 'Quantile (equal numbers of hexagons)' : method === 'ckmeans' ? 'Natural breaks (Ckmeans)' : 'Equal interval';
  return {
    title: `Number of ${noun} per hexagon`,
    method: `${formatCount(analysis.grid.cell)} m hexagons; ${methodLabel}, ${colours.length} ${colours.length === 1 ? 'class' : 'classes'}`,
    entries: colours.map((colour, i) => ({ colour, label: countClassLabel(classification.breaks, i), count: plural(cellsIn(i), 'hexagon', 'hexagons'), shape: 'square' })),
    notes: ['Hexagons with none are not drawn.', SNAP_POINT_NOTE],
  };
}

const HOTSPOT_LABELS: [1 | 2 | 3 | -1 | -2 | -3, string][] = [
  [3, 'Hot spot, 99%'],
  [2, 'Hot spot, 95%'],
  [1, 'Hot spot, 90%'],
  [-1, 'Cold spot, 90%'],
  [-2, 'Cold spot, 95%'],
  [-3, 'Cold spot, 99%'],
];

function hotspotLegend(analysis: LayerAnalysis, noun: string): LayerLegend {
  const { grid } = analysis;
  const [one, many] = grid.units === 'lsoas' ? ['LSOA', 'LSOAs'] : ['hexagon', 'hexagons'];
  const binCount = (bin: number) => analysis.cells.bin.filter((b) => b === bin).length;
  return {
    title: `Hot spots of ${noun} (Getis-Ord Gi*)`,
    method: grid.description,
    entries: [
      ...HOTSPOT_LABELS.map(([bin, label]) => ({ colour: HOTSPOT_COLOURS[bin], label, count: plural(binCount(bin), one, many), shape: 'square' as const })),
      { colour: 'rgba(0, 0, 0, 0)', label: 'Not significant (not drawn)', count: plural(binCount(0), one, many), shape: 'square' },
    ],
    notes: [
      `Each ${one} with its neighbours is compared with the average of all ${formatCount(analysis.cells.count.length)} (those with no ${noun} too); confidence after a false-discovery-rate correction (Benjamini–Hochberg).`,
      ...sparseWarning(analysis, noun),
      SNAP_POINT_NOTE,
    ],
  };
}

/** Below this many crimes expected in a neighbourhood, Gi*'s normal approximation finds spurious hot spots. */
const SPARSE_NEIGHBOURHOOD = 20;

/**
 * A warning when hexagon neighbourhoods hold few crimes on average: the Poisson tail is
 * then heavier than the normal one Gi* assumes, so noise passes for hot spots more often.
 */
export function sparseWarning(analysis: LayerAnalysis, noun: string): string[] {
  const { grid, cells } = analysis;
  if (grid.units !== 'hexagons' || grid.band === null || cells.count.length === 0) return [];
  let total = 0;
  for (const c of cells.count) total += c;
  const cellsPerNeighbourhood = (Math.PI * grid.band ** 2) / ((Math.sqrt(3) / 2) * grid.cell ** 2);
  const expected = (total / cells.count.length) * cellsPerNeighbourhood;
  if (expected >= SPARSE_NEIGHBOURHOOD) return [];
  return [`Few ${noun} per neighbourhood (about ${expected.toFixed(1)} on average): some hot spots may be chance. Larger hexagons or a longer period give a surer result.`];
}

function pointsLegend(analysis: LayerAnalysis, noun: string): LayerLegend {
  return {
    title: `${noun[0].toUpperCase()}${noun.slice(1)} at their map points`,
    method: `${plural(analysis.crimes, noun.replace(/s$/, ''), noun)} at ${plural(analysis.points.point.length, 'point', 'points')}; grouped into clusters when zoomed out`,
    entries: [
      { colour: '#7a0177', label: `A cluster: the number of ${noun} shows on hover`, count: null, shape: 'circle' },
      { colour: '#7a0177', label: `A map point: larger with more ${noun}; select it for the list`, count: null, shape: 'circle' },
    ],
    notes: [SNAP_POINT_NOTE],
  };
}
