import { inSentence } from './periods.ts';
import type { DashboardModel, WardRow } from './dashboardModel.ts';
import { withheldText } from './disclosure.ts';

/** A table as plain cells, for CSV, for pasting into a word processor, and for tests. */
export interface PlainTable {
  caption: string;
  header: string[];
  rows: Cell[][];
  /** Lines under the table about it: what its categories are, why areas do not add up. */
  notes: string[];
  /** The caveats every export carries (data stamp, what the counts are, disclosure mode); shown once on screen. */
  caveats: string[];
  /** How each column's numbers read on screen; text when absent. */
  kinds?: ColumnKind[];
  /** Rows to set in bold on screen: totals. */
  strongRows?: number[];
}

export type ColumnKind = 'text' | 'count' | 'signed' | 'percent' | 'rate';

export type Cell = string | number | null;

/** The ward ranking with every figure the dashboard shows, in the table's order, with the caveats. */
export function wardTable(model: DashboardModel): PlainTable {
  const withheld = withheldText(model.disclosure);
  const rate = (value: number | null) => (value === null ? null : Number(value.toFixed(model.rateDigits)));
  const percent = (value: number | null) => (value === null ? null : Number(value.toFixed(1)));
  return {
    caption: `Wards ranked by ${model.measureLabel.toLowerCase()}: ${model.categoryLabel}, ${model.period.label}; change compared with ${inSentence(model.previous.label)}`,
    header: ['Rank', 'Ward', 'Ward code', model.groupLabel, 'Count', 'Previous count', 'Change', 'Change (%)', 'Significance (exact Poisson test, 95%)', 'Rate per 1,000', 'Smoothed rate per 1,000'],
    rows: model.rows.map((row: WardRow) => [
      row.rank,
      row.name,
      row.id,
      row.group,
      row.withheld ? withheld : row.figures.count,
      row.figures.previous,
      row.figures.change,
      percent(row.figures.percentChange),
      row.significance.kind === 'unavailable' ? null : row.significance.label,
      rate(row.figures.rate),
      rate(row.smoothedRate),
    ]),
    notes: [],
    caveats: model.caveats,
  };
}

/** RFC 4180 CSV with CRLF line ends; missing values are empty. Cells that a spreadsheet would run as a formula are prefixed with an apostrophe. */
export function toCsv(table: PlainTable): string {
  const cell = (value: string | number | null) => {
    if (value === null) return '';
    let text = String(value);
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [...[table.header, ...table.rows].map((row) => row.map(cell).join(',')), ...footer(table).map(cell)].join('\r\n') + '\r\n';
}

/** Tab-separated text: what a word processor or spreadsheet pastes as columns. */
export function toTsv(table: PlainTable): string {
  const cell = (value: string | number | null) => (value === null ? '' : String(value).replace(/[\t\r\n]+/g, ' '));
  return [...[table.header, ...table.rows].map((row) => row.map(cell).join('\t')), ...footer(table).map(cell)].join('\n') + '\n';
}

/** The lines under an exported table, after an empty line: its notes, then the caveats. */
export function footer(table: PlainTable): string[] {
  const lines = [...table.notes, ...table.caveats];
  return lines.length > 0 ? ['', ...lines] : [];
}
