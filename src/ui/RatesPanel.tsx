import type { DashboardModel } from '../core/dashboardModel.ts';
import { formatCount, formatRate } from '../core/format.ts';
import { NotAvailable, UnreliableMark } from './FigureText.tsx';
import { FunnelPlot, funnelPositionText } from './plots/FunnelPlot.tsx';
import { useDashboard } from './store.ts';

/**
 * Honest rates: the funnel plot of ward rates against population, and each ward's raw
 * and empirical-Bayes smoothed rate with whether it differs significantly from the district.
 */
const RATE_ROWS = 150;

export function RatesPanel({ model }: { model: DashboardModel }) {
  const store = useDashboard.getState();
  const hovered = useDashboard((state) => state.hoveredWard);
  if (model.funnel === null) return <p className="note">This area has no population figures, so there are no rates to compare.</p>;
  const ranked = [...model.wards].filter((w) => w.figures.rate !== null).sort((a, b) => (b.figures.rate ?? 0) - (a.figures.rate ?? 0));
  // The highest rates: a county or England has thousands of wards, and the funnel plot shows them all.
  const rows = ranked.slice(0, RATE_ROWS);
  return (
    <section className="rates-panel" aria-labelledby="rates-title">
      <h2 id="rates-title" className="panel-title">
        Rates per 1,000 residents against population: {model.categoryLabel}, {model.period.label}
      </h2>
      <p className="note">
        Small wards have rates that swing by chance. Wards between the curves are not significantly different from the district rate; the smoothed rate pulls
        each ward towards the district rate, the more so the smaller it is (empirical Bayes).
      </p>
      <FunnelPlot model={model} highlighted={hovered} onHover={store.hoverWard} onSelect={(id) => store.toggleWard(id)} />
      <div className="table-scroll table-scroll--short" tabIndex={0} role="region" aria-label="Ward rates table, scrollable">
        <table className="rates-table">
          <caption className="visually-hidden">Ward rates, smoothed rates and position on the funnel plot</caption>
          <thead>
            <tr>
              <th scope="col">Ward</th>
              <th scope="col" className="num">
                Count
              </th>
              <th scope="col" className="num">
                Rate
              </th>
              <th scope="col" className="num">
                Smoothed rate
              </th>
              <th scope="col">Against the district</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((w) => (
              <tr key={w.id} className={hovered === w.ward ? 'is-selected' : undefined} onMouseEnter={() => store.hoverWard(w.ward)} onMouseLeave={() => store.hoverWard(null)}>
                <th scope="row">{w.name}</th>
                <td className="num">
                  {formatCount(w.figures.count)}
                  {w.unreliable && <UnreliableMark />}
                </td>
                <td className="num">{formatRate(w.figures.rate ?? 0, model.rateDigits)}</td>
                <td className="num">{w.smoothedRate === null ? <NotAvailable reason="No population figure." /> : formatRate(w.smoothedRate, model.rateDigits)}</td>
                <td>{w.funnel === null ? '' : funnelPositionText(w.funnel)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {ranked.length > RATE_ROWS && <p className="table-more">The {RATE_ROWS} highest rates of {ranked.length.toLocaleString('en-GB')} wards; the ward table and its download have them all.</p>}
    </section>
  );
}
