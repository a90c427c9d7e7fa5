import { useMemo, useState } from 'react';
import type { DashboardModel } from '../core/dashboardModel.ts';
import { formatCount, formatRate } from '../core/format.ts';
import { neighbourComparison } from '../core/neighbours.ts';
import type { LoadedArea } from '../worker/messages.ts';
import { NotAvailable } from './FigureText.tsx';

/**
 * The districts the data covers, ranked by rate, when the boundaries name districts and
 * the data reaches several (a force's file on England's wards); the district holding the
 * selected ward or the filtered group's wards is marked.
 */
export function NeighboursTable({ area, model }: { area: LoadedArea; model: DashboardModel }) {
  const { districts } = area;
  const { from, to } = model.period;
  // The rows are drawn only while open: England's data covers over 300 districts.
  const [open, setOpen] = useState(false);
  // Recomputed only when the data, category or months change, not on every hover or sort.
  const rows = useMemo(
    () => (districts ? neighbourComparison(area.cube, districts, area.populations, model.view.category, { from, to }) : []),
    [area, districts, model.view.category, from, to],
  );
  if (!districts) return null;
  if (rows.length === 0) return null;
  const focusWards = model.selectedWard !== null ? [model.selectedWard] : model.wards.filter((w) => w.inFilter && model.groupFilter !== null).map((w) => w.ward);
  const focus = new Set(focusWards.map((ward) => districts.codes[districts.wardDistrict[ward]]));
  return (
    <details className="neighbours" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        Compared with the other districts in the data ({rows.length})
      </summary>
      <p className="note">
        Districts ({districts.property}) where the data covers nearly every ward, ranked by {model.countNoun} per 1,000 residents: {model.categoryLabel}, {model.period.label}. A district
        with a ward lacking a population figure has no rate.
      </p>
      {open && (
      <div className="table-scroll table-scroll--short" tabIndex={0} role="region" aria-label="Districts compared (scrollable)">
        <table>
          <thead>
            <tr>
              <th scope="col" className="num">
                Rank
              </th>
              <th scope="col">District</th>
              <th scope="col" className="num">
                Count
              </th>
              <th scope="col" className="num">
                Rate per 1,000
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.code} className={focus.has(row.code) ? 'is-selected' : undefined}>
                <td className="num">{row.rank ?? '–'}</td>
                <th scope="row">
                  {row.name ?? row.code} <span className="muted">({row.name ? `${row.code}, ` : ''}{row.wardCount} wards)</span>
                </th>
                <td className="num">{formatCount(row.count)}</td>
                <td className="num">
                  {row.rate === null ? <NotAvailable reason={`${row.wardsWithoutPopulation} of its wards have no population figure.`} /> : formatRate(row.rate, model.rateDigits)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      )}
    </details>
  );
}
