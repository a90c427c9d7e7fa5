import { createPropertyExpression, latest, validateStyleMin, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { clusterRadius, CRIME_LAYERS, crimeLayers, crimeSources, hexColour, hotspotColour, metresRadius, pointFeatures, VISIBLE_LAYERS } from '../../src/ui/map/crimeLayers.ts';
import { HOTSPOT_COLOURS } from '../../src/core/layerLegends.ts';

function evaluate(type: string, property: string, value: unknown, properties: Record<string, unknown>, zoom = 10): unknown {
  const spec = (latest as unknown as Record<string, Record<string, StylePropertySpecification>>)[`paint_${type}`][property];
  const parsed = createPropertyExpression(value, property, spec);
  if (parsed.result !== 'success') throw new Error(parsed.value.map((e) => e.message).join('; '));
  return parsed.value.evaluate({ zoom }, { type: 'Polygon', properties });
}

const colour = (value: unknown) => (value as { toString(): string }).toString();

describe('the crime layers', () => {
  it('form a valid style with the ward source, all hidden until shown', () => {
    const style: StyleSpecification = { version: 8, sources: crimeSources(), layers: crimeLayers(51, { radiusMetres: 250, top: 20 }) };
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.layers.every((layer) => layer.layout?.visibility === 'none')).toBe(true);
    expect(style.layers.some((layer) => layer.type === 'symbol')).toBe(false);
    // Every layer a map layer shows exists.
    const ids = new Set(style.layers.map((layer) => layer.id));
    expect(Object.values(VISIBLE_LAYERS).flat().every((id) => ids.has(id))).toBe(true);
  });

  it('keeps the heatmap radius the same on the ground: it doubles with each zoom level', () => {
    const radius = metresRadius(250, 51);
    const at = (zoom: number) => evaluate('heatmap', 'heatmap-radius', radius, {}, zoom) as number;
    expect(at(13) / at(12)).toBeCloseTo(2, 10);
    // 250 m at 51° N at zoom 12 (512-pixel tiles): 40,075,017 × cos 51° / (512 × 2^12) = 12.026 m a pixel, so 20.79 px.
    expect(at(12)).toBeCloseTo(20.79, 2);
  });

  it('colours hexagons by class: a count at a break takes the upper class', () => {
    const expression = hexColour([1, 3, 5, 11, 325], ['#111111', '#222222', '#333333', '#444444']);
    const classOf = (count: number) => colour(evaluate('fill', 'fill-color', expression, { count }));
    expect([classOf(1), classOf(2), classOf(3), classOf(10), classOf(11), classOf(325)]).toEqual([
      colour(evaluate('fill', 'fill-color', '#111111', {})),
      colour(evaluate('fill', 'fill-color', '#111111', {})),
      colour(evaluate('fill', 'fill-color', '#222222', {})),
      colour(evaluate('fill', 'fill-color', '#333333', {})),
      colour(evaluate('fill', 'fill-color', '#444444', {})),
      colour(evaluate('fill', 'fill-color', '#444444', {})),
    ]);
  });

  it('colours each Gi* bin from the hot spot palette and leaves bin 0 transparent', () => {
    for (const bin of [3, 2, 1, -1, -2, -3] as const) {
      expect(colour(evaluate('fill', 'fill-color', hotspotColour(), { bin }))).toBe(colour(evaluate('fill', 'fill-color', HOTSPOT_COLOURS[bin], {})));
    }
    expect((evaluate('fill', 'fill-color', hotspotColour(), { bin: 0 }) as { a: number }).a).toBe(0);
  });

  it('draws clusters with the radius the labels keep clear of', () => {
    const layer = crimeLayers(51, { radiusMetres: 250, top: 20 }).find((l) => l.id === CRIME_LAYERS.clusters) as { paint: Record<string, unknown> };
    for (const crimes of [1, 9, 10, 49, 50, 300, 5000]) {
      expect(evaluate('circle', 'circle-radius', layer.paint['circle-radius'], { crimes })).toBe(clusterRadius(crimes));
    }
  });

  it('makes one feature per snap point, with its point number as the id', () => {
    const features = pointFeatures({ point: Uint32Array.from([4, 9]), lon: Float64Array.from([-1.5, -1.4]), lat: Float64Array.from([51, 51.1]), count: Uint32Array.from([3, 1]) });
    expect(features.features.map((f) => [f.id, f.properties.count, f.geometry.coordinates])).toEqual([
      [4, 3, [-1.5, 51]],
      [9, 1, [-1.4, 51.1]],
    ]);
  });
});
