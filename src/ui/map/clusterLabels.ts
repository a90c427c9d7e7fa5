import type { Map as MapLibreMap } from 'maplibre-gl';
import { formatCount } from '../../core/format.ts';
import { clusterRadius, CRIME_LAYERS } from './crimeLayers.ts';
import type { Obstacle } from './wardLabels.ts';

/** More labels than this would clutter the map; the largest clusters are labelled first. */
const MAX_LABELS = 300;

/**
 * The number of crimes on each cluster circle, as an HTML overlay (the style has no
 * glyphs, so the map works offline). aria-hidden: the legend and popups say the same.
 */
export class ClusterLabels {
  private readonly overlay: HTMLDivElement;
  private shown = false;

  constructor(private readonly map: MapLibreMap) {
    this.overlay = document.createElement('div');
    this.overlay.className = 'cluster-labels';
    this.overlay.setAttribute('aria-hidden', 'true');
    map.getCanvasContainer().after(this.overlay);
  }

  setVisible(visible: boolean): void {
    this.shown = visible;
    if (!visible) this.overlay.replaceChildren();
  }

  /** Labels the clusters drawn now; returns their circles, for the ward names to keep clear of. */
  place(): Obstacle[] {
    if (!this.shown || !this.map.getLayer(CRIME_LAYERS.clusters)) return [];
    // A cluster on a tile boundary is returned once per tile.
    const byId = new Map<number, { crimes: number; coordinates: number[] }>();
    for (const feature of this.map.queryRenderedFeatures({ layers: [CRIME_LAYERS.clusters] })) {
      const id = Number(feature.properties.cluster_id);
      if (!byId.has(id)) byId.set(id, { crimes: Number(feature.properties.crimes), coordinates: (feature.geometry as GeoJSON.Point).coordinates });
    }
    const clusters = [...byId.values()].sort((a, b) => b.crimes - a.crimes).slice(0, MAX_LABELS);
    const circles: Obstacle[] = [];
    this.overlay.replaceChildren(
      ...clusters.map(({ crimes, coordinates }) => {
        const { x, y } = this.map.project([coordinates[0], coordinates[1]]);
        const diameter = 2 * clusterRadius(crimes);
        circles.push({ x, y, width: diameter, height: diameter });
        const label = document.createElement('span');
        label.className = 'cluster-label';
        label.textContent = formatCount(crimes);
        label.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px) translate(-50%, -50%)`;
        return label;
      }),
    );
    return circles;
  }

  remove(): void {
    this.overlay.remove();
  }
}
