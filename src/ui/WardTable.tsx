import { inSentence } from '../core/periods.ts';
import { useEffect, useRef, useState } from 'react';
import type { DashboardModel } from '../core/dashboardModel.ts';
import type { SortColumn } from '../core/viewState.ts';
import { ChangeText, CountText, NotAvailable, RateText, UnreliableMark } from './FigureText.tsx';
import { wardTable } from '../core/tableExport.ts';
import { Sparkline } from './plots/Sparkline.tsx';
import { MoreRows, ROW_LIMIT } from './MoreRows.tsx';
import { fileSlug } from './export/download.ts';
import { TableActions } from './TableActions.tsx';
import { useDashboard } from './store.ts';

interface Column {
  key: SortColumn;
  label: string;
  numeric: boolean;
}

/**
 * The ward ranking: every figure the map shows, sortable by each column, each ward
 * selectable with its name button. The selected ward's row is highlighted and scrolled
 * into view within the table.
 */
export function WardTable({ model, groupLabel, hasRates }: { model: DashboardModel; groupLabel: string | null; hasRates: boolean }) {
  const { sortBy, toggleWard } = useDashboard.getState();
  const [showAll, setShowAll] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);
  const selectedId = model.selectedWard === null ? null : model.wards[model.selectedWard].id;
  const { sort } = model.view;

  useEffect(() => {
    const container = scroller.current;
    if (selectedId === null || !container) return;
    const row = container.querySelector<HTMLElement>(`tr[data-ward-id="${CSS.escape(selectedId)}"]`);
    if (row) scrollWithin(container, row);
  }, [selectedId]);

  const columns: Column[] = [
    { key: 'rank', label: 'Rank', numeric: true },
    { key: 'ward', label: 'Ward', numeric: false },
    ...(groupLabel ? [{ key: 'group' as const, label: groupLabel, numeric: false }] : []),
    { key: 'count', label: 'Count', numeric: true },
    ...(hasRates ? [{ key: 'rate' as const, label: 'Rate per 1,000', numeric: true }] : []),
    { key: 'change', label: 'Change', numeric: true },
  ];
  const filter = model.view.group !== null && model.groupFilter !== null ? `; ${model.view.group} only` : '';

  const fileName = `${fileSlug('wards', model.view.category, model.view.period)}.csv`;
  return (
    <>
      <TableActions table={wardTable(model)} fileName={fileName} />
      <div className="table-scroll" ref={scroller}>
        <table className="ward-table">
          <caption>
            Wards ranked by {model.measureLabel.toLowerCase()}: {model.categoryLabel}, {model.period.label}
            {filter}
            <span className="caption-note">
              Change compared with {inSentence(model.previous.label)}; a rise or fall is marked significant when an exact Poisson test says so at 95%.
              {model.wards.some((w) => w.unreliable) && ' * Fewer than 10: too few for a reliable rate or change.'}
            </span>
          </caption>
          <thead>
            <tr>
              {columns.map((column) => {
                const active = sort.column === column.key;
                return (
                  <th key={column.key} scope="col" className={`col-${column.key}${column.numeric ? ' num' : ''}`} aria-sort={active ? sort.direction : undefined}>
                    <button type="button" className="sort-button" onClick={() => sortBy(column.key)}>
                      {column.label}{' '}
                      <span className="sort-indicator" aria-hidden="true">
                        {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
              <th scope="col" className="col-trend">
                Months
              </th>
            </tr>
          </thead>
          <tbody>
            {shownRows(model, showAll).map((row) => {
              const selected = row.id === selectedId;
              return (
                <tr key={row.id} data-ward-id={row.id} className={selected ? 'is-selected' : undefined}>
                  <td className="num">{row.rank ?? <NotAvailable reason={row.withheld ? 'Not ranked: withheld in the public view.' : 'Not ranked: no population figure, so no rate.'} />}</td>
                  <th scope="row">
                    <button type="button" className="ward-button" aria-pressed={selected} onClick={() => toggleWard(row.id)}>
                      {row.name}
                    </button>
                  </th>
                  {groupLabel && <td>{row.group ?? '—'}</td>}
                  <td className="num">
                    <CountText count={row.figures.count} withheld={row.withheld} disclosure={model.disclosure} />
                    {row.unreliable && !row.withheld && <UnreliableMark />}
                  </td>
                  {hasRates && (
                    <td className="num">
                      <RateText rate={row.figures.rate} digits={model.rateDigits} missingReason="No population figure for this ward." />
                    </td>
                  )}
                  <td className="num">
                    <ChangeText figures={row.figures} note={row.changeNote} flag={row.significance} />
                  </td>
                  <td>
                    <Sparkline values={row.monthly} label={`${row.name}, monthly ${model.countNoun}, ${model.period.label}`} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <MoreRows total={model.rows.length} noun="wards" showAll={showAll} onToggle={() => setShowAll(!showAll)} />
    </>
  );
}

/** Rows drawn at first: enough for any district, few enough that a county or England stays quick. */

/** The first rows in the table's order, and the selected ward's row wherever it falls. */
function shownRows(model: DashboardModel, showAll: boolean): DashboardModel['rows'] {
  if (showAll || model.rows.length <= ROW_LIMIT) return model.rows;
  const first = model.rows.slice(0, ROW_LIMIT);
  const selected = model.rows.find((row) => row.ward === model.selectedWard);
  return selected && !first.includes(selected) ? [...first, selected] : first;
}

/** Scrolls a scrollable container (not the page) just enough to show a row below the sticky header. */
function scrollWithin(container: HTMLElement, row: HTMLElement): void {
  if (container.scrollHeight <= container.clientHeight) return;
  const header = container.querySelector('thead')?.getBoundingClientRect().height ?? 0;
  const box = container.getBoundingClientRect();
  const target = row.getBoundingClientRect();
  if (target.top < box.top + header) container.scrollTop -= box.top + header - target.top;
  else if (target.bottom > box.bottom) container.scrollTop += target.bottom - box.bottom;
}
