import type { DashboardModel } from '../core/dashboardModel.ts';
import { selectModel, useDashboard } from './store.ts';

/**
 * Makes window.__dashboard a frozen copy of the current view model, for browser tests. The
 * copy is made when it is first read: copying England's 7,681 wards takes about 70 ms, which
 * a visitor's page should not spend on every change.
 */
export function exposeDashboardModel(): () => void {
  let copied: { model: DashboardModel; copy: Readonly<DashboardModel> } | null = null;
  Object.defineProperty(window, '__dashboard', {
    configurable: true,
    get: () => {
      const model = selectModel(useDashboard.getState());
      if (model === null) return undefined;
      if (copied?.model !== model) copied = { model, copy: deepFreeze(structuredClone(model)) };
      return copied.copy;
    },
  });
  return () => delete window.__dashboard;
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
