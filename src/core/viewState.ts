import type { AreaConfig } from './areaConfig.ts';
import { categoryFromKey, categoryKey } from './categories.ts';
import { CLASSIFICATION_LABELS, type ClassificationMethod } from './classify.ts';
import type { Measure } from './measures.ts';
import { defaultPeriodSpec, isCovered, periodFromKey, periodKey, resolvePeriod, type DataRange } from './periods.ts';

export type SortColumn = 'rank' | 'ward' | 'group' | 'count' | 'rate' | 'change';
export type SortDirection = 'ascending' | 'descending';

/** What the map shows: wards coloured by the measure or by change, or the crimes themselves. */
export type MapLayer = 'wards' | 'change' | 'density' | 'hexbins' | 'hotspots' | 'points';
export const MAP_LAYERS: readonly MapLayer[] = ['wards', 'change', 'density', 'hexbins', 'hotspots', 'points'];

/** The side panel's tabs: the ward table, the trend chart, rates against population, and where crime concentrates. */
export type SidePanel = 'wards' | 'trend' | 'rates' | 'places';
export const SIDE_PANELS: readonly SidePanel[] = ['wards', 'trend', 'rates', 'places'];

/** The dashboard (map and side panel) or the Strategic Assessment report page. */
export type Page = 'map' | 'report';
/** Public: small ward counts withheld and sensitive categories only at ward level and above; officer: full detail. */
export type DisclosureMode = 'public' | 'officer';

/** Hexagon sizes and distance bands a user may choose, in metres. */
export const MIN_CELL_METRES = 50;
export const MAX_CELL_METRES = 20000;
/** Categories the trend chart may draw beside the main selection. */
export const MAX_COMPARED_CATEGORIES = 3;

/** Where the map looks, once the user has moved it; until then the map fits the wards. */
export interface Camera {
  lon: number;
  lat: number;
  zoom: number;
}

export interface TableSort {
  column: SortColumn;
  direction: SortDirection;
}

/**
 * Everything the user has chosen, as plain strings and numbers so it round-trips through
 * the URL without the data: wards by code and groups by name.
 */
export interface View {
  /** A categoryKey: "all-excl-asb", "asb", "all" or a police.uk category name. */
  category: string;
  /** A periodKey: "fy2018", "cy2018", "latest12" or "2018-04..2019-03". */
  period: string;
  measure: Measure;
  method: ClassificationMethod;
  classes: number;
  /** The group whose wards the table shows (and the map highlights); null for all wards. */
  group: string | null;
  /** The selected ward's code. */
  ward: string | null;
  sort: TableSort;
  layer: MapLayer;
  /** Hexagon size across flats in metres; null for the size chosen from the data's extent. */
  cell: number | null;
  /** Gi* distance band in metres; null for the band chosen from the cell size. */
  band: number | null;
  /** What the hot spot layer tests: hexagons, or LSOAs when the area has their boundaries. */
  units: 'hexagons' | 'lsoas';
  /** The trend chart shows quarterly totals instead of months. */
  quarterly: boolean;
  /** Further category keys drawn on the trend chart, for comparison. */
  compare: string[];
  panel: SidePanel;
  /** Null while the map shows the whole area (and follows the layout). */
  camera: Camera | null;
  /** The compact page for an iframe on another site: map, legend, category and period. */
  embed: boolean;
  page: Page;
  /** The report's split of the district: a split named in the area config, or null for one column per group. */
  split: string | null;
  mode: DisclosureMode;
}

/** What a view is validated against: the loaded data and the area config's defaults. */
export interface ViewContext {
  categories: readonly string[];
  range: DataRange;
  wardIds: readonly string[];
  groupNames: readonly string[];
  /** False when no ward has a population, so rates are impossible. */
  hasPopulation: boolean;
  /** True when the area config names LSOA boundaries. */
  hasLsoas?: boolean;
  defaults?: AreaConfig['defaultView'];
  /** Names of the report splits the area config defines. */
  splitNames?: readonly string[];
  /** The area config's disclosure mode for a fresh visit; officer when the config sets none. */
  defaultMode?: DisclosureMode;
}

export const MIN_CLASSES = 3;
export const MAX_CLASSES = 7;
export const DEFAULT_SORT: TableSort = { column: 'rank', direction: 'ascending' };

const SORT_COLUMNS: readonly SortColumn[] = ['rank', 'ward', 'group', 'count', 'rate', 'change'];
const METHODS = Object.keys(CLASSIFICATION_LABELS) as ClassificationMethod[];
const MEASURES: readonly Measure[] = ['count', 'rate'];
const AREA_ID = /^[a-z0-9-]+$/;
/** Query parameters this module reads; `area` is read by parseAreaId but is no view setting. */
const VIEW_PARAMETERS = ['category', 'period', 'measure', 'method', 'classes', 'group', 'ward', 'sort', 'layer', 'cell', 'band', 'trend', 'compare', 'panel', 'units', 'map', 'embed', 'page', 'split', 'mode'];
const KNOWN_PARAMETERS = new Set(['area', ...VIEW_PARAMETERS]);
/** Longest URL value quoted back in a notice, so a hostile URL cannot flood the page. */
const QUOTE_LIMIT = 40;

/** True when a period key names a period wholly inside the data. */
export function isAvailablePeriod(key: string, range: DataRange): boolean {
  const spec = periodFromKey(key);
  return spec !== null && isCovered(resolvePeriod(spec, range), range);
}

/**
 * The view a fresh visit starts with: the config's defaultView where it is valid for the
 * data, otherwise the latest complete financial year, all crime excluding ASB, rate per
 * 1,000 (count without populations), quantile, 5 classes. Returns notices for config
 * defaults that could not be used.
 */
export function defaultView(context: ViewContext): { view: View; notices: string[] } {
  const defaults = context.defaults ?? {};
  const notices: string[] = [];
  const configProblem = (what: string, value: unknown, why: string) =>
    notices.push(`The area config's default ${what} ${quote(String(value))} ${why}; using the standard default.`);

  let category = 'all-excl-asb';
  if (defaults.category !== undefined) {
    const selection = categoryFromKey(defaults.category, context.categories);
    if (selection) category = categoryKey(selection);
    else configProblem('category', defaults.category, 'is not in the data');
  }
  let period = periodKey(defaultPeriodSpec(context.range));
  if (defaults.period !== undefined) {
    if (isAvailablePeriod(defaults.period, context.range)) period = defaults.period;
    else configProblem('period', defaults.period, 'is not a period wholly in the data');
  }
  let measure: Measure = context.hasPopulation ? 'rate' : 'count';
  if (defaults.measure !== undefined) {
    if (defaults.measure === 'count' || (defaults.measure === 'rate' && context.hasPopulation)) measure = defaults.measure;
    else if (defaults.measure !== 'rate') configProblem('measure', defaults.measure, 'is not "count" or "rate"');
  }
  let method: ClassificationMethod = 'quantile';
  if (defaults.classification !== undefined) {
    if (METHODS.includes(defaults.classification)) method = defaults.classification;
    else configProblem('classification', defaults.classification, 'is not a classification method');
  }
  let classes = 5;
  if (defaults.classes !== undefined) {
    if (isClassCount(defaults.classes)) classes = defaults.classes;
    else configProblem('number of classes', defaults.classes, `is not a whole number from ${MIN_CLASSES} to ${MAX_CLASSES}`);
  }
  const view: View = { category, period, measure, method, classes, group: null, ward: null, sort: DEFAULT_SORT, layer: 'wards', cell: null, band: null, units: 'hexagons', quarterly: false, compare: [], panel: 'wards', camera: null, embed: false, page: 'map', split: null, mode: context.defaultMode ?? 'officer' };
  return { view, notices };
}

/**
 * Reads a view from a query string ("?period=fy2018&measure=count..."). Every parameter is
 * checked against the data: a missing one takes the default silently, an unknown or
 * malformed one takes the default with a notice. Notices quote the URL as plain text.
 */
export function parseView(search: string, context: ViewContext): { view: View; notices: string[] } {
  const params = new URLSearchParams(search);
  const { view, notices } = defaultView(context);
  const ignore = (name: string, value: string, why: string) => notices.push(`Ignored ${name}=${quote(value)} in the address: ${why}.`);

  for (const name of new Set(params.keys())) {
    if (!KNOWN_PARAMETERS.has(name)) notices.push(`Ignored the unknown setting ${quote(name)} in the address.`);
  }
  const read = (name: string, accept: (value: string) => string | null): void => {
    const value = params.get(name);
    if (value === null) return;
    const problem = accept(value);
    if (problem !== null) ignore(name, value, problem);
  };

  read('category', (value) => {
    const selection = categoryFromKey(value, context.categories);
    if (!selection) return 'no such crime category in the data';
    view.category = categoryKey(selection);
    return null;
  });
  read('period', (value) => {
    if (periodFromKey(value) === null) return 'not a period (fy2018, cy2018, latest12 or 2018-04..2019-03)';
    if (!isAvailablePeriod(value, context.range)) return 'the data does not cover all of that period';
    view.period = value;
    return null;
  });
  read('measure', (value) => {
    if (!MEASURES.includes(value as Measure)) return 'the measure is "count" or "rate"';
    if (value === 'rate' && !context.hasPopulation) return 'this area has no population figures, so no rates';
    view.measure = value as Measure;
    return null;
  });
  read('method', (value) => {
    if (!METHODS.includes(value as ClassificationMethod)) return `the classification is one of ${METHODS.join(', ')}`;
    view.method = value as ClassificationMethod;
    return null;
  });
  read('classes', (value) => {
    const classes = /^\d{1,2}$/.test(value) ? Number(value) : Number.NaN;
    if (!isClassCount(classes)) return `the number of classes is ${MIN_CLASSES} to ${MAX_CLASSES}`;
    view.classes = classes;
    return null;
  });
  read('group', (value) => {
    if (!context.groupNames.includes(value)) return 'no such group';
    view.group = value;
    return null;
  });
  read('ward', (value) => {
    if (!context.wardIds.includes(value)) return 'no ward has that code';
    view.ward = value;
    return null;
  });
  read('sort', (value) => {
    const sort = parseSort(value);
    if (!sort) return 'not a table column and direction (such as rate-desc)';
    view.sort = sort;
    return null;
  });
  read('layer', (value) => {
    if (!MAP_LAYERS.includes(value as MapLayer)) return `the map layer is one of ${MAP_LAYERS.join(', ')}`;
    view.layer = value as MapLayer;
    return null;
  });
  for (const name of ['cell', 'band'] as const) {
    read(name, (value) => {
      const metres = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
      if (!isMetres(metres)) return `a distance in whole metres from ${MIN_CELL_METRES} to ${MAX_CELL_METRES}`;
      view[name] = metres;
      return null;
    });
  }
  read('map', (value) => {
    const camera = parseCamera(value);
    if (!camera) return 'the map position is zoom/latitude/longitude, such as 12/51.2/-1.5';
    view.camera = camera;
    return null;
  });
  read('embed', (value) => {
    if (value !== '1' && value !== '0') return 'embed is 1 or 0';
    view.embed = value === '1';
    return null;
  });
  read('units', (value) => {
    if (value !== 'hexagons' && value !== 'lsoas') return 'the hot spot units are "hexagons" or "lsoas"';
    if (value === 'lsoas' && !context.hasLsoas) return 'this area has no LSOA boundaries';
    view.units = value;
    return null;
  });
  read('trend', (value) => {
    if (value !== 'quarterly' && value !== 'monthly') return 'the trend is "monthly" or "quarterly"';
    view.quarterly = value === 'quarterly';
    return null;
  });
  read('panel', (value) => {
    if (!SIDE_PANELS.includes(value as SidePanel)) return `the panel is one of ${SIDE_PANELS.join(', ')}`;
    view.panel = value as SidePanel;
    return null;
  });
  read('page', (value) => {
    if (value !== 'map' && value !== 'report') return 'the page is "map" or "report"';
    view.page = value;
    return null;
  });
  read('split', (value) => {
    if (!(context.splitNames ?? []).includes(value)) return 'no such split of the area';
    view.split = value;
    return null;
  });
  read('mode', (value) => {
    if (value !== 'public' && value !== 'officer') return 'the mode is "public" or "officer"';
    view.mode = value;
    return null;
  });
  for (const value of params.getAll('compare')) {
    const selection = categoryFromKey(value, context.categories);
    if (!selection) ignore('compare', value, 'no such crime category in the data');
    else if (view.compare.length >= MAX_COMPARED_CATEGORIES) ignore('compare', value, `at most ${MAX_COMPARED_CATEGORIES} categories are compared`);
    else if (!view.compare.includes(categoryKey(selection))) view.compare.push(categoryKey(selection));
  }
  return { view, notices };
}

/** "12.5/51.2034/-1.4981" (zoom/latitude/longitude, as OpenStreetMap writes it) → a camera, or null. */
export function parseCamera(value: string): Camera | null {
  const match = /^(\d{1,2}(?:\.\d{1,3})?)\/(-?\d{1,2}(?:\.\d{1,6})?)\/(-?\d{1,3}(?:\.\d{1,6})?)$/.exec(value);
  if (!match) return null;
  const [zoom, lat, lon] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (zoom > 22 || Math.abs(lat) > 85 || Math.abs(lon) > 180) return null;
  return { lon, lat, zoom };
}

/** The camera as the address writes it: zoom to 2 decimals, coordinates to 4 (about 10 m). */
export function formatCamera(camera: Camera): string {
  const fixed = (value: number, digits: number) => String(Number(value.toFixed(digits)));
  return `${fixed(camera.zoom, 2)}/${fixed(camera.lat, 4)}/${fixed(camera.lon, 4)}`;
}

export function isMetres(value: number): boolean {
  return Number.isInteger(value) && value >= MIN_CELL_METRES && value <= MAX_CELL_METRES;
}

/**
 * Writes a view as a query string starting with "?": every setting, except an empty group
 * or ward and the default sort. `area` comes first when given.
 */
export function serializeView(view: View, areaId: string | null = null): string {
  const params = new URLSearchParams();
  if (areaId !== null) params.set('area', areaId);
  params.set('category', view.category);
  params.set('period', view.period);
  params.set('measure', view.measure);
  params.set('method', view.method);
  params.set('classes', String(view.classes));
  if (view.group !== null) params.set('group', view.group);
  if (view.ward !== null) params.set('ward', view.ward);
  if (view.sort.column !== DEFAULT_SORT.column || view.sort.direction !== DEFAULT_SORT.direction) {
    params.set('sort', `${view.sort.column}-${view.sort.direction === 'ascending' ? 'asc' : 'desc'}`);
  }
  if (view.layer !== 'wards') params.set('layer', view.layer);
  if (view.cell !== null) params.set('cell', String(view.cell));
  if (view.band !== null) params.set('band', String(view.band));
  if (view.units !== 'hexagons') params.set('units', view.units);
  if (view.quarterly) params.set('trend', 'quarterly');
  for (const key of view.compare) params.append('compare', key);
  if (view.panel !== 'wards') params.set('panel', view.panel);
  if (view.camera !== null) params.set('map', formatCamera(view.camera));
  if (view.embed) params.set('embed', '1');
  if (view.page !== 'map') params.set('page', view.page);
  if (view.split !== null) params.set('split', view.split);
  // Always written: a link must show the same detail to whoever opens it, whatever the site's default.
  params.set('mode', view.mode);
  return `?${params.toString()}`;
}

/** The `area` parameter when it is a valid area id; null (and a notice) otherwise. */
export function parseAreaId(search: string): { areaId: string | null; notice: string | null } {
  const value = new URLSearchParams(search).get('area');
  if (value === null) return { areaId: null, notice: null };
  if (AREA_ID.test(value)) return { areaId: value, notice: null };
  return { areaId: null, notice: `Ignored area=${quote(value)} in the address: an area id is lower-case letters, digits and hyphens.` };
}

function parseSort(value: string): TableSort | null {
  const match = /^([a-z]+)-(asc|desc)$/.exec(value);
  if (!match || !SORT_COLUMNS.includes(match[1] as SortColumn)) return null;
  return { column: match[1] as SortColumn, direction: match[2] === 'asc' ? 'ascending' : 'descending' };
}

function isClassCount(value: number): boolean {
  return Number.isInteger(value) && value >= MIN_CLASSES && value <= MAX_CLASSES;
}

function quote(value: string): string {
  const shown = value.length > QUOTE_LIMIT ? `${value.slice(0, QUOTE_LIMIT)}…` : value;
  return `"${shown}"`;
}
