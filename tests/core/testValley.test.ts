/**
 * The embedded Test Valley data end to end, checked against numbers worked out in this
 * file without the core: a plain CSV split and ray casting over the raw GeoJSON.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { aggregateReport } from '../../src/core/aggregateReport.ts';
import { parseAreaConfig, resolveGroups, type AreaConfig } from '../../src/core/areaConfig.ts';
import { categoryMask, type CategorySelection } from '../../src/core/categories.ts';
import { lastMonth, sumByRow } from '../../src/core/cube.ts';
import { combinedFigures, districtFigures, periodTotals, wardFigures } from '../../src/core/measures.ts';
import { parseMonth } from '../../src/core/months.ts';
import { resolvePeriod, type DataRange, type Period } from '../../src/core/periods.ts';
import { runPipeline, type Dataset } from '../../src/core/pipeline.ts';
import { NO_LOCATION, OUTSIDE } from '../../src/core/spatialJoin.ts';
import { diskFile, PROJECT_ROOT } from './support/fixtures.ts';
import { inMonths, naiveRank, readRawCrimes, readRawWards, type RawCrime, type RawWards } from './support/independent.ts';

const CONFIG_FILE = 'data/areas/test-valley.json';
const FY2018: [string, string] = ['2018-04', '2019-03'];
const FY2017: [string, string] = ['2017-04', '2018-03'];
const ALL_MONTHS: [string, string] = ['2017-04', '2019-10'];
const ASB = 'Anti-social behaviour';
const EXCL_ASB: CategorySelection = { kind: 'all-excl-asb' };
const ALL: CategorySelection = { kind: 'all' };

let config: AreaConfig;
let dataset: Dataset;
let range: DataRange;
let raw: RawCrime[];
let rawWards: RawWards;
/** Feature index of each raw crime by the test's own point-in-polygon, -1 outside. */
let rawWardOf: Int32Array;

const fromProject = (path: string) => resolve(PROJECT_ROOT, path);

beforeAll(async () => {
  config = parseAreaConfig(CONFIG_FILE, JSON.parse(readFileSync(fromProject(CONFIG_FILE), 'utf8')));
  dataset = await runPipeline({
    boundaries: diskFile(fromProject(config.boundaries.file), config.boundaries.file),
    boundaryOptions: { idProperty: config.boundaries.idProperty, nameProperty: config.boundaries.nameProperty },
    population: diskFile(fromProject(config.population!.file), config.population!.file),
    crimeFiles: config.crimes.files.map((file) => diskFile(fromProject(file), file)),
  });
  range = { first: dataset.cube.firstMonth, last: lastMonth(dataset.cube) };
  raw = readRawCrimes(config.crimes.files.map(fromProject));
  rawWards = readRawWards(fromProject(config.boundaries.file));
  rawWardOf = Int32Array.from(raw, (crime) => rawWards.locate(crime.lon, crime.lat));
});

function period(from: string, to: string): Period {
  return resolvePeriod({ kind: 'range', from: parseMonth(from)!, to: parseMonth(to)! }, range);
}

function wardIndex(name: string): number {
  const ward = dataset.wards.names.indexOf(name);
  expect(ward, `ward ${name}`).toBeGreaterThanOrEqual(0);
  return ward;
}

/** Independent count: rows in [from, to] whose category passes, in the given raw ward (undefined: any). */
function rawCount(months: [string, string], keep: (category: string) => boolean, feature?: number): number {
  let n = 0;
  raw.forEach((crime, i) => {
    if (inMonths(crime.month, ...months) && keep(crime.category) && (feature === undefined || rawWardOf[i] === feature)) n++;
  });
  return n;
}

function rawFeature(name: string): number {
  return rawWards.features.findIndex((f) => f.properties.WD13NM === name);
}

function cubeTotals(months: [string, string], selection: CategorySelection): Float64Array {
  const p = period(...months);
  return sumByRow(dataset.cube, p.from, p.to, categoryMask(selection, dataset.cube.categories));
}

describe('Test Valley: row accounting', () => {
  it('reads all 22,143 rows: 22,141 in a ward, 2 outside, none rejected, duplicated or unplaced', () => {
    expect(raw).toHaveLength(22_143);
    expect(dataset.counts).toEqual({ read: 22_143, assigned: 22_141, outside: 2, noLocation: 0, rejected: 0, duplicates: 0 });
    const { read, assigned, outside, noLocation, rejected, duplicates } = dataset.counts;
    expect(assigned + outside + noLocation + rejected + duplicates).toBe(read);
    expect(dataset.table.length).toBe(read - rejected - duplicates);
    expect(dataset.fileErrors).toEqual([]);
    expect(dataset.problems.total).toBe(0);
  });

  it('builds a month axis of 31 months, 2017-04 to 2019-10, each with data', () => {
    expect(dataset.cube.firstMonth).toBe(parseMonth('2017-04'));
    expect(dataset.cube.monthCount).toBe(31);
    expect(dataset.cube.monthsWithData.every(Boolean)).toBe(true);
    expect(dataset.cube.categories).toHaveLength(14);
  });

  it('per month, the cube summed over every row (wards, outside, no location) equals that month\'s CSV rows', () => {
    const byMonth = new Map<string, number>();
    for (const crime of raw) byMonth.set(crime.month, (byMonth.get(crime.month) ?? 0) + 1);
    expect(byMonth.size).toBe(31);
    expect(byMonth.get('2017-04')).toBe(839);
    for (const [month, expected] of byMonth) {
      const totals = cubeTotals([month, month], ALL);
      expect(totals.reduce((a, b) => a + b, 0), month).toBe(expected);
    }
    // Each file holds only its own month.
    for (const crime of raw) expect(crime.file.endsWith(`${crime.month}-hampshire-street.csv`)).toBe(true);
  });
});

describe('Test Valley: ward assignment against an independent point-in-polygon', () => {
  it('assigns every one of the 22,143 crimes to the ward ray casting finds', () => {
    expect(dataset.table.length).toBe(raw.length);
    let disagreements = 0;
    raw.forEach((crime, i) => {
      // Same row order: the table keeps the files' rows in order when none is dropped.
      if (dataset.table.lon[i] !== crime.lon || dataset.table.lat[i] !== crime.lat) throw new Error(`row ${i} out of step`);
      const expected = rawWardOf[i] === -1 ? OUTSIDE : dataset.wards.ids.indexOf(String(rawWards.features[rawWardOf[i]].properties.WD13CD));
      if (dataset.wardOfCrime[i] !== expected) disagreements++;
    });
    expect(disagreements).toBe(0);
    expect(Array.from(dataset.wardOfCrime).filter((w) => w === NO_LOCATION)).toHaveLength(0);
  });

  it('leaves out exactly the 2 Claypit Road vehicle crimes (2018-10 and 2019-01)', () => {
    const outside = raw.filter((_, i) => rawWardOf[i] === -1).map((c) => `${c.month} ${c.category}`);
    expect(outside).toEqual(['2018-10 Vehicle crime', '2019-01 Vehicle crime']);
    const coreOutside = [...dataset.wardOfCrime.keys()].filter((i) => dataset.wardOfCrime[i] === OUTSIDE);
    expect(coreOutside.map((i) => dataset.table.locations[dataset.table.location[i]])).toEqual([
      'On or near Claypit Road',
      'On or near Claypit Road',
    ]);
  });

  // Expected values were worked out once with a separate script; the test also recomputes them.
  it.each([
    { name: "St Mary's", fyAll: 1655, fyExclAsb: 1552, allMonths: 4611 },
    { name: 'Alamein', fyAll: 1057, fyExclAsb: 972, allMonths: 2906 },
    { name: 'Abbey', fyAll: 472, fyExclAsb: 432, allMonths: 1409 },
    { name: 'Winton', fyAll: 688, fyExclAsb: 617, allMonths: 1962 },
    { name: 'Chilworth, Nursling and Rownhams', fyAll: 527, fyExclAsb: 507, allMonths: 1505 },
  ])('$name: FY2018/19 and all-month counts match the independent count', ({ name, fyAll, fyExclAsb, allMonths }) => {
    const ward = wardIndex(name);
    const feature = rawFeature(name);
    const any = () => true;
    const notAsb = (c: string) => c !== ASB;
    expect(rawCount(FY2018, any, feature)).toBe(fyAll);
    expect(rawCount(FY2018, notAsb, feature)).toBe(fyExclAsb);
    expect(rawCount(ALL_MONTHS, any, feature)).toBe(allMonths);
    expect(cubeTotals(FY2018, ALL)[ward]).toBe(fyAll);
    expect(cubeTotals(FY2018, EXCL_ASB)[ward]).toBe(fyExclAsb);
    expect(cubeTotals(ALL_MONTHS, ALL)[ward]).toBe(allMonths);
  });

  it('matches the independent count for every ward, month and category', () => {
    const { cube, wards } = dataset;
    // The independent cube: "ward code|month|category" → rows, outside rows keyed by "outside".
    const expected = new Map<string, number>();
    raw.forEach((c, i) => {
      const where = rawWardOf[i] === -1 ? 'outside' : String(rawWards.features[rawWardOf[i]].properties.WD13CD);
      const key = `${where}|${c.month}|${c.category}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    });
    const rowNames = [...wards.ids, 'outside', 'no location'];
    const months = [...new Set(raw.map((c) => c.month))].sort();
    let compared = 0;
    let mismatches = 0;
    months.forEach((month, m) => {
      expect(parseMonth(month)).toBe(cube.firstMonth + m);
      cube.categories.forEach((category, k) => {
        const totals = sumByRow(cube, cube.firstMonth + m, cube.firstMonth + m, cube.categories.map((_, j) => j === k));
        rowNames.forEach((where, row) => {
          compared++;
          if (totals[row] !== (expected.get(`${where}|${month}|${category}`) ?? 0)) mismatches++;
        });
      });
    });
    expect(compared).toBe(26 * 31 * 14);
    expect(mismatches).toBe(0);
  });
});

describe('Test Valley: financial year 2018/19', () => {
  it('district totals per category match a count over the CSV rows of 2018-04..2019-03', () => {
    const expected = new Map<string, number>();
    for (const c of raw) if (inMonths(c.month, ...FY2018)) expected.set(c.category, (expected.get(c.category) ?? 0) + 1);
    const { cube } = dataset;
    const p = period(...FY2018);
    const actual = new Map<string, number>();
    cube.categories.forEach((name, k) => {
      const totals = sumByRow(cube, p.from, p.to, cube.categories.map((_, j) => j === k));
      actual.set(name, totals.reduce((a, b) => a + b, 0));
    });
    expect(actual).toEqual(expected);
    // A few by hand from a separate script.
    expect(actual.get('Violence and sexual offences')).toBe(2796);
    expect(actual.get('Burglary')).toBe(689);
    expect(actual.get(ASB)).toBe(587);
    expect(actual.get('Theft from the person')).toBe(50);
    expect([...actual.values()].reduce((a, b) => a + b, 0)).toBe(8060);
  });

  it('district figures include the 2 crimes outside every ward', () => {
    const totals = periodTotals(dataset.cube, period(...FY2018), range, categoryMask(EXCL_ASB, dataset.cube.categories));
    const district = districtFigures(totals, dataset.wards.ids.length, dataset.populations, dataset.cube);
    expect(district.count).toBe(7473);
    expect(district.count).toBe(rawCount(FY2018, (c) => c !== ASB));
    expect(district.previous).toBe(7448);
    expect(district.change).toBe(25);
    expect(district.percentChange).toBeCloseTo((25 / 7448) * 100, 10);
    expect(district.population).toBe(123_957);
    expect(district.rate).toBeCloseTo((7473 / 123_957) * 1000, 10);
  });
});

describe('Test Valley: population, rates, ranks and change', () => {
  it('joins a population to all 24 wards, summing to 123,957', () => {
    expect(dataset.populations).toHaveLength(24);
    expect(dataset.populations.every((p) => p !== null && p > 0)).toBe(true);
    expect(dataset.populations.reduce((a, b) => a! + b!, 0)).toBe(123_957);
    expect(dataset.populations[wardIndex('Alamein')]).toBe(11_569);
    expect(dataset.populations[wardIndex('Charlton')]).toBe(1_838);
    expect(dataset.populationProblems).toEqual([]);
  });

  function fyFigures(months: [string, string], selection: CategorySelection) {
    const totals = periodTotals(dataset.cube, period(...months), range, categoryMask(selection, dataset.cube.categories));
    return wardFigures(totals, dataset.populations);
  }

  it('rate per 1,000 residents: Alamein, FY2018/19 excluding ASB, is 972 / 11,569 × 1,000 = 84.018', () => {
    const alamein = fyFigures(FY2018, EXCL_ASB)[wardIndex('Alamein')];
    expect(alamein.count).toBe(972);
    expect(alamein.population).toBe(11_569);
    expect(alamein.rate).toBeCloseTo(84.0176, 4);
  });

  it('ranks wards by count and by rate, highest first', () => {
    const figures = fyFigures(FY2018, EXCL_ASB);
    const byName = (name: string) => figures[wardIndex(name)];
    expect(byName("St Mary's").countRank).toBe(1);
    expect(byName('Alamein').countRank).toBe(2);
    expect(byName('Winton').countRank).toBe(3);
    expect(byName('Chilworth, Nursling and Rownhams').countRank).toBe(4);
    expect(byName('Over Wallop').countRank).toBe(24); // 50 crimes, the fewest
    expect(byName("St Mary's").rateRank).toBe(1); // 1552 / 11,118 = 139.6 per 1,000
    const counts = figures.map((f) => f.count);
    const rates = figures.map((f) => f.rate!);
    for (const f of figures) {
      expect(f.countRank).toBe(naiveRank(counts, f.count));
      expect(f.rateRank).toBe(naiveRank(rates, f.rate!));
    }
  });

  it('gives tied wards the same rank and skips the ranks they take up (competition ranking)', () => {
    // Theft from the person: 50 crimes over 24 wards in FY2018/19, so many ties.
    const figures = fyFigures(FY2018, { kind: 'single', name: 'Theft from the person' });
    const counts = figures.map((f) => f.count);
    const tied = counts.filter((c, i) => counts.indexOf(c) !== i);
    expect(tied.length).toBeGreaterThan(0);
    for (const f of figures) expect(f.countRank).toBe(naiveRank(counts, f.count));
    const zeros = figures.filter((f) => f.count === 0);
    expect(zeros.length).toBeGreaterThan(1);
    // Every ward with no such theft shares the rank after all the wards with one.
    for (const f of zeros) expect(f.countRank).toBe(24 - zeros.length + 1);
  });

  it('compares with the previous financial year: change and percent change', () => {
    const figures = fyFigures(FY2018, EXCL_ASB);
    for (const name of ["St Mary's", 'Alamein', 'Abbey', 'Winton']) {
      const f = figures[wardIndex(name)];
      const previous = rawCount(FY2017, (c) => c !== ASB, rawFeature(name));
      expect(f.previous, name).toBe(previous);
      expect(f.change, name).toBe(f.count - previous);
      expect(f.percentChange!, name).toBeCloseTo(((f.count - previous) / previous) * 100, 10);
    }
    const stMarys = figures[wardIndex("St Mary's")];
    expect([stMarys.count, stMarys.previous, stMarys.change]).toEqual([1552, 1607, -55]);
    expect(stMarys.percentChange).toBeCloseTo(-3.4225, 4);
  });

  it('has no previous figures for FY2017/18, whose previous year is not in the data', () => {
    const figures = fyFigures(FY2017, EXCL_ASB);
    for (const f of figures) {
      expect(f.previous).toBeNull();
      expect(f.change).toBeNull();
      expect(f.percentChange).toBeNull();
    }
  });

  it('gives no percent change where the previous count is 0, but still a change', () => {
    const { cube } = dataset;
    let checked = 0;
    for (const name of cube.categories) {
      const figures = fyFigures(FY2018, { kind: 'single', name });
      for (const f of figures) {
        if (f.previous !== 0) continue;
        expect(f.percentChange).toBeNull();
        expect(f.change).toBe(f.count);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('Test Valley: neighbourhood groups and the aggregate report', () => {
  it('resolves the config groups and sums each group from its wards', () => {
    const groups = resolveGroups(CONFIG_FILE, config.groups, dataset.wards);
    expect(groups.names).toEqual(['North', 'Mid-Test', 'South']);
    const members = groups.names.map((_, g) => [...groups.wardGroup.keys()].filter((w) => groups.wardGroup[w] === g));
    expect(members.map((m) => m.length)).toEqual([11, 4, 9]);
    const totals = periodTotals(dataset.cube, period(...FY2018), range, categoryMask(EXCL_ASB, dataset.cube.categories));
    let sum = 0;
    for (const wards of members) {
      const group = combinedFigures(totals, wards, dataset.populations);
      const features = new Set(wards.map((w) => rawFeature(dataset.wards.names[w])));
      let expected = 0;
      raw.forEach((c, i) => {
        if (inMonths(c.month, ...FY2018) && c.category !== ASB && features.has(rawWardOf[i])) expected++;
      });
      expect(group.count).toBe(expected);
      expect(group.population).toBe(wards.reduce((a, w) => a + dataset.populations[w]!, 0));
      sum += group.count;
    }
    expect(sum).toBe(7471); // the district less the 2 crimes outside every ward
  });

  it('reports each ward\'s total over all months, adding up to the assigned rows', () => {
    const report = aggregateReport(dataset);
    expect(report.wards).toHaveLength(24);
    expect(report.wards.reduce((a, w) => a + w.count, 0)).toBe(22_141);
    const stMarys = report.wards.find((w) => w.name === "St Mary's")!;
    expect(stMarys.count).toBe(4611);
    expect(stMarys.rate).toBe(Math.round((4611 / 11_118) * 1000 * 1000) / 1000);
    expect(Object.keys(stMarys.byMonth)).toHaveLength(31);
  });
});
