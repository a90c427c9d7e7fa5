import type { DashboardModel } from '../core/dashboardModel.ts';
import type { LsoaComparison } from '../core/lsoaWardLookup.ts';
import { AssignmentComparison } from './AssignmentComparison.tsx';
import { fileSlug } from './export/download.ts';
import { ConcentrationChart } from './plots/ConcentrationChart.tsx';
import { useDashboard } from './store.ts';

/** Where crime concentrates (the hexagon layers' concentration curve) and how much ward figures depend on snap points. */
export function PlacesPanel({ model, lookup }: { model: DashboardModel; lookup: LsoaComparison | null }) {
  const analysis = useDashboard((state) => state.analysis.result);
  const setLayer = useDashboard.getState().setLayer;
  const concentration = analysis?.concentration && analysis.layer === model.view.layer ? analysis.concentration : null;
  const share = concentration ? Math.round(concentration.topFivePercentShare) : null;
  const sentence =
    share === null
      ? ''
      : `The busiest 5% of the ${analysis!.cells.count.length.toLocaleString('en-GB')} ${analysis!.grid.units === 'lsoas' ? 'LSOAs' : `${analysis!.grid.cell.toLocaleString('en-GB')} m hexagons`} hold ${share}% of ${model.countNoun}.`;
  return (
    <section className="places-panel" aria-labelledby="places-title">
      <h2 id="places-title" className="panel-title">
        How concentrated is crime? {model.categoryLabel}, {model.period.label}
      </h2>
      {concentration ? (
        <>
          <p className="peak-months">{sentence}</p>
          <ConcentrationChart
            curve={concentration.curve}
            label={`Concentration curve. ${sentence}`}
            title={`Share of ${model.countNoun} in the busiest places: ${model.categoryLabel}, ${model.period.label}`}
            fileName={fileSlug('concentration', model.view.category, model.view.period)}
          />
          <p className="note">Hexagons with no {model.countNoun} count too; the dashed line is what an even spread would give.</p>
        </>
      ) : (
        <p className="note">
          The concentration curve comes from the hexagons.{' '}
          <button type="button" className="ward-button" onClick={() => setLayer('hexbins')}>
            Show the hexagon layer
          </button>
        </p>
      )}
      {lookup && <AssignmentComparison model={model} lookup={lookup} />}
    </section>
  );
}
