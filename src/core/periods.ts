import { formatMonth, parseMonth, shortMonthLabel, yearOf, type MonthIndex } from './months.ts';

/** A period as the user chooses it; resolved against the data's months into a month range. */
export type PeriodSpec =
  | { kind: 'financial-year'; startYear: number }
  | { kind: 'calendar-year'; year: number }
  | { kind: 'latest-12' }
  | { kind: 'range'; from: MonthIndex; to: MonthIndex };

export interface Period {
  /** First and last month, inclusive. */
  from: MonthIndex;
  to: MonthIndex;
  label: string;
}

export interface DataRange {
  first: MonthIndex;
  last: MonthIndex;
}

const APRIL = 3;

export function periodLength(period: Period): number {
  return period.to - period.from + 1;
}

export function financialYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

export function resolvePeriod(spec: PeriodSpec, range: DataRange): Period {
  switch (spec.kind) {
    case 'financial-year': {
      const from = spec.startYear * 12 + APRIL;
      return { from, to: from + 11, label: `Financial year ${financialYearLabel(spec.startYear)}` };
    }
    case 'calendar-year':
      return { from: spec.year * 12, to: spec.year * 12 + 11, label: `Calendar year ${spec.year}` };
    case 'latest-12':
      return {
        from: range.last - 11,
        to: range.last,
        label: `12 months to ${shortMonthLabel(range.last)}`,
      };
    case 'range':
      return { from: spec.from, to: spec.to, label: rangeLabel(spec.from, spec.to) };
  }
}

function rangeLabel(from: MonthIndex, to: MonthIndex): string {
  return from === to ? shortMonthLabel(from) : `${shortMonthLabel(from)} to ${shortMonthLabel(to)}`;
}

/**
 * The period of the same length that ends the month before this one starts, labelled as
 * a financial or calendar year when it is one ("Financial year 2017/18"), as reports say.
 */
export function previousPeriod(period: Period): Period {
  const length = periodLength(period);
  const to = period.from - 1;
  const from = to - length + 1;
  let label = rangeLabel(from, to);
  if (length === 12 && from % 12 === APRIL) label = `Financial year ${financialYearLabel(yearOf(from))}`;
  if (length === 12 && from % 12 === 0) label = `Calendar year ${yearOf(from)}`;
  return { from, to, label };
}

/** "2018/19" for a financial year's label, "2018" for a calendar year's; null for any other period. */
export function yearShort(label: string): string | null {
  return /^(?:Financial|Calendar) year (.+)$/.exec(label)?.[1] ?? null;
}

/** A period's label inside a sentence: "compared with financial year 2017/18". */
export function inSentence(label: string): string {
  return /^(Financial|Calendar) year /.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}

/** True when every month of the period lies within the loaded data. */
export function isCovered(period: Period, range: DataRange): boolean {
  return period.from >= range.first && period.to <= range.last;
}

/** Whether a period is one or more whole financial years (April to March). */
export function isFinancialYears(period: Period): boolean {
  return period.from % 12 === APRIL && periodLength(period) % 12 === 0;
}

/** The financial year (by start year) a month falls in. */
export function financialYearOf(month: MonthIndex): number {
  return yearOf(month - APRIL);
}

/** Financial years (by start year) wholly inside the data, newest first. */
export function completeFinancialYears(range: DataRange): number[] {
  const years: number[] = [];
  for (let year = yearOf(range.last); year >= yearOf(range.first) - 1; year--) {
    const from = year * 12 + APRIL;
    if (from >= range.first && from + 11 <= range.last) years.push(year);
  }
  return years;
}

/** Calendar years wholly inside the data, newest first. */
export function completeCalendarYears(range: DataRange): number[] {
  const years: number[] = [];
  for (let year = yearOf(range.last); year >= yearOf(range.first); year--) {
    if (year * 12 >= range.first && year * 12 + 11 <= range.last) years.push(year);
  }
  return years;
}

/**
 * The default reporting period: the latest complete financial year, else the latest 12
 * months, or all of the data when it covers less than a year (a single month loaded).
 */
export function defaultPeriodSpec(range: DataRange): PeriodSpec {
  const years = completeFinancialYears(range);
  if (years.length > 0) return { kind: 'financial-year', startYear: years[0] };
  return range.last - range.first + 1 >= 12 ? { kind: 'latest-12' } : { kind: 'range', from: range.first, to: range.last };
}

/** A compact, URL-safe key: "fy2018", "cy2018", "latest12", "2018-04..2019-03". */
export function periodKey(spec: PeriodSpec): string {
  switch (spec.kind) {
    case 'financial-year':
      return `fy${spec.startYear}`;
    case 'calendar-year':
      return `cy${spec.year}`;
    case 'latest-12':
      return 'latest12';
    case 'range':
      return `${formatMonth(spec.from)}..${formatMonth(spec.to)}`;
  }
}

export function periodFromKey(key: string): PeriodSpec | null {
  let match = /^fy(\d{4})$/.exec(key);
  if (match) return { kind: 'financial-year', startYear: Number(match[1]) };
  match = /^cy(\d{4})$/.exec(key);
  if (match) return { kind: 'calendar-year', year: Number(match[1]) };
  if (key === 'latest12') return { kind: 'latest-12' };
  match = /^(\d{4}-\d{2})\.\.(\d{4}-\d{2})$/.exec(key);
  if (match) {
    const from = parseMonth(match[1]);
    const to = parseMonth(match[2]);
    if (from !== null && to !== null && from <= to) return { kind: 'range', from, to };
  }
  return null;
}

