import { describe, expect, it } from 'vitest';
import { cubeIndex, rowCount, type Cube } from '../../src/core/cube.ts';
import { dashboardModel, type DashboardData } from '../../src/core/dashboardModel.ts';
import { parseMonth } from '../../src/core/months.ts';
import { peakMonthsSentence, quarterlyTotals, rollingMean, trendModel } from '../../src/core/trendSeries.ts';
import { testView } from './support/views.ts';

const m = (text: string) => parseMonth(text)!;

describe('rollingMean', () => {
  it('averages a full window only', () => {
    expect(rollingMean([1, 2, 3, 4, null, 6, 7], 3)).toEqual([null, null, 2, 3, null, null, null]);
  });
});

describe('quarterlyTotals', () => {
  it('labels financial-year quarters and marks cut or incomplete quarters', () => {
    const months = [m('2018-02'), m('2018-03'), m('2018-04'), m('2018-05'), m('2018-06'), m('2018-07')];
    const quarters = quarterlyTotals(months, [1, 2, 3, 4, 5, null]);
    expect(quarters.map((q) => [q.label, q.short, q.total, q.complete])).toEqual([
      ['Q4 2017/18 (Jan–Mar 2018)', 'Q4 17/18', 3, false],
      ['Q1 2018/19 (Apr–Jun 2018)', 'Q1 18/19', 12, true],
      ['Q2 2018/19 (Jul–Sep 2018)', 'Q2 18/19', 0, false],
    ]);
  });
});

describe('peakMonthsSentence', () => {
  const months = [m('2018-07'), m('2018-08'), m('2018-09'), m('2018-10'), m('2018-11'), m('2018-12'), m('2019-01')];
  it('names the highest and lowest months, with ties', () => {
    expect(peakMonthsSentence(months, [212, 180, 190, 212, 160, 150, 150])).toBe(
      'The highest levels were in July and October 2018 (212 each); the lowest in December 2018 and January 2019 (150 each).',
    );
    expect(peakMonthsSentence(months, [1200, 180, 190, 212, 160, null, 150])).toBe('The highest level was in July 2018 (1,200); the lowest in January 2019 (150).');
  });

  it('says so when every month is the same or there is no data', () => {
    expect(peakMonthsSentence(months.slice(0, 2), [5, 5])).toBe('Every month had the same count (5).');
    expect(peakMonthsSentence(months.slice(0, 2), [null, null])).toBe('No data for this period.');
  });
});

describe('trendModel', () => {
  // Two wards, burglary only, 2018-01 to 2019-12, ward 0 has month-number crimes each month, ward 1 has 1; 2019-05 missing.
  function data(): Pick<DashboardData, 'cube'> & DashboardData {
    const cube: Cube = { wardCount: 2, firstMonth: m('2018-01'), monthCount: 24, categories: ['Burglary'], counts: new Uint32Array(0), monthsWithData: new Array<boolean>(24).fill(true) };
    cube.counts = new Uint32Array(rowCount(cube) * 24);
    for (let offset = 0; offset < 24; offset++) {
      cube.counts[cubeIndex(cube, 0, offset, 0)] = (offset % 12) + 1;
      cube.counts[cubeIndex(cube, 1, offset, 0)] = 1;
    }
    cube.monthsWithData[m('2019-05') - cube.firstMonth] = false;
    cube.counts[cubeIndex(cube, 0, m('2019-05') - cube.firstMonth, 0)] = 0;
    cube.counts[cubeIndex(cube, 1, m('2019-05') - cube.firstMonth, 0)] = 0;
    return {
      wardIds: ['E05000001', 'E05000002'],
      wardNames: ['A', 'B'],
      populations: [1000, 1000],
      groups: { label: 'Area', names: [], descriptions: [], wardGroup: Int32Array.from([-1, -1]), splits: [] },
      cube,
      populationSource: 'test',
      lsoaCube: null,
      breaks: [],
    };
  }

  it('gives one value per month of the period, gaps for missing months, the year before and the rolling mean', () => {
    const d = data();
    const trend = trendModel(d, dashboardModel(d, testView({ period: 'cy2019', category: 'Burglary' })), 'Testshire');
    expect(trend.areaLabel).toBe('Testshire (all wards)');
    expect(trend.months).toHaveLength(12);
    expect(trend.lines[0].values).toEqual([2, 3, 4, 5, null, 7, 8, 9, 10, 11, 12, 13]);
    expect(trend.previousYear).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    // January 2019: the mean of Feb 2018 to Jan 2019 = (3 + … + 13 + 2) / 12 = 90 / 12.
    expect(trend.rolling[0]).toBeCloseTo(90 / 12, 10);
    expect(trend.rolling[4]).toBeNull();
    expect(trend.overview.values).toHaveLength(24);
    expect(trend.dataTo).toBe('2019-12');
  });

  it('follows the selected ward', () => {
    const d = data();
    const trend = trendModel(d, dashboardModel(d, testView({ period: 'cy2019', category: 'Burglary', ward: 'E05000002' })), 'Testshire');
    expect(trend.areaLabel).toBe('B');
    expect(trend.lines[0].values.filter((v) => v !== null)).toEqual(new Array(11).fill(1));
  });
});
