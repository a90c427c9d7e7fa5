import { useEffect, useRef } from 'react';
import type { DashboardModel } from '../core/dashboardModel.ts';
import type { LoadedArea } from '../worker/messages.ts';
import { Legend } from './Legend.tsx';
import { mountWardMap } from './map/wardMap.ts';

/** The map (a MapLibre map managed outside React) with its title and legend. */
export function MapPanel({ area, model }: { area: LoadedArea; model: DashboardModel }) {
  const container = useRef<HTMLDivElement>(null);
  const legend = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!container.current) return;
    // The legend floats over the map's left edge on wide screens and sits below it on narrow ones.
    const leftInset = () => {
      const element = legend.current;
      return element && getComputedStyle(element).position === 'absolute' ? element.offsetLeft + element.offsetWidth : 0;
    };
    return mountWardMap(container.current, area, { leftInset });
  }, [area]);
  return (
    <section className="map-panel" aria-labelledby="map-title">
      <h2 id="map-title" className="map-title">
        {model.measureLabel}: {model.categoryLabel}, {model.period.label}
      </h2>
      <div className="map-frame">
        <div ref={container} className="map" />
        <Legend model={model} ref={legend} />
      </div>
    </section>
  );
}
