import type { DisclosureMode, Page } from '../core/viewState.ts';
import { useDashboard } from './store.ts';

const PAGES: { page: Page; label: string }[] = [
  { page: 'map', label: 'Map and wards' },
  { page: 'report', label: 'Strategic Assessment report' },
];

/** The two pages, and the disclosure mode they are shown in, with the switch between public and officer views. */
export function PageSwitch({ page, mode, modeLabel }: { page: Page; mode: DisclosureMode; modeLabel: string }) {
  const store = useDashboard.getState();
  return (
    <div className="page-switch">
      <nav aria-label="Pages">
        <ul>
          {PAGES.map((entry) => (
            <li key={entry.page}>
              <button type="button" aria-current={entry.page === page ? 'page' : undefined} onClick={() => store.setPage(entry.page)}>
                {entry.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <p className={`mode-label mode-label--${mode}`}>
        <span>{modeLabel}</span>
        <button type="button" className="link-button no-print" onClick={() => store.setMode(mode === 'public' ? 'officer' : 'public')}>
          {mode === 'public' ? 'Show full detail (officer view)' : 'Show the public view'}
        </button>
      </p>
    </div>
  );
}
