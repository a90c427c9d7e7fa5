import { createPropertyExpression, latest, validateStyleMin, type Feature, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { DashboardModel } from '../../src/core/dashboardModel.ts';
import { appStyle, fillColour, LAYERS, selectedFilter, WARD_SOURCE, wardLayers, wardStates } from '../../src/ui/map/mapStyle.ts';

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
function evaluatePaint(layerType: 'fill' | 'line', property: string, value: unknown, state: Record<string, unknown>): unknown {
  const spec = (latest as unknown as Record<string, Record<string, StylePropertySpecification>>)[`paint_${layerType}`][property];
  const parsed = createPropertyExpression(value, property, spec);
  if (parsed.result !== 'success') throw new Error(parsed.value.map((e) => e.message).join('; '));
  const feature: Feature = { type: 'Polygon', id: 0, properties: {} };
  return parsed.value.evaluate({ zoom: 10 }, feature, state);
}

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

  it('draws the background first and the selected outline last, over the wards source', () => {
    const ids = appStyle(EMPTY).layers.map((layer) => layer.id);
    expect(ids[0]).toBe(LAYERS.background);
    expect(ids.at(-1)).toBe(LAYERS.selected);
    expect(wardLayers(true).every((layer) => 'source' in layer && layer.source === WARD_SOURCE)).toBe(true);
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
  it('shows the no-data hatch only for wards without a class', () => {
    const opacity = paintOf(LAYERS.noData, 'fill-opacity');
    expect(evaluatePaint('fill', 'fill-opacity', opacity, { classIndex: -1, dimmed: false })).toBe(1);
    expect(evaluatePaint('fill', 'fill-opacity', opacity, { classIndex: 2, dimmed: false })).toBe(0);
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

describe('selectedFilter', () => {
  it('matches the selected ward by feature id, and nothing when none is selected', () => {
    expect(selectedFilter(3)).toEqual(['==', ['id'], 3]);
    expect(selectedFilter(null)).toEqual(['==', ['id'], -1]);
  });
});
