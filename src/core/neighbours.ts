import { categoryFromKey, categoryMask } from './categories.ts';
import { sumByRow, type Cube } from './cube.ts';
import { competitionRanks, RATE_PER } from './measures.ts';
import type { Period } from './periods.ts';

/*
 * Compare with neighbours: when the data covers more than one district (a whole force's
 * file on England's wards), each district's rate among the districts the data covers.
 */

/** Each ward's district, from a district code property of the boundaries (LAD13CD and the like). */
export interface Districts {
  property: string;
  codes: string[];
  /** District index of each ward, -1 without a code. */
  wardDistrict: Int32Array;
}

const DISTRICT_PROPERTY = /^(LAD|LTLA|LA)\d{0,2}CD$/i;

/** The districts of the wards, or null when the boundaries name none, or only one. */
export function districtsOf(properties: readonly Record<string, unknown>[]): Districts | null {
  const property = Object.keys(properties[0] ?? {}).find((key) => DISTRICT_PROPERTY.test(key));
  if (property === undefined) return null;
  const codes: string[] = [];
  const wardDistrict = Int32Array.from(properties, (p) => {
    const code = p[property];
    if (typeof code !== 'string' || code === '') return -1;
    let index = codes.indexOf(code);
    if (index < 0) index = codes.push(code) - 1;
    return index;
  });
  return codes.length > 1 ? { property, codes, wardDistrict } : null;
}

export interface NeighbourRow {
  code: string;
  wardCount: number;
  count: number;
  population: number | null;
  /** Per 1,000 residents; null when a ward of the district has no population figure. */
  rate: number | null;
  rank: number | null;
  /** Wards of the district without a population figure. */
  wardsWithoutPopulation: number;
}

/** Share of a district's wards that must have at least one crime for the data to count as covering it. */
export const COVERED_SHARE = 0.9;

/**
 * The districts the data covers (nearly every ward has crimes in the period: a force's
 * file reaches only partly into the districts on its border), by rate, highest first;
 * districts without a rate last. Empty when fewer than two districts are covered.
 */
export function neighbourComparison(cube: Cube, districts: Districts, populations: readonly (number | null)[], category: string, period: Pick<Period, 'from' | 'to'>): NeighbourRow[] {
  const selection = categoryFromKey(category, cube.categories);
  if (!selection) return [];
  const crimes = sumByRow(cube, period.from, period.to, categoryMask({ kind: 'all' }, cube.categories));
  const counts = sumByRow(cube, period.from, period.to, categoryMask(selection, cube.categories));
  // Wards by district in one pass: England has over 300 districts and 7,000 wards.
  const wardsOf: number[][] = districts.codes.map(() => []);
  districts.wardDistrict.forEach((d, ward) => {
    if (d >= 0) wardsOf[d].push(ward);
  });
  const rows = districts.codes.flatMap((code, d) => {
    const wards = wardsOf[d];
    if (wards.filter((ward) => crimes[ward] > 0).length < COVERED_SHARE * wards.length) return [];
    const missing = wards.filter((ward) => populations[ward] === null).length;
    const count = wards.reduce((sum, ward) => sum + counts[ward], 0);
    const population = missing > 0 ? null : wards.reduce((sum, ward) => sum + populations[ward]!, 0);
    return [{ code, wardCount: wards.length, count, population, rate: population ? (count / population) * RATE_PER : null, rank: null, wardsWithoutPopulation: missing }];
  });
  if (rows.length < 2) return [];
  const ranks = competitionRanks(rows.map((row) => row.rate));
  return rows
    .map((row, i) => ({ ...row, rank: ranks[i] }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.count - a.count || a.code.localeCompare(b.code));
}
