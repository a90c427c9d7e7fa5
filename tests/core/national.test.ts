/**
 * The scale case: all 39 force files of September 2019 against the 7,681 wards of England,
 * in one in-process pipeline run. The files are too big to commit; without them the tests
 * are skipped and the reason is printed.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { aggregateReport, type AggregateReport } from '../../src/core/aggregateReport.ts';
import { noLocationRow, outsideRow, sumByRow } from '../../src/core/cube.ts';
import { runPipeline, type Dataset } from '../../src/core/pipeline.ts';
import { ENGLAND_WARDS_FILE, NATIONAL_MONTH_DIR, nationalDataMissing } from '../dataDir.ts';
import { diskFile } from './support/fixtures.ts';

const missing = nationalDataMissing();
if (missing) console.warn(`national.test.ts ${missing}`);

describe.skipIf(missing !== null)(`national month 2019-09 against England's wards${missing ? ` (${missing})` : ''}`, () => {
  let dataset: Dataset;
  let report: AggregateReport;

  beforeAll(async () => {
    const files = readdirSync(NATIONAL_MONTH_DIR).filter((name) => name.endsWith('.csv')).sort();
    expect(files).toHaveLength(39);
    dataset = await runPipeline({
      boundaries: diskFile(ENGLAND_WARDS_FILE),
      crimeFiles: files.map((name) => diskFile(join(NATIONAL_MONTH_DIR, name))),
    });
    report = aggregateReport(dataset);
  });

  it('accounts for all 356,345 rows: assigned + outside + no location + rejected + duplicates', () => {
    const { read, assigned, outside, noLocation, rejected, duplicates } = dataset.counts;
    expect(read).toBe(356_345);
    expect(assigned + outside + noLocation + rejected + duplicates).toBe(read);
    // The figures of the unoptimised pipeline; a faster parse or join must not move them.
    expect(dataset.counts).toEqual({ read: 356_345, assigned: 306_115, outside: 39_030, noLocation: 10_702, rejected: 0, duplicates: 498 });
    expect(dataset.fileErrors).toEqual([]);
  });

  it('lists every one of the 7,681 wards, their counts adding up to the assigned rows', () => {
    expect(report.wards).toHaveLength(7_681);
    expect(new Set(report.wards.map((ward) => ward.id)).size).toBe(7_681);
    expect(report.wards.reduce((sum, ward) => sum + ward.count, 0)).toBe(dataset.counts.assigned);
    expect(report.wards.filter((ward) => ward.count === 0).length).toBeGreaterThan(0); // listed with zeros too
  });

  it('keeps crimes outside every ward and without a location in the cube, apart from the wards', () => {
    const { cube } = dataset;
    const totals = sumByRow(cube, cube.firstMonth, cube.firstMonth, cube.categories.map(() => true));
    expect(totals[outsideRow(cube)]).toBe(dataset.counts.outside);
    expect(totals[noLocationRow(cube)]).toBe(dataset.counts.noLocation);
    expect(dataset.table.length).toBe(356_345 - dataset.counts.duplicates - dataset.counts.rejected);
  });
});
