import { inSentence } from '../core/periods.ts';
import { useEffect, useRef } from 'react';
import type { DashboardModel } from '../core/dashboardModel.ts';
import { hiddenCategories, hiddenCategoriesNote, isCrimeLayer } from '../core/layerRequest.ts';
import { layerLegend } from '../core/layerLegends.ts';
import type { LoadedArea } from '../worker/messages.ts';
import { MapDownload } from './export/MapDownload.tsx';
import { LayerLegend } from './LayerLegend.tsx';
import { LayerSwitcher } from './LayerSwitcher.tsx';
import { Legend } from './Legend.tsx';
import { mountWardMap } from './map/wardMap.ts';
import { useDashboard } from './store.ts';

const LAYER_TITLES = { density: 'Density', hexbins: 'Hexagons', hotspots: 'Hot spots', points: 'Crimes at their map points' } as const;

/** The map (a MapLibre map managed outside React) with its layer switcher, title and legend. */
export function MapPanel({ area, model, embed = false }: { area: LoadedArea; model: DashboardModel; embed?: boolean }) {
  const container = useRef<HTMLDivElement>(null);
  const legendRef = useRef<HTMLElement>(null);
  const analysis = useDashboard((state) => state.analysis);
  useEffect(() => {
    if (!container.current) return;
    // The legend floats over the map's left edge on wide screens and sits below it on narrow ones.
    const floatingLegend = () => {
      const element = legendRef.current;
      return element && getComputedStyle(element).position === 'absolute' ? element : null;
    };
    const leftInset = () => {
      const legend = floatingLegend();
      return legend ? legend.offsetLeft + legend.offsetWidth : 0;
    };
    const overlays = () => {
      const legend = floatingLegend()?.getBoundingClientRect();
      const map = container.current?.getBoundingClientRect();
      if (!legend || !map) return [];
      return [{ x: legend.left - map.left + legend.width / 2, y: legend.top - map.top + legend.height / 2, width: legend.width, height: legend.height }];
    };
    return mountWardMap(container.current, area, { leftInset, overlays });
  }, [area]);

  const { layer } = model.view;
  const result = analysis.result?.layer === layer ? analysis.result : null;
  const hiddenNote = hiddenCategoriesNote(hiddenCategories(model, area.cube.categories));
  const baseLegend = result ? layerLegend(layer, result, model.view.method, model.view.classes, model.countNoun) : null;
  const crimeLegend = baseLegend && hiddenNote ? { ...baseLegend, notes: [hiddenNote, ...baseLegend.notes] } : baseLegend;
  const title =
    layer === 'wards'
      ? model.measureLabel
      : layer === 'change'
        ? `Change on ${inSentence(model.previous.label)}`
        : LAYER_TITLES[layer];
  return (
    <section className="map-panel" aria-labelledby="map-title">
      <h2 id="map-title" className="map-title">
        {title}: {model.categoryLabel}, {model.period.label}
      </h2>
      {!embed && <LayerSwitcher model={model} analysis={analysis} previousAvailable={model.previousAvailable} hasLsoas={area.byLsoa !== null} />}
      <div className="map-frame">
        <div ref={container} className="map" />
        {isCrimeLayer(layer) ? crimeLegend && <LayerLegend legend={crimeLegend} ref={legendRef} /> : <Legend model={model} ref={legendRef} />}
      </div>
      {!embed && <MapDownload area={area} model={model} title={title} crimeLegend={isCrimeLayer(layer) ? crimeLegend : null} mapElement={() => container.current} />}
    </section>
  );
}
