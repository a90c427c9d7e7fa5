import type { Ref } from 'react';
import type { LayerLegend as LayerLegendModel } from '../core/layerLegends.ts';

/** The key of a crime layer (density, hexagons, hot spots, points): colours or symbols, how it was made, and its caveats. */
export function LayerLegend({ legend, ref }: { legend: LayerLegendModel; ref?: Ref<HTMLElement> }) {
  const ramp = legend.entries.every((entry) => entry.shape === 'ramp');
  return (
    // Focusable: on a short map the legend scrolls, and keyboard users must reach its end.
    <section className="legend" aria-labelledby="legend-title" ref={ref} tabIndex={0}>
      <h3 id="legend-title" className="legend-title">
        {legend.title}
      </h3>
      <p className="legend-method">{legend.method}</p>
      {ramp ? (
        <div className="legend-ramp">
          <span className="legend-ramp-bar" style={{ background: `linear-gradient(to right, ${legend.entries.map((e) => e.colour).join(', ')})` }} aria-hidden="true" />
          <span className="legend-ramp-labels">
            <span>{legend.entries[0]?.label}</span>
            <span>{legend.entries[legend.entries.length - 1]?.label}</span>
          </span>
        </div>
      ) : (
        <ul className="legend-classes">
          {legend.entries.map((entry) => (
            <li key={entry.label}>
              <span className={entry.shape === 'circle' ? 'legend-swatch legend-swatch--circle' : 'legend-swatch'} style={{ backgroundColor: entry.colour }} aria-hidden="true" />
              <span className="legend-range">{entry.label}</span>
              <span className="legend-count">{entry.count}</span>
            </li>
          ))}
        </ul>
      )}
      {legend.notes.map((note) => (
        <p key={note} className="legend-note">
          {note}
        </p>
      ))}
    </section>
  );
}
