import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { WardSet } from './boundaries.ts';

/** Quantization of the topology: a grid of 1e6 steps across the area (under a metre for a county). */
const QUANTIZATION = 1e6;

/**
 * The wards simplified for display as TopoJSON. Neighbours share their borders as arcs
 * and each arc is simplified once (Visvalingam), so simplified wards meet without gaps
 * or overlaps. `keep` is the share of points kept.
 */
export function simplifiedTopology(wards: WardSet, keep: number): Topology {
  const collection: FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>> = {
    type: 'FeatureCollection',
    features: wards.polygons.map((polygons, i): Feature<Polygon | MultiPolygon, Record<string, unknown>> => ({
      type: 'Feature',
      properties: wards.properties[i],
      geometry: polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons },
    })),
  };
  // The typings disagree on property types (null allowed or not); the data is the same.
  const shared = presimplify(topology({ wards: collection }, QUANTIZATION) as Parameters<typeof presimplify>[0]);
  return simplify(shared, quantile(shared, 1 - keep));
}

/** The wards of a topology as GeoJSON again, in their order, with their properties. */
export function topologyFeatures(topo: Topology): FeatureCollection {
  return feature(topo, topo.objects.wards as GeometryCollection) as FeatureCollection;
}
