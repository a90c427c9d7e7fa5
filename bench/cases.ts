import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ENGLAND_WARDS_FILE, NATIONAL_MONTH_DIR, nationalDataMissing } from '../tests/dataDir.ts';
import { ensureLargeCsv, LARGE_CSV_DIR, largeCsvMissing } from './largeCsv.ts';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..');

export interface BenchCase {
  name: string;
  description: string;
  boundaries: string;
  population?: string;
  crimeDir: string;
  /** Runs of each measurement; the median is reported. */
  runs: number;
  /** Why the case cannot run here, or null. */
  missing: () => string | null;
  /** Makes the case's input, when it is generated. */
  prepare?: () => void;
}

const fromProject = (path: string) => resolve(PROJECT_ROOT, path);

export const CASES: BenchCase[] = [
  {
    name: 'test-valley',
    description: 'Test Valley, all 31 months (2017-04 to 2019-10), 24 wards, with population',
    boundaries: fromProject('geo/test-valley-wards-2013.geojson'),
    population: fromProject('data/population/test-valley-wards-population.csv'),
    crimeDir: fromProject('data/police-uk'),
    runs: 5,
    missing: () => (existsSync(fromProject('data/police-uk')) ? null : 'skipped: data/police-uk not found'),
  },
  {
    name: 'national-2019-09',
    description: 'England, Wales and Northern Ireland, September 2019 (39 force files), 7,681 England wards',
    boundaries: ENGLAND_WARDS_FILE,
    crimeDir: NATIONAL_MONTH_DIR,
    runs: 5,
    missing: nationalDataMissing,
  },
  {
    name: 'large-1gb',
    description: 'One 1 GB CSV (the national month repeated, 5.0M rows; only with BENCH_LARGE=1), 24 Test Valley wards',
    boundaries: fromProject('geo/test-valley-wards-2013.geojson'),
    crimeDir: LARGE_CSV_DIR,
    runs: 1,
    missing: largeCsvMissing,
    prepare: ensureLargeCsv,
  },
];

export function crimeFiles(benchCase: BenchCase): string[] {
  return readdirSync(benchCase.crimeDir)
    .filter((name) => name.toLowerCase().endsWith('.csv'))
    .sort()
    .map((name) => join(benchCase.crimeDir, name));
}

/** The same job as the CLI: `aggregate --boundaries ... [--population ...] DIR`. */
export function cliArgs(benchCase: BenchCase): string[] {
  return ['aggregate', '--boundaries', benchCase.boundaries, ...(benchCase.population ? ['--population', benchCase.population] : []), benchCase.crimeDir];
}
