import type { LoadRequest, WorkerMessage } from '../worker/messages.ts';
import { useDashboard } from './store.ts';

/**
 * Starts the pipeline worker on an area (null for the default) and feeds its progress,
 * result or error into the store. `search` is the query string the view is read from
 * once the data has arrived.
 */
export function loadArea(areaId: string | null, baseUrl: string, search: string): void {
  const worker = new Worker(new URL('../worker/pipeline.worker.ts', import.meta.url), { type: 'module', name: 'pipeline' });
  worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
    const message = event.data;
    const store = useDashboard.getState();
    switch (message.type) {
      case 'progress':
        store.loadProgress(message);
        break;
      case 'result':
        worker.terminate();
        store.loaded(message.area, search);
        break;
      case 'error':
        worker.terminate();
        store.loadFailed(message.file, message.problem);
        break;
    }
  };
  worker.onerror = (event) => {
    worker.terminate();
    useDashboard.getState().loadFailed(null, `the data worker failed (${event.message || 'it could not start'})`);
  };
  const request: LoadRequest = { type: 'load', baseUrl, areaId };
  worker.postMessage(request);
}
