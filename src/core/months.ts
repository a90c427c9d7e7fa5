/**
 * Months are handled as integers (year * 12 + month - 1) so that periods,
 * cube axes and comparisons are plain arithmetic.
 */
export type MonthIndex = number;

const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Parses "YYYY-MM"; returns null for anything else (including month 13). */
export function parseMonth(text: string): MonthIndex | null {
  const match = MONTH_PATTERN.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12 || year < 1900) return null;
  return year * 12 + month - 1;
}

export function formatMonth(index: MonthIndex): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** "Apr 2018" */
export function shortMonthLabel(index: MonthIndex): string {
  return `${MONTH_NAMES[index % 12]} ${Math.floor(index / 12)}`;
}

/** "April 2018" */
export function longMonthLabel(index: MonthIndex): string {
  return `${LONG_MONTH_NAMES[index % 12]} ${Math.floor(index / 12)}`;
}

export function yearOf(index: MonthIndex): number {
  return Math.floor(index / 12);
}

/** 0 = January */
export function calendarMonthOf(index: MonthIndex): number {
  return index % 12;
}
