import type { WardGroups } from './areaConfig.ts';
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
export function layerRequest(model: DashboardModel, groups: WardGroups): { filter: CrimeFilter; options: AnalysisOptions; key: string } | null {
  const { view } = model;
  if (!isCrimeLayer(view.layer)) return null;
  const group = model.groupFilter;
  const filter: CrimeFilter = {
    category: view.category,
    from: model.period.from,
    to: model.period.to,
    wards: group === null ? null : Array.from(groups.wardGroup, (g) => g === group),
  };
  const options: AnalysisOptions = {
    layer: view.layer,
    units: view.layer === 'hotspots' ? view.units : 'hexagons',
    cell: view.cell,
    band: view.layer === 'hotspots' ? view.band : null,
  };
  const key = JSON.stringify([filter.category, filter.from, filter.to, group, options.layer, options.units, options.cell, options.band]);
  return { filter, options, key };
}
