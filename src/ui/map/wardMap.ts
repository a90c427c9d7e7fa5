import { AttributionControl, Map as MapLibreMap, NavigationControl, setWorkerUrl, type GeoJSONSource, type MapLibreEvent, type MapMouseEvent } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { DashboardModel } from '../../core/dashboardModel.ts';
import type { Camera } from '../../core/viewState.ts';
import { shapesBounds, type Bounds } from '../../core/wardGeometry.ts';
import { isCrimeLayer } from '../../core/layerRequest.ts';
import { wardTooltip } from '../../core/mapText.ts';
import type { LoadedArea } from '../../worker/messages.ts';
import { addNotice, selectModel, useDashboard, type AnalysisState, type DashboardState } from '../store.ts';
import { registerMapCapturer, type MapCapturer } from '../export/mapCapture.ts';
import { CrimeLayerView } from './crimeLayerView.ts';
import { copyCanvas, metresPerPixel, readLabels, whenIdle } from './mapSnapshot.ts';
import { hatchPattern } from './hatchPattern.ts';
import {
  appStyle,
  fillColour,
  HIGHLIGHT_SOURCE,
  highlightFeatures,
  LAYERS,
  NO_DATA_PATTERN,
  NO_DATA_SOURCE,
  noDataFeatures,
  WARD_SOURCE,
  wardLayers,
  wardSources,
  wardStates,
  type WardFeatures,
} from './mapStyle.ts';
import { WardLabels, type Obstacle } from './wardLabels.ts';
import { MapTooltip } from './mapTooltip.ts';
import { areaCollection, areaFeatures } from './areaFeatures.ts';

const FIT_MARGIN = 16;
const PATTERN_PIXEL_RATIO = 2;

export interface WardMapOptions {
  /** Width covered by an overlay along the map's left edge (the legend), kept clear when fitting the wards. */
  leftInset: () => number;
  /** Boxes over the map (the legend), in the map's pixels, that ward names keep clear of. */
  overlays: () => Obstacle[];
}

/**
 * Creates the ward map in a container and keeps it in step with the store: paint
 * properties, feature states and filters follow the view model; hover shows a tooltip and
 * click selects a ward. The container's data-map-state is "loading" while a change is
 * being drawn and "ready" once the map is idle. Returns a function that removes the map.
 */
export function mountWardMap(container: HTMLElement, area: LoadedArea, options: WardMapOptions): () => void {
  // The worker script is bundled as an asset: MapLibre cannot find it beside a bundled chunk.
  setWorkerUrl(new URL(maplibreWorkerUrl, document.baseURI).href);
  container.dataset.mapState = 'loading';
  const { config } = area;
  const basemap = config.basemap;
  const map = new MapLibreMap({
    container,
    style: basemap ? basemap.style : appStyle(areaCollection(area)),
    bounds: area.bounds,
    fitBoundsOptions: { padding: FIT_MARGIN },
    attributionControl: false,
    canvasContextAttributes: { preserveDrawingBuffer: true },
    fadeDuration: 0,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(
    new AttributionControl({ compact: false, customAttribution: [...config.attribution, ...(basemap ? [basemap.attribution] : [])] }),
    'bottom-right',
  );
  window.__wardMap = map;

  const labels = new WardLabels(map, area.wardNames);
  // The names' places arrive from the worker just after the data (see LabelPointsMessage).
  const pointsFor = (state: DashboardState) => (state.labelPoints?.shapes === area.shapes ? state.labelPoints.points : null);
  let labelPoints = pointsFor(useDashboard.getState());
  if (labelPoints) labels.setPoints(labelPoints);
  const featureOf = areaFeatures(area);
  const obstacles = () => [...options.overlays(), ...(crimeLayers?.placeLabels() ?? [])];
  const tooltip = new MapTooltip(container);
  let crimeLayers: CrimeLayerView | null = null;
  let styleReady = false;
  let hovered: number | null = null;
  let selected: number | null = null;
  /** The group filter the map was last fitted to. */
  let fittedGroup: number | null = null;
  /** The hatched wards now drawn, so the hatch's source is only replaced when they change. */
  let noDataKey = '';
  let model: DashboardModel | null = null;
  let analysis: AnalysisState = useDashboard.getState().analysis;
  let movedByUser = false;
  // Set while the map moves itself (fitting the wards, following the address), so only a
  // person's moves are written to the view.
  let programmatic = false;
  const moveSelf = (move: () => void) => {
    programmatic = true;
    try {
      move();
    } finally {
      programmatic = false;
    }
  };

  /** What the map shows until the user moves it: the filtering group's wards, else the area. */
  const focusBounds = (): Bounds => {
    if (model === null || model.groupFilter === null) return area.bounds;
    return shapesBounds(area.shapes, model.wards.filter((w) => w.inFilter).map((w) => w.ward));
  };

  /** Fits the wards between the overlays: legend on the left, zoom buttons on the right, attribution below. */
  const fitWards = () => {
    const controlHeight = (corner: string) => container.querySelector<HTMLElement>(`.maplibregl-ctrl-${corner}`)?.offsetHeight ?? 0;
    const controlWidth = (corner: string) => container.querySelector<HTMLElement>(`.maplibregl-ctrl-${corner}`)?.offsetWidth ?? 0;
    const padding = {
      top: FIT_MARGIN,
      bottom: FIT_MARGIN + controlHeight('bottom-right'),
      left: FIT_MARGIN + options.leftInset(),
      right: FIT_MARGIN + controlWidth('top-right'),
    };
    // Too narrow for the insets (a phone): fit the wards to the whole map instead.
    const roomy = padding.left + padding.right < container.clientWidth * 0.6 && padding.top + padding.bottom < container.clientHeight * 0.6;
    moveSelf(() => map.fitBounds(focusBounds(), { padding: roomy ? padding : FIT_MARGIN, animate: false }));
  };

  /** Follows the view's camera: the address's position, or the whole area when it has none. */
  const followCamera = (camera: Camera | null) => {
    if (camera === null) {
      if (movedByUser) {
        movedByUser = false;
        fitWards();
      }
      return;
    }
    const centre = map.getCenter();
    const near = Math.abs(centre.lng - camera.lon) < 1e-3 && Math.abs(centre.lat - camera.lat) < 1e-3 && Math.abs(map.getZoom() - camera.zoom) < 0.01;
    movedByUser = true;
    if (!near) moveSelf(() => map.jumpTo({ center: [camera.lon, camera.lat], zoom: camera.zoom }));
  };

  const apply = (next: DashboardModel | null) => {
    model = next;
    if (!styleReady || model === null) return;
    container.dataset.mapState = 'loading';
    // The crime layers draw over bare ward outlines. data-layer-state tells tests (and
    // styles) whether the worker's answer for the layer has arrived.
    const crimeLayer = isCrimeLayer(model.view.layer);
    const answered = analysis.status === 'ready' && analysis.result?.layer === model.view.layer;
    container.dataset.layerState = !crimeLayer || answered ? 'ready' : analysis.status === 'error' ? 'error' : 'loading';
    const wardFills = crimeLayer ? 'none' : 'visible';
    for (const layer of [LAYERS.fill, LAYERS.noData]) map.setLayoutProperty(layer, 'visibility', wardFills);
    crimeLayers?.update(model, analysis.result);
    map.setPaintProperty(LAYERS.fill, 'fill-color', fillColour(model));
    wardStates(model).forEach((state, id) => map.setFeatureState({ source: WARD_SOURCE, id }, state));
    showNoData(noDataFeatures(featureOf, model));
    if (model.selectedWard !== selected) {
      selected = model.selectedWard;
      showHighlight();
    }
    followCamera(model.view.camera);
    if (model.groupFilter !== fittedGroup) {
      fittedGroup = model.groupFilter;
      if (!movedByUser) fitWards();
    }
    labels.update(model, obstacles());
    map.once('idle', () => {
      container.dataset.mapState = 'ready';
    });
    map.triggerRepaint();
  };

  const setData = (source: string, data: WardFeatures) => map.getSource<GeoJSONSource>(source)?.setData(data);
  const showHighlight = () => setData(HIGHLIGHT_SOURCE, highlightFeatures(featureOf, hovered, selected));
  const showNoData = (data: WardFeatures) => {
    const key = data.features.map((feature) => `${feature.id}${feature.properties?.dimmed ? '-' : ''}`).join();
    if (key === noDataKey) return;
    noDataKey = key;
    setData(NO_DATA_SOURCE, data);
  };

  /** Outlines the hovered ward; the store shares it with the funnel plot, which highlights it too. */
  const setHovered = (ward: number | null) => {
    if (ward === hovered) return;
    hovered = ward;
    showHighlight();
    if (useDashboard.getState().hoveredWard !== ward) useDashboard.getState().hoverWard(ward);
  };

  const onStyleReady = () => {
    styleReady = true;
    // The style's small sources start empty (again, after falling back from a basemap).
    noDataKey = '';
    selected = null;
    const middleLatitude = (area.bounds[1] + area.bounds[3]) / 2;
    crimeLayers = new CrimeLayerView(map, tooltip, area, middleLatitude, LAYERS.outline);
    fitWards();
    const first = selectModel(useDashboard.getState());
    if (first) followCamera(first.view.camera);
    apply(first);
  };
  if (basemap) {
    let fellBack = false;
    map.once('style.load', () => {
      if (!fellBack) {
        for (const [id, source] of Object.entries(wardSources(areaCollection(area)))) map.addSource(id, source);
        for (const layer of wardLayers(true)) map.addLayer(layer);
      }
      onStyleReady();
    });
    // Offline, or a broken basemap URL: fall back to the app's own style rather than a blank map.
    map.on('error', () => {
      if (fellBack || styleReady || map.isStyleLoaded()) return;
      fellBack = true;
      addNotice('The basemap could not be loaded, so the map shows the wards without it.');
      map.setStyle(appStyle(areaCollection(area)), { diff: false });
    });
  } else {
    map.once('load', onStyleReady);
  }
  map.setMissingStyleImageResolver((id) => {
    if (id === NO_DATA_PATTERN && !map.hasImage(NO_DATA_PATTERN)) {
      map.addImage(NO_DATA_PATTERN, hatchPattern(PATTERN_PIXEL_RATIO), { pixelRatio: PATTERN_PIXEL_RATIO });
    }
  });

  map.on('movestart', (event: MapLibreEvent & { originalEvent?: unknown; byUser?: boolean }) => {
    // A pan or zoom by hand, or a move the user asked for (zooming into a cluster).
    if (event.originalEvent || event.byUser) movedByUser = true;
  });
  map.on('moveend', () => {
    if (programmatic || !styleReady || !movedByUser) return;
    const { lng, lat } = map.getCenter();
    useDashboard.getState().setCamera({ lon: lng, lat, zoom: map.getZoom() });
  });
  const placeLabels = () => labels.place(obstacles());
  map.on('move', placeLabels);
  // Clusters change once their data is drawn.
  map.on('idle', placeLabels);
  // Until the user pans or zooms, keep the whole district in view as the layout changes size.
  map.on('resize', () => (movedByUser || !styleReady ? placeLabels() : fitWards()));
  map.on('mousemove', LAYERS.fill, (event) => {
    const ward = wardAt(event);
    if (ward === null || model === null) return;
    setHovered(ward);
    map.getCanvas().style.cursor = 'pointer';
    const text = wardTooltip(model, ward);
    tooltip.show(text.title, text.lines, event.point.x, event.point.y);
  });
  map.on('mouseleave', LAYERS.fill, () => {
    setHovered(null);
    map.getCanvas().style.cursor = '';
    tooltip.hide();
  });
  map.on('click', (event) => {
    const ward = map.queryRenderedFeatures(event.point, { layers: [LAYERS.fill] }).map((f) => Number(f.id))[0];
    useDashboard.getState().toggleWard(ward === undefined ? null : area.wardIds[ward]);
  });

  /**
   * The map at another size and pixel ratio for the image export: the container is resized
   * off screen, the same view fitted (the whole area, or what the user moved to), drawn,
   * copied and put back.
   */
  const capture: MapCapturer = async (width, height, pixelRatio) => {
    const bounds = map.getBounds();
    const camera = { center: map.getCenter(), zoom: map.getZoom() };
    const savedStyle = container.getAttribute('style');
    const savedRatio = map.getPixelRatio();
    Object.assign(container.style, { position: 'fixed', left: '0', top: '0', width: `${width}px`, height: `${height}px`, zIndex: '-1' });
    map.setPixelRatio(pixelRatio);
    map.resize();
    if (movedByUser) moveSelf(() => map.fitBounds(bounds, { padding: 0, animate: false }));
    try {
      await whenIdle(map);
      return { image: copyCanvas(map), labels: readLabels(container), metresPerPixel: metresPerPixel(map), bearing: map.getBearing() };
    } finally {
      if (savedStyle === null) container.removeAttribute('style');
      else container.setAttribute('style', savedStyle);
      map.setPixelRatio(savedRatio);
      map.resize();
      if (movedByUser) moveSelf(() => map.jumpTo(camera));
      map.triggerRepaint();
    }
  };
  registerMapCapturer(capture);

  const unsubscribe = useDashboard.subscribe((state) => {
    const next = selectModel(state);
    const analysisChanged = state.analysis !== analysis;
    analysis = state.analysis;
    if (next !== model || analysisChanged) apply(next);
    if (styleReady && state.hoveredWard !== hovered) setHovered(state.hoveredWard);
    if (pointsFor(state) !== labelPoints) {
      labelPoints = pointsFor(state);
      labels.setPoints(labelPoints ?? [], obstacles());
    }
  });

  return () => {
    registerMapCapturer(null);
    unsubscribe();
    crimeLayers?.remove();
    labels.remove();
    tooltip.remove();
    map.remove();
    if (window.__wardMap === map) delete window.__wardMap;
  };
}

function wardAt(event: MapMouseEvent & { features?: { id?: string | number }[] }): number | null {
  const id = event.features?.[0]?.id;
  return id === undefined ? null : Number(id);
}
