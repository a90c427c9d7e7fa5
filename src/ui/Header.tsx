import { formatMonth } from '../core/months.ts';
import type { LoadedArea } from '../worker/messages.ts';

export function Header({ area, fullLink }: { area: LoadedArea | null; fullLink: string | null }) {
  const dataTo = area ? formatMonth(area.range.last) : null;
  return (
    <header className={fullLink ? 'site-header site-header--embed' : 'site-header'}>
      <h1>{area ? `${area.config.name}: crime by ward` : 'Ward crime map'}</h1>
      {area && dataTo && (
        <p className="site-header-meta">
          <span>{area.config.boundaries.label}</span>
          <span>
            police.uk data to <time dateTime={dataTo}>{dataTo}</time>
          </span>
        </p>
      )}
      {fullLink && (
        <a className="full-link" href={fullLink} target="_blank" rel="noopener">
          Open the full dashboard (new tab)
        </a>
      )}
    </header>
  );
}
