import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ExpressionSpecification, FilterSpecification, GeoJSONSourceSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { DashboardModel } from '../../core/dashboardModel.ts';
import type { FeatureOf } from './areaFeatures.ts';

/*
 * The map's style as data: pure functions from the view model to layers, paint
 * expressions, feature states and filters, so they are tested without WebGL. The style has
 * no glyphs, sprite or symbol layers (ward names are an HTML overlay), so it needs no
 * network at all.
 *
 * Only the class colours and the outlines are drawn over every ward: Chromium without a GPU
 * draws each layer in software, so a layer over thousands of wards (England's) costs about
 * 50 ms a frame even where it draws nothing. The hatch, the hovered and the selected outline
 * have small sources of their own holding just the wards they show.
 */

export const WARD_SOURCE = 'wards';
export const NO_DATA_SOURCE = 'ward-no-data';
export const HIGHLIGHT_SOURCE = 'ward-highlight';
export const NO_DATA_PATTERN = 'no-data-hatch';

export const LAYERS = {
  background: 'background',
  fill: 'ward-fill',
  noData: 'ward-no-data',
  outline: 'ward-outline',
  hover: 'ward-hover',
  selectedCasing: 'ward-selected-casing',
  selected: 'ward-selected',
} as const;

/** Per-ward feature state the paint expressions read. */
export interface WardState {
  /** 0-based class, -1 without a value. */
  classIndex: number;
  /** Outside the group filter. */
  dimmed: boolean;
}

const BACKGROUND = '#eef0f2';
const OUTLINE = '#5c5c5c';
const DIMMED_OPACITY = 0.2;

const classIndex: ExpressionSpecification = ['to-number', ['feature-state', 'classIndex'], -1];
const dimmed: ExpressionSpecification = ['boolean', ['feature-state', 'dimmed'], false];

/**
 * How far, in screen pixels, MapLibre may move a border when it simplifies the wards for
 * each zoom (its default is 0.375). At 1.5 England's wards draw in half the time, and
 * neighbours still meet with no gap to be seen. All three sources use the same value, so
 * the hatch and the highlighted outlines follow the fills exactly.
 */
const SIMPLIFY_PIXELS = 1.5;

export type WardFeatures = FeatureCollection<Polygon | MultiPolygon>;
const EMPTY: WardFeatures = { type: 'FeatureCollection', features: [] };

/** Our own style: a plain background and the ward layers, for a map that works offline. */
export function appStyle(data: GeoJSONSourceSpecification['data']): StyleSpecification {
  return {
    version: 8,
    sources: wardSources(data),
    layers: [{ id: LAYERS.background, type: 'background', paint: { 'background-color': BACKGROUND } }, ...wardLayers(false)],
  };
}

/** The wards, and the two small sources that start empty: wards without a value, and the hovered and selected wards. */
export function wardSources(data: GeoJSONSourceSpecification['data']): Record<string, GeoJSONSourceSpecification> {
  return {
    [WARD_SOURCE]: { type: 'geojson', data, tolerance: SIMPLIFY_PIXELS },
    [NO_DATA_SOURCE]: { type: 'geojson', data: EMPTY, tolerance: SIMPLIFY_PIXELS },
    [HIGHLIGHT_SOURCE]: { type: 'geojson', data: EMPTY, tolerance: SIMPLIFY_PIXELS },
  };
}

/**
 * The ward layers, bottom to top: class colours, the hatch for wards without a value,
 * outlines, the hovered outline and the selected ward's outline (a white casing under a
 * dark line, visible on every class colour). Over a basemap the fill is translucent. The
 * fills are not antialiased: the outlines cover their edges, and antialiasing is one more
 * pass over every ward.
 */
export function wardLayers(overBasemap: boolean): LayerSpecification[] {
  const opacity = overBasemap ? 0.8 : 1;
  const role = (value: HighlightRole): FilterSpecification => ['==', ['get', 'role'], value];
  return [
    {
      id: LAYERS.fill,
      type: 'fill',
      source: WARD_SOURCE,
      paint: {
        'fill-color': 'rgba(0, 0, 0, 0)',
        'fill-opacity': ['case', dimmed, DIMMED_OPACITY, opacity],
        'fill-antialias': false,
      },
    },
    {
      id: LAYERS.noData,
      type: 'fill',
      source: NO_DATA_SOURCE,
      paint: {
        'fill-pattern': NO_DATA_PATTERN,
        'fill-opacity': ['case', ['boolean', ['get', 'dimmed'], false], DIMMED_OPACITY, 1],
        'fill-antialias': false,
      },
    },
    {
      id: LAYERS.outline,
      type: 'line',
      source: WARD_SOURCE,
      // Thinner when zoomed out, so thousands of wards (a county, England) do not turn the map grey.
      paint: { 'line-color': OUTLINE, 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.25, 9, 0.8], 'line-opacity': ['case', dimmed, 0.35, 0.9] },
    },
    {
      id: LAYERS.hover,
      type: 'line',
      source: HIGHLIGHT_SOURCE,
      filter: role('hover'),
      paint: { 'line-color': '#111111', 'line-width': 2.5 },
    },
    {
      id: LAYERS.selectedCasing,
      type: 'line',
      source: HIGHLIGHT_SOURCE,
      filter: role('selected'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': 7 },
    },
    {
      id: LAYERS.selected,
      type: 'line',
      source: HIGHLIGHT_SOURCE,
      filter: role('selected'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': '#000000', 'line-width': 3.5 },
    },
  ];
}

/** fill-color: each class's colour by the ward's classIndex state; transparent without a value (the hatch shows). */
export function fillColour(model: Pick<DashboardModel, 'legend'>): ExpressionSpecification | string {
  const colours = model.legend.entries.map((entry) => entry.colour);
  if (colours.length === 0) return 'rgba(0, 0, 0, 0)';
  const cases = colours.flatMap((colour, i) => [i, colour]);
  return ['match', classIndex, ...cases, 'rgba(0, 0, 0, 0)'] as ExpressionSpecification;
}

/** The feature state of every ward, indexed by ward (the feature id). */
export function wardStates(model: Pick<DashboardModel, 'wards'>): WardState[] {
  return model.wards.map((ward) => ({ classIndex: ward.classIndex, dimmed: !ward.inFilter }));
}

/** The wards without a value, for the hatch, each marked when it is outside the group filter. */
export function noDataFeatures(featureOf: FeatureOf, model: Pick<DashboardModel, 'wards'>): WardFeatures {
  return {
    type: 'FeatureCollection',
    features: model.wards.flatMap((ward, i) => {
      const feature = ward.classIndex < 0 ? featureOf(i) : undefined;
      return feature ? [{ ...feature, properties: { dimmed: !ward.inFilter } }] : [];
    }),
  };
}

export type HighlightRole = 'hover' | 'selected';

/** The hovered and the selected ward (either may be none), drawn over the others. */
export function highlightFeatures(featureOf: FeatureOf, hovered: number | null, selected: number | null): WardFeatures {
  const roles: [number | null, HighlightRole][] = [
    [hovered, 'hover'],
    [selected, 'selected'],
  ];
  return {
    type: 'FeatureCollection',
    features: roles.flatMap(([ward, role]) => {
      const feature = ward === null ? undefined : featureOf(ward);
      return feature ? [{ ...feature, properties: { role } }] : [];
    }),
  };
}
