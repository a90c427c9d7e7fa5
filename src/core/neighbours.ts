import { categoryFromKey, categoryMask } from './categories.ts';
import { sumByRow, type Cube } from './cube.ts';
import { competitionRanks, RATE_PER } from './measures.ts';
import type { Period } from './periods.ts';
import type { CrimeTable } from './policeUkCsv.ts';

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
  /** Each district's name, where the crimes in it tell (see districtNames); null where they do not. */
  names: (string | null)[];
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
  return codes.length > 1 ? { property, codes, wardDistrict, names: codes.map(() => null) } : null;
}

/** "Test Valley" from "Test Valley 011A": an LSOA's name is its district's and a number. */
const LSOA_NAME = /^(.+) \d{3}[A-Z]$/;

/**
 * The districts named from the police.uk rows: England's ward boundaries give a district's
 * code only, but each crime's LSOA name starts with its district's name. Each district
 * takes the name most of its wards' crimes give (a crime snapped across a border gives a
 * neighbour's).
 */
export function districtNames(districts: Districts, table: Pick<CrimeTable, 'length' | 'lsoa' | 'lsoaNames'>, wardOfCrime: Int32Array): Districts {
  const prefixes = table.lsoaNames.map((name) => LSOA_NAME.exec(name)?.[1] ?? null);
  const votes = districts.codes.map(() => new Map<string, number>());
  for (let i = 0; i < table.length; i++) {
    const ward = wardOfCrime[i];
    const district = ward >= 0 ? districts.wardDistrict[ward] : -1;
    const prefix = prefixes[table.lsoa[i]];
    if (district >= 0 && prefix !== null) votes[district].set(prefix, (votes[district].get(prefix) ?? 0) + 1);
  }
  const names = votes.map((counts) => [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null);
  return { ...districts, names };
}

export interface NeighbourRow {
  code: string;
  name: string | null;
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
    return [{ code, name: districts.names[d], wardCount: wards.length, count, population, rate: population ? (count / population) * RATE_PER : null, rank: null, wardsWithoutPopulation: missing }];
  });
  if (rows.length < 2) return [];
  const ranks = competitionRanks(rows.map((row) => row.rate));
  return rows
    .map((row, i) => ({ ...row, rank: ranks[i] }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.count - a.count || a.code.localeCompare(b.code));
}
