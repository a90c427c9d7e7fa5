import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { parseAreaId } from './core/viewState.ts';
import { App } from './ui/App.tsx';
import { loadArea } from './ui/dataWorker.ts';
import { addNotice } from './ui/store.ts';
import { syncCrimeLayer } from './ui/layerSync.ts';
import { exposeDashboardModel, exposeLayerSummary, exposeLoadSummary } from './ui/testHooks.ts';
import { syncViewToAddress } from './ui/urlSync.ts';
import './ui/styles.css';

function start(): void {
  const search = window.location.search;
  const { areaId, notice } = parseAreaId(search);
  if (notice) addNotice(notice);
  syncViewToAddress(areaId);
  exposeDashboardModel();
  exposeLayerSummary();
  exposeLoadSummary();
  syncCrimeLayer();
  loadArea(areaId, document.baseURI, search);

  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

start();
