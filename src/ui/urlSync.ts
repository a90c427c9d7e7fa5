import { serializeView } from '../core/viewState.ts';
import { useDashboard } from './store.ts';

/**
 * Mirrors the view into the address bar with history.replaceState, so a link or a reload
 * shows the same view. `areaId` is kept when the address named one.
 */
export function syncViewToAddress(areaId: string | null): () => void {
  return useDashboard.subscribe((state, previous) => {
    if (state.view === null || state.view === previous.view) return;
    const search = serializeView(state.view, areaId);
    if (search !== window.location.search) window.history.replaceState(window.history.state, '', `${search}${window.location.hash}`);
  });
}
