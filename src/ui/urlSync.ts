import { serializeView, type View } from '../core/viewState.ts';
import { useDashboard } from './store.ts';

/**
 * Keeps the view and the address in step, so every view is a link and back and forward
 * step through views: a change of setting pushes a history entry; moving the map only
 * replaces the current one (a pan is not a step back). Back or forward restores the
 * view of that address. `areaId` is kept when the address named one.
 */
export function syncViewToAddress(areaId: string | null): () => void {
  let restoring = false;
  const onPopState = () => {
    restoring = true;
    useDashboard.getState().restoreView(window.location.search);
    restoring = false;
  };
  window.addEventListener('popstate', onPopState);
  const unsubscribe = useDashboard.subscribe((state, previous) => {
    if (state.view === null || state.view === previous.view || restoring) return;
    const search = serializeView(state.view, areaId);
    if (search === window.location.search) return;
    const url = `${search}${window.location.hash}`;
    // The first view (read from the address) and map moves replace; settings push.
    if (previous.view === null || onlyCameraChanged(previous.view, state.view)) window.history.replaceState(window.history.state, '', url);
    else window.history.pushState(null, '', url);
  });
  return () => {
    unsubscribe();
    window.removeEventListener('popstate', onPopState);
  };
}

function onlyCameraChanged(before: View, after: View): boolean {
  return serializeView({ ...before, camera: null }) === serializeView({ ...after, camera: null });
}
