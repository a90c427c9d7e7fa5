import { assignmentDifferences } from '../core/assignmentSensitivity.ts';
import type { DashboardModel } from '../core/dashboardModel.ts';
import { formatCount, formatSignedCount, formatSignedPercent } from '../core/format.ts';
import type { LsoaComparison } from '../core/lsoaWardLookup.ts';
import { NotAvailable } from './FigureText.tsx';

/**
 * Wards counted two ways: by each crime's map point (the dashboard's figures) and by the
 * best-fit ward of the LSOA police.uk gives for it. A large difference means the ward's
 * figure depends on snap points near its boundary.
 */
export function AssignmentComparison({ model, lookup }: { model: DashboardModel; lookup: LsoaComparison }) {
  const rows = assignmentDifferences(model.wards);
  return (
    <details className="assignment">
      <summary>How much do ward figures depend on where crimes are placed?</summary>
      <p className="note">
        Each crime is counted in the ward containing its map point. Counting it instead in the ward that best fits its LSOA (by area:{' '}
        {formatCount(lookup.lsoaCount)} LSOAs, of which {formatCount(lookup.splitLsoas)} straddle a ward boundary) gives these counts for{' '}
        {model.categoryLabel.toLowerCase()}, {model.period.label}. Wards at the top move most.
      </p>
      <div className="table-scroll table-scroll--short" tabIndex={0} role="region" aria-label="Ward counts by point and by LSOA, scrollable">
        <table className="assignment-table">
          <caption className="visually-hidden">Ward counts by map point and by LSOA</caption>
          <thead>
            <tr>
              <th scope="col">Ward</th>
              <th scope="col" className="num">
                By point
              </th>
              <th scope="col" className="num">
                By LSOA
              </th>
              <th scope="col" className="num">
                Difference
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.ward}>
                <th scope="row">{row.name}</th>
                <td className="num">{formatCount(row.byPoint)}</td>
                <td className="num">{formatCount(row.byLsoa)}</td>
                <td className="num">
                  {formatSignedCount(row.difference)} (
                  {row.percent === null ? <NotAvailable reason="None by point, so no percentage." /> : formatSignedPercent(row.percent)})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
