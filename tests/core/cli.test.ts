/**
 * The `aggregate` command as a user runs it: a child process on real files, checked on its
 * stdout JSON, its stderr messages and its exit code.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AggregateReport as Report } from '../../src/core/aggregateReport.ts';
import { PROJECT_ROOT } from './support/fixtures.ts';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `aggregate` the way `npm run data` does (node with tsx's loader), from the project root. */
function aggregate(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'aggregate', ...args],
      { cwd: PROJECT_ROOT, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

function report(run: Run): Report {
  expect(run.stdout.trim().split('\n'), 'one line of JSON on stdout').toHaveLength(1);
  return JSON.parse(run.stdout) as Report;
}

function reconciles(result: Report): void {
  expect(result.assigned + result.outside + result.noLocation + result.rejected + result.duplicates).toBe(result.read);
  expect(result.wards.reduce((sum, ward) => sum + ward.count, 0)).toBe(result.assigned);
}

const TV_BOUNDARIES = 'geo/test-valley-wards-2013.geojson';
const TV_POPULATION = 'data/population/test-valley-wards-population.csv';
const TV_CRIMES = 'data/police-uk';
const fixture = (name: string) => `tests/fixtures/${name}`;

/** Data rows of the Test Valley files whose names (YYYY-MM-...) fall in [from, to], counted without the core. */
function testValleyRows(from = '0000-00', to = '9999-99'): number {
  return readdirSync(resolve(PROJECT_ROOT, TV_CRIMES))
    .filter((name) => name.endsWith('.csv') && name.slice(0, 7) >= from && name.slice(0, 7) <= to)
    .map((name) => readFileSync(resolve(PROJECT_ROOT, TV_CRIMES, name), 'utf8').split(/\r?\n/).slice(1).filter((line) => line !== '').length)
    .reduce((sum, rows) => sum + rows, 0);
}

describe('aggregate on Test Valley', () => {
  let all: Run;
  let year2018: Run;

  beforeAll(async () => {
    [all, year2018] = await Promise.all([
      aggregate('--boundaries', TV_BOUNDARIES, '--population', TV_POPULATION, TV_CRIMES),
      aggregate('--boundaries', TV_BOUNDARIES, '--from', '2018-01', '--to', '2018-12', TV_CRIMES),
    ]);
  });

  it('prints one JSON object whose counts reconcile with every row of the files', () => {
    expect(all.code, all.stderr).toBe(0);
    const result = report(all);
    expect(Object.keys(result)).toEqual(['read', 'assigned', 'outside', 'noLocation', 'rejected', 'duplicates', 'wards']);
    expect(result.read).toBe(testValleyRows());
    reconciles(result);
    expect(result.rejected).toBe(0);
    expect(all.stderr).toBe('');
  });

  it('lists all 24 wards in boundary-file order, each with its totals and a rate', () => {
    const result = report(all);
    const features = (JSON.parse(readFileSync(resolve(PROJECT_ROOT, TV_BOUNDARIES), 'utf8')) as { features: { properties: { WD13CD: string; WD13NM: string } }[] }).features;
    expect(result.wards.map((ward) => [ward.id, ward.name])).toEqual(features.map((f) => [f.properties.WD13CD, f.properties.WD13NM]));
    expect(result.wards).toHaveLength(24);
    for (const ward of result.wards) {
      expect(Object.keys(ward)).toEqual(['id', 'name', 'count', 'rate', 'byCategory', 'byMonth']);
      expect(Object.values(ward.byCategory).reduce((a, b) => a + b, 0)).toBe(ward.count);
      expect(Object.values(ward.byMonth).reduce((a, b) => a + b, 0)).toBe(ward.count);
      expect(Object.keys(ward.byMonth)).toHaveLength(31); // 2017-04 to 2019-10
      expect(ward.rate).toBeGreaterThan(0);
    }
  });

  it('--from/--to keeps only the rows of the months in the window', () => {
    expect(year2018.code, year2018.stderr).toBe(0);
    const result = report(year2018);
    expect(result.read).toBe(testValleyRows('2018-01', '2018-12'));
    reconciles(result);
    for (const ward of result.wards) {
      expect(Object.keys(ward.byMonth)).toEqual(Array.from({ length: 12 }, (_, m) => `2018-${String(m + 1).padStart(2, '0')}`));
      expect(ward.rate).toBeNull(); // no --population
    }
  });
});

describe('aggregate on hand-made files', () => {
  // 8 rows: 2 in West (one on the edge it shares with East), 2 in East, 1 outside every
  // ward, 1 without coordinates, 1 with a bad longitude, 1 repeating Crime ID a1.
  it('accounts for every row and lists a ward without crimes with zeros', async () => {
    const run = await aggregate('--boundaries', fixture('two-wards.geojson'), '--population', fixture('two-wards-population.csv'), fixture('two-wards-crimes.csv'));
    expect(run.code, run.stderr).toBe(0);
    const result = report(run);
    expect({ ...result, wards: undefined }).toEqual({ read: 8, assigned: 4, outside: 1, noLocation: 1, rejected: 1, duplicates: 1, wards: undefined });
    expect(result.wards.map((ward) => [ward.name, ward.count])).toEqual([['West', 2], ['East', 2], ['Far North', 0]]);
    const farNorth = result.wards[2];
    expect(farNorth.rate).toBe(0);
    expect(Object.values(farNorth.byCategory).every((count) => count === 0)).toBe(true);
    expect(farNorth.byMonth).toEqual({ '2019-01': 0, '2019-02': 0 });
    expect(result.wards[1].rate).toBe(1.667); // 2 per 1,200 residents, per 1,000
    expect(run.stderr).toBe('warning: tests/fixtures/two-wards-crimes.csv, line 6: longitude or latitude is not a number (Longitude "north", Latitude "0.5")\n');
  });
});

describe.concurrent('aggregate refuses unusable input with a message naming the file', () => {
  it('a crime file or folder that does not exist', async () => {
    const run = await aggregate('--boundaries', fixture('two-wards.geojson'), fixture('missing.csv'));
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('error: tests/fixtures/missing.csv: no such file or folder\n');
  });

  it('a boundary file that does not exist', async () => {
    const run = await aggregate('--boundaries', fixture('missing.geojson'), fixture('two-wards-crimes.csv'));
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: tests\/fixtures\/missing\.geojson: cannot be read \(ENOENT\)\n$/);
  });

  it('broken GeoJSON', async () => {
    const run = await aggregate('--boundaries', fixture('broken.geojson'), fixture('two-wards-crimes.csv'));
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: tests\/fixtures\/broken\.geojson: not valid JSON \(/m);
  });

  it('a CSV whose header is not police.uk\'s, still loading the other files', async () => {
    const run = await aggregate('--boundaries', fixture('two-wards.geojson'), fixture('wrong-header.csv'), fixture('two-wards-crimes.csv'));
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('error: tests/fixtures/wrong-header.csv: not a police.uk street-level file: header lacks "Crime ID"');
    // The usable file is still aggregated, and the output says so.
    expect(report(run).read).toBe(8);
  });

  it('a missing --boundaries option or month in the wrong form', async () => {
    const [noBoundaries, badMonth] = await Promise.all([
      aggregate(fixture('two-wards-crimes.csv')),
      aggregate('--boundaries', fixture('two-wards.geojson'), '--from', '2019-13', fixture('two-wards-crimes.csv')),
    ]);
    expect(noBoundaries.code).toBe(2);
    expect(noBoundaries.stderr).toBe('error: --boundaries FILE is required\n');
    expect(badMonth.code).toBe(2);
    expect(badMonth.stderr).toBe('error: --from takes a month as YYYY-MM, not "2019-13"\n');
  });
});
