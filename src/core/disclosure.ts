import { DEFAULT_DISCLOSURE, type DisclosureConfig } from './areaConfig.ts';
import type { DisclosureMode } from './viewState.ts';

/**
 * Disclosure control for the public view. police.uk already publishes every crime, but a
 * council's own tables and maps should not single out a handful of crimes in a small area:
 * counts from 1 to threshold − 1 below district level are withheld, and sensitive
 * categories are not shown below ward level (no points, hexagons or hot spots).
 */
export interface Disclosure {
  mode: DisclosureMode;
  threshold: number;
  sensitiveCategories: readonly string[];
}

export function disclosureFor(mode: DisclosureMode, config: DisclosureConfig | undefined): Disclosure {
  const { threshold, sensitiveCategories } = config ?? DEFAULT_DISCLOSURE;
  return { mode, threshold, sensitiveCategories };
}

/** "Public view: counts under 5 withheld" / "Officer view: full detail", for the screen and every export. */
export function modeLabel(disclosure: Disclosure): string {
  return disclosure.mode === 'public'
    ? `Public view: counts from 1 to ${disclosure.threshold - 1} below district level withheld`
    : 'Officer view: full detail, not for publication';
}

/** What a withheld count reads as: "fewer than 5". */
export function withheldText(disclosure: Disclosure): string {
  return `fewer than ${disclosure.threshold}`;
}

/** A count that would single out a few crimes: more than none, fewer than the threshold. */
export function isSmall(count: number, disclosure: Disclosure): boolean {
  return disclosure.mode === 'public' && count > 0 && count < disclosure.threshold;
}

/**
 * Which ward counts to withhold. Small counts are withheld, and then, wherever a margin
 * that is shown (a group, the district) would hold exactly one withheld ward, the next
 * smallest ward of that margin too, so the withheld count cannot be worked out by
 * subtracting the others from the total. Margins whose own total is small are withheld
 * as a whole and need no partner.
 */
export function withheldWards(counts: ArrayLike<number>, margins: readonly (readonly number[])[], disclosure: Disclosure): boolean[] {
  const withheld = Array.from({ length: counts.length }, (_, ward) => isSmall(counts[ward], disclosure));
  if (disclosure.mode !== 'public') return withheld;
  const open = margins.filter((wards) => !isSmall(wards.reduce((sum, ward) => sum + counts[ward], 0), disclosure));
  for (let changed = true; changed; ) {
    changed = false;
    for (const wards of open) {
      if (wards.filter((ward) => withheld[ward]).length !== 1) continue;
      const partner = wards.filter((ward) => !withheld[ward]).sort((a, b) => counts[a] - counts[b])[0];
      if (partner === undefined) continue;
      withheld[partner] = true;
      changed = true;
    }
  }
  return withheld;
}

/** Monthly values below district level with small counts withheld (null, like a month without data). */
export function withholdSmallMonths(values: readonly (number | null)[], disclosure: Disclosure): (number | null)[] {
  return values.map((value) => (value !== null && isSmall(value, disclosure) ? null : value));
}

/** Categories point-level layers must leave out in this mode. */
export function hiddenBelowWardLevel(disclosure: Disclosure, categories: readonly string[]): string[] {
  return disclosure.mode === 'public' ? categories.filter((name) => disclosure.sensitiveCategories.includes(name)) : [];
}
