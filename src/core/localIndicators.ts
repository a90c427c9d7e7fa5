import { LOCAL_PREFIX } from './categories.ts';
import { cubeIndex, rowCount, type Cube } from './cube.ts';
import { formatMonth, parseMonth, type MonthIndex } from './months.ts';
import { financialYearLabel, type DataRange } from './periods.ts';
import { parseNumber, readCsvRows } from './csvRows.ts';
import { InputError } from './problems.ts';

/*
 * Local indicators: counts a partnership holds that police.uk does not publish (domestic
 * abuse, hate crime, ASB reported to the council), as a table of area code, period,
 * indicator and count. Each indicator becomes a category of the cube, named with a prefix
 * so that it is never added into police.uk's totals, and is mapped, ranked and charted
 * like any crime category.
 *
 * A period is a month ("2019-04") or a financial year ("2019/20", "FY2019/20",
 * "2019-2020"). An indicator counted by financial year keeps each year's count in the
 * year's April, and is only ever read over whole financial years (see dashboardModel).
 */

export interface IndicatorRow {
  ward: number;
  /** The month, or the first month (April) of the financial year. */
  month: MonthIndex;
  indicator: string;
  count: number;
}

/** The rows kept, and every row accounted for: read = kept + rejected. */
export interface IndicatorTable {
  rows: IndicatorRow[];
  indicators: string[];
  /** The indicators counted by financial year rather than by month. */
  yearly: string[];
  read: number;
  rejected: { line: number; problem: string }[];
}

/** The months an indicator has figures for, and whether they are financial years (each year's count in its April). */
export interface IndicatorCoverage extends DataRange {
  yearly: boolean;
}

const APRIL = 3;
/** "2019/20", "FY 2019/20", "2019-20" (not a month), "2019/2020", "2019-2020". */
const FINANCIAL_YEAR = /^(?:FY\s*)?(\d{4})\s*[/-]\s*(\d{2}|\d{4})$/i;

/** A month, or the April starting a financial year; null for anything else. */
export function parseIndicatorPeriod(text: string): { month: MonthIndex; yearly: boolean } | null {
  const month = parseMonth(text);
  if (month !== null) return { month, yearly: false };
  const match = FINANCIAL_YEAR.exec(text.trim());
  if (!match) return null;
  const start = Number(match[1]);
  const end = Number(match[2]);
  const follows = match[2].length === 2 ? end === (start + 1) % 100 : end === start + 1;
  return follows && start >= 1900 ? { month: start * 12 + APRIL, yearly: true } : null;
}

function periodText(month: MonthIndex, yearly: boolean): string {
  return yearly ? financialYearLabel(Math.floor(month / 12)) : formatMonth(month);
}

const HEADERS = {
  code: /^(area ?code|code|.*cd|ward ?code|geography ?code)$/i,
  period: /^(period|month|date)$/i,
  indicator: /^(indicator|measure|category|type|name)$/i,
  count: /^(count|value|number|total)$/i,
};

/**
 * Reads a local indicator CSV: a header naming the area code, period, indicator and count
 * columns, then one row per area, period and indicator. Rows naming no area of the
 * boundaries, a period that is neither a month nor a financial year, a count that is not a
 * whole number, or a financial year for an indicator counted by month (or the reverse:
 * its first row decides) are rejected with their line; a second row for the same area,
 * period and indicator too.
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
  const table: IndicatorTable = { rows: [], indicators: [], yearly: [], read: rows.length - 1, rejected: [] };
  rows.slice(1).forEach((row, i) => {
    const line = lines[i + 1];
    const reject = (problem: string) => table.rejected.push({ line, problem });
    const field = (key: keyof typeof HEADERS) => (row[column[key]] ?? '').trim();
    const ward = wardOf.get(field('code'));
    const period = parseIndicatorPeriod(field('period'));
    const count = parseNumber(field('count'));
    const indicator = field('indicator');
    if (ward === undefined) return reject(`area code "${field('code')}" is not an area of the boundaries`);
    if (period === null) return reject(`period "${field('period')}" is neither a month (YYYY-MM) nor a financial year (YYYY/YY)`);
    if (indicator === '') return reject('no indicator name');
    if (field('count') === '' || !Number.isInteger(count) || count < 0) return reject(`count "${field('count')}" is not a whole number of 0 or more`);
    const known = table.indicators.includes(indicator);
    if (known && table.yearly.includes(indicator) !== period.yearly) {
      const [has, given] = period.yearly ? ['monthly figures', 'a financial year'] : ['figures by financial year', 'a month'];
      return reject(`${indicator} has ${has} above; period "${field('period')}" is ${given}`);
    }
    const key = `${ward}|${period.month}|${indicator}`;
    if (seen.has(key)) return reject(`${field('code')}, ${periodText(period.month, period.yearly)}, ${indicator} appears more than once (first row kept)`);
    seen.add(key);
    if (!known) table.indicators.push(indicator);
    if (!known && period.yearly) table.yearly.push(indicator);
    table.rows.push({ ward, month: period.month, indicator, count });
  });
  return table;
}

/** The months each indicator's figures cover, by category: from its first month to its last (a financial year's March). */
export function indicatorRanges(table: IndicatorTable): Record<string, IndicatorCoverage> {
  const ranges: Record<string, IndicatorCoverage> = {};
  for (const { indicator, month } of table.rows) {
    const yearly = table.yearly.includes(indicator);
    const range = (ranges[LOCAL_PREFIX + indicator] ??= { first: month, last: month, yearly });
    range.first = Math.min(range.first, month);
    range.last = Math.max(range.last, lastMonthOf(month, yearly));
  }
  return ranges;
}

function lastMonthOf(month: MonthIndex, yearly: boolean): MonthIndex {
  return yearly ? month + 11 : month;
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
  let first = cube.firstMonth;
  let last = cube.firstMonth + cube.monthCount - 1;
  for (const range of Object.values(indicatorRanges(table))) {
    first = Math.min(first, range.first);
    last = Math.max(last, range.last);
  }
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
