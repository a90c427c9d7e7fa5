import type { Map as MapLibreMap } from 'maplibre-gl';
import type { DashboardModel } from '../core/dashboardModel.ts';

declare global {
  interface Window {
    /** The ward map, for browser tests to project coordinates and sample pixels. */
    __wardMap?: MapLibreMap;
    /** A frozen copy of the current view model, for browser tests. */
    __dashboard?: Readonly<DashboardModel>;
  }
}
