import type { ClassificationMethod } from './classify.ts';
import type { Measure } from './measures.ts';
import type { MonthIndex } from './months.ts';
import { periodFromKey, periodKey, resolvePeriod, type DataRange } from './periods.ts';
import { isMetres, MAX_CLASSES, MAX_COMPARED_CATEGORIES, MIN_CLASSES, type Camera, type DisclosureMode, type MapLayer, type Page, type SidePanel, type SortColumn, type View } from './viewState.ts';

/*
 * Pure updaters: (view, argument) → new view. The store's actions call these, so every
 * change of view can be tested without React or a map.
 */

/** Chooses the crime category (a categoryKey). */
export function withCategory(view: View, category: string): View {
  return { ...view, category };
}

/** Chooses the period (a periodKey). */
export function withPeriod(view: View, period: string): View {
  return { ...view, period };
}

/** Maps counts or rates. */
export function withMeasure(view: View, measure: Measure): View {
  return { ...view, measure };
}

/** Chooses the classification method. */
export function withMethod(view: View, method: ClassificationMethod): View {
  return { ...view, method };
}

/** Sets the number of classes, kept within 3 to 7. */
export function withClasses(view: View, classes: number): View {
  return { ...view, classes: Math.min(MAX_CLASSES, Math.max(MIN_CLASSES, Math.round(classes))) };
}

/**
 * Filters to a group (null for all wards). The selected ward stays selected only when it
 * is in the group, since the table would not show it otherwise.
 */
export function withGroup(view: View, group: string | null, groupWardIds: ReadonlySet<string> | null): View {
  const keepWard = view.ward !== null && (group === null || (groupWardIds?.has(view.ward) ?? false));
  return { ...view, group, ward: keepWard ? view.ward : null };
}

/**
 * Selects a ward, or clears the selection when the ward is already selected (or null).
 * Selecting a ward outside the group filter (a faded ward on the map) removes the filter,
 * so the table can show the ward's row; `groupWardIds` are the filtering group's wards.
 */
export function toggleWard(view: View, ward: string | null, groupWardIds: ReadonlySet<string> | null = null): View {
  if (ward === null || ward === view.ward) return { ...view, ward: null };
  const outsideFilter = view.group !== null && !(groupWardIds?.has(ward) ?? false);
  return { ...view, ward, group: outsideFilter ? null : view.group };
}

/** Sorts by a column; the same column again reverses the order. Names sort A–Z first, figures highest first. */
export function sortedBy(view: View, column: SortColumn): View {
  if (view.sort.column === column) {
    return { ...view, sort: { column, direction: view.sort.direction === 'ascending' ? 'descending' : 'ascending' } };
  }
  const ascendingFirst = column === 'rank' || column === 'ward' || column === 'group';
  return { ...view, sort: { column, direction: ascendingFirst ? 'ascending' : 'descending' } };
}

/** Switches the period to a month range, starting from the months of the current period. */
export function asMonthRange(view: View, range: DataRange): View {
  const current = currentMonths(view, range);
  return { ...view, period: periodKey({ kind: 'range', from: current.from, to: current.to }) };
}

/** Moves the start of a month range; the end follows when it would come before the start. */
export function withRangeStart(view: View, from: MonthIndex, range: DataRange): View {
  const { to } = currentMonths(view, range);
  return { ...view, period: periodKey({ kind: 'range', from, to: Math.max(from, to) }) };
}

/** Moves the end of a month range; the start follows when it would come after the end. */
export function withRangeEnd(view: View, to: MonthIndex, range: DataRange): View {
  const { from } = currentMonths(view, range);
  return { ...view, period: periodKey({ kind: 'range', from: Math.min(from, to), to }) };
}

/** Sets the period to a month range (from the trend chart's brush), kept within the data. */
export function withMonths(view: View, from: MonthIndex, to: MonthIndex, range: DataRange): View {
  const start = Math.max(range.first, Math.min(from, to));
  const end = Math.min(range.last, Math.max(from, to));
  return { ...view, period: periodKey({ kind: 'range', from: start, to: Math.max(start, end) }) };
}

function currentMonths(view: View, range: DataRange): { from: MonthIndex; to: MonthIndex } {
  const spec = periodFromKey(view.period) ?? { kind: 'latest-12' };
  const period = resolvePeriod(spec, range);
  return { from: period.from, to: period.to };
}

/** Switches the map layer. */
export function withLayer(view: View, layer: MapLayer): View {
  return { ...view, layer };
}

/** Sets the hexagon size (null: chosen from the data); a size out of range is ignored. */
export function withCellSize(view: View, cell: number | null): View {
  return cell === null || isMetres(cell) ? { ...view, cell } : view;
}

/** Sets the Gi* distance band (null: chosen from the cell size); a band out of range is ignored. */
export function withBand(view: View, band: number | null): View {
  return band === null || isMetres(band) ? { ...view, band } : view;
}

/** Shows quarterly totals on the trend chart, or months. */
export function withQuarterly(view: View, quarterly: boolean): View {
  return { ...view, quarterly };
}

/** Adds a category to the trend chart's comparison, or removes it when already there. */
export function toggleCompared(view: View, category: string): View {
  if (view.compare.includes(category)) return { ...view, compare: view.compare.filter((key) => key !== category) };
  if (view.compare.length >= MAX_COMPARED_CATEGORIES || category === view.category) return view;
  return { ...view, compare: [...view.compare, category] };
}

/** Opens a tab of the side panel. */
export function withPanel(view: View, panel: SidePanel): View {
  return { ...view, panel };
}

/** Tests hot spots on hexagons or on LSOAs; the band is chosen afresh, since its scale differs. */
export function withUnits(view: View, units: View['units']): View {
  return units === view.units ? view : { ...view, units, band: null };
}

/** Records where the user moved the map (null: back to the whole area). */
export function withCamera(view: View, camera: Camera | null): View {
  return { ...view, camera };
}

/** Opens the dashboard or the report page. */
export function withPage(view: View, page: Page): View {
  return { ...view, page };
}

/** Chooses the report's split of the district (null for one column per group). */
export function withSplit(view: View, split: string | null): View {
  return { ...view, split };
}

/** Switches between the public view (disclosure control) and the officers' full detail. */
export function withMode(view: View, mode: DisclosureMode): View {
  return { ...view, mode };
}
