import { beforeAll, describe, expect, it } from 'vitest';
import { categoryMask } from '../../src/core/categories.ts';
import { cubeIndex, sumByRow } from '../../src/core/cube.ts';
import { dashboardModel } from '../../src/core/dashboardModel.ts';
import { addIndicators, indicatorRanges, parseIndicatorPeriod, parseIndicators } from '../../src/core/localIndicators.ts';
import { parseMonth } from '../../src/core/months.ts';
import { InputError } from '../../src/core/problems.ts';
import { assessmentSentences } from '../../src/core/report/assessmentSentences.ts';
import { strategicAssessment } from '../../src/core/report/assessmentTables.ts';
import { trendModel } from '../../src/core/trendSeries.ts';
import { loadTestValley, type TestValley } from './support/testValley.ts';
import { testView } from './support/views.ts';

const m = (text: string) => parseMonth(text)!;
const WARDS = ['E05004628', 'E05004629'];

describe('parseIndicators', () => {
  it('reads area code, period, indicator and count, with thousands separators, a BOM and CRLF', () => {
    const table = parseIndicators('da.csv', '\uFEFFArea code,Period,Indicator,Count\r\nE05004628,2019-04,Domestic abuse,"1,204"\r\nE05004629,2019-04,Domestic abuse,3\r\n', WARDS);
    expect(table.rows).toEqual([
      { ward: 0, month: m('2019-04'), indicator: 'Domestic abuse', count: 1204 },
      { ward: 1, month: m('2019-04'), indicator: 'Domestic abuse', count: 3 },
    ]);
    expect(table).toMatchObject({ indicators: ['Domestic abuse'], read: 2, rejected: [] });
  });

  it('rejects each bad row with its line and why, and keeps the rest: read = kept + rejected', () => {
    const text = [
      'code,month,indicator,value',
      'E05009999,2019-04,Hate crime,2',
      'E05004628,2019/21,Hate crime,2',
      'E05004628,2019-04,,2',
      'E05004628,2019-04,Hate crime,2.5',
      'E05004628,2019-04,Hate crime,-1',
      'E05004628,2019-05,Hate crime,4',
      'E05004628,2019-05,Hate crime,6',
    ].join('\n');
    const table = parseIndicators('hate.csv', text, WARDS);
    expect(table.rejected).toEqual([
      { line: 2, problem: 'area code "E05009999" is not an area of the boundaries' },
      { line: 3, problem: 'period "2019/21" is neither a month (YYYY-MM) nor a financial year (YYYY/YY)' },
      { line: 4, problem: 'no indicator name' },
      { line: 5, problem: 'count "2.5" is not a whole number of 0 or more' },
      { line: 6, problem: 'count "-1" is not a whole number of 0 or more' },
      { line: 8, problem: 'E05004628, 2019-05, Hate crime appears more than once (first row kept)' },
    ]);
    expect(table.rows).toHaveLength(1);
    expect(table.read).toBe(table.rows.length + table.rejected.length);
  });

  it('refuses a file without the four columns, or an empty one, naming the file', () => {
    expect(() => parseIndicators('x.csv', 'code,count\nE05004628,3\n', WARDS)).toThrow('x.csv: the header needs area code, period, indicator and count columns; missing period, indicator');
    expect(() => parseIndicators('empty.csv', '', WARDS)).toThrow(InputError);
  });
});

describe('local indicators in the Test Valley data', () => {
  let area: TestValley;
  beforeAll(async () => {
    area = await loadTestValley();
  });

  const tableFor = (area: TestValley) => {
    const lines = area.data.wardIds.flatMap((id, ward) => ['2018-04', '2018-05', '2019-12'].map((month) => `${id},${month},Domestic abuse,${ward + 1}`));
    return parseIndicators('da.csv', ['Area code,Period,Indicator,Count', ...lines].join('\n'), area.data.wardIds);
  };

  it('becomes a category of its own, never added into police.uk totals, and the axis grows to its months', () => {
    const cube = addIndicators(area.data.cube, tableFor(area));
    expect(cube.categories.at(-1)).toBe('Local: Domestic abuse');
    expect(cube.firstMonth + cube.monthCount - 1).toBe(m('2019-12'));
    expect(cube.monthsWithData[m('2019-12') - cube.firstMonth]).toBe(false);
    const period = { from: m('2017-04'), to: m('2019-10') };
    const allCrime = (c: typeof cube) => Array.from(sumByRow(c, period.from, period.to, categoryMask({ kind: 'all' }, c.categories)));
    expect(allCrime(cube)).toEqual(allCrime(area.data.cube));
    expect(cube.counts[cubeIndex(cube, 3, m('2018-05') - cube.firstMonth, cube.categories.length - 1)]).toBe(4);
  });

  it('is mapped, ranked and reported like a crime category, with its own source line', () => {
    const cube = addIndicators(area.data.cube, tableFor(area));
    const table = tableFor(area);
    const data = { ...area.data, cube, indicatorSources: { 'Local: Domestic abuse': 'Test Valley Community Safety Partnership' }, indicatorRanges: indicatorRanges(table) };
    const model = dashboardModel(data, testView({ category: 'Local: Domestic abuse', period: '2018-04..2018-05', measure: 'count' }));
    expect(model.wards.map((w) => w.figures.count)).toEqual(area.data.wardIds.map((_, ward) => 2 * (ward + 1)));
    expect(model.wards.find((w) => w.rank === 1)?.ward).toBe(area.data.wardIds.length - 1);
    expect(model.caveats[0]).toBe('Domestic abuse: Test Valley Community Safety Partnership (not police.uk).');
    expect(model.wards.every((w) => w.lsoaCount === null)).toBe(true);
    expect(model.legend.sourceNote).toBe('Source: Test Valley Community Safety Partnership (not police.uk)');
    // Before April 2018 the table has no figures: no data, not zero, so no change.
    expect(model.previousAvailable).toBe(false);
    expect(model.wards[0].figures.change).toBeNull();
    expect(model.countNoun).toBe('incidents');
    // Between its first and last month, a month without a row counts as none: tables often leave zeros out.
    expect(dashboardModel(data, testView({ category: 'Local: Domestic abuse', period: '2018-04..2018-09', measure: 'count' })).missingMonths).toEqual([]);
    const report = strategicAssessment(data, model);
    expect(report.district.rows.at(-1)).toMatchObject({ key: 'Local: Domestic abuse', kind: 'local' });
    expect(report.district.rows.find((r) => r.kind === 'total')?.figures.count).toBe(strategicAssessment(area.data, model).district.rows.find((r) => r.kind === 'total')?.figures.count);
    expect(assessmentSentences(report, model).some((s) => s.startsWith('Domestic abuse (local figures)'))).toBe(true);
  });
});

describe('financial years', () => {
  it('reads a period as a month, or as the April starting a financial year in the ways tables write one', () => {
    expect(parseIndicatorPeriod('2019-04')).toEqual({ month: m('2019-04'), yearly: false });
    for (const text of ['2018/19', 'FY2018/19', 'fy 2018/19', '2018-19', '2018/2019', '2018-2019', ' 2018 / 19 ']) {
      expect(parseIndicatorPeriod(text), text).toEqual({ month: m('2018-04'), yearly: true });
    }
    expect(parseIndicatorPeriod('1999/00')).toEqual({ month: m('1999-04'), yearly: true });
    // "YYYY-MM" is always a month, even where it could be a financial year.
    expect(parseIndicatorPeriod('2011-12')).toEqual({ month: m('2011-12'), yearly: false });
    for (const text of ['2018/20', '2018-2020', '2018', 'FY18/19', '2018/19/20', '']) expect(parseIndicatorPeriod(text), text).toBeNull();
  });

  it('keeps an indicator to the kind of period of its first row, and rejects a repeated year', () => {
    const text = ['code,period,indicator,count', 'E05004628,2018/19,Hate crime,20', 'E05004628,2019-04,Hate crime,2', 'E05004629,2019-04,Noise,5', 'E05004629,2019/20,Noise,50', 'E05004628,FY2018/19,Hate crime,21'].join('\n');
    const table = parseIndicators('mixed.csv', text, WARDS);
    expect(table.rejected).toEqual([
      { line: 3, problem: 'Hate crime has figures by financial year above; period "2019-04" is a month' },
      { line: 5, problem: 'Noise has monthly figures above; period "2019/20" is a financial year' },
      { line: 6, problem: 'E05004628, 2018/19, Hate crime appears more than once (first row kept)' },
    ]);
    expect(table).toMatchObject({ indicators: ['Hate crime', 'Noise'], yearly: ['Hate crime'] });
    expect(indicatorRanges(table)).toEqual({
      'Local: Hate crime': { first: m('2018-04'), last: m('2019-03'), yearly: true },
      'Local: Noise': { first: m('2019-04'), last: m('2019-04'), yearly: false },
    });
  });

  describe('in the Test Valley data', () => {
    let area: TestValley;
    beforeAll(async () => {
      area = await loadTestValley();
    });

    // Ward i: i + 1 in 2017/18 and 2 × (i + 1) in 2018/19.
    const yearlyData = (area: TestValley) => {
      const lines = area.data.wardIds.flatMap((id, ward) => [`${id},2017/18,Domestic abuse,${ward + 1}`, `${id},2018/19,Domestic abuse,${2 * (ward + 1)}`]);
      const table = parseIndicators('da-years.csv', ['Area code,Period,Indicator,Count', ...lines].join('\n'), area.data.wardIds);
      return { ...area.data, cube: addIndicators(area.data.cube, table), indicatorSources: { 'Local: Domestic abuse': 'the council' }, indicatorRanges: indicatorRanges(table) };
    };
    const view = (period: string, category = 'Local: Domestic abuse') => testView({ category, period, measure: 'count' });

    it('maps and compares whole financial years', () => {
      const data = yearlyData(area);
      const model = dashboardModel(data, view('fy2018'));
      expect(model.period.label).toBe('Financial year 2018/19');
      expect(model.periodNote).toBeNull();
      expect(model.wards.map((w) => [w.figures.count, w.figures.previous])).toEqual(area.data.wardIds.map((_, ward) => [2 * (ward + 1), ward + 1]));
      expect(model.previousAvailable).toBe(true);
      expect(model.yearly).toBe(true);
      // No monthly figures to draw: a year's count sits in its April.
      expect(model.wards.every((w) => w.monthly.length === 0)).toBe(true);
    });

    it('shows the financial year of a period that is not one, and says so', () => {
      const data = yearlyData(area);
      const model = dashboardModel(data, view('2018-06..2018-09'));
      expect(model.period).toMatchObject({ from: m('2018-04'), to: m('2019-03') });
      expect(model.periodNote).toBe('Domestic abuse is counted by financial year, so the figures are for financial year 2018/19, not Jun 2018 to Sep 2018.');
      expect(model.wards[0].figures.count).toBe(2);
      // A period after the indicator's last year gives its last year.
      expect(dashboardModel(data, view('latest-12')).period).toMatchObject({ from: m('2018-04'), to: m('2019-03') });
      // police.uk categories keep the period as chosen.
      expect(dashboardModel(data, view('2018-06..2018-09', 'all-excl-asb')).periodNote).toBeNull();
    });

    it('charts the years instead of months, and leaves the indicator out of a report period that is not whole years', () => {
      const data = yearlyData(area);
      const model = dashboardModel(data, view('fy2018'));
      const n = area.data.wardIds.length;
      const total = (n * (n + 1)) / 2;
      expect(trendModel(data, model, 'Test Valley').yearly).toEqual([
        { label: '2017/18', total },
        { label: '2018/19', total: 2 * total },
      ]);
      expect(trendModel(data, dashboardModel(data, view('fy2018', 'all-excl-asb')), 'Test Valley').yearly).toBeNull();
      expect(strategicAssessment(data, model).district.rows.at(-1)).toMatchObject({ key: 'Local: Domestic abuse', figures: { count: 2 * total, previous: total } });
      const partYear = dashboardModel(data, view('2018-06..2018-09', 'all-excl-asb'));
      const report = strategicAssessment(data, partYear);
      expect(report.district.rows.some((r) => r.kind === 'local')).toBe(false);
      expect(report.leftOut).toBe('Domestic abuse is counted by financial year, so left out of Jun 2018 to Sep 2018.');
      expect(strategicAssessment(data, model).leftOut).toBeNull();
    });
  });
});
