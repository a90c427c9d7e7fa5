import { withholdSmallMonths, type Disclosure } from './disclosure.ts';
import { categoryFromKey, categoryLabel, categoryMask } from './categories.ts';
import { monthlySeries, rowCount, type Cube } from './cube.ts';
import type { DashboardData, DashboardModel } from './dashboardModel.ts';
import { formatCount } from './format.ts';
import { formatMonth, longMonthLabel, type MonthIndex } from './months.ts';
import { financialYearLabel, type DataRange } from './periods.ts';

/*
 * The trend chart's numbers: monthly counts for the district, a ward group or the selected
 * ward over the period, with a 12-month rolling average, the same months a year before,
 * quarterly totals and the months with the highest and lowest counts. Months without data
 * are null (a gap), never zero.
 */

export interface TrendLine {
  key: string;
  label: string;
  /** One value per month of the period; null where no data was loaded. */
  values: (number | null)[];
}

export interface Quarter {
  /** "Q1 2018/19 (Apr–Jun 2018)" */
  label: string;
  /** "Q1 18/19" */
  short: string;
  /** Months of the quarter inside the period, in order. */
  months: MonthIndex[];
  total: number;
  /** False when the period cuts the quarter or a month of it has no data: not comparable with a whole quarter. */
  complete: boolean;
}

export interface TrendModel {
  /** "Test Valley (all wards)", "North", "St Mary's" */
  areaLabel: string;
  months: MonthIndex[];
  /** The view's category first, then the compared ones. */
  lines: TrendLine[];
  /** 12-month trailing mean of the first line, using months before the period; null where any of the 12 is missing. */
  rolling: (number | null)[];
  /** The first line's same months a year earlier; null where not in the data. */
  previousYear: (number | null)[];
  quarters: Quarter[];
  /** The whole data range of the first line, for the brush. */
  overview: { months: MonthIndex[]; values: (number | null)[] };
  /** "The highest levels were in July and October 2018 (212 each); the lowest in February 2019 (150)." */
  peaks: string;
  /** "2019-10" */
  dataTo: string;
  /** Months of the period without data: drawn greyed out. */
  noData: boolean[];
  /** Steps in how police.uk publishes a drawn category, inside the data range (see recordingBreaks.ts). */
  breaks: { month: MonthIndex; label: string }[];
  /** For a local indicator counted by financial year, its totals by year instead of months; null otherwise. */
  yearly: YearTotal[] | null;
}

export interface YearTotal {
  /** "2018/19" */
  label: string;
  /** Null when withheld. */
  total: number | null;
}

const QUARTER_MONTHS = ['Jan–Mar', 'Apr–Jun', 'Jul–Sep', 'Oct–Dec'];

/** The rows the chart sums: the selected ward, else the filtering group's wards, else every row (outside and no location too). */
export function trendRows(model: Pick<DashboardModel, 'selectedWard' | 'groupFilter' | 'wards'>, cube: Cube): { rows: number[]; label: string | null } {
  if (model.selectedWard !== null) return { rows: [model.selectedWard], label: model.wards[model.selectedWard].name };
  if (model.groupFilter !== null) {
    const rows = model.wards.filter((w) => w.inFilter).map((w) => w.ward);
    return { rows, label: model.wards[rows[0]]?.group ?? null };
  }
  return { rows: Array.from({ length: rowCount(cube) }, (_, i) => i), label: null };
}

/** Monthly values of the rows for a category over months `from`–`to`, null without data. */
function seriesFor(cube: Cube, rows: number[], key: string, from: MonthIndex, to: MonthIndex): (number | null)[] {
  const selection = categoryFromKey(key, cube.categories);
  const all = monthlySeries(cube, rows, selection ? categoryMask(selection, cube.categories) : cube.categories.map(() => false));
  const values: (number | null)[] = [];
  for (let month = from; month <= to; month++) {
    const offset = month - cube.firstMonth;
    values.push(offset >= 0 && offset < cube.monthCount && cube.monthsWithData[offset] ? all[offset] : null);
  }
  return values;
}

export function trendModel(data: Pick<DashboardData, 'cube' | 'breaks' | 'indicatorRanges'>, model: DashboardModel, districtName: string): TrendModel {
  const { cube } = data;
  const { period, view } = model;
  const { rows, label } = trendRows(model, cube);
  const belowDistrict = model.selectedWard !== null || model.groupFilter !== null;
  // Below the district, the public view withholds small monthly counts (see disclosure.ts).
  const series = (key: string, from: MonthIndex, to: MonthIndex) => {
    const values = seriesFor(cube, rows, key, from, to);
    return belowDistrict ? withholdSmallMonths(values, model.disclosure) : values;
  };
  const months = Array.from({ length: period.to - period.from + 1 }, (_, i) => period.from + i);
  const keys = [view.category, ...view.compare.filter((key) => key !== view.category)];
  const lines = keys.map((key) => {
    const selection = categoryFromKey(key, cube.categories);
    return { key, label: selection ? categoryLabel(selection) : key, values: series(key, period.from, period.to) };
  });
  const withHistory = series(view.category, period.from - 11, period.to);
  const lastData = cube.firstMonth + cube.monthCount - 1;
  const overviewValues = series(view.category, cube.firstMonth, lastData);
  const years = model.yearly ? yearlyTotals(cube, rows, view.category, data.indicatorRanges?.[view.category]) : null;
  return {
    areaLabel: label ?? `${districtName} (all wards)`,
    months,
    lines,
    rolling: rollingMean(withHistory, 12).slice(11),
    previousYear: series(view.category, period.from - 12, period.to - 12),
    quarters: quarterlyTotals(months, lines[0].values),
    overview: { months: Array.from({ length: cube.monthCount }, (_, i) => cube.firstMonth + i), values: overviewValues },
    peaks: peakMonthsSentence(months, lines[0].values),
    dataTo: formatMonth(lastData),
    noData: months.map((month) => !cube.monthsWithData[month - cube.firstMonth]),
    breaks: data.breaks
      .filter((b) => lines.some((l) => drawsCategory(cube, l.key, b.category)))
      .map((b) => ({ month: b.month, label: `${b.category}: police.uk's series steps ${b.after > b.before ? 'up' : 'down'} (a change in recording or publication)` })),
    yearly: years && belowDistrict ? withholdSmallYears(years, model.disclosure) : years,
  };
}

/** Small yearly totals below the district are withheld in the public view, as small months are. */
function withholdSmallYears(years: YearTotal[], disclosure: Disclosure): YearTotal[] {
  const totals = withholdSmallMonths(years.map((year) => year.total), disclosure);
  return years.map((year, i) => ({ ...year, total: totals[i] }));
}

/** An indicator's total for each financial year it covers (each year's count is held in its April). */
function yearlyTotals(cube: Cube, rows: number[], key: string, coverage: DataRange | undefined): YearTotal[] {
  const selection = categoryFromKey(key, cube.categories);
  if (!selection || !coverage) return [];
  const all = monthlySeries(cube, rows, categoryMask(selection, cube.categories));
  const years: YearTotal[] = [];
  for (let april = coverage.first; april + 11 <= coverage.last; april += 12) {
    let total = 0;
    for (let month = april; month <= april + 11; month++) total += all[month - cube.firstMonth] ?? 0;
    years.push({ label: financialYearLabel(Math.floor(april / 12)), total });
  }
  return years;
}

/** Whether the line of a category key includes a police.uk category. */
function drawsCategory(cube: Cube, key: string, category: string): boolean {
  const selection = categoryFromKey(key, cube.categories);
  return selection !== null && categoryMask(selection, cube.categories)[cube.categories.indexOf(category)] === true;
}

/** Trailing means over `window` values; null until a full window of non-null values is available. */
export function rollingMean(values: readonly (number | null)[], window: number): (number | null)[] {
  return values.map((_, i) => {
    if (i + 1 < window) return null;
    let sum = 0;
    for (let k = i + 1 - window; k <= i; k++) {
      const v = values[k];
      if (v === null) return null;
      sum += v;
    }
    return sum / window;
  });
}

/** Calendar quarters (which are also financial-year quarters: Q1 = Apr–Jun) with their totals. */
export function quarterlyTotals(months: readonly MonthIndex[], values: readonly (number | null)[]): Quarter[] {
  const quarters = new Map<number, Quarter>();
  months.forEach((month, i) => {
    const year = Math.floor(month / 12);
    const q = Math.floor((month % 12) / 3);
    const key = year * 4 + q;
    let quarter = quarters.get(key);
    if (!quarter) {
      // Financial year quarters: Apr–Jun is Q1 of the year starting that April; Jan–Mar is Q4 of the one before.
      const fyStart = q === 0 ? year - 1 : year;
      const fyQuarter = q === 0 ? 4 : q;
      const fy = financialYearLabel(fyStart);
      quarter = {
        label: `Q${fyQuarter} ${fy} (${QUARTER_MONTHS[q]} ${year})`,
        short: `Q${fyQuarter} ${fy.slice(2)}`,
        months: [],
        total: 0,
        complete: true,
      };
      quarters.set(key, quarter);
    }
    quarter.months.push(month);
    const value = values[i];
    if (value === null) quarter.complete = false;
    else quarter.total += value;
  });
  for (const quarter of quarters.values()) if (quarter.months.length < 3) quarter.complete = false;
  return [...quarters.values()];
}

/** The months with the highest and lowest values (all of them when tied); nulls ignored. */
export function peakMonths(months: readonly MonthIndex[], values: readonly (number | null)[]): { highest: MonthIndex[]; lowest: MonthIndex[]; highestCount: number; lowestCount: number } | null {
  const present = months.map((month, i) => ({ month, value: values[i] })).filter((m): m is { month: MonthIndex; value: number } => m.value !== null);
  if (present.length === 0) return null;
  const highestCount = Math.max(...present.map((m) => m.value));
  const lowestCount = Math.min(...present.map((m) => m.value));
  return {
    highest: present.filter((m) => m.value === highestCount).map((m) => m.month),
    lowest: present.filter((m) => m.value === lowestCount).map((m) => m.month),
    highestCount,
    lowestCount,
  };
}

/** "The highest level was in July 2018 (212); the lowest in February and March 2019 (150 each)." */
export function peakMonthsSentence(months: readonly MonthIndex[], values: readonly (number | null)[]): string {
  const peaks = peakMonths(months, values);
  if (peaks === null) return 'No data for this period.';
  if (peaks.highestCount === peaks.lowestCount) return `Every month had the same count (${formatCount(peaks.highestCount)}).`;
  const part = (list: MonthIndex[], count: number) => `${monthList(list)} (${formatCount(count)}${list.length > 1 ? ' each' : ''})`;
  const level = peaks.highest.length > 1 ? 'levels were' : 'level was';
  return `The highest ${level} in ${part(peaks.highest, peaks.highestCount)}; the lowest in ${part(peaks.lowest, peaks.lowestCount)}.`;
}

/** "July 2018", "July and October 2018", "December 2018 and January 2019", "A, B and C". */
function monthList(list: readonly MonthIndex[]): string {
  const names = list.map((month, i) => {
    const sameYearAsNext = i + 1 < list.length && Math.floor(list[i + 1] / 12) === Math.floor(month / 12);
    const [name, year] = longMonthLabel(month).split(' ');
    return sameYearAsNext ? name : `${name} ${year}`;
  });
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
