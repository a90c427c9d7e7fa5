import { useEffect } from 'react';
import { Dashboard } from './Dashboard.tsx';
import { Footer } from './Footer.tsx';
import { Header } from './Header.tsx';
import { LoadError } from './LoadError.tsx';
import { LoadingStatus } from './LoadingStatus.tsx';
import { useDashboard } from './store.ts';

export function App() {
  const load = useDashboard((state) => state.load);
  const area = load.status === 'ready' ? load.area : null;
  useEffect(() => {
    document.title = area ? `${area.config.name}: crime by ward` : 'Ward crime map';
  }, [area]);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to the dashboard
      </a>
      <Header area={area} />
      {load.status === 'loading' && <LoadingStatus progress={load.progress} />}
      {load.status === 'error' && <LoadError file={load.file} problem={load.problem} />}
      {load.status === 'ready' && <Dashboard load={load} />}
      <Footer area={area} />
    </div>
  );
}
