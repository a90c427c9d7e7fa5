import { format } from 'd3-format';

const thousands = format(',');
const signedThousands = format('+,');
const signedPercent = format('+.1f');

/** "12,345" */
export function formatCount(value: number): string {
  return thousands(Math.round(value));
}

/** "+123", "−45" (a true minus sign) or "0". */
export function formatSignedCount(value: number): string {
  return value === 0 ? '0' : signedThousands(Math.round(value));
}

/** "+5.3%", "−12.0%", or "0.0%". */
export function formatSignedPercent(value: number): string {
  return Math.abs(value) < 0.05 ? '0.0%' : `${signedPercent(value)}%`;
}

/**
 * How many decimals rates need to tell wards apart: two when every rate is under 10
 * per 1,000 (single categories), one otherwise.
 */
export function rateDigits(maxRate: number): number {
  return maxRate < 10 ? 2 : 1;
}

/** "12.3" with the given number of decimals and thousands separators. */
export function formatRate(value: number, digits: number): string {
  return format(`,.${digits}f`)(value);
}

/**
 * "A", "A and B", "A, B and C"; with a comma before the last "and" when a name holds a
 * comma or an "and" of its own ("Winton, and Chilworth, Nursling and Rownhams").
 */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  const ambiguous = items.some((item) => item.includes(',') || item.includes(' and '));
  return `${items.slice(0, -1).join(', ')}${ambiguous ? ',' : ''} and ${items[items.length - 1]}`;
}
