import { localName } from '../core/categories.ts';
import { useState } from 'react';
import { ALL_CRIME_EXCL_ASB_LABEL, ANTI_SOCIAL_BEHAVIOUR } from '../core/categories.ts';
import type { DashboardData, DashboardModel } from '../core/dashboardModel.ts';
import { trendModel } from '../core/trendSeries.ts';
import { MAX_COMPARED_CATEGORIES } from '../core/viewState.ts';
import { fileSlug } from './export/download.ts';
import { TrendChart } from './plots/TrendChart.tsx';
import { useDashboard } from './store.ts';
import { YearlyTotals } from './YearlyTotals.tsx';

const SOURCE = 'Source: police.uk street-level crime (Open Government Licence v3.0)';

/** The trend tab: monthly or quarterly counts for the selected ward, the group or the district, with comparisons. */
export function TrendPanel({ data, model, districtName }: { data: DashboardData; model: DashboardModel; districtName: string }) {
  const store = useDashboard.getState();
  const [showRolling, setShowRolling] = useState(true);
  const [showPreviousYear, setShowPreviousYear] = useState(true);
  const trend = trendModel(data, model, districtName);
  const { view } = model;
  const single = trend.lines.length === 1;
  const choices = [
    { key: 'all-excl-asb', label: ALL_CRIME_EXCL_ASB_LABEL },
    ...(data.cube.categories.includes(ANTI_SOCIAL_BEHAVIOUR) ? [{ key: 'asb', label: ANTI_SOCIAL_BEHAVIOUR }] : []),
    ...data.cube.categories.filter((name) => name !== ANTI_SOCIAL_BEHAVIOUR).map((name) => ({ key: name, label: name })),
  ].filter((choice) => choice.key !== view.category);
  if (trend.yearly) {
    return (
      <section className="trend-panel" aria-labelledby="trend-title">
        <h2 id="trend-title" className="panel-title">
          {model.categoryLabel}: {trend.areaLabel}
        </h2>
        <YearlyTotals years={trend.yearly} indicator={localName(model.categoryLabel)} area={trend.areaLabel} countNoun={model.countNoun} />
      </section>
    );
  }
  return (
    <section className="trend-panel" aria-labelledby="trend-title">
      <h2 id="trend-title" className="panel-title">
        {view.quarterly ? 'Quarterly' : 'Monthly'} {model.countNoun}: {trend.areaLabel}, {model.period.label}
      </h2>
      <p className="peak-months">{trend.peaks}</p>
      <div className="trend-options">
        <label>
          <input type="checkbox" checked={view.quarterly} onChange={(event) => store.setQuarterly(event.target.checked)} /> Quarterly totals
        </label>
        <label>
          <input type="checkbox" checked={showRolling && single && !view.quarterly} disabled={!single || view.quarterly} onChange={(event) => setShowRolling(event.target.checked)} /> 12-month average
        </label>
        <label>
          <input type="checkbox" checked={showPreviousYear && single && !view.quarterly} disabled={!single || view.quarterly} onChange={(event) => setShowPreviousYear(event.target.checked)} /> Year before
        </label>
      </div>
      <TrendChart
        trend={trend}
        yLabel={`${model.countNoun === 'crimes' ? 'Crimes' : 'Incidents'} per month`}
        source={SOURCE}
        quarterly={view.quarterly}
        showRolling={showRolling && single}
        showPreviousYear={showPreviousYear && single}
        onBrush={store.setMonths}
        title={`${view.quarterly ? 'Quarterly' : 'Monthly'} ${model.countNoun}: ${trend.areaLabel}, ${model.categoryLabel}, ${model.period.label}`}
        fileName={fileSlug(districtName, 'trend', view.category, view.period)}
      />
      <details className="trend-compare">
        <summary>Compare with other categories ({view.compare.length} of {MAX_COMPARED_CATEGORIES})</summary>
        <ul>
          {choices.map((choice) => (
            <li key={choice.key}>
              <label>
                <input
                  type="checkbox"
                  checked={view.compare.includes(choice.key)}
                  disabled={!view.compare.includes(choice.key) && view.compare.length >= MAX_COMPARED_CATEGORIES}
                  onChange={() => store.toggleCompared(choice.key)}
                />{' '}
                {choice.label}
              </label>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
