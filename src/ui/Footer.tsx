import type { LoadedArea } from '../worker/messages.ts';

export function Footer({ area }: { area: LoadedArea | null }) {
  const lines = area ? [...area.config.attribution, ...(area.config.basemap ? [area.config.basemap.attribution] : [])] : [];
  return (
    <footer className="site-footer">
      {lines.length > 0 && (
        <ul className="attribution">
          {lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
      <p>
        <a href="data/SOURCE.md">About the data: sources and licences</a>
      </p>
    </footer>
  );
}
