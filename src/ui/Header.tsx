import { formatMonth } from '../core/months.ts';
import type { LoadedArea } from '../worker/messages.ts';

export function Header({ area }: { area: LoadedArea | null }) {
  const dataTo = area ? formatMonth(area.range.last) : null;
  return (
    <header className="site-header">
      <h1>{area ? `${area.config.name}: crime by ward` : 'Ward crime map'}</h1>
      {area && dataTo && (
        <p className="site-header-meta">
          <span>{area.config.boundaries.label}</span>
          <span>
            Data to <time dateTime={dataTo}>{dataTo}</time>
          </span>
        </p>
      )}
    </header>
  );
}
