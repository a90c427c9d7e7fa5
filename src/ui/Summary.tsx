import { inSentence } from '../core/periods.ts';
import type { DashboardModel } from '../core/dashboardModel.ts';
import { formatCount, formatRate, formatSignedCount, formatSignedPercent } from '../core/format.ts';
import { ChangeText, CountText, RateText } from './FigureText.tsx';

/** The district's total, change and rate for the period, then the same for each ward group. */
export function Summary({ model }: { model: DashboardModel }) {
  const { district, countNoun, previous } = model;
  const f = district.figures;
  const hasRates = model.wards.some((w) => w.figures.rate !== null);
  const change =
    f.change === null
      ? model.comparisonGaps.length > 0
        ? `no comparison with ${inSentence(previous.label)}: no data was loaded for ${model.comparisonGaps.join(', ')}`
        : `no comparison: the data does not cover ${inSentence(previous.label)}`
      : `${formatSignedCount(f.change)}${f.percentChange === null ? '' : ` (${formatSignedPercent(f.percentChange)})`} compared with ${inSentence(previous.label)} (${formatCount(f.previous ?? 0)}): ${district.significance.label.toLowerCase()}`;
  return (
    <section className="summary" aria-labelledby="summary-title">
      <h2 id="summary-title">
        Summary: {model.categoryLabel}, {model.period.label}
      </h2>
      <p className="district-line">
        <strong>{formatCount(f.count)}</strong> {countNoun} in the district, {change}
        {f.rate !== null && (
          <>
            ; <strong>{formatRate(f.rate, model.rateDigits)}</strong> per 1,000 residents
          </>
        )}
        .
      </p>
      {(district.outside > 0 || district.noLocation > 0) && (
        <p className="note">
          Includes {outsideNote(district.outside, district.noLocation, countNoun)}, which no ward&apos;s figures hold.
        </p>
      )}
      {model.breakWarnings.map((warning) => (
        <p key={warning} className="note note--warning">
          {warning}
        </p>
      ))}
      {model.periodNote && <p className="note note--warning">{model.periodNote}</p>}
      {model.missingMonths.length > 0 && (
        <p className="note note--warning">No data was loaded for {model.missingMonths.join(', ')}: figures for this period are incomplete.</p>
      )}
      {model.groups.length > 0 && (
        <table className="summary-table">
          <caption>By {model.groupLabel.toLowerCase()}</caption>
          <thead>
            <tr>
              <th scope="col">{model.groupLabel}</th>
              <th scope="col" className="num">
                Count
              </th>
              {hasRates && (
                <th scope="col" className="num">
                  Rate per 1,000
                </th>
              )}
              <th scope="col" className="num">
                Change
              </th>
            </tr>
          </thead>
          <tbody>
            {model.groups.map((group) => (
              <tr key={group.name} className={model.view.group === group.name ? 'is-filtered' : undefined}>
                <th scope="row">
                  {group.name} <span className="muted">({group.wardCount} wards)</span>
                </th>
                <td className="num">
                  <CountText count={group.figures.count} withheld={group.withheld} disclosure={model.disclosure} />
                </td>
                {hasRates && (
                  <td className="num">
                    <RateText rate={group.figures.rate} digits={model.rateDigits} missingReason={group.withheld ? 'Withheld in the public view.' : 'Some wards in this group have no population figure.'} />
                  </td>
                )}
                <td className="num">
                  <ChangeText figures={group.figures} note={group.changeNote} flag={group.significance} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function outsideNote(outside: number, noLocation: number, noun: string): string {
  const parts: string[] = [];
  if (outside > 0) parts.push(`${formatCount(outside)} ${outside === 1 ? noun.replace(/s$/, '') : noun} outside the ward boundaries`);
  if (noLocation > 0) parts.push(`${formatCount(noLocation)} without a location`);
  return parts.join(' and ');
}
