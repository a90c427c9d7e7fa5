import { categoryFromKey, categoryMask } from './categories.ts';
import { CoordinateMap } from './coordinateMap.ts';
import type { MonthIndex } from './months.ts';
import type { CrimeTable } from './policeUkCsv.ts';

/** Which crimes a map layer shows: the dashboard's category, period and ward filters. */
export interface CrimeFilter {
  /** A category key (see categoryKey), e.g. "all-excl-asb" or "Burglary". */
  category: string;
  from: MonthIndex;
  to: MonthIndex;
  /** Wards whose crimes are included (a group filter); null for every ward. */
  wards: readonly boolean[] | null;
  /** Category names left out: sensitive categories in the public view. */
  exclude?: readonly string[];
}

/**
 * The indices of the crimes located inside a ward that match the filter. Crimes outside
 * every ward or without a location are left out: points and hexagons then add up to the
 * wards' counts.
 */
export function selectCrimes(table: CrimeTable, wardOfCrime: Int32Array, filter: CrimeFilter): Uint32Array {
  const selection = categoryFromKey(filter.category, table.categories);
  // A category the data does not hold selects nothing.
  const mask = Uint8Array.from(selection ? categoryMask(selection, table.categories) : [], Number);
  for (const name of filter.exclude ?? []) if (table.categories.includes(name)) mask[table.categories.indexOf(name)] = 0;
  const selected = new Uint32Array(table.length);
  let n = 0;
  for (let i = 0; i < table.length; i++) {
    const ward = wardOfCrime[i];
    const month = table.month[i];
    if (ward < 0 || month < filter.from || month > filter.to || mask[table.category[i]] !== 1) continue;
    if (filter.wards !== null && !filter.wards[ward]) continue;
    selected[n++] = i;
  }
  return selected.slice(0, n);
}

/** The distinct police.uk snap points of a table: each located crime's point number, and the points' coordinates. */
export interface SnapPoints {
  /** Point number of each crime; -1 without a location. */
  pointOfCrime: Int32Array;
  lon: Float64Array;
  lat: Float64Array;
}

/** Numbers the distinct locations once per dataset, so each filter change only counts crimes per point. */
export function indexSnapPoints(table: CrimeTable): SnapPoints {
  const map = new CoordinateMap(table.length >> 1);
  const pointOfCrime = new Int32Array(table.length).fill(-1);
  const lon: number[] = [];
  const lat: number[] = [];
  for (let i = 0; i < table.length; i++) {
    const x = table.lon[i];
    if (Number.isNaN(x)) continue;
    const y = table.lat[i];
    const slot = map.find(x, y);
    if (slot >= 0) {
      pointOfCrime[i] = map.value(slot);
    } else {
      pointOfCrime[i] = lon.length;
      map.insert(~slot, x, y, lon.length);
      lon.push(x);
      lat.push(y);
    }
  }
  return { pointOfCrime, lon: Float64Array.from(lon), lat: Float64Array.from(lat) };
}

/** Selected crimes per snap point, only for the points with at least one. */
export interface PointCounts {
  point: Uint32Array;
  lon: Float64Array;
  lat: Float64Array;
  count: Uint32Array;
}

export function countByPoint(points: SnapPoints, selected: Uint32Array): PointCounts {
  const counts = new Uint32Array(points.lon.length);
  for (const crime of selected) counts[points.pointOfCrime[crime]]++;
  let n = 0;
  for (const c of counts) if (c > 0) n++;
  const result: PointCounts = { point: new Uint32Array(n), lon: new Float64Array(n), lat: new Float64Array(n), count: new Uint32Array(n) };
  let j = 0;
  for (let p = 0; p < counts.length; p++) {
    if (counts[p] === 0) continue;
    result.point[j] = p;
    result.lon[j] = points.lon[p];
    result.lat[j] = points.lat[p];
    result.count[j++] = counts[p];
  }
  return result;
}

/** One crime as a popup lists it. */
export interface CrimeDetail {
  location: string;
  category: string;
  month: MonthIndex;
  /** The last outcome police.uk gives; empty when it gives none (e.g. anti-social behaviour). */
  outcome: string;
}

/** The selected crimes at a snap point, newest first, at most `limit` of them, and how many there are in all. */
export function crimesAtPoint(table: CrimeTable, points: SnapPoints, selected: Uint32Array, point: number, limit: number): { total: number; crimes: CrimeDetail[] } {
  const at: number[] = [];
  for (const crime of selected) if (points.pointOfCrime[crime] === point) at.push(crime);
  const name = (crime: number) => table.categories[table.category[crime]];
  at.sort((a, b) => table.month[b] - table.month[a] || name(a).localeCompare(name(b)));
  return {
    total: at.length,
    crimes: at.slice(0, limit).map((i) => ({
      location: table.locations[table.location[i]],
      category: table.categories[table.category[i]],
      month: table.month[i],
      outcome: table.outcomes[table.outcome[i]],
    })),
  };
}
