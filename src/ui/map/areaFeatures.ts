import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { shapeFeature, type WardFeature, type WardFeatureProperties } from '../../core/wardGeometry.ts';
import type { LoadedArea } from '../../worker/messages.ts';

export type FeatureOf = (ward: number) => WardFeature | undefined;
type AreaShapes = Pick<LoadedArea, 'shapes' | 'wardIds' | 'wardNames'>;

const madeFor = new WeakMap<AreaShapes['shapes'], FeatureOf>();

/**
 * The area's wards as GeoJSON features (feature id = ward index), each made from the
 * packed shapes when first asked for, then kept: the map, its highlights and the report's
 * map share them.
 */
export function areaFeatures(area: AreaShapes): FeatureOf {
  let featureOf = madeFor.get(area.shapes);
  if (featureOf === undefined) {
    const made = new Map<number, WardFeature>();
    featureOf = (ward) => {
      if (!Number.isInteger(ward) || ward < 0 || ward >= area.wardIds.length) return undefined;
      let feature = made.get(ward);
      if (feature === undefined) {
        feature = shapeFeature(area.shapes, ward, area.wardIds[ward], area.wardNames[ward]);
        made.set(ward, feature);
      }
      return feature;
    };
    madeFor.set(area.shapes, featureOf);
  }
  return featureOf;
}

/** Every ward of the area, in order. */
export function areaCollection(area: AreaShapes): FeatureCollection<Polygon | MultiPolygon, WardFeatureProperties> {
  const featureOf = areaFeatures(area);
  return { type: 'FeatureCollection', features: area.wardIds.map((_, ward) => featureOf(ward)!) };
}
