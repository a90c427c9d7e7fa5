import { layerRequest } from '../core/layerRequest.ts';
import { requestAnalysis } from './dataWorker.ts';
import { selectModel, useDashboard } from './store.ts';

/**
 * Asks the worker for the crime layer whenever the view needs a different one (layer,
 * category, period, group, cell size or band), and never twice for the same.
 */
export function syncCrimeLayer(): () => void {
  return useDashboard.subscribe((state) => {
    const model = selectModel(state);
    if (model === null || state.load.status !== 'ready') return;
    const request = layerRequest(model, state.load.data);
    if (request === null || request.key === state.analysis.key) return;
    state.analysisRequested(request.key);
    requestAnalysis(request.filter, request.options);
  });
}
