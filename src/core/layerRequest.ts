import type { WardGroups } from './areaConfig.ts';
import { categoryFromKey, categoryMask } from './categories.ts';
import type { Cube } from './cube.ts';
import { hiddenBelowWardLevel } from './disclosure.ts';
import { listText } from './format.ts';
import type { CrimeFilter } from './crimeSelection.ts';
import type { DashboardModel } from './dashboardModel.ts';
import type { AnalysisOptions } from './layerAnalysis.ts';

/** Map layers drawn from the crimes themselves, computed by the worker. */
export function isCrimeLayer(layer: DashboardModel['view']['layer']): boolean {
  return layer === 'density' || layer === 'hexbins' || layer === 'hotspots' || layer === 'points';
}

/**
 * What the worker must compute for the current view, with a key that changes exactly
 * when the answer would: null when the map shows wards only.
 */
export function layerRequest(model: DashboardModel, { groups, cube }: { groups: WardGroups; cube: Pick<Cube, 'categories'> }): { filter: CrimeFilter; options: AnalysisOptions; key: string } | null {
  const { view } = model;
  if (!isCrimeLayer(view.layer)) return null;
  const group = model.groupFilter;
  const filter: CrimeFilter = {
    category: view.category,
    from: model.period.from,
    to: model.period.to,
    wards: group === null ? null : Array.from(groups.wardGroup, (g) => g === group),
    exclude: hiddenCategories(model, cube.categories),
  };
  const options: AnalysisOptions = {
    layer: view.layer,
    units: view.layer === 'hotspots' ? view.units : 'hexagons',
    cell: view.cell,
    band: view.layer === 'hotspots' ? view.band : null,
  };
  const key = JSON.stringify([filter.category, filter.from, filter.to, group, filter.exclude, options.layer, options.units, options.cell, options.band]);
  return { filter, options, key };
}

/** The categories of the view's selection that the public view does not show below ward level. */
export function hiddenCategories(model: DashboardModel, categories: readonly string[]): string[] {
  const selection = categoryFromKey(model.view.category, categories);
  const mask = selection ? categoryMask(selection, categories) : [];
  return hiddenBelowWardLevel(model.disclosure, categories.filter((_, k) => mask[k]));
}

/** The crime layer legend's note on what the public view leaves out; null when nothing is. */
export function hiddenCategoriesNote(hidden: readonly string[]): string | null {
  if (hidden.length === 0) return null;
  return `The public view shows ${listText(hidden).toLowerCase()} for wards and larger areas only, not on this layer.`;
}
