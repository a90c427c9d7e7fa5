import { useState } from 'react';
import { formatCount, formatRate, formatSignedCount, formatSignedPercent } from '../core/format.ts';
import type { Cell, ColumnKind, PlainTable } from '../core/tableExport.ts';
import { MoreRows, ROW_LIMIT } from './MoreRows.tsx';
import { TableActions } from './TableActions.tsx';

/**
 * A report table on screen, from the same PlainTable that downloads as CSV and copies into
 * a word processor, so what is seen is what is exported. Notes follow the table.
 */
export function PlainTableView({ table, fileName, rateDigits }: { table: PlainTable; fileName: string; rateDigits: number }) {
  const [showAll, setShowAll] = useState(false);
  const rows = showAll ? table.rows : table.rows.slice(0, ROW_LIMIT);
  const kinds = table.kinds ?? [];
  const strong = new Set(table.strongRows ?? []);
  // The first text column names the row (the crime type, the ward).
  const headerColumn = Math.max(0, kinds.indexOf('text'));
  return (
    <div className="plain-table">
      <TableActions table={table} fileName={fileName} />
      <div className="table-scroll table-scroll--report" tabIndex={0} role="region" aria-label={`${table.caption} (scrollable)`}>
        <table className="report-table">
          <caption>{table.caption}</caption>
          <thead>
            <tr>
              {table.header.map((name, c) => (
                <th key={name} scope="col" className={isNumeric(kinds[c]) ? 'num' : undefined}>
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={String(row[0]) + r} className={strong.has(r) ? 'is-total' : undefined}>
                {row.map((value, c) =>
                  c === headerColumn ? (
                    <th key={c} scope="row">
                      {display(value, kinds[c], rateDigits)}
                    </th>
                  ) : (
                    <td key={c} className={isNumeric(kinds[c]) ? 'num' : undefined}>
                      {display(value, kinds[c], rateDigits)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <MoreRows total={table.rows.length} noun="rows" showAll={showAll} onToggle={() => setShowAll(!showAll)} />
      {table.notes.length > 0 && (
        <ul className="table-notes">
          {table.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function isNumeric(kind: ColumnKind | undefined): boolean {
  return kind !== undefined && kind !== 'text';
}

/** A cell as the screen shows it; text (such as "fewer than 5") as it is, missing values as a dash. */
function display(value: Cell, kind: ColumnKind | undefined, rateDigits: number): string {
  if (value === null) return '–';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'count':
      return formatCount(value);
    case 'signed':
      return formatSignedCount(value);
    case 'percent':
      return formatSignedPercent(value);
    case 'rate':
      return formatRate(value, rateDigits);
    default:
      return String(value);
  }
}
