import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The shared data directory holding the national month and the England wards, which are
 * too big to commit: CRIME_MAP_DATA_DIR, or ../shared/data beside the checkout.
 */
export const SHARED_DATA_DIR = resolve(process.env.CRIME_MAP_DATA_DIR ?? resolve(import.meta.dirname, '..', '..', 'shared', 'data'));

export const NATIONAL_MONTH_DIR = resolve(SHARED_DATA_DIR, 'police-uk', 'national-2019-09');
export const ENGLAND_WARDS_FILE = resolve(SHARED_DATA_DIR, 'boundaries', 'england-wards-2013.geojson');

/** Why the national case cannot run here, or null when its files are present. */
export function nationalDataMissing(): string | null {
  for (const path of [NATIONAL_MONTH_DIR, ENGLAND_WARDS_FILE]) {
    if (!existsSync(path)) return `skipped: ${path} not found (set CRIME_MAP_DATA_DIR to the shared data folder to run the national case)`;
  }
  return null;
}
