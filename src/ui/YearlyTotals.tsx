import { formatCount } from '../core/format.ts';
import type { YearTotal } from '../core/trendSeries.ts';

/**
 * In place of the monthly chart, for a local indicator counted by financial year: its
 * total for each year, as a table.
 */
export function YearlyTotals({ years, indicator, area, countNoun }: { years: YearTotal[]; indicator: string; area: string; countNoun: string }) {
  return (
    <div className="yearly-totals">
      <p className="note">{indicator} is counted by financial year, so there is no monthly trend.</p>
      <table className="summary-table">
        <caption>
          {indicator}: {countNoun} by financial year, {area}
        </caption>
        <thead>
          <tr>
            <th scope="col">Financial year</th>
            <th scope="col" className="num">
              Count
            </th>
          </tr>
        </thead>
        <tbody>
          {years.map((year) => (
            <tr key={year.label}>
              <th scope="row">{year.label}</th>
              <td className="num">{year.total === null ? 'withheld' : formatCount(year.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
