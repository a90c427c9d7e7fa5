import type { ExpressionSpecification, GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import type { PointCounts } from '../../core/crimeSelection.ts';
import { DENSITY_COLOURS, HOTSPOT_COLOURS, type DensityScale } from '../../core/layerLegends.ts';
import type { MapLayer } from '../../core/viewState.ts';

/*
 * The crime layers as data, like mapStyle.ts: sources for the crimes at their snap points
 * (clustered, and plain for the heatmap) and for hexagons, and the layers that draw them.
 * Only the layer the view asks for is visible; the ward outlines stay on top for context.
 */

export const SOURCES = { points: 'crime-points', density: 'crime-density', hexes: 'hexes' } as const;

export const CRIME_LAYERS = {
  density: 'crime-density',
  hexFill: 'hex-fill',
  hexOutline: 'hex-outline',
  hotspotFill: 'hotspot-fill',
  hotspotOutline: 'hotspot-outline',
  clusters: 'crime-clusters',
  points: 'crime-points',
} as const;

/** Which of our layers each map layer shows. */
export const VISIBLE_LAYERS: Record<MapLayer, readonly string[]> = {
  wards: [],
  change: [],
  density: [CRIME_LAYERS.density],
  hexbins: [CRIME_LAYERS.hexFill, CRIME_LAYERS.hexOutline],
  hotspots: [CRIME_LAYERS.hotspotFill, CRIME_LAYERS.hotspotOutline],
  points: [CRIME_LAYERS.clusters, CRIME_LAYERS.points],
};

/** Cluster circle radii in pixels: [radius, crimes from which the next radius applies, ...]. */
const CLUSTER_STEPS: number[][] = [[10], [10, 13], [50, 17], [250, 22], [1000, 28]];

/** The radius MapLibre draws a cluster of `crimes` with, for placing labels around it. */
export function clusterRadius(crimes: number): number {
  let radius = CLUSTER_STEPS[0][0];
  for (const [from, r] of CLUSTER_STEPS.slice(1)) if (crimes >= from) radius = r;
  return radius;
}

/** Clusters break apart from this zoom: by then a cluster is one street. */
const CLUSTER_MAX_ZOOM = 15;
const CLUSTER_RADIUS_PX = 36;
const EARTH_CIRCUMFERENCE_M = 40_075_016.686;
const TILE_SIZE = 512;
const POINT_COLOUR = '#7a0177';

export interface PointProperties {
  point: number;
  count: number;
}

/** The snap points with their counts, as GeoJSON for MapLibre (one feature per point, not per crime). */
export function pointFeatures(points: PointCounts): FeatureCollection<Point, PointProperties> {
  const features = new Array(points.point.length);
  for (let i = 0; i < points.point.length; i++) {
    features[i] = {
      type: 'Feature',
      id: points.point[i],
      properties: { point: points.point[i], count: points.count[i] },
      geometry: { type: 'Point', coordinates: [points.lon[i], points.lat[i]] },
    };
  }
  return { type: 'FeatureCollection', features };
}

export function crimeSources(): Record<string, GeoJSONSourceSpecification> {
  const empty = { type: 'FeatureCollection' as const, features: [] };
  return {
    // Cluster sizes add up the crimes at each point, not the points.
    [SOURCES.points]: { type: 'geojson', data: empty, cluster: true, clusterRadius: CLUSTER_RADIUS_PX, clusterMaxZoom: CLUSTER_MAX_ZOOM, clusterProperties: { crimes: ['+', ['get', 'count']] } },
    [SOURCES.density]: { type: 'geojson', data: empty },
    [SOURCES.hexes]: { type: 'geojson', data: empty },
  };
}

/**
 * A heatmap radius that covers the same ground at every zoom: `metres` converted to
 * pixels at latitude `lat`, doubling with each zoom level (an exact exponential interpolation).
 */
export function metresRadius(metres: number, lat: number): ExpressionSpecification {
  const pixelsAtZoom0 = (metres * TILE_SIZE) / (EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180));
  return ['interpolate', ['exponential', 2], ['zoom'], 0, pixelsAtZoom0, 22, pixelsAtZoom0 * 2 ** 22];
}

/**
 * MapLibre's heatmap kernel is a Gaussian with σ = radius / 3 peaking at 0.399 × weight ×
 * intensity (in any unit of area). N crimes spread evenly over a hexagon as wide as the
 * kernel (2 × radius across) then give a density of about N × 0.399 × 2πσ² / hexagon
 * area = N × 0.0804; the intensity makes density 1 (the darkest colour) mean the scale's top.
 */
export function densityIntensity(scale: DensityScale): number {
  const sigmaSquared = 1 / 9;
  const hexagonArea = (Math.sqrt(3) / 2) * 2 ** 2;
  return 1 / (((0.3989 * 2 * Math.PI * sigmaSquared) / hexagonArea) * scale.top);
}

/** The crime layers, all hidden until the view shows one; they go under the ward outlines. */
export function crimeLayers(lat: number, scale: DensityScale): LayerSpecification[] {
  const hidden = { visibility: 'none' as const };
  const densityStops = DENSITY_COLOURS.flatMap((colour, i) => [(i + 1) / DENSITY_COLOURS.length, colour]);
  return [
    {
      id: CRIME_LAYERS.density,
      type: 'heatmap',
      source: SOURCES.density,
      layout: hidden,
      paint: {
        'heatmap-weight': ['get', 'count'],
        'heatmap-radius': metresRadius(scale.radiusMetres, lat),
        'heatmap-intensity': densityIntensity(scale),
        'heatmap-color': ['interpolate', ['linear'], ['heatmap-density'], 0, 'rgba(255, 255, 255, 0)', 0.05, 'rgba(255, 255, 178, 0.5)', ...densityStops] as ExpressionSpecification,
        'heatmap-opacity': 0.85,
      },
    },
    {
      id: CRIME_LAYERS.hexFill,
      type: 'fill',
      source: SOURCES.hexes,
      layout: hidden,
      filter: ['>', ['get', 'count'], 0],
      paint: { 'fill-color': 'rgba(0, 0, 0, 0)', 'fill-opacity': 0.85 },
    },
    {
      id: CRIME_LAYERS.hexOutline,
      type: 'line',
      source: SOURCES.hexes,
      layout: hidden,
      filter: ['>', ['get', 'count'], 0],
      paint: { 'line-color': '#ffffff', 'line-width': 0.5, 'line-opacity': 0.6 },
    },
    {
      id: CRIME_LAYERS.hotspotFill,
      type: 'fill',
      source: SOURCES.hexes,
      layout: hidden,
      filter: ['!=', ['get', 'bin'], 0],
      paint: { 'fill-color': hotspotColour(), 'fill-opacity': 0.85 },
    },
    {
      id: CRIME_LAYERS.hotspotOutline,
      type: 'line',
      source: SOURCES.hexes,
      layout: hidden,
      filter: ['!=', ['get', 'bin'], 0],
      paint: { 'line-color': '#333333', 'line-width': 0.4, 'line-opacity': 0.7 },
    },
    {
      id: CRIME_LAYERS.clusters,
      type: 'circle',
      source: SOURCES.points,
      layout: hidden,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': POINT_COLOUR,
        'circle-opacity': 0.75,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
        'circle-radius': ['step', ['get', 'crimes'], ...CLUSTER_STEPS.flat()] as unknown as ExpressionSpecification,
      },
    },
    {
      id: CRIME_LAYERS.points,
      type: 'circle',
      source: SOURCES.points,
      layout: hidden,
      filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-color': POINT_COLOUR,
        'circle-opacity': 0.85,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1,
        'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'count']], 1, 4, 10, 14],
      },
    },
  ];
}

/** Hexagon fill by class: a step expression over the count, with the classes' lower breaks. */
export function hexColour(breaks: readonly number[], colours: readonly string[]): ExpressionSpecification | string {
  if (colours.length === 0) return 'rgba(0, 0, 0, 0)';
  const steps = colours.slice(1).flatMap((colour, i) => [breaks[i + 1], colour]);
  return steps.length === 0 ? colours[0] : (['step', ['get', 'count'], colours[0], ...steps] as ExpressionSpecification);
}

/** Gi* bins −3…3 (cold to hot at 99/95/90%) in a diverging palette. */
export function hotspotColour(): ExpressionSpecification {
  const cases = ([3, 2, 1, -1, -2, -3] as const).flatMap((bin) => [bin, HOTSPOT_COLOURS[bin]]);
  return ['match', ['get', 'bin'], ...cases, 'rgba(0, 0, 0, 0)'] as unknown as ExpressionSpecification;
}
