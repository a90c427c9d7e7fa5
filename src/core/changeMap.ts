import type { ChangeFlag } from './changeFlags.ts';

/*
 * The change map: wards coloured by percent change on the previous period in a diverging
 * palette (falls blue, rises red), but only where the change is significant; the others
 * are grey, and the legend, tooltip and table say why.
 */

/** ColorBrewer RdBu (6), reversed so falls are blue and rises red. */
const CHANGE_COLOURS = ['#2166ac', '#67a9cf', '#d1e5f0', '#fddbc7', '#ef8a62', '#b2182b'];
const CHANGE_LABELS = ['Fell by 25% or more', 'Fell by 10% to 25%', 'Fell by under 10%', 'Rose by under 10%', 'Rose by 10% to 25%', 'Rose by 25% or more'];
export const NOT_SIGNIFICANT_COLOUR = '#bdbdbd';

export interface ChangeClasses {
  colours: string[];
  labels: string[];
}

/** The classes: six of significant change, then "no significant change" in grey. */
export function changeClasses(): ChangeClasses {
  return { colours: [...CHANGE_COLOURS, NOT_SIGNIFICANT_COLOUR], labels: [...CHANGE_LABELS, 'No significant change (95%)'] };
}

/** The class of a ward: -1 when there is no percent change to show (nothing before, or no previous period). */
export function changeClassOf(percentChange: number | null, flag: ChangeFlag): number {
  if (percentChange === null || flag.kind === 'unavailable') return -1;
  if (flag.kind === 'not-significant') return CHANGE_COLOURS.length;
  const size = Math.abs(percentChange);
  if (flag.kind === 'rise') return size < 10 ? 3 : size < 25 ? 4 : 5;
  return size >= 25 ? 0 : size >= 10 ? 1 : 2;
}
