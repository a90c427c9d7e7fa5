import { localName } from '../../core/categories.ts';
import { useState } from 'react';
import { dataStamp } from '../../core/caveats.ts';
import { modeLabel } from '../../core/disclosure.ts';
import { describeCategoryChange } from '../../core/dataCoverage.ts';
import type { DashboardData, DashboardModel } from '../../core/dashboardModel.ts';
import { describeBreak } from '../../core/recordingBreaks.ts';
import { districtTable, rankingTable, splitTable } from '../../core/report/assessmentExport.ts';
import { assessmentSentences } from '../../core/report/assessmentSentences.ts';
import { strategicAssessment } from '../../core/report/assessmentTables.ts';
import { inSentence } from '../../core/periods.ts';
import { trendModel } from '../../core/trendSeries.ts';
import type { LoadedArea } from '../../worker/messages.ts';
import { fileSlug } from '../export/download.ts';
import { SelectField } from '../Field.tsx';
import { PlainTableView } from '../PlainTableView.tsx';
import { TrendChart } from '../plots/TrendChart.tsx';
import { YearlyTotals } from '../YearlyTotals.tsx';
import { useDashboard } from '../store.ts';
import { KeyFindings } from './KeyFindings.tsx';
import { ReportMap } from './ReportMap.tsx';

const TREND_SOURCE = 'Source: police.uk street-level crime (Open Government Licence v3.0)';

/**
 * The Strategic Assessment page: what a partnership writes by hand every year, for the
 * view's period against the previous one of the same length. Prints on A4.
 */
export function ReportPage({ area, data, model }: { area: LoadedArea; data: DashboardData; model: DashboardModel }) {
  const store = useDashboard.getState();
  const [made] = useState(() => new Date());
  const assessment = strategicAssessment(data, model);
  const sentences = assessmentSentences(assessment, model);
  const file = (name: string) => `${fileSlug(area.areaId, name, model.view.period)}.csv`;
  const coverage = [
    ...(model.periodNote ? [model.periodNote] : []),
    ...(assessment.leftOut ? [assessment.leftOut] : []),
    ...(model.missingMonths.length > 0 ? [`No data was loaded for ${model.missingMonths.join(', ')}.`] : []),
    ...area.categoryChanges.map(describeCategoryChange),
  ];
  const trend = trendModel(data, model, area.config.name);
  return (
    <article className="report" aria-labelledby="report-title">
      <header className="report-header">
        <h2 id="report-title">
          Strategic Assessment: {area.config.name}, {inSentence(assessment.period.label)}
          {assessment.noComparison === null && <> compared with {inSentence(assessment.previous.label)}</>}
        </h2>
        <p className="report-stamp">
          {dataStamp(area.range.last)} · {modeLabel(model.disclosure)} · Made{' '}
          <time dateTime={made.toISOString().slice(0, 10)}>{made.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}</time>
        </p>
        <div className="report-actions no-print">
          {data.groups.splits.length > 0 && (
            <SelectField label="Split the district" value={model.view.split ?? ''} onChange={(value) => store.setSplit(value === '' ? null : value)}>
              <option value="">By {data.groups.label.toLowerCase()}</option>
              {data.groups.splits.map((split) => (
                <option key={split.name} value={split.name}>
                  {split.name}
                </option>
              ))}
            </SelectField>
          )}
          <button type="button" onClick={() => window.print()}>
            Print or save as PDF
          </button>
        </div>
      </header>

      {assessment.breaks.length > 0 && (
        <div className="note note--warning report-breaks" role="note">
          <strong>Series breaks in this comparison.</strong>
          <ul>
            {assessment.breaks.map((b) => (
              <li key={`${b.category}-${b.month}`}>
                {b.category}: {describeBreak(b)} Its change is not reported as a rise or fall.
              </li>
            ))}
          </ul>
        </div>
      )}
      {assessment.noComparison !== null && <p className="note note--warning">{assessment.noComparison}</p>}
      {coverage.length > 0 && (
        <ul className="note report-coverage">
          {coverage.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}

      <KeyFindings sentences={sentences} />

      <section aria-labelledby="district-title" className="report-section">
        <h3 id="district-title">The district by crime type</h3>
        <PlainTableView table={districtTable(assessment, area.config.name, model)} fileName={file('by-crime-type')} rateDigits={model.rateDigits} />
      </section>

      {assessment.split.areas.length > 0 && (
        <section aria-labelledby="split-title" className="report-section">
          <h3 id="split-title">By area: {assessment.split.areas.map((a) => a.name).join(', ')}</h3>
          <PlainTableView table={splitTable(assessment, model)} fileName={file('by-area')} rateDigits={model.rateDigits} />
        </section>
      )}

      <section aria-labelledby="rankings-title" className="report-section report-rankings">
        <h3 id="rankings-title">
          Ward rankings: {model.categoryLabel}, {model.period.label}
        </h3>
        <PlainTableView table={rankingTable(assessment.byCount, 'count', model)} fileName={file('wards-by-count')} rateDigits={model.rateDigits} />
        {assessment.byRate && <PlainTableView table={rankingTable(assessment.byRate, 'rate', model)} fileName={file('wards-by-rate')} rateDigits={model.rateDigits} />}
      </section>

      <section aria-labelledby="figures-title" className="report-section report-figures">
        <h3 id="figures-title">Map and trend</h3>
        <ReportMap area={area} model={model} />
        <div className="report-trend">
          {trend.yearly ? (
            <YearlyTotals years={trend.yearly} indicator={localName(model.categoryLabel)} area={trend.areaLabel} countNoun={model.countNoun} />
          ) : (
            <>
              <h4>
                Monthly {model.countNoun}: {trend.areaLabel}, {model.period.label}
              </h4>
              <p className="peak-months">{trend.peaks}</p>
              <TrendChart
                trend={trend}
                yLabel={`${model.countNoun === 'crimes' ? 'Crimes' : 'Incidents'} per month`}
                source={TREND_SOURCE}
                quarterly={model.view.quarterly}
                showRolling
                showPreviousYear
                onBrush={store.setMonths}
                title={`Monthly ${model.countNoun}: ${trend.areaLabel}, ${model.categoryLabel}, ${model.period.label}`}
                fileName={fileSlug(area.areaId, 'trend', model.view.category, model.view.period)}
              />
            </>
          )}
        </div>
      </section>

      <section aria-labelledby="caveats-title" className="report-section report-caveats">
        <h3 id="caveats-title">About these figures</h3>
        <ul>
          {model.caveats.map((line) => (
            <li key={line}>{line}</li>
          ))}
          {area.config.attribution.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
    </article>
  );
}
