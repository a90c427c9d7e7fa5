import type { Ref } from 'react';
import type { DashboardModel } from '../core/dashboardModel.ts';

/** The map key: what is mapped, how it is classed, each class's colour and range, and the hatched wards. */
export function Legend({ model, ref }: { model: DashboardModel; ref?: Ref<HTMLElement> }) {
  const { legend } = model;
  const faded = model.groupFilter !== null ? model.view.group : null;
  return (
    <section className="legend" aria-labelledby="legend-title" ref={ref}>
      <h3 id="legend-title" className="legend-title">
        {legend.title}
      </h3>
      <p className="legend-method">{legend.method}</p>
      <LegendClasses legend={legend} />
      {faded !== null && (
        <p className="legend-note">
          Wards outside {faded} are faded; colours compare across all wards.
        </p>
      )}
      {legend.populationNote && <p className="legend-note">{legend.populationNote}</p>}
      {legend.sourceNote && <p className="legend-note">{legend.sourceNote}</p>}
    </section>
  );
}

/** Each class's colour, range and number of wards, then the hatched wards. */
export function LegendClasses({ legend }: { legend: DashboardModel['legend'] }) {
  const wards = (n: number) => `${n} ${n === 1 ? 'ward' : 'wards'}`;
  return (
    <ul className="legend-classes">
      {legend.entries.map((entry) => (
        <li key={entry.colour}>
          <span className="legend-swatch" style={{ backgroundColor: entry.colour }} aria-hidden="true" />
          <span className="legend-range">{entry.label}</span>
          <span className="legend-count">{wards(entry.wardCount)}</span>
        </li>
      ))}
      {legend.noData && (
        <li>
          <span className="legend-swatch legend-swatch--hatch" aria-hidden="true" />
          <span className="legend-range">{legend.noData.label}</span>
          <span className="legend-count">{wards(legend.noData.wardCount)}</span>
        </li>
      )}
    </ul>
  );
}
