import { beforeAll, describe, expect, it } from 'vitest';
import { dashboardModel, type DashboardModel } from '../../src/core/dashboardModel.ts';
import { selectCrimes } from '../../src/core/crimeSelection.ts';
import { disclosureFor, hiddenBelowWardLevel, withheldWards, withholdSmallMonths } from '../../src/core/disclosure.ts';
import { hiddenCategoriesNote, layerRequest } from '../../src/core/layerRequest.ts';
import { trendModel } from '../../src/core/trendSeries.ts';
import { loadTestValley, type TestValley } from './support/testValley.ts';
import { testView } from './support/views.ts';

const PUBLIC = disclosureFor('public', undefined);
const OFFICER = disclosureFor('officer', undefined);

describe('withheldWards', () => {
  it('withholds counts from 1 to 4, and a partner where a margin would hold just one', () => {
    // Group [0, 1, 2] holds one small ward (3), so its smallest other ward (10) is withheld too.
    const withheld = withheldWards([3, 10, 20, 0, 7], [[0, 1, 2], [3, 4], [0, 1, 2, 3, 4]], PUBLIC);
    expect(withheld).toEqual([true, true, false, false, false]);
  });

  it('needs no partner in a margin whose own total is withheld, and withholds nothing in the officer view', () => {
    expect(withheldWards([2, 1, 30, 40], [[0, 1], [2, 3]], PUBLIC)).toEqual([true, true, false, false]);
    expect(withheldWards([1], [[0]], PUBLIC)).toEqual([true]);
    expect(withheldWards([3, 10, 20], [[0, 1, 2]], OFFICER)).toEqual([false, false, false]);
  });

  it('keeps going until no margin holds a single withheld ward', () => {
    // Withholding ward 1 as group A's partner leaves group B with a single withheld ward.
    const withheld = withheldWards([2, 6, 9, 50, 60], [[0, 1, 2], [1, 3, 4]], PUBLIC);
    expect(withheld).toEqual([true, true, false, true, false]);
  });

  it('withholds small months and names the sensitive categories hidden below ward level', () => {
    expect(withholdSmallMonths([0, 1, 4, 5, null, 12], PUBLIC)).toEqual([0, null, null, 5, null, 12]);
    expect(hiddenBelowWardLevel(PUBLIC, ['Burglary', 'Violence and sexual offences'])).toEqual(['Violence and sexual offences']);
    expect(hiddenBelowWardLevel(OFFICER, ['Burglary', 'Violence and sexual offences'])).toEqual([]);
  });
});

describe('the public view of Test Valley: robbery, FY2018/19', () => {
  let area: TestValley;
  let officer: DashboardModel;
  let published: DashboardModel;
  beforeAll(async () => {
    area = await loadTestValley();
    const view = testView({ category: 'Robbery', period: 'fy2018', measure: 'count' });
    officer = dashboardModel(area.data, view);
    published = dashboardModel(area.data, { ...view, mode: 'public' });
  });

  it('withholds every ward with 1 to 4 robberies, and none in the officer view', () => {
    const small = officer.wards.filter((w) => w.figures.count > 0 && w.figures.count < 5).map((w) => w.name);
    expect(small.length).toBeGreaterThan(3);
    expect(officer.wards.some((w) => w.withheld)).toBe(false);
    for (const name of small) expect(published.wards.find((w) => w.name === name)?.withheld, name).toBe(true);
  });

  it('keeps nothing of a withheld count: no count, rate, change, rank, class, months or LSOA count', () => {
    for (const ward of published.wards.filter((w) => w.withheld)) {
      expect(ward.figures).toEqual({ count: 0, previous: null, change: null, percentChange: null, population: ward.figures.population, rate: null });
      expect([ward.value, ward.rank, ward.colour, ward.lsoaCount, ward.smoothedRate, ward.funnel]).toEqual([null, null, null, null, null, null]);
      expect(ward.monthly).toEqual([]);
      expect(ward.changeNote).toBe('Withheld in the public view: fewer than 5.');
    }
    expect(published.legend.noData?.label).toMatch(/^Withheld in the public view \(fewer than 5\)/);
  });

  it('leaves no shown group total or the district with a single withheld ward, and the district total whole', () => {
    const shownGroups = published.groups.filter((g) => !g.withheld).map((g) => published.wards.filter((w) => w.group === g.name));
    expect(published.groups.some((g) => g.withheld)).toBe(true);
    for (const wards of [...shownGroups, published.wards]) expect(wards.filter((w) => w.withheld).length).not.toBe(1);
    expect(published.groups.filter((g) => g.withheld).length).not.toBe(1);
    expect(published.district.figures).toEqual(officer.district.figures);
  });

  it('ranks only the wards shown, and withholds small monthly cells of the rest', () => {
    const shown = published.wards.filter((w) => !w.withheld);
    expect(shown.map((w) => w.rank).sort((a, b) => a! - b!)[0]).toBe(1);
    for (const ward of shown) expect(ward.monthly.every((v) => v === null || v === 0 || v >= 5)).toBe(true);
  });
});

describe('the public view below ward level', () => {
  let area: TestValley;
  beforeAll(async () => {
    area = await loadTestValley();
  });
  const VIOLENCE = 'Violence and sexual offences';

  it('leaves violence and sexual offences out of the crime layers, and the legend says so', () => {
    const view = testView({ period: 'fy2018', layer: 'points' });
    const officer = layerRequest(dashboardModel(area.data, view), area.data)!;
    const published = layerRequest(dashboardModel(area.data, { ...view, mode: 'public' }), area.data)!;
    expect(officer.filter.exclude).toEqual([]);
    expect(published.filter.exclude).toEqual([VIOLENCE]);
    expect(published.key).not.toBe(officer.key);
    const { table, wardOfCrime } = area.dataset;
    const violence = Array.from(selectCrimes(table, wardOfCrime, { ...officer.filter, category: VIOLENCE })).length;
    expect(violence).toBeGreaterThan(1000);
    expect(selectCrimes(table, wardOfCrime, published.filter).length).toBe(selectCrimes(table, wardOfCrime, officer.filter).length - violence);
    expect(hiddenCategoriesNote(published.filter.exclude!)).toBe('The public view shows violence and sexual offences for wards and larger areas only, not on this layer.');
  });

  it('withholds small months of a ward trend but not of the district', () => {
    const ward = area.data.wardIds[area.data.wardNames.indexOf('Harewood')];
    const view = testView({ period: 'fy2018', category: 'Burglary', mode: 'public' });
    const wardTrend = trendModel(area.data, dashboardModel(area.data, { ...view, ward }), 'Test Valley');
    const officerTrend = trendModel(area.data, dashboardModel(area.data, { ...view, ward, mode: 'officer' }), 'Test Valley');
    const small = officerTrend.lines[0].values.filter((v) => v !== null && v > 0 && v < 5).length;
    expect(small).toBeGreaterThan(0);
    expect(wardTrend.lines[0].values.filter((v) => v === null).length).toBe(small);
    expect(trendModel(area.data, dashboardModel(area.data, view), 'Test Valley').lines[0].values.every((v) => v !== null)).toBe(true);
  });
});
