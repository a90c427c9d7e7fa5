import { schemeYlOrRd } from 'd3-scale-chromatic';
import { describe, expect, it } from 'vitest';
import type { WardGroups } from '../../src/core/areaConfig.ts';
import { cubeIndex, noLocationRow, outsideRow, rowCount, type Cube } from '../../src/core/cube.ts';
import { classColours, dashboardModel, sortRows, type DashboardData } from '../../src/core/dashboardModel.ts';
import { parseMonth } from '../../src/core/months.ts';
import { type View } from '../../src/core/viewState.ts';
import { testView } from './support/views.ts';

const m = (text: string) => parseMonth(text)!;
const ASB = 0;
const BURGLARY = 1;

/**
 * Four wards over 2018–2019 (so calendar 2019 has a previous year and 2018 has none):
 *   ward  2019 burglary  2018 burglary  population  group
 *   0     10             5              1,000       A
 *   1     40             40             2,000       A
 *   2     5              0              none        B
 *   3     0              2              500         none
 * Ward 0 also has 100 ASB incidents in 2019; 3 burglaries fell outside every ward and 1 had no location.
 */
function makeData(missingMonth?: string): DashboardData {
  const cube: Cube = {
    wardCount: 4,
    firstMonth: m('2018-01'),
    monthCount: 24,
    categories: ['Anti-social behaviour', 'Burglary'],
    counts: new Uint32Array(0),
    monthsWithData: new Array<boolean>(24).fill(true),
  };
  cube.counts = new Uint32Array(rowCount(cube) * cube.monthCount * cube.categories.length);
  const add = (row: number, month: string, category: number, n: number) => {
    cube.counts[cubeIndex(cube, row, m(month) - cube.firstMonth, category)] += n;
  };
  add(0, '2019-03', BURGLARY, 6);
  add(0, '2019-11', BURGLARY, 4);
  add(1, '2019-07', BURGLARY, 40);
  add(2, '2019-01', BURGLARY, 5);
  add(0, '2018-05', BURGLARY, 5);
  add(1, '2018-12', BURGLARY, 40);
  add(3, '2018-02', BURGLARY, 2);
  add(0, '2019-08', ASB, 100);
  add(outsideRow(cube), '2019-04', BURGLARY, 3);
  add(noLocationRow(cube), '2019-09', BURGLARY, 1);
  if (missingMonth) cube.monthsWithData[m(missingMonth) - cube.firstMonth] = false;
  const groups: WardGroups = { label: 'Area', names: ['A', 'B'], descriptions: ['', ''], wardGroup: Int32Array.from([0, 0, 1, -1]), splits: [] };
  return {
    wardIds: ['W0', 'W1', 'W2', 'W3'],
    wardNames: ['Zeta', 'Alpha', 'Mu', 'Beta'],
    populations: [1000, 2000, null, 500],
    groups,
    cube,
    populationSource: 'Test population',
    lsoaCube: null,
    breaks: [],
  };
}

const view: View = testView({ period: 'cy2019' });

describe('dashboardModel: wards', () => {
  const model = dashboardModel(makeData(), view);

  it('gives each ward its count, change and rate for the period', () => {
    expect(model.wards[0].figures).toMatchObject({ count: 10, previous: 5, change: 5, percentChange: 100, population: 1000, rate: 10 });
    expect(model.wards.map((w) => w.value)).toEqual([10, 20, null, 0]);
  });

  it('ranks by the mapped measure, leaving wards without a value unranked', () => {
    expect(model.wards.map((w) => w.rank)).toEqual([2, 1, null, 3]);
    const counted = dashboardModel(makeData(), { ...view, measure: 'count' });
    expect(counted.wards.map((w) => w.rank)).toEqual([2, 1, 3, 4]);
  });

  it('classes every ward and colours it from the palette; a ward without a value gets no colour', () => {
    expect(model.wards.map((w) => w.classIndex)).toEqual([1, 2, -1, 0]);
    expect(model.wards.map((w) => w.colour)).toEqual([schemeYlOrRd[3][1], schemeYlOrRd[3][2], null, schemeYlOrRd[3][0]]);
  });

  it('explains a change that cannot be a percentage, and one without a previous period', () => {
    expect(model.wards[2].figures.percentChange).toBeNull();
    expect(model.wards[2].changeNote).toContain('None in the previous period');
    expect(model.wards[0].changeNote).toBeNull();
    const first = dashboardModel(makeData(), { ...view, period: 'cy2018' });
    expect(first.previousAvailable).toBe(false);
    expect(first.wards[0].figures.change).toBeNull();
    expect(first.wards[0].changeNote).toContain('does not cover the previous period');
  });

  it('uses the selected category, and calls ASB incidents rather than crimes', () => {
    const asb = dashboardModel(makeData(), { ...view, category: 'asb', measure: 'count' });
    expect(asb.wards[0].figures.count).toBe(100);
    expect(asb.countNoun).toBe('incidents');
    expect(asb.measureLabel).toBe('Number of incidents');
    expect(dashboardModel(makeData(), { ...view, category: 'all' }).wards[0].figures.count).toBe(110);
  });
});

describe('dashboardModel: the group filter', () => {
  const filtered = dashboardModel(makeData(), { ...view, group: 'A' });

  it('restricts the table rows to the group', () => {
    expect(filtered.rows.map((row) => row.id)).toEqual(['W1', 'W0']);
    expect(filtered.wards.map((w) => w.inFilter)).toEqual([true, true, false, false]);
    expect(filtered.groupFilter).toBe(0);
  });

  it('classes over all wards, so colours compare across groups', () => {
    const unfiltered = dashboardModel(makeData(), view);
    expect(filtered.classification).toEqual(unfiltered.classification);
    expect(filtered.wards.map((w) => w.colour)).toEqual(unfiltered.wards.map((w) => w.colour));
  });
});

describe('dashboardModel: summaries', () => {
  const model = dashboardModel(makeData(), view);

  it('counts crimes outside the wards and without a location in the district total', () => {
    expect(model.district.figures.count).toBe(59);
    expect(model.district.outside).toBe(3);
    expect(model.district.noLocation).toBe(1);
    expect(model.district.figures.previous).toBe(47);
  });

  it('gives no district rate when a ward has no population', () => {
    expect(model.district.figures.rate).toBeNull();
  });

  it('sums each group, with the wards in no group as a row of their own', () => {
    expect(model.groups.map((g) => [g.name, g.wardCount, g.figures.count])).toEqual([
      ['A', 2, 50],
      ['B', 1, 5],
      ['In no group', 1, 0],
    ]);
    expect(model.groups[0].figures.rate).toBeCloseTo(50 / 3, 10);
    expect(model.groups[2].changeNote).toBeNull();
    expect(model.groups[2].figures.percentChange).toBe(-100);
  });

  it('lists months of the period without loaded data', () => {
    expect(model.missingMonths).toEqual([]);
    expect(dashboardModel(makeData('2019-06'), view).missingMonths).toEqual(['Jun 2019']);
  });

  it('refuses a comparison across a month without data in either period, and names it', () => {
    for (const gap of ['2018-06', '2019-06']) {
      const model = dashboardModel(makeData(gap), view);
      expect(model.comparisonGaps).toEqual([gap === '2018-06' ? 'Jun 2018' : 'Jun 2019']);
      expect(model.previousAvailable).toBe(false);
      expect(model.district.figures.change).toBeNull();
      expect(model.wards[0].figures.change).toBeNull();
      expect(model.wards[0].changeNote).toContain(`no data was loaded for ${model.comparisonGaps[0]}`);
      expect(model.wards[0].significance.kind).toBe('unavailable');
    }
    expect(dashboardModel(makeData(), view).comparisonGaps).toEqual([]);
  });
});

describe('dashboardModel: legend', () => {
  it('names the measure, method and population source, and counts the hatched wards', () => {
    const { legend } = dashboardModel(makeData(), view);
    expect(legend.title).toBe('Crimes per 1,000 residents');
    expect(legend.method).toBe('Quantile (equal numbers of wards), 3 classes');
    expect(legend.entries.map((e) => e.wardCount)).toEqual([1, 1, 1]);
    expect(legend.noData).toEqual({ label: 'No population figure, so no rate', wardCount: 1 });
    expect(legend.populationNote).toBe('Population: Test population');
  });

  it('labels count classes by the whole numbers they hold', () => {
    const { legend } = dashboardModel(makeData(), { ...view, measure: 'count' });
    expect(legend.entries.map((e) => e.label)).toEqual(['0–4', '5–9', '10–39', '40']);
    expect(legend.noData).toBeNull();
    expect(legend.populationNote).toBeNull();
  });

  it('labels rate classes with their lower bound included and upper bound excluded', () => {
    const { legend } = dashboardModel(makeData(), view);
    expect(legend.entries.map((e) => e.label)).toEqual(['0.0 to under 10.0', '10.0 to under 20.0', '20.0']);
  });

  it('maps counts when the area has no populations, whatever the view asks', () => {
    const model = dashboardModel({ ...makeData(), populationSource: null }, view);
    expect(model.measure).toBe('count');
    expect(model.legend.title).toBe('Number of crimes');
  });
});

describe('sortRows', () => {
  const { wards } = dashboardModel(makeData(), view);
  const ids = (rows: typeof wards) => rows.map((row) => row.id);

  it('puts wards without a value last in either direction', () => {
    expect(ids(sortRows(wards, { column: 'rate', direction: 'descending' }))).toEqual(['W1', 'W0', 'W3', 'W2']);
    expect(ids(sortRows(wards, { column: 'rate', direction: 'ascending' }))).toEqual(['W3', 'W0', 'W1', 'W2']);
  });

  it('sorts names alphabetically and breaks ties by name', () => {
    expect(ids(sortRows(wards, { column: 'ward', direction: 'ascending' }))).toEqual(['W1', 'W3', 'W2', 'W0']);
    expect(ids(sortRows(wards, { column: 'group', direction: 'ascending' }))).toEqual(['W1', 'W0', 'W2', 'W3']);
  });

  it('sorts by change, ties by name', () => {
    // W2 (Mu) and W0 (Zeta) both rose by 5.
    expect(ids(sortRows(wards, { column: 'change', direction: 'descending' }))).toEqual(['W2', 'W0', 'W1', 'W3']);
  });
});

describe('classColours', () => {
  it('takes ColorBrewer YlOrRd of the class count, and its darker end for fewer than 3', () => {
    expect(classColours(5)).toEqual([...schemeYlOrRd[5]]);
    expect(classColours(2)).toEqual(schemeYlOrRd[3].slice(1));
    expect(classColours(0)).toEqual([]);
  });
});
