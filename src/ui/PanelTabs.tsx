import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { SidePanel } from '../core/viewState.ts';
import { useDashboard } from './store.ts';

const LABELS: Record<SidePanel, string> = { wards: 'Wards', trend: 'Trend', rates: 'Rates', places: 'Concentration' };

/**
 * The side panel's tabs (WAI-ARIA tabs pattern: arrow keys, Home and End move between
 * tabs and open them). The open tab is part of the view, so a link restores it.
 */
export function PanelTabs({ panel, panels }: { panel: SidePanel; panels: Partial<Record<SidePanel, ReactNode>> }) {
  const id = useId();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const available = (Object.keys(LABELS) as SidePanel[]).filter((key) => panels[key] !== undefined);
  const open = available.includes(panel) ? panel : available[0];
  const setPanel = useDashboard.getState().setPanel;

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = available.length - 1;
    const next = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setPanel(available[next]);
    tabs.current[next]?.focus();
  };

  return (
    <div className="panel-tabs">
      <div role="tablist" aria-label="Side panel" className="tab-list">
        {available.map((key, index) => (
          <button
            key={key}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${key}`}
            aria-selected={key === open}
            aria-controls={`${id}-panel-${key}`}
            tabIndex={key === open ? 0 : -1}
            className="tab"
            onClick={() => setPanel(key)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {LABELS[key]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel-${open}`} aria-labelledby={`${id}-tab-${open}`} className="tab-panel" data-panel={open}>
        {panels[open]}
      </div>
    </div>
  );
}
