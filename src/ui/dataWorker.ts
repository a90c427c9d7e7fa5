import type { CrimeFilter } from '../core/crimeSelection.ts';
import type { AnalysisOptions } from '../core/layerAnalysis.ts';
import type { CrimesAtMessage, LoadFilesRequest, WorkerMessage, WorkerRequest } from '../worker/messages.ts';
import { useDashboard } from './store.ts';

/*
 * The one data worker of the page: it loads the area, then keeps the crimes and computes
 * the crime layers on request. Requests carry increasing ids; an answer to anything but
 * the latest request is dropped, so a slow answer never overwrites a newer view.
 */

let worker: Worker | null = null;
let lastAnalysis = 0;
let lastCrimesAt = 0;
let crimesAtWaiting: ((message: CrimesAtMessage | null) => void) | null = null;
/** True while the user's own files load: the current data stays on screen until they arrive. */
let loadingFiles = false;

function send(request: WorkerRequest): void {
  worker?.postMessage(request);
}

/**
 * Starts the worker on an area (null for the default) and feeds its progress, result or
 * error into the store. `search` is the query string the view is read from once the data
 * has arrived.
 */
export function loadArea(areaId: string | null, baseUrl: string, search: string): void {
  worker?.terminate();
  const current = new Worker(new URL('../worker/pipeline.worker.ts', import.meta.url), { type: 'module', name: 'pipeline' });
  worker = current;
  current.onmessage = (event: MessageEvent<WorkerMessage>) => {
    const message = event.data;
    const store = useDashboard.getState();
    switch (message.type) {
      case 'progress':
        if (loadingFiles) store.filesProgress(message);
        else store.loadProgress(message);
        break;
      case 'result':
        if (loadingFiles) {
          loadingFiles = false;
          store.filesLoaded();
          // The view carries over where it still fits the new data.
          store.loaded(message.area, withoutArea(window.location.search));
        } else store.loaded(message.area, search);
        break;
      case 'label-points':
        store.labelPointsLoaded(message.points);
        break;
      case 'cancelled':
        loadingFiles = false;
        store.filesCancelled();
        break;
      case 'error':
        if (loadingFiles) {
          // The worker still holds the data from before: only this load failed.
          loadingFiles = false;
          store.filesFailed(message.file, message.problem);
          break;
        }
        current.terminate();
        worker = null;
        store.loadFailed(message.file, message.problem);
        break;
      case 'analysis':
        if (message.id === lastAnalysis) store.analysisReady(message.analysis);
        break;
      case 'analysis-error':
        if (message.id === lastAnalysis) store.analysisFailed(message.problem);
        break;
      case 'crimes-at':
        if (message.id === lastCrimesAt) crimesAtWaiting?.(message);
        break;
    }
  };
  current.onerror = (event) => {
    current.terminate();
    worker = null;
    useDashboard.getState().loadFailed(null, `the data worker failed (${event.message || 'it could not start'})`);
  };
  send({ type: 'load', baseUrl, areaId });
}

/** Loads the user's own files (see LoadFilesRequest); progress and the outcome arrive in the store. */
export function loadFiles(request: Omit<LoadFilesRequest, 'type'>): void {
  if (!worker) return;
  loadingFiles = true;
  useDashboard.getState().filesRequested();
  send({ type: 'load-files', ...request });
}

/** Stops the load of the user's files between pieces; the current data stays. */
export function cancelLoad(): void {
  send({ type: 'cancel' });
}

function withoutArea(search: string): string {
  const params = new URLSearchParams(search);
  params.delete('area');
  return `?${params.toString()}`;
}

/** Asks for a crime layer; the answer arrives in the store. */
export function requestAnalysis(filter: CrimeFilter, options: AnalysisOptions): void {
  send({ type: 'analyse', id: ++lastAnalysis, filter, options });
}

/** The crimes at a snap point; null when a newer request replaced this one. */
export function requestCrimesAt(filter: CrimeFilter, point: number): Promise<CrimesAtMessage | null> {
  crimesAtWaiting?.(null);
  return new Promise((resolve) => {
    crimesAtWaiting = resolve;
    send({ type: 'crimes-at', id: ++lastCrimesAt, filter, point });
  });
}
