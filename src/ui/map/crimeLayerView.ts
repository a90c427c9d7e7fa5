import { Popup, type GeoJSONSource, type Map as MapLibreMap, type MapLayerMouseEvent } from 'maplibre-gl';
import type { DashboardModel } from '../../core/dashboardModel.ts';
import type { LayerAnalysis } from '../../core/layerAnalysis.ts';
import { densityScale, hexClasses } from '../../core/layerLegends.ts';
import { layerRequest } from '../../core/layerRequest.ts';
import { clusterTooltip, hexTooltip, pointPopup, pointTooltip, type TooltipText } from '../../core/mapText.ts';
import type { WardGroups } from '../../core/areaConfig.ts';
import type { Cube } from '../../core/cube.ts';
import { requestCrimesAt } from '../dataWorker.ts';
import { ClusterLabels } from './clusterLabels.ts';
import { CRIME_LAYERS, crimeLayers, crimeSources, densityIntensity, hexColour, metresRadius, pointFeatures, SOURCES, VISIBLE_LAYERS } from './crimeLayers.ts';
import type { MapTooltip } from './mapTooltip.ts';
import type { Obstacle } from './wardLabels.ts';

const ALL_CRIME_LAYERS = Object.values(CRIME_LAYERS);

/**
 * The crime layers on the map: shows the one the view asks for, loads the worker's
 * answer into its source, colours hexagons by the dashboard's classes, and gives
 * hexagons and points their tooltips and popups.
 */
export class CrimeLayerView {
  private readonly clusterLabels: ClusterLabels;
  private model: DashboardModel | null = null;
  private analysis: LayerAnalysis | null = null;
  private popup: Popup | null = null;

  constructor(
    private readonly map: MapLibreMap,
    private readonly tooltip: MapTooltip,
    private readonly area: { groups: WardGroups; cube: Pick<Cube, 'categories'> },
    private readonly lat: number,
    beforeLayer: string,
  ) {
    for (const [id, source] of Object.entries(crimeSources())) map.addSource(id, source);
    for (const layer of crimeLayers(lat, { radiusMetres: 250, top: 10 })) map.addLayer(layer, beforeLayer);
    this.clusterLabels = new ClusterLabels(map);
    for (const layer of [CRIME_LAYERS.hexFill, CRIME_LAYERS.hotspotFill]) {
      map.on('mousemove', layer, (event) => this.hoverHex(event));
      map.on('mouseleave', layer, () => this.leave());
    }
    map.on('mousemove', CRIME_LAYERS.clusters, (event) => this.hover(event, clusterTooltip(Number(event.features?.[0]?.properties.crimes), this.noun())));
    map.on('mousemove', CRIME_LAYERS.points, (event) => this.hover(event, pointTooltip(Number(event.features?.[0]?.properties.count), this.noun())));
    for (const layer of [CRIME_LAYERS.clusters, CRIME_LAYERS.points]) map.on('mouseleave', layer, () => this.leave());
    map.on('click', CRIME_LAYERS.clusters, (event) => void this.zoomIntoCluster(event));
    map.on('click', CRIME_LAYERS.points, (event) => {
      this.leave();
      void this.openPopup(event);
    });
  }

  /** Follows the view: which layer is visible and how hexagons are coloured. */
  update(model: DashboardModel, analysis: LayerAnalysis | null): void {
    const layerChanged = this.model?.view.layer !== model.view.layer;
    this.model = model;
    const visible = new Set(VISIBLE_LAYERS[model.view.layer]);
    for (const id of ALL_CRIME_LAYERS) this.map.setLayoutProperty(id, 'visibility', visible.has(id) ? 'visible' : 'none');
    this.clusterLabels.setVisible(model.view.layer === 'points');
    if (layerChanged) this.popup?.remove();
    // Only an answer for this layer is drawn; until it arrives the layer stays as it was.
    if (analysis !== null && analysis.layer === model.view.layer && analysis !== this.analysis) this.setData(analysis);
    if (this.analysis !== null && this.analysis.layer === 'hexbins') {
      const { classification, colours } = hexClasses(this.analysis, model.view.method, model.view.classes);
      this.map.setPaintProperty(CRIME_LAYERS.hexFill, 'fill-color', hexColour(classification.breaks, colours));
    }
  }

  /** Places the cluster counts; returns the circles the ward names should keep clear of. */
  placeLabels(): Obstacle[] {
    return this.clusterLabels.place();
  }

  remove(): void {
    this.popup?.remove();
    this.clusterLabels.remove();
  }

  private setData(analysis: LayerAnalysis): void {
    this.analysis = analysis;
    this.popup?.remove();
    if (analysis.layer === 'points' || analysis.layer === 'density') {
      const points = pointFeatures(analysis.points);
      const source = analysis.layer === 'points' ? SOURCES.points : SOURCES.density;
      this.map.getSource<GeoJSONSource>(source)?.setData(points);
    }
    if (analysis.layer === 'density') {
      const scale = densityScale(analysis);
      this.map.setPaintProperty(CRIME_LAYERS.density, 'heatmap-radius', metresRadius(scale.radiusMetres, this.lat));
      this.map.setPaintProperty(CRIME_LAYERS.density, 'heatmap-intensity', densityIntensity(scale));
    }
    if (analysis.layer === 'hexbins' || analysis.layer === 'hotspots') this.map.getSource<GeoJSONSource>(SOURCES.hexes)?.setData(analysis.hexes);
  }

  private noun(): string {
    return this.model?.countNoun ?? 'crimes';
  }

  private hover(event: MapLayerMouseEvent, text: TooltipText): void {
    this.map.getCanvas().style.cursor = 'pointer';
    this.tooltip.show(text.title, text.lines, event.point.x, event.point.y);
  }

  private hoverHex(event: MapLayerMouseEvent): void {
    const cell = event.features?.[0]?.properties.cell;
    if (this.analysis === null || cell === undefined) return;
    this.hover(event, hexTooltip(this.analysis, Number(cell), this.noun()));
  }

  private leave(): void {
    this.map.getCanvas().style.cursor = '';
    this.tooltip.hide();
  }

  private async zoomIntoCluster(event: MapLayerMouseEvent): Promise<void> {
    const feature = event.features?.[0];
    if (!feature) return;
    const source = this.map.getSource<GeoJSONSource>(SOURCES.points);
    const zoom = await source?.getClusterExpansionZoom(Number(feature.properties.cluster_id));
    // byUser: the map records this move in the view, as it does a pan by hand.
    if (zoom !== undefined) this.map.easeTo({ center: (feature.geometry as GeoJSON.Point).coordinates as [number, number], zoom }, { byUser: true });
  }

  /** The crimes at a point, asked of the worker, in a popup built from text nodes. */
  private async openPopup(event: MapLayerMouseEvent): Promise<void> {
    const feature = event.features?.[0];
    if (!feature || this.model === null || this.analysis === null) return;
    const request = layerRequest(this.model, this.area);
    if (request === null) return;
    const coordinates = (feature.geometry as GeoJSON.Point).coordinates as [number, number];
    const answer = await requestCrimesAt(request.filter, Number(feature.properties.point));
    if (answer === null) return;
    const text = pointPopup(answer.total, answer.crimes, this.noun());
    const content = document.createElement('div');
    content.className = 'crime-popup';
    const heading = document.createElement('h3');
    heading.textContent = `${text.title}: ${text.location}`;
    const list = document.createElement('ul');
    for (const entry of text.entries) {
      const item = document.createElement('li');
      const strong = document.createElement('strong');
      strong.textContent = entry.heading;
      item.append(strong, document.createElement('br'), entry.outcome);
      list.append(item);
    }
    content.append(heading, list);
    if (text.more) content.append(Object.assign(document.createElement('p'), { textContent: text.more }));
    content.append(Object.assign(document.createElement('p'), { className: 'crime-popup-note', textContent: 'Locations are anonymous map points near where each crime happened.' }));
    this.popup?.remove();
    this.popup = new Popup({ maxWidth: '320px', focusAfterOpen: true }).setLngLat(coordinates).setDOMContent(content).addTo(this.map);
  }
}
