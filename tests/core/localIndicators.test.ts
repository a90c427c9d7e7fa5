import { beforeAll, describe, expect, it } from 'vitest';
import { categoryMask } from '../../src/core/categories.ts';
import { cubeIndex, sumByRow } from '../../src/core/cube.ts';
import { dashboardModel } from '../../src/core/dashboardModel.ts';
import { addIndicators, indicatorRanges, parseIndicators } from '../../src/core/localIndicators.ts';
import { parseMonth } from '../../src/core/months.ts';
import { InputError } from '../../src/core/problems.ts';
import { assessmentSentences } from '../../src/core/report/assessmentSentences.ts';
import { strategicAssessment } from '../../src/core/report/assessmentTables.ts';
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
      'E05004628,2019/20,Hate crime,2',
      'E05004628,2019-04,,2',
      'E05004628,2019-04,Hate crime,2.5',
      'E05004628,2019-04,Hate crime,-1',
      'E05004628,2019-05,Hate crime,4',
      'E05004628,2019-05,Hate crime,6',
    ].join('\n');
    const table = parseIndicators('hate.csv', text, WARDS);
    expect(table.rejected).toEqual([
      { line: 2, problem: 'area code "E05009999" is not an area of the boundaries' },
      { line: 3, problem: 'period "2019/20" is not a month (YYYY-MM)' },
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
