import { describe, expect, it } from 'vitest';
import type { LayerAnalysis } from '../../src/core/layerAnalysis.ts';
import { layerLegend, sparseWarning } from '../../src/core/layerLegends.ts';

function hotspotAnalysis(counts: number[], bins: number[], cell = 500, band = 1000): LayerAnalysis {
  return {
    layer: 'hotspots',
    crimes: counts.reduce((a, b) => a + b, 0),
    points: { point: new Uint32Array(0), lon: new Float64Array(0), lat: new Float64Array(0), count: new Uint32Array(0) },
    grid: { units: 'hexagons', cell, band, chosen: true, description: 'Gi* on 500 m hexagons (4 hexagons), neighbours within 1,000 m' },
    cells: { count: Float64Array.from(counts), bin: Int8Array.from(bins), z: new Float64Array(counts.length), p: new Float64Array(counts.length), topCategory: new Uint16Array(0), topCount: new Uint32Array(0) },
    categories: [],
    hexes: { type: 'FeatureCollection', features: [] },
    concentration: null,
  };
}

describe('the hot spot legend', () => {
  it('counts the hexagons in each bin and states the method', () => {
    const legend = layerLegend('hotspots', hotspotAnalysis([9, 3, 0, 1], [3, 2, 0, -1]), 'quantile', 5, 'crimes')!;
    expect(legend.method).toContain('Gi* on 500 m hexagons');
    expect(legend.entries.map((e) => `${e.label}: ${e.count}`)).toEqual([
      'Hot spot, 99%: 1 hexagon',
      'Hot spot, 95%: 1 hexagon',
      'Hot spot, 90%: 0 hexagons',
      'Cold spot, 90%: 1 hexagon',
      'Cold spot, 95%: 0 hexagons',
      'Cold spot, 99%: 0 hexagons',
      'Not significant (not drawn): 1 hexagon',
    ]);
  });

  it('warns when neighbourhoods hold few crimes, and not otherwise', () => {
    // A 1,000 m band over 500 m hexagons takes in π·1000² / (0.866·500²) = 14.5 hexagons' area.
    // 0.5 crimes a hexagon → about 7.3 a neighbourhood: a warning. 2 a hexagon → 29: none.
    expect(sparseWarning(hotspotAnalysis([1, 0, 1, 0], [0, 0, 0, 0]), 'crimes')[0]).toMatch(/^Few crimes per neighbourhood \(about 7\.3 on average\)/);
    expect(sparseWarning(hotspotAnalysis([2, 2, 2, 2], [0, 0, 0, 0]), 'crimes')).toEqual([]);
  });
});
