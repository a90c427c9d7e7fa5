import { DEFAULT_SORT, type View } from '../../../src/core/viewState.ts';

/** A view with every setting at its plain default; tests override what they exercise. */
export function testView(overrides: Partial<View> = {}): View {
  return {
    category: 'all-excl-asb',
    period: 'fy2018',
    measure: 'rate',
    method: 'quantile',
    classes: 5,
    group: null,
    ward: null,
    sort: DEFAULT_SORT,
    layer: 'wards',
    cell: null,
    band: null,
    units: 'hexagons',
    quarterly: false,
    compare: [],
    panel: 'wards',
    camera: null,
    embed: false,
    page: 'map',
    split: null,
    mode: 'officer',
    ...overrides,
  };
}
