import type { ExpressionSpecification, FilterSpecification, GeoJSONSourceSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { DashboardModel } from '../../core/dashboardModel.ts';

/*
 * The map's style as data: pure functions from the view model to layers, paint
 * expressions, feature states and filters, so they are tested without WebGL. The style has
 * no glyphs, sprite or symbol layers (ward names are an HTML overlay), so it needs no
 * network at all.
 */

export const WARD_SOURCE = 'wards';
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
const NOTHING_SELECTED = -1;

const classIndex: ExpressionSpecification = ['to-number', ['feature-state', 'classIndex'], -1];
const dimmed: ExpressionSpecification = ['boolean', ['feature-state', 'dimmed'], false];

/** Our own style: a plain background and the ward layers, for a map that works offline. */
export function appStyle(data: GeoJSONSourceSpecification['data']): StyleSpecification {
  return {
    version: 8,
    sources: { [WARD_SOURCE]: wardSource(data) },
    layers: [{ id: LAYERS.background, type: 'background', paint: { 'background-color': BACKGROUND } }, ...wardLayers(false)],
  };
}

export function wardSource(data: GeoJSONSourceSpecification['data']): GeoJSONSourceSpecification {
  return { type: 'geojson', data };
}

/**
 * The ward layers, bottom to top: class colours, the hatch for wards without a value,
 * outlines, the hovered outline and the selected ward's outline (a white casing under a
 * dark line, visible on every class colour). Over a basemap the fill is translucent.
 */
export function wardLayers(overBasemap: boolean): LayerSpecification[] {
  const opacity = overBasemap ? 0.8 : 1;
  return [
    {
      id: LAYERS.fill,
      type: 'fill',
      source: WARD_SOURCE,
      paint: {
        'fill-color': 'rgba(0, 0, 0, 0)',
        'fill-opacity': ['case', dimmed, DIMMED_OPACITY, opacity],
      },
    },
    {
      id: LAYERS.noData,
      type: 'fill',
      source: WARD_SOURCE,
      paint: {
        'fill-pattern': NO_DATA_PATTERN,
        'fill-opacity': ['case', ['>=', classIndex, 0], 0, dimmed, DIMMED_OPACITY, 1],
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
      source: WARD_SOURCE,
      paint: { 'line-color': '#111111', 'line-width': 2.5, 'line-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 1, 0] },
    },
    {
      id: LAYERS.selectedCasing,
      type: 'line',
      source: WARD_SOURCE,
      filter: selectedFilter(null),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': 7 },
    },
    {
      id: LAYERS.selected,
      type: 'line',
      source: WARD_SOURCE,
      filter: selectedFilter(null),
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

/** Filter of the selected-outline layers: the selected ward's feature, or none. */
export function selectedFilter(selectedWard: number | null): FilterSpecification {
  return ['==', ['id'], selectedWard ?? NOTHING_SELECTED];
}
