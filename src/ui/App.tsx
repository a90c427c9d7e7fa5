import { useEffect } from 'react';
import { Dashboard } from './Dashboard.tsx';
import { Footer } from './Footer.tsx';
import { Header } from './Header.tsx';
import { LoadError } from './LoadError.tsx';
import { LoadingStatus } from './LoadingStatus.tsx';
import { serializeView } from '../core/viewState.ts';
import { viewLinks } from './shareLinks.ts';
import { useDashboard } from './store.ts';

export function App() {
  const load = useDashboard((state) => state.load);
  const view = useDashboard((state) => state.view);
  const area = load.status === 'ready' ? load.area : null;
  const embed = view?.embed ?? false;
  const fullLink = embed && view ? viewLinks(window.location.href, serializeView(view, new URLSearchParams(window.location.search).get('area'))).full : null;
  useEffect(() => {
    document.title = area ? `${area.config.name}: crime by ward` : 'Ward crime map';
  }, [area]);
  return (
    <div className={embed ? 'app app--embed' : 'app'}>
      <a className="skip-link" href="#main">
        Skip to the dashboard
      </a>
      <Header area={area} fullLink={fullLink} />
      {load.status === 'loading' && <LoadingStatus progress={load.progress} />}
      {load.status === 'error' && <LoadError file={load.file} problem={load.problem} />}
      {load.status === 'ready' && <Dashboard load={load} />}
      <Footer area={area} />
    </div>
  );
}
