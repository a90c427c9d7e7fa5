import type { DashboardModel } from '../core/dashboardModel.ts';
import { selectModel, useDashboard } from './store.ts';

/** Keeps window.__dashboard a frozen copy of the current view model, for browser tests. */
export function exposeDashboardModel(): () => void {
  let current: DashboardModel | null = null;
  return useDashboard.subscribe((state) => {
    const model = selectModel(state);
    if (model === current || model === null) return;
    current = model;
    window.__dashboard = deepFreeze(structuredClone(model));
  });
}

/** What a crime layer holds, summed, as window.__layer: browser tests reconcile it with the table. */
export interface LayerSummary {
  layer: string;
  crimes: number;
  cells: number;
  cellTotal: number;
  hotCells: number;
  points: number;
  pointTotal: number;
}

/** Keeps window.__layer a summary of the latest crime layer from the worker. */
export function exposeLayerSummary(): () => void {
  return useDashboard.subscribe((state, previous) => {
    const result = state.analysis.result;
    if (result === previous.analysis.result || result === null) return;
    const sum = (values: ArrayLike<number>) => {
      let total = 0;
      for (let i = 0; i < values.length; i++) total += values[i];
      return total;
    };
    window.__layer = Object.freeze({
      layer: result.layer,
      crimes: result.crimes,
      cells: result.cells.count.length,
      cellTotal: sum(result.cells.count),
      hotCells: result.cells.bin.filter((bin) => bin > 0).length,
      points: result.points.point.length,
      pointTotal: sum(result.points.count),
    });
  });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** Keeps window.__load the latest load's worker timings and row counts, for the browser bench. */
export function exposeLoadSummary(): () => void {
  return useDashboard.subscribe((state, previous) => {
    if (state.load === previous.load || state.load.status !== 'ready') return;
    const { timings, quality } = state.load.area;
    window.__load = Object.freeze({ timings: { ...timings }, counts: { ...quality.counts }, wards: state.load.area.wardIds.length });
  });
}
