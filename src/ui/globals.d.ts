import type { Map as MapLibreMap } from 'maplibre-gl';
import type { DashboardModel } from '../core/dashboardModel.ts';
import type { DataQuality, LoadedArea } from '../worker/messages.ts';
import type { LayerSummary } from './testHooks.ts';

declare global {
  interface Window {
    /** The ward map, for browser tests to project coordinates and sample pixels. */
    __wardMap?: MapLibreMap;
    /** A frozen copy of the current view model, for browser tests. */
    __dashboard?: Readonly<DashboardModel>;
    /** The latest crime layer, summed, for browser tests. */
    __layer?: Readonly<LayerSummary>;
    /** The latest load's worker timings and row counts, for the browser bench. */
    __load?: Readonly<{ timings: LoadedArea['timings']; counts: DataQuality['counts']; wards: number }>;
  }
}
