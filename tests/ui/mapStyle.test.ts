import { createPropertyExpression, latest, validateStyleMin, type Feature, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { DashboardModel } from '../../src/core/dashboardModel.ts';
import { packWardShapes } from '../../src/core/wardGeometry.ts';
import { areaFeatures } from '../../src/ui/map/areaFeatures.ts';
import { appStyle, fillColour, HIGHLIGHT_SOURCE, highlightFeatures, LAYERS, NO_DATA_SOURCE, noDataFeatures, WARD_SOURCE, wardLayers, wardStates } from '../../src/ui/map/mapStyle.ts';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const COLOURS = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];

function legendWith(colours: string[]): Pick<DashboardModel, 'legend'> {
  return {
    legend: {
      title: 'Crimes per 1,000 residents',
      method: 'Quantile',
      entries: colours.map((colour) => ({ colour, label: '', wardCount: 1 })),
      noData: null,
      populationNote: null,
    },
  };
}

/** Evaluates a paint value for a feature with the given feature state, as MapLibre would. */
function evaluatePaint(layerType: 'fill' | 'line', property: string, value: unknown, state: Record<string, unknown>, properties: Record<string, unknown> = {}): unknown {
  const spec = (latest as unknown as Record<string, Record<string, StylePropertySpecification>>)[`paint_${layerType}`][property];
  const parsed = createPropertyExpression(value, property, spec);
  if (parsed.result !== 'success') throw new Error(parsed.value.map((e) => e.message).join('; '));
  const feature: Feature = { type: 'Polygon', id: 0, properties };
  return parsed.value.evaluate({ zoom: 10 }, feature, state);
}

/** Three square wards, packed as the worker sends them. */
const WARDS = areaFeatures({
  shapes: packWardShapes([0, 1, 2].map((i) => [[[[i, 0], [i + 1, 0], [i + 1, 1], [i, 1], [i, 0]]]])),
  wardIds: ['W0', 'W1', 'W2'],
  wardNames: ['Ward 0', 'Ward 1', 'Ward 2'],
});

function paintOf(id: string, property: string): unknown {
  const layer = wardLayers(false).find((l) => l.id === id) as { paint: Record<string, unknown> };
  return layer.paint[property];
}

describe('appStyle', () => {
  it('is a valid style that needs no network: no glyphs, no sprite, no symbol layers', () => {
    const style = appStyle(EMPTY);
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(style.layers.some((layer) => layer.type === 'symbol')).toBe(false);
    expect(Object.values(style.sources).every((source) => source.type === 'geojson')).toBe(true);
  });

  it('draws the background first and the selected outline last', () => {
    const ids = appStyle(EMPTY).layers.map((layer) => layer.id);
    expect(ids[0]).toBe(LAYERS.background);
    expect(ids.at(-1)).toBe(LAYERS.selected);
  });

  it('draws only the fill and the outlines over every ward; the hatch and the highlights have small sources', () => {
    const sourceOf = (id: string) => (wardLayers(true).find((l) => l.id === id) as { source: string }).source;
    expect(wardLayers(true).filter((layer) => 'source' in layer && layer.source === WARD_SOURCE).map((l) => l.id)).toEqual([LAYERS.fill, LAYERS.outline]);
    expect(sourceOf(LAYERS.noData)).toBe(NO_DATA_SOURCE);
    expect([LAYERS.hover, LAYERS.selectedCasing, LAYERS.selected].map(sourceOf)).toEqual([HIGHLIGHT_SOURCE, HIGHLIGHT_SOURCE, HIGHLIGHT_SOURCE]);
    expect(Object.keys(appStyle(EMPTY).sources).sort()).toEqual([HIGHLIGHT_SOURCE, NO_DATA_SOURCE, WARD_SOURCE].sort());
  });

  it('keeps the fills translucent over a basemap and opaque on its own', () => {
    const opacity = (overBasemap: boolean) => {
      const fill = wardLayers(overBasemap).find((l) => l.id === LAYERS.fill) as { paint: Record<string, unknown> };
      return evaluatePaint('fill', 'fill-opacity', fill.paint['fill-opacity'], { dimmed: false });
    };
    expect(opacity(false)).toBe(1);
    expect(opacity(true)).toBeLessThan(1);
  });
});

describe('fillColour', () => {
  it('gives each class its colour from the classIndex feature state', () => {
    const expression = fillColour(legendWith(COLOURS));
    COLOURS.forEach((colour, classIndex) => {
      const value = evaluatePaint('fill', 'fill-color', expression, { classIndex }) as { toString(): string };
      expect(value.toString()).toBe(evaluatePaint('fill', 'fill-color', colour, {})!.toString());
    });
  });

  it('leaves wards without a value transparent, so the hatch beneath shows', () => {
    const value = evaluatePaint('fill', 'fill-color', fillColour(legendWith(COLOURS)), { classIndex: -1 }) as { a: number };
    expect(value.a).toBe(0);
    expect(fillColour(legendWith([]))).toBe('rgba(0, 0, 0, 0)');
  });
});

describe('the hatch and dimming', () => {
  const wards = [
    { classIndex: 0, inFilter: true },
    { classIndex: -1, inFilter: true },
    { classIndex: -1, inFilter: false },
  ] as DashboardModel['wards'];

  it('hatches only the wards without a class, fainter outside the filter', () => {
    const hatched = noDataFeatures(WARDS, { wards });
    expect(hatched.features.map((f) => [f.id, f.properties])).toEqual([
      [1, { dimmed: false }],
      [2, { dimmed: true }],
    ]);
    expect(hatched.features[0].geometry).toBe(WARDS(1)!.geometry);
    const opacity = paintOf(LAYERS.noData, 'fill-opacity');
    expect(evaluatePaint('fill', 'fill-opacity', opacity, {}, { dimmed: false })).toBe(1);
    expect(evaluatePaint('fill', 'fill-opacity', opacity, {}, { dimmed: true })).toBeLessThan(1);
    expect(noDataFeatures(WARDS, { wards: wards.slice(0, 1) }).features).toEqual([]);
  });

  it('fades wards outside the group filter', () => {
    const opacity = paintOf(LAYERS.fill, 'fill-opacity');
    const dimmed = evaluatePaint('fill', 'fill-opacity', opacity, { dimmed: true }) as number;
    expect(dimmed).toBeLessThan(evaluatePaint('fill', 'fill-opacity', opacity, { dimmed: false }) as number);
  });
});

describe('wardStates', () => {
  it('gives each ward, by index, its class and whether it is outside the filter', () => {
    const wards = [
      { classIndex: 0, inFilter: true },
      { classIndex: -1, inFilter: false },
    ] as DashboardModel['wards'];
    expect(wardStates({ wards })).toEqual([
      { classIndex: 0, dimmed: false },
      { classIndex: -1, dimmed: true },
    ]);
  });
});

describe('highlightFeatures', () => {
  it('holds the hovered and the selected ward, each with its role, and nothing for none', () => {
    const roles = (hovered: number | null, selected: number | null) => highlightFeatures(WARDS, hovered, selected).features.map((f) => [f.id, f.properties?.role]);
    expect(roles(0, 2)).toEqual([
      [0, 'hover'],
      [2, 'selected'],
    ]);
    expect(roles(1, 1)).toEqual([
      [1, 'hover'],
      [1, 'selected'],
    ]);
    expect(roles(null, null)).toEqual([]);
    expect(roles(7, null)).toEqual([]);
  });

  it('draws the hover outline and the selected outline from their own features', () => {
    const filterOf = (id: string) => (wardLayers(false).find((l) => l.id === id) as { filter: unknown }).filter;
    expect(filterOf(LAYERS.hover)).toEqual(['==', ['get', 'role'], 'hover']);
    expect(filterOf(LAYERS.selected)).toEqual(['==', ['get', 'role'], 'selected']);
    expect(filterOf(LAYERS.selectedCasing)).toEqual(filterOf(LAYERS.selected));
  });
});
