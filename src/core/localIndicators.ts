import { LOCAL_PREFIX } from './categories.ts';
import { cubeIndex, rowCount, type Cube } from './cube.ts';
import { formatMonth, parseMonth, type MonthIndex } from './months.ts';
import type { DataRange } from './periods.ts';
import { parseNumber, readCsvRows } from './csvRows.ts';
import { InputError } from './problems.ts';

/*
 * Local indicators: counts a partnership holds that police.uk does not publish (domestic
 * abuse, hate crime, ASB reported to the council), as a table of area code, month,
 * indicator and count. Each indicator becomes a category of the cube, named with a prefix
 * so that it is never added into police.uk's totals, and is mapped, ranked and charted
 * like any crime category.
 */

export interface IndicatorRow {
  ward: number;
  month: MonthIndex;
  indicator: string;
  count: number;
}

/** The rows kept, and every row accounted for: read = kept + rejected. */
export interface IndicatorTable {
  rows: IndicatorRow[];
  indicators: string[];
  read: number;
  rejected: { line: number; problem: string }[];
}

const HEADERS = {
  code: /^(area ?code|code|.*cd|ward ?code|geography ?code)$/i,
  period: /^(period|month|date)$/i,
  indicator: /^(indicator|measure|category|type|name)$/i,
  count: /^(count|value|number|total)$/i,
};

/**
 * Reads a local indicator CSV: a header naming the area code, period (YYYY-MM), indicator
 * and count columns, then one row per area, month and indicator. Rows naming no area of
 * the boundaries, a period that is not a month, or a count that is not a whole number are
 * rejected with their line; a second row for the same area, month and indicator too.
 */
export function parseIndicators(fileName: string, text: string, wardIds: readonly string[]): IndicatorTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const { rows, lines } = readCsvRows(body);
  if (rows.length === 0) throw new InputError(fileName, 'the file is empty');
  const header = rows[0].map((h) => h.trim());
  const column = Object.fromEntries(Object.entries(HEADERS).map(([key, pattern]) => [key, header.findIndex((h) => pattern.test(h))])) as Record<keyof typeof HEADERS, number>;
  const missing = Object.entries(column).filter(([, index]) => index < 0).map(([key]) => key);
  if (missing.length > 0) throw new InputError(fileName, `the header needs area code, period, indicator and count columns; missing ${missing.join(', ')} (found: ${header.join(',')})`);

  const wardOf = new Map(wardIds.map((id, ward) => [id, ward]));
  const seen = new Set<string>();
  const table: IndicatorTable = { rows: [], indicators: [], read: rows.length - 1, rejected: [] };
  rows.slice(1).forEach((row, i) => {
    const line = lines[i + 1];
    const reject = (problem: string) => table.rejected.push({ line, problem });
    const field = (key: keyof typeof HEADERS) => (row[column[key]] ?? '').trim();
    const ward = wardOf.get(field('code'));
    const month = parseMonth(field('period'));
    const count = parseNumber(field('count'));
    const indicator = field('indicator');
    if (ward === undefined) return reject(`area code "${field('code')}" is not an area of the boundaries`);
    if (month === null) return reject(`period "${field('period')}" is not a month (YYYY-MM)`);
    if (indicator === '') return reject('no indicator name');
    if (field('count') === '' || !Number.isInteger(count) || count < 0) return reject(`count "${field('count')}" is not a whole number of 0 or more`);
    const key = `${ward}|${month}|${indicator}`;
    if (seen.has(key)) return reject(`${field('code')}, ${formatMonth(month)}, ${indicator} appears more than once (first row kept)`);
    seen.add(key);
    if (!table.indicators.includes(indicator)) table.indicators.push(indicator);
    table.rows.push({ ward, month, indicator, count });
  });
  return table;
}

/** The first and last month of each indicator's figures, by category: its own months with data. */
export function indicatorRanges(table: IndicatorTable): Record<string, DataRange> {
  const ranges: Record<string, DataRange> = {};
  for (const { indicator, month } of table.rows) {
    const range = (ranges[LOCAL_PREFIX + indicator] ??= { first: month, last: month });
    range.first = Math.min(range.first, month);
    range.last = Math.max(range.last, month);
  }
  return ranges;
}

/**
 * The cube with each indicator as a category "Local: <name>", replacing an indicator of the
 * same name; the month axis grows to cover the indicator's months. Months with indicator
 * figures count as months with data only for the indicator: monthsWithData stays police.uk's.
 */
export function addIndicators(cube: Cube, table: IndicatorTable): Cube {
  const names = table.indicators.map((name) => LOCAL_PREFIX + name);
  const kept = cube.categories.filter((category) => !names.includes(category));
  const categories = [...kept, ...names];
  const months = table.rows.map((r) => r.month);
  const first = Math.min(cube.firstMonth, ...months);
  const last = Math.max(cube.firstMonth + cube.monthCount - 1, ...months);
  const next: Cube = {
    wardCount: cube.wardCount,
    firstMonth: first,
    monthCount: last - first + 1,
    categories,
    counts: new Uint32Array(0),
    monthsWithData: Array.from({ length: last - first + 1 }, (_, m) => cube.monthsWithData[first + m - cube.firstMonth] ?? false),
  };
  next.counts = new Uint32Array(rowCount(next) * next.monthCount * categories.length);
  for (let row = 0; row < rowCount(cube); row++) {
    for (let m = 0; m < cube.monthCount; m++) {
      kept.forEach((category, k) => {
        next.counts[cubeIndex(next, row, cube.firstMonth + m - first, k)] = cube.counts[cubeIndex(cube, row, m, cube.categories.indexOf(category))];
      });
    }
  }
  for (const r of table.rows) next.counts[cubeIndex(next, r.ward, r.month - first, categories.indexOf(LOCAL_PREFIX + r.indicator))] += r.count;
  return next;
}
