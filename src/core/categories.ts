/**
 * police.uk crime categories and the derived selections partnerships report on.
 */
export const ANTI_SOCIAL_BEHAVIOUR = 'Anti-social behaviour';

/** police.uk's street-level categories in the order police.uk lists them. */
export const POLICE_UK_CATEGORIES = [
  'Anti-social behaviour',
  'Bicycle theft',
  'Burglary',
  'Criminal damage and arson',
  'Drugs',
  'Other theft',
  'Possession of weapons',
  'Public order',
  'Robbery',
  'Shoplifting',
  'Theft from the person',
  'Vehicle crime',
  'Violence and sexual offences',
  'Other crime',
] as const;

export type CategorySelection =
  | { kind: 'all-excl-asb' }
  | { kind: 'asb' }
  | { kind: 'all' }
  | { kind: 'single'; name: string };

/** Marks a category as a local indicator (see localIndicators.ts), never part of police.uk's totals. */
export const LOCAL_PREFIX = 'Local: ';

export function isLocalIndicator(category: string): boolean {
  return category.startsWith(LOCAL_PREFIX);
}

/** A local indicator's own name ("Domestic abuse" for "Local: Domestic abuse"). */
export function localName(category: string): string {
  return isLocalIndicator(category) ? category.slice(LOCAL_PREFIX.length) : category;
}

export const ALL_CRIME_EXCL_ASB_LABEL = 'All crime excluding anti-social behaviour';
export const ALL_INCIDENTS_LABEL = 'All incidents (crime and anti-social behaviour)';

/** Sorts category names into police.uk's order, unknown ones alphabetically after. */
export function sortCategories(names: readonly string[]): string[] {
  const order = new Map<string, number>(POLICE_UK_CATEGORIES.map((name, i) => [name, i]));
  return [...names].sort((a, b) => {
    const ia = order.get(a) ?? Number.MAX_SAFE_INTEGER;
    const ib = order.get(b) ?? Number.MAX_SAFE_INTEGER;
    return ia !== ib ? ia - ib : a.localeCompare(b);
  });
}

/** Which of the given category names a selection includes, as a mask over their indices. */
export function categoryMask(selection: CategorySelection, categories: readonly string[]): boolean[] {
  return categories.map((name) => {
    switch (selection.kind) {
      case 'all':
        return !isLocalIndicator(name);
      case 'asb':
        return name === ANTI_SOCIAL_BEHAVIOUR;
      case 'all-excl-asb':
        return name !== ANTI_SOCIAL_BEHAVIOUR && !isLocalIndicator(name);
      case 'single':
        return name === selection.name;
    }
  });
}

export function categoryLabel(selection: CategorySelection): string {
  switch (selection.kind) {
    case 'all':
      return ALL_INCIDENTS_LABEL;
    case 'asb':
      return ANTI_SOCIAL_BEHAVIOUR;
    case 'all-excl-asb':
      return ALL_CRIME_EXCL_ASB_LABEL;
    case 'single':
      return selection.name;
  }
}

/** A stable URL/config key for a selection: "all-excl-asb", "asb", "all" or the category name. */
export function categoryKey(selection: CategorySelection): string {
  return selection.kind === 'single' ? selection.name : selection.kind;
}

export function categoryFromKey(key: string, categories: readonly string[]): CategorySelection | null {
  if (key === 'all' || key === 'asb' || key === 'all-excl-asb') return { kind: key };
  if (key === ANTI_SOCIAL_BEHAVIOUR) return { kind: 'asb' };
  return categories.includes(key) ? { kind: 'single', name: key } : null;
}
