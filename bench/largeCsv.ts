import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NATIONAL_MONTH_DIR, nationalDataMissing } from '../tests/dataDir.ts';

/*
 * The 1 GB case, run only with BENCH_LARGE=1: the national month's 39 files written out
 * again and again into one CSV of about 1 GB (5.0M rows), each copy with Crime IDs of its
 * own (its number in the first two hex digits), so that no row of a copy is a duplicate.
 */

export const LARGE_CSV_DIR = resolve(import.meta.dirname, '..', 'build-data', 'bench', 'large');
const LARGE_CSV = join(LARGE_CSV_DIR, 'national-2019-09-repeated.csv');
const TARGET_BYTES = 1024 ** 3;

export function largeCsvMissing(): string | null {
  if (!process.env.BENCH_LARGE) return 'skipped: set BENCH_LARGE=1 to run it (it writes a 1 GB CSV to build-data/bench/large)';
  return nationalDataMissing();
}

/** Writes the file unless it is there already; returns its path. */
export function ensureLargeCsv(): string {
  if (existsSync(LARGE_CSV) && statSync(LARGE_CSV).size >= TARGET_BYTES) return LARGE_CSV;
  mkdirSync(LARGE_CSV_DIR, { recursive: true });
  const files = readdirSync(NATIONAL_MONTH_DIR)
    .filter((name) => name.toLowerCase().endsWith('.csv'))
    .sort()
    .map((name) => readFileSync(join(NATIONAL_MONTH_DIR, name), 'utf8').split(/\r?\n/));
  const out = openSync(LARGE_CSV, 'w');
  try {
    let bytes = writeSync(out, `${files[0][0]}\n`);
    for (let copy = 0; bytes < TARGET_BYTES; copy++) {
      const prefix = copy.toString(16).padStart(2, '0');
      for (const lines of files) {
        const rows = lines.slice(1).filter((line) => line !== '');
        // Rows without a Crime ID (anti-social behaviour) stay as they are.
        bytes += writeSync(out, `${rows.map((line) => (line.startsWith(',') ? line : prefix + line.slice(2))).join('\n')}\n`);
      }
    }
  } finally {
    closeSync(out);
  }
  return LARGE_CSV;
}
