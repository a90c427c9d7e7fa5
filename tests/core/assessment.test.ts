/**
 * The Strategic Assessment on the real Test Valley data, FY2018/19 against FY2017/18,
 * checked against counts taken straight from the police.uk files, and its sentences.
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { changeFlag } from '../../src/core/changeFlags.ts';
import { dashboardModel, type DashboardModel, type WardRow } from '../../src/core/dashboardModel.ts';
import { figures } from '../../src/core/measures.ts';
import { parseMonth } from '../../src/core/months.ts';
import { type RecordingBreak } from '../../src/core/recordingBreaks.ts';
import { districtTable, rankingTable, splitTable } from '../../src/core/report/assessmentExport.ts';
import { assessmentSentences, changeSentence, rankingSentence } from '../../src/core/report/assessmentSentences.ts';
import { strategicAssessment, type AssessmentRow, type StrategicAssessment } from '../../src/core/report/assessmentTables.ts';
import { PROJECT_ROOT } from './support/fixtures.ts';
import { inMonths, readRawCrimes, readRawWards, type RawCrime } from './support/independent.ts';
import { loadTestValley, type TestValley } from './support/testValley.ts';
import { testView } from './support/views.ts';

const ASB = 'Anti-social behaviour';
let area: TestValley;
let model: DashboardModel;
let report: StrategicAssessment;
let raw: RawCrime[];
let rawWard: string[];

beforeAll(async () => {
  area = await loadTestValley();
  model = dashboardModel(area.data, testView({ period: 'fy2018' }));
  report = strategicAssessment(area.data, model);
  raw = readRawCrimes(area.config.crimes.files.map((file) => resolve(PROJECT_ROOT, file)));
  const wards = readRawWards(resolve(PROJECT_ROOT, area.config.boundaries.file));
  rawWard = raw.map((crime) => {
    const feature = wards.locate(crime.lon, crime.lat);
    return feature < 0 ? '' : String(wards.features[feature].properties.WD13NM);
  });
});

/** Raw rows in a financial year (by start year) matching a category test, optionally in some wards. */
function rawCount(startYear: number, category: (name: string) => boolean, wardNames?: readonly string[]): number {
  const from = `${startYear}-04`;
  const to = `${startYear + 1}-03`;
  return raw.filter((c, i) => inMonths(c.month, from, to) && category(c.category) && (!wardNames || wardNames.includes(rawWard[i]))).length;
}

const row = (rows: readonly AssessmentRow[], key: string) => rows.find((r) => r.key === key)!;

describe('strategicAssessment on Test Valley, FY2018/19 against FY2017/18', () => {
  it('lays the district table out as partnerships do: crime types, the total excluding ASB, then ASB', () => {
    const keys = report.district.rows.map((r) => r.key);
    expect(keys.slice(-2)).toEqual(['all-excl-asb', 'asb']);
    expect(keys).not.toContain(ASB);
    expect(keys[0]).toBe('Bicycle theft');
    expect(report.period.label).toBe('Financial year 2018/19');
    expect(report.previous.label).toBe('Financial year 2017/18');
  });

  it('counts every crime type in the district as the police.uk files do, with the change', () => {
    for (const r of report.district.rows) {
      const test = r.kind === 'total' ? (c: string) => c !== ASB : r.kind === 'asb' ? (c: string) => c === ASB : (c: string) => c === r.key;
      const now = rawCount(2018, test);
      const before = rawCount(2017, test);
      expect([r.key, r.figures.count, r.figures.previous, r.figures.change]).toEqual([r.key, now, before, now - before]);
    }
    const burglary = row(report.district.rows, 'Burglary').figures;
    expect(burglary.percentChange).toBeCloseTo(((burglary.count - burglary.previous!) / burglary.previous!) * 100, 10);
  });

  it('splits the district by neighbourhood area, each counted from the raw points', () => {
    expect(report.split.areas.map((a) => a.name)).toEqual(['North', 'Mid-Test', 'South']);
    const groups = area.config.groups as { groups: { name: string; wards: string[] }[] };
    for (const table of report.split.areas) {
      const names = groups.groups.find((g) => g.name === table.name)!.wards;
      expect(row(table.rows, 'all-excl-asb').figures.count, table.name).toBe(rawCount(2018, (c) => c !== ASB, names));
      expect(row(table.rows, 'Shoplifting').figures.previous, table.name).toBe(rawCount(2017, (c) => c === 'Shoplifting', names));
    }
  });

  it('says why the areas do not add up to the district: crimes outside every ward or without a location', () => {
    const outside = rawCount(2018, (c) => c !== ASB, ['']);
    expect(outside).toBeGreaterThan(0);
    const sum = report.split.areas.reduce((s, a) => s + row(a.rows, 'all-excl-asb').figures.count, 0);
    expect(row(report.district.rows, 'all-excl-asb').figures.count - sum).toBe(outside);
    expect(report.split.note).toMatch(/^The areas add up to [\d,]+ crimes, not the district's [\d,]+: \d+ crimes were located outside every ward/);
  });

  it('combines groups as the area config splits them: North against Mid-Test with South', () => {
    const combined = strategicAssessment(area.data, { ...model, view: { ...model.view, split: 'North and South' } });
    expect(combined.split.areas.map((a) => a.name)).toEqual(['North', 'Mid-Test and South']);
    const [north, rest] = report.split.areas.map((a) => row(a.rows, 'Burglary').figures.count).reduce((acc, n, i) => (i === 0 ? [n, 0] : [acc[0], acc[1] + n]), [0, 0]);
    expect(combined.split.areas.map((a) => row(a.rows, 'Burglary').figures.count)).toEqual([north, rest]);
  });

  it('describes a single-ward area as that ward, not as a ranking', () => {
    const dunValley = area.data.wardNames.indexOf('Dun Valley');
    const wardGroup = Int32Array.from(area.data.groups.wardGroup, (g, ward) => (ward === dunValley ? 3 : g));
    const data = { ...area.data, groups: { ...area.data.groups, names: [...area.data.groups.names, 'Upper Test'], descriptions: [...area.data.groups.descriptions, ''], wardGroup } };
    const alone = dashboardModel(data, model.view);
    const sentences = assessmentSentences(strategicAssessment(data, alone), alone);
    const count = alone.wards[dunValley].figures.count.toLocaleString('en-GB');
    expect(sentences).toContain(`Upper Test is a single ward, Dun Valley, with ${count} crimes.`);
  });

  it('ranks the wards by count and by rate, as the ward table does', () => {
    expect(report.byCount.map((w) => w.figures.count)).toEqual([...model.wards.map((w) => w.figures.count)].sort((a, b) => b - a));
    expect(report.byRate!.map((w) => w.name)[0]).toBe(model.wards.find((w) => w.rank === 1)!.name);
  });

  it('finds the April 2018 step in anti-social behaviour, which the comparison spans, and marks the ASB row', () => {
    expect(report.breaks.map((b) => [b.category, b.month])).toEqual([[ASB, parseMonth('2018-04')]]);
    expect(row(report.district.rows, 'asb').breaks).toHaveLength(1);
    expect(row(report.district.rows, 'all-excl-asb').breaks).toEqual([]);
    const sentences = assessmentSentences(report, model);
    const asb = sentences.find((s) => s.startsWith('Anti-social behaviour'))!;
    expect(asb).toMatch(/^Anti-social behaviour: [\d,]+, against [\d,]+ in financial year 2017\/18\. This is not reported as a fall: police.uk's series for anti-social behaviour steps down from Apr 2018/);
    expect(asb).not.toMatch(/fell by/);
  });

  it('warns on the dashboard and in its exports when the comparison of the chosen category spans the break', () => {
    const asb = dashboardModel(area.data, testView({ period: 'fy2018', category: 'asb' }));
    expect(asb.breakWarnings).toHaveLength(1);
    expect(asb.breakWarnings[0]).toMatch(/^Anti-social behaviour: police.uk's series .* The change on financial year 2017\/18 is not like for like\.$/);
    expect(asb.caveats[0]).toBe(asb.breakWarnings[0]);
    expect(model.breakWarnings).toEqual([]);
    expect(dashboardModel(area.data, testView({ period: '2019-04..2019-10', category: 'asb' })).breakWarnings).toEqual([]);
  });

  it('writes the sentences an officer copies, starting with the period and the total', () => {
    const sentences = assessmentSentences(report, model);
    expect(sentences[0]).toBe('Figures are for financial year 2018/19, compared with financial year 2017/18.');
    expect(sentences[1]).toMatch(/^Total crime (rose|fell) by \d+\.\d% \([+−][\d,]+\) to [\d,]+\.$|^Total crime: [\d,]+, [\d,]+ (more|fewer) than/);
    expect(sentences.some((s) => s.startsWith('The wards with the highest numbers of crimes were '))).toBe(true);
    expect(sentences).toContain(sentences.find((s) => s.startsWith('Total crime by area: North ')));
  });
});

describe('changeSentence', () => {
  const make = (count: number, previous: number | null, overrides: Partial<AssessmentRow> = {}): AssessmentRow => {
    const f = figures(count, previous, null);
    return { key: 'Burglary', label: 'Burglary', kind: 'category', figures: f, significance: changeFlag(f), withheld: false, breaks: [], ...overrides };
  };
  const total = (count: number, previous: number) => make(count, previous, { key: 'all-excl-asb', label: 'Total', kind: 'total' });
  const fy = 'financial year 2017/18';

  it('words a significant rise and fall with the percentage, the difference and the new level', () => {
    expect(changeSentence(total(6400, 6000), fy)).toBe('Total crime rose by 6.7% (+400) to 6,400.');
    expect(changeSentence(make(1544, 1876, { key: 'asb', label: ASB, kind: 'asb' }), fy)).toBe('Anti-social behaviour fell by 17.7% (−332) to 1,544.');
  });

  it('does not call a change a rise or fall when the exact test does not support it', () => {
    expect(changeSentence(total(6150, 6000), fy)).toBe('Total crime: 6,150, 150 more than in financial year 2017/18 (+2.5%), a change within what chance alone would give.');
    expect(changeSentence(make(9, 4), fy)).toBe('Burglary: 9, 5 more than in financial year 2017/18 (+125.0%), a change within what chance alone would give.');
  });

  it('says so when nothing changed, when there was none before, and when there is none at all', () => {
    expect(changeSentence(make(120, 120), fy)).toBe('Burglary was unchanged at 120.');
    expect(changeSentence(make(12, 0), fy)).toBe('Burglary: 12, against none in financial year 2017/18.');
    expect(changeSentence(make(0, 0), fy)).toBe('Burglary: none in either period.');
    expect(changeSentence(make(0, 40), fy)).toBe('Burglary fell from 40 to none.');
    expect(changeSentence(make(30, null), fy)).toBe('Burglary: 30.');
  });

  it('names categories as the subject of a sentence, and withholds what the public view withholds', () => {
    expect(changeSentence(make(300, 200, { key: 'Drugs', label: 'Drugs' }), fy)).toBe('Drug offences rose by 50.0% (+100) to 300.');
    expect(changeSentence(make(0, 0, { withheld: true }), fy)).toBe('Burglary: withheld in the public view.');
  });

  it('does not report a step in publication as a rise, and flags it in the total', () => {
    const step: RecordingBreak = { category: 'Public order', month: parseMonth('2018-05')!, before: 20, after: 35, pValue: 0.001, wardsMoved: 22, wardsTested: 24 };
    const publicOrder = make(420, 240, { key: 'Public order', label: 'Public order', breaks: [step] });
    expect(changeSentence(publicOrder, fy)).toMatch(/^Public order offences: 420, against 240 in financial year 2017\/18\. This is not reported as a rise: police.uk's series for public order steps up from May 2018 \(from about 20 to 35 a month\) in 22 of 24 wards/);
    const withStep = { ...total(6400, 6000), breaks: [step] };
    expect(changeSentence(withStep, fy)).toBe('Total crime rose by 6.7% (+400) to 6,400. Part of this change comes from a step in how police.uk publishes public order offences from May 2018.');
  });
});

describe('rankingSentence', () => {
  const ward = (name: string, count: number, rate: number | null = null) => ({ name, withheld: false, figures: { ...figures(count, null, null), rate } }) as WardRow;
  const noun = { countNoun: 'crimes' as const, rateDigits: 1 };

  it('names the two highest, then the next two, then the highest per resident', () => {
    const wards = [ward("St Mary's", 900, 110.2), ward('Alamein', 700, 80.5), ward('Winton', 500, 60.1), ward('Abbey', 450, 95.3), ward('Anna', 100, 10)];
    const byRate = [...wards].sort((a, b) => b.figures.rate! - a.figures.rate!);
    expect(rankingSentence(wards, byRate, noun)).toBe("The wards with the highest numbers of crimes were St Mary's and Alamein, followed by Winton and Abbey; per resident, St Mary's, Abbey and Alamein.");
  });

  it('names tied wards together as equal', () => {
    const wards = [ward('A', 900), ward('B', 700), ward('C', 700), ward('D', 500), ward('E', 100)];
    expect(rankingSentence(wards, null, noun)).toBe('The wards with the highest numbers of crimes were A, then B and C (equal, 700 each), followed by D.');
  });

  it('puts a comma before the last "and" when a ward name has one of its own', () => {
    const wards = [ward('Winton', 900), ward('Chilworth, Nursling and Rownhams', 700)];
    expect(rankingSentence(wards, null, noun)).toBe('The wards with the highest numbers of crimes were Winton, and Chilworth, Nursling and Rownhams.');
  });

  it('handles a single ward and wards without any', () => {
    expect(rankingSentence([ward('Dun Valley', 42)], null, noun)).toBe('The only ward, Dun Valley, had 42 crimes.');
    expect(rankingSentence([ward('A', 0), ward('B', 0)], null, noun)).toBe('No ward had any crimes.');
  });
});

describe('the report tables as exported', () => {
  it('writes the district table with both years, the change, the test and the series-break note', () => {
    const table = districtTable(report, 'Test Valley', model);
    expect(table.header).toEqual(['Crime type', '2017/18', '2018/19', '+/−', '% change', 'Significance (exact Poisson test, 95%)', 'Note']);
    const asb = table.rows.find((r) => r[0] === ASB)!;
    expect(asb[6]).toBe("Not like for like: police.uk's series steps down from Apr 2018");
    const robbery = table.rows.find((r) => r[0] === 'Robbery')!;
    expect(robbery.slice(1, 6)).toEqual([38, 71, 33, 86.8, 'Sig. rise']);
    expect(table.notes[0]).toMatch(/^Crime types are police.uk's categories/);
    expect(table.caveats[0]).toBe('police.uk data to 2019-10.');
    expect(table.caveats.at(-1)).toBe('Officer view: full detail, not for publication.');
  });

  it('withholds small area counts in the public view, with a partner, and says which view it is', () => {
    const published = dashboardModel(area.data, { ...model.view, mode: 'public' });
    const table = splitTable(strategicAssessment(area.data, published), published);
    const withheld = table.rows.flatMap((r) => r.filter((cell) => cell === 'fewer than 5'));
    expect(withheld.length).toBeGreaterThan(1);
    for (const row of table.rows) expect(row.filter((cell) => cell === 'fewer than 5').length).not.toBe(1);
    expect(table.caveats.at(-1)).toBe('Public view: counts from 1 to 4 below district level withheld.');
  });

  it('ranks wards with shared ranks for equal values', () => {
    const table = rankingTable(report.byCount, 'count', model);
    expect(table.rows[0].slice(0, 2)).toEqual([1, "St Mary's"]);
    expect(table.rows.map((r) => r[0])).toEqual(table.rows.map((r) => 1 + table.rows.filter((o) => (o[3] as number) > (r[3] as number)).length));
  });
});
