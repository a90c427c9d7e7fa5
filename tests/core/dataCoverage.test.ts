import { beforeAll, describe, expect, it } from 'vitest';
import { cubeIndex, rowCount, type Cube } from '../../src/core/cube.ts';
import { dashboardModel } from '../../src/core/dashboardModel.ts';
import { categoryChanges, describeCategoryChange, monthsWithoutData } from '../../src/core/dataCoverage.ts';
import { parseMonth } from '../../src/core/months.ts';
import { assessmentSentences } from '../../src/core/report/assessmentSentences.ts';
import { strategicAssessment } from '../../src/core/report/assessmentTables.ts';
import { loadTestValley, type TestValley } from './support/testValley.ts';
import { testView } from './support/views.ts';

const m = (text: string) => parseMonth(text)!;

/** Two wards over 12 months; each category present in the given months (offsets), 3 crimes a month. */
function cube(present: Record<string, number[]>): Cube {
  const categories = Object.keys(present);
  const result: Cube = { wardCount: 2, firstMonth: m('2018-04'), monthCount: 12, categories, counts: new Uint32Array(0), monthsWithData: new Array<boolean>(12).fill(true) };
  result.counts = new Uint32Array(rowCount(result) * 12 * categories.length);
  categories.forEach((name, k) => {
    for (const month of present[name]) result.counts[cubeIndex(result, month % 2, month, k)] = 3;
  });
  return result;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('categoryChanges', () => {
  it('names a category that starts or stops part-way, and leaves short absences alone', () => {
    const changes = categoryChanges(cube({ Burglary: range(0, 11), Drugs: range(4, 11), Robbery: range(0, 6), 'Other crime': range(2, 11) }));
    expect(changes).toEqual([
      { category: 'Drugs', kind: 'appears', month: m('2018-08') },
      { category: 'Robbery', kind: 'vanishes', month: m('2018-10') },
    ]);
    expect(changes.map(describeCategoryChange)).toEqual(['Drugs appears in the data only from Aug 2018.', 'Robbery is not in the data after Oct 2018.']);
  });

  it('counts months without data as neither presence nor absence', () => {
    const data = cube({ Burglary: range(3, 11) });
    for (const month of [0, 1, 2]) data.monthsWithData[month] = false;
    expect(categoryChanges(data)).toEqual([]);
    expect(monthsWithoutData(data)).toEqual([m('2018-04'), m('2018-05'), m('2018-06')]);
  });
});

describe('a month removed from the Test Valley data', () => {
  let area: TestValley;
  beforeAll(async () => {
    area = await loadTestValley();
  });

  it('refuses the year-on-year comparison that spans it, names the month, and the report says why', () => {
    const { cube: full } = area.data;
    const counts = Uint32Array.from(full.counts);
    const offset = m('2017-11') - full.firstMonth;
    for (let row = 0; row < rowCount(full); row++) for (let k = 0; k < full.categories.length; k++) counts[cubeIndex(full, row, offset, k)] = 0;
    const gappy = { ...full, counts, monthsWithData: full.monthsWithData.map((has, i) => has && i !== offset) };
    const data = { ...area.data, cube: gappy };
    expect(monthsWithoutData(gappy)).toEqual([m('2017-11')]);
    const model = dashboardModel(data, testView({ period: 'fy2018' }));
    expect(model.comparisonGaps).toEqual(['Nov 2017']);
    const report = strategicAssessment(data, model);
    expect(report.noComparison).toBe('No comparison: no data was loaded for Nov 2017, so the periods would not be like for like.');
    expect(report.district.rows.every((row) => row.figures.previous === null)).toBe(true);
    const sentences = assessmentSentences(report, model);
    expect(sentences[0]).toBe('Figures are for financial year 2018/19. No comparison: no data was loaded for Nov 2017, so the periods would not be like for like.');
    // The year after has no gap: its comparison stands.
    expect(dashboardModel(data, testView({ period: '2018-12..2019-10' })).comparisonGaps).toEqual([]);
  });
});
