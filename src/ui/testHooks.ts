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

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
