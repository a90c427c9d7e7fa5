import { schemeYlOrRd } from 'd3-scale-chromatic';
import type { WardGroups } from './areaConfig.ts';
import { categoryFromKey, categoryLabel, categoryMask, isLocalIndicator, localName } from './categories.ts';
import { CLASSIFICATION_LABELS, classify, classOf, countClassLabel, rateClassLabel, type Classification } from './classify.ts';
import { changeFlag, SMALL_COUNT, type ChangeFlag } from './changeFlags.ts';
import { changeClasses, changeClassOf } from './changeMap.ts';
import type { DisclosureConfig } from './areaConfig.ts';
import { caveats } from './caveats.ts';
import { breaksWithin, describeBreak, type RecordingBreak } from './recordingBreaks.ts';
import { disclosureFor, isSmall, withheldText, withheldWards, withholdSmallMonths, type Disclosure } from './disclosure.ts';
import { empiricalBayesRates } from './statistics/empiricalBayes.ts';
import { funnelCurves, funnelPosition, type FunnelPosition } from './statistics/funnel.ts';
import { lastMonth, monthlySeries, noLocationRow, outsideRow, sumByRow, type Cube } from './cube.ts';
import { rateDigits } from './format.ts';
import { combinedFigures, competitionRanks, districtFigures, figures, periodTotals, type PeriodTotals, wardFigures, type AreaFigures, type Measure } from './measures.ts';
import { shortMonthLabel } from './months.ts';
import type { IndicatorCoverage } from './localIndicators.ts';
import { financialYearOf, inSentence, isCovered, isFinancialYears, periodFromKey, previousPeriod, resolvePeriod, type DataRange, type Period } from './periods.ts';
import type { SortColumn, TableSort, View } from './viewState.ts';

/** The loaded area as the main thread holds it: everything the dashboard derives its figures from. */
export interface DashboardData {
  wardIds: readonly string[];
  wardNames: readonly string[];
  populations: readonly (number | null)[];
  groups: WardGroups;
  cube: Cube;
  /** Where the populations come from, e.g. "ONS mid-2017 ward population estimates"; null without any. */
  populationSource: string | null;
  /** The same crimes assigned by the best-fit ward of their LSOA; null without LSOA boundaries. */
  lsoaCube: Cube | null;
  /** The area config's disclosure settings; the standard ones when it has none. */
  disclosure?: DisclosureConfig;
  /** Steps in how police.uk publishes a category (see recordingBreaks.ts). */
  breaks: RecordingBreak[];
  /** Where each local indicator's figures come from, by category (see localIndicators.ts). */
  indicatorSources?: Record<string, string>;
  /** The months each local indicator has figures for (outside them it has no data, not zero), and whether by financial year. */
  indicatorRanges?: Record<string, IndicatorCoverage>;
}

export interface WardRow {
  ward: number;
  id: string;
  name: string;
  group: string | null;
  figures: AreaFigures;
  /** Rank by the mapped measure across every ward, 1 = highest; null without a value. */
  rank: number | null;
  /** The mapped value (count or rate); null for a rate without a population. */
  value: number | null;
  /** 0-based class, or -1 without a value. */
  classIndex: number;
  /** Fill colour of the class; null without a value (drawn hatched). */
  colour: string | null;
  /** False when a group filter is set and the ward is outside it. */
  inFilter: boolean;
  /** Why the change or its percentage is not available; null when both are. */
  changeNote: string | null;
  significance: ChangeFlag;
  /** Fewer than SMALL_COUNT crimes: the rate and change are unreliable. */
  unreliable: boolean;
  /**
   * The public view withholds the ward's count (see disclosure.ts): its figures then hold
   * no count (0), rate, change or months, so nothing downstream can show it.
   */
  withheld: boolean;
  /** Crimes in the period by month (null for months without data), for the sparkline. */
  monthly: (number | null)[];
  /** The ward's count when crimes are assigned by their LSOA's best-fit ward; null without LSOAs. */
  lsoaCount: number | null;
  /** Empirical-Bayes smoothed rate per 1,000 (pulled towards the district rate); null without a population. */
  smoothedRate: number | null;
  /** Where the ward's rate lies on the funnel plot; null without a population. */
  funnel: FunnelPosition | null;
}

/** The funnel plot: ward rates against population around the wards' pooled rate, with 95% and 99.8% limits. */
export interface FunnelModel {
  targetRate: number;
  curves: ReturnType<typeof funnelCurves>;
}

export interface SummaryRow {
  name: string;
  wardCount: number;
  figures: AreaFigures;
  /** Why the change or its percentage is not available; null when both are. */
  changeNote: string | null;
  significance: ChangeFlag;
  /** The public view withholds this group's count (see WardRow.withheld). */
  withheld: boolean;
}

export interface DistrictRow extends SummaryRow {
  /** Crimes in the period located outside every ward, and those without a location. */
  outside: number;
  noLocation: number;
}

export interface LegendEntry {
  colour: string;
  label: string;
  wardCount: number;
}

export interface Legend {
  title: string;
  /** "Quantile (equal numbers of wards), 5 classes" */
  method: string;
  entries: LegendEntry[];
  /** The hatched wards and why they have no value; null when every ward has one. */
  noData: { label: string; wardCount: number } | null;
  /** The population source, named when the map shows rates. */
  populationNote: string | null;
  /** Where a local indicator's figures come from; null for police.uk data. */
  sourceNote?: string | null;
}

export interface DashboardModel {
  view: View;
  range: DataRange;
  categoryLabel: string;
  /** The measure mapped: count when the view asks for rates but there are no populations. */
  measure: Measure;
  measureLabel: string;
  countNoun: CountNoun;
  period: Period;
  previous: Period;
  /** False when the data does not cover the previous period, so there is no change. */
  previousAvailable: boolean;
  /** Months of the period for which no file was loaded ("Feb 2019"). */
  missingMonths: string[];
  /** Why the period shown is not the one chosen (an indicator counted by financial year); null when it is. */
  periodNote: string | null;
  /** The category is a local indicator counted by financial year: there are no monthly figures. */
  yearly: boolean;
  /** Months without data in the period or the previous one; when any, there is no comparison. */
  comparisonGaps: string[];
  /** Every ward, in ward-index order (the map's feature ids). */
  wards: WardRow[];
  /** The table: wards in the group filter, in the chosen order. */
  rows: WardRow[];
  district: DistrictRow;
  groups: SummaryRow[];
  groupLabel: string;
  classification: Classification;
  legend: Legend;
  selectedWard: number | null;
  /** Index of the filtering group, or null for all wards. */
  groupFilter: number | null;
  rateDigits: number;
  /** Null without populations. */
  funnel: FunnelModel | null;
  disclosure: Disclosure;
  /** The caveats every view and export carries (see caveats.ts), with any series-break warning. */
  caveats: string[];
  /** Warnings for series breaks the comparison spans in the selected categories: the change is not like for like. */
  breakWarnings: string[];
}

/** What is counted: anti-social behaviour is recorded as incidents, not crimes. */
export type CountNoun = 'crimes' | 'incidents';

/** "Number of crimes", "Incidents per 1,000 residents" */
export function measureLabel(measure: Measure, noun: CountNoun): string {
  const capitalised = noun === 'crimes' ? 'Crimes' : 'Incidents';
  return measure === 'count' ? `Number of ${noun}` : `${capitalised} per 1,000 residents`;
}

/** ColorBrewer YlOrRd, colour-blind safe, light (low) to dark (high); fewer than 3 classes take its darker end. */
export function classColours(count: number): string[] {
  if (count <= 0) return [];
  const scheme = schemeYlOrRd[Math.max(3, Math.min(9, count))];
  return count >= 3 ? [...scheme] : scheme.slice(3 - count);
}

/** The data's month range. */
export function dataRange(cube: Cube): DataRange {
  return { first: cube.firstMonth, last: lastMonth(cube) };
}

/**
 * Derives everything the dashboard shows from the loaded data and the view: figures,
 * ranks, classes and colours for every ward, the table rows, group and district
 * summaries and the legend. Classes are computed over all wards, whatever the group
 * filter, so colours compare across groups. The view is assumed valid (see parseView);
 * an unknown category or period falls back to the defaults rather than failing.
 */
export function dashboardModel(data: DashboardData, view: View): DashboardModel {
  const { cube, populations, groups } = data;
  const range = dataRange(cube);
  const selection = categoryFromKey(view.category, cube.categories) ?? { kind: 'all-excl-asb' };
  // A local indicator has data only for the months of its own table.
  const indicatorRange = selection.kind === 'single' ? (data.indicatorRanges?.[selection.name] ?? null) : null;
  const chosen = resolvePeriod(periodFromKey(view.period) ?? { kind: 'latest-12' }, range);
  // Figures by financial year are only read over whole financial years.
  const yearly = indicatorRange?.yearly === true;
  const period = yearly && !isFinancialYears(chosen) ? financialYearWithin(chosen, indicatorRange!) : chosen;
  const periodNote = period === chosen ? null : `${localName(categoryLabel(selection))} is counted by financial year, so the figures are for ${inSentence(period.label)}, not ${inSentence(chosen.label)}.`;
  const previous = previousPeriod(period);
  const missing = (p: Period) => (indicatorRange ? monthsOutside(p, indicatorRange) : missingMonths(cube, p));
  // A year-on-year comparison across a month without data (a file not loaded, a force that
  // did not publish) would compare unlike periods, so it is refused and the months named.
  const covered = periodTotals(cube, period, indicatorRange ?? range, categoryMask(selection, cube.categories));
  const comparisonGaps = covered.previous ? [...missing(previous), ...missing(period)] : [];
  const totals = comparisonGaps.length > 0 ? { ...covered, previous: null } : covered;
  const disclosure = disclosureFor(view.mode, data.disclosure);
  const margins = [...groupMembers(groups).map((g) => g.wards), Array.from({ length: data.wardIds.length }, (_, ward) => ward)];
  const withheld = withheldWards(totals.current, margins, disclosure);
  const withheldBefore = totals.previous ? withheldWards(totals.previous, margins, disclosure) : null;
  const figuresByWard = wardFigures(totals, populations).map((f, ward) => withholdFigures(f, withheld[ward], withheldBefore?.[ward] ?? false));
  const measure: Measure = view.measure === 'rate' && data.populationSource !== null ? 'rate' : 'count';
  const noun: CountNoun = selection.kind === 'asb' || selection.kind === 'all' || indicatorRange !== null ? 'incidents' : 'crimes';

  const values = figuresByWard.map((f, ward) => (withheld[ward] ? null : measure === 'rate' ? f.rate : f.count));
  // Ranked among the wards shown, so a rank cannot place a withheld ward either.
  const ranks = competitionRanks(values);
  const classification = classify(values, view.method, view.classes);
  const changeLayer = view.layer === 'change';
  const colours = changeLayer ? changeClasses().colours : classColours(Math.max(classification.breaks.length - 1, 0));
  const flags = figuresByWard.map((f) => changeFlag(f));
  const mask = categoryMask(selection, cube.categories);
  const selected = cube.categories.filter((_, k) => mask[k]);
  // The LSOA cube holds police.uk's crimes only: a local indicator has no point to assign by.
  const lsoaCounts = data.lsoaCube && !selected.some(isLocalIndicator) ? sumByRow(data.lsoaCube, period.from, period.to, mask) : null;
  // From the true counts: the prior is a district-level rate, and withheld wards still count towards it.
  const smoothed = empiricalBayesRates(populations.map((_, ward) => totals.current[ward]), populations);
  const funnel = funnelModel(smoothed.priorRate, populations);
  const groupFilter = view.group === null ? null : groups.names.indexOf(view.group);
  const selectedWard = view.ward === null ? -1 : data.wardIds.indexOf(view.ward);
  const previousAvailable = isCovered(previous, indicatorRange ?? range) && comparisonGaps.length === 0;
  const breakWarnings = (previousAvailable ? breaksWithin(data.breaks, previous.from, period.to, selected) : []).map(
    (b) => `${b.category}: ${describeBreak(b)} The change on ${inSentence(previous.label)} is not like for like.`,
  );

  const wards: WardRow[] = figuresByWard.map((f, ward) => {
    const classIndex = changeLayer ? changeClassOf(f.percentChange, flags[ward]) : classOf(classification, values[ward]);
    const groupIndex = groups.wardGroup[ward];
    return {
      ward,
      id: data.wardIds[ward],
      name: data.wardNames[ward],
      group: groupIndex >= 0 ? groups.names[groupIndex] : null,
      figures: f,
      rank: ranks[ward],
      value: values[ward],
      classIndex,
      colour: classIndex >= 0 ? colours[classIndex] : null,
      inFilter: groupFilter === null || groupFilter < 0 || groupIndex === groupFilter,
      changeNote: withheldNote(withheld[ward], withheldBefore?.[ward] ?? false, disclosure) ?? changeNote(f, previous, comparisonGaps),
      significance: flags[ward],
      unreliable: f.count < SMALL_COUNT,
      withheld: withheld[ward],
      monthly: withheld[ward] || yearly ? [] : withholdSmallMonths(periodSeries(cube, ward, mask, period), disclosure),
      lsoaCount: lsoaCounts && !withheld[ward] && !isSmall(lsoaCounts[ward], disclosure) ? lsoaCounts[ward] : null,
      smoothedRate: withheld[ward] ? null : smoothed.rates[ward],
      funnel: funnel && f.population && !withheld[ward] ? funnelPosition(f.count, f.population, funnel.targetRate) : null,
    };
  });

  const maxRate = Math.max(0, ...figuresByWard.map((f) => f.rate ?? 0));
  const digits = rateDigits(maxRate);
  return {
    view,
    range,
    categoryLabel: categoryLabel(selection),
    measure,
    measureLabel: measureLabel(measure, noun),
    countNoun: noun,
    period,
    previous,
    previousAvailable,
    missingMonths: missing(period),
    periodNote,
    yearly,
    comparisonGaps,
    wards,
    rows: sortRows(wards.filter((w) => w.inFilter), view.sort),
    district: {
      // The district is shown in full in every mode: disclosure control applies below it.
      ...summaryRow('All wards', wards.length, districtFigures(totals, wards.length, populations, cube), previous, comparisonGaps, [false, false], disclosure),
      outside: totals.current[outsideRow(cube)],
      noLocation: totals.current[noLocationRow(cube)],
    },
    groups: groupRows(groupMembers(groups), totals, populations, previous, comparisonGaps, disclosure),
    groupLabel: groups.label,
    classification,
    legend: {
      ...(changeLayer
        ? changeLegend(wards, previous, noun)
        : legend(classification, colours, wards, measureLabel(measure, noun), measure, digits, data.populationSource, disclosure)),
      sourceNote: indicatorRange && selection.kind === 'single' ? `Source: ${data.indicatorSources?.[selection.name] ?? 'your file'} (not police.uk)` : null,
    },
    selectedWard: selectedWard >= 0 ? selectedWard : null,
    groupFilter: groupFilter !== null && groupFilter >= 0 ? groupFilter : null,
    rateDigits: digits,
    funnel,
    disclosure,
    caveats: [
      ...breakWarnings,
      ...selected.flatMap((category) => (data.indicatorSources?.[category] ? [`${localName(category)}: ${data.indicatorSources[category]} (not police.uk).`] : [])),
      ...caveats({ dataTo: range.last, populationSource: data.populationSource, disclosure }),
    ],
    breakWarnings,
  };
}

/** The funnel around the wards' pooled rate, over the range of ward populations; null without populations. */
function funnelModel(targetRate: number, populations: readonly (number | null)[]): FunnelModel | null {
  const known = populations.filter((p): p is number => p !== null && p > 0);
  if (known.length === 0) return null;
  const min = Math.min(...known);
  const max = Math.max(...known);
  return { targetRate, curves: funnelCurves(targetRate, min * 0.8, max * 1.2) };
}

/** Why a change is not available: no previous period in the data, a month without data in either period, or nothing before. */
function changeNote(f: AreaFigures, previous: Period, gaps: readonly string[]): string | null {
  if (f.previous === null && gaps.length > 0) return `No comparison: no data was loaded for ${gaps.join(', ')}, so the periods would not be like for like.`;
  if (f.previous === null) return `The data does not cover the previous period (${inSentence(previous.label)}).`;
  if (f.previous === 0) return `None in the previous period (${inSentence(previous.label)}), so no percentage change.`;
  return null;
}

/** Group summaries; small group totals are withheld in the public view, with a partner so the district total does not give them away. */
function groupRows(
  members: { name: string; wards: number[] }[],
  totals: PeriodTotals,
  populations: readonly (number | null)[],
  previous: Period,
  gaps: readonly string[],
  disclosure: Disclosure,
): SummaryRow[] {
  const all = [members.map((_, g) => g)];
  const figuresOf = members.map(({ wards }) => combinedFigures(totals, wards, populations));
  const hidden = withheldWards(figuresOf.map((f) => f.count), all, disclosure);
  const hiddenBefore = withheldWards(figuresOf.map((f) => f.previous ?? 0), all, disclosure);
  return members.map(({ name, wards }, g) => summaryRow(name, wards.length, figuresOf[g], previous, gaps, [hidden[g], hiddenBefore[g]], disclosure));
}

function summaryRow(
  name: string,
  wardCount: number,
  figures: AreaFigures,
  previous: Period,
  gaps: readonly string[],
  [hidden, hiddenBefore]: [boolean, boolean],
  disclosure: Disclosure,
): SummaryRow {
  const shown = withholdFigures(figures, hidden, hiddenBefore);
  return {
    name,
    wardCount,
    figures: shown,
    changeNote: withheldNote(hidden, hiddenBefore, disclosure) ?? changeNote(shown, previous, gaps),
    significance: changeFlag(shown),
    withheld: hidden,
  };
}

/** Figures with a withheld count (and everything derived from it) removed, or with only the previous count removed. */
function withholdFigures(f: AreaFigures, current: boolean, previous: boolean): AreaFigures {
  if (current) return { count: 0, previous: null, change: null, percentChange: null, population: f.population, rate: null };
  return figures(f.count, previous ? null : f.previous, f.population);
}

function withheldNote(current: boolean, previous: boolean, disclosure: Disclosure): string | null {
  if (current) return `Withheld in the public view: ${withheldText(disclosure)}.`;
  if (previous) return `No change shown in the public view: ${withheldText(disclosure)} in the previous period.`;
  return null;
}

/** A ward's monthly counts over the period; null for months without data. */
function periodSeries(cube: Cube, ward: number, mask: readonly boolean[], period: Period): (number | null)[] {
  const all = monthlySeries(cube, [ward], mask);
  const months: (number | null)[] = [];
  for (let month = period.from; month <= period.to; month++) {
    const offset = month - cube.firstMonth;
    months.push(offset >= 0 && offset < cube.monthCount && cube.monthsWithData[offset] ? all[offset] : null);
  }
  return months;
}

function changeLegend(wards: WardRow[], previous: Period, noun: CountNoun): Legend {
  const { colours, labels } = changeClasses();
  const missing = wards.filter((w) => w.classIndex < 0).length;
  return {
    title: `Change in ${noun} on ${inSentence(previous.label)}`,
    method: 'Percent change; coloured only where an exact Poisson test finds the change significant at 95%',
    entries: colours.map((colour, i) => ({ colour, label: labels[i], wardCount: wards.filter((w) => w.classIndex === i).length })),
    noData: missing === 0 ? null : { label: `No percentage change (none in ${inSentence(previous.label)}, or not in the data)`, wardCount: missing },
    populationNote: null,
  };
}

/** The wards of each group, and of "In no group" when some wards are in none. */
function groupMembers(groups: WardGroups): { name: string; wards: number[] }[] {
  const members = (g: number) => Array.from(groups.wardGroup.keys()).filter((ward) => groups.wardGroup[ward] === g);
  const rows = groups.names.map((name, g) => ({ name, wards: members(g) }));
  const ungrouped = members(-1);
  if (groups.names.length > 0 && ungrouped.length > 0) rows.push({ name: 'In no group', wards: ungrouped });
  return rows;
}

/** The financial year holding the chosen period's last month, kept inside an indicator's years. */
function financialYearWithin(chosen: Period, coverage: DataRange): Period {
  const month = Math.max(coverage.first, Math.min(chosen.to, coverage.last));
  return resolvePeriod({ kind: 'financial-year', startYear: financialYearOf(month) }, coverage);
}

/** Months of a period outside a range, as labels. */
function monthsOutside(period: Period, range: DataRange): string[] {
  const months: string[] = [];
  for (let month = period.from; month <= period.to; month++) if (month < range.first || month > range.last) months.push(shortMonthLabel(month));
  return months;
}

function missingMonths(cube: Cube, period: Period): string[] {
  const missing: string[] = [];
  for (let month = period.from; month <= period.to; month++) {
    const offset = month - cube.firstMonth;
    if (!cube.monthsWithData[offset]) missing.push(shortMonthLabel(month));
  }
  return missing;
}

function legend(
  classification: Classification,
  colours: string[],
  wards: WardRow[],
  title: string,
  measure: Measure,
  digits: number,
  populationSource: string | null,
  disclosure: Disclosure,
): Legend {
  const { breaks } = classification;
  const classes = colours.length;
  const entries = colours.map((colour, i) => ({
    colour,
    label: measure === 'count' ? countClassLabel(breaks, i) : rateClassLabel(breaks, i, digits),
    wardCount: wards.filter((w) => w.classIndex === i).length,
  }));
  const missing = wards.filter((w) => w.classIndex < 0).length;
  return {
    title,
    method: `${CLASSIFICATION_LABELS[classification.method]}, ${classes} ${classes === 1 ? 'class' : 'classes'}`,
    entries,
    noData: missing === 0 ? null : { label: noDataLabel(wards, measure, disclosure), wardCount: missing },
    populationNote: measure === 'rate' && populationSource !== null ? `Population: ${populationSource}` : null,
  };
}

function noDataLabel(wards: WardRow[], measure: Measure, disclosure: Disclosure): string {
  const unexplained = measure === 'rate' ? 'no population figure, so no rate' : 'no data';
  if (!wards.some((w) => w.withheld)) return unexplained[0].toUpperCase() + unexplained.slice(1);
  const withheld = `Withheld in the public view (${withheldText(disclosure)})`;
  return wards.some((w) => w.classIndex < 0 && !w.withheld) ? `${withheld}, or ${unexplained}` : withheld;
}

/** Table order: the chosen column, missing values always last, ties by ward name. */
export function sortRows(rows: readonly WardRow[], sort: TableSort): WardRow[] {
  const key = SORT_KEYS[sort.column];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === null || kb === null) {
      if (ka !== kb) return ka === null ? 1 : -1;
    } else {
      const order = typeof ka === 'string' ? ka.localeCompare(kb as string) : ka - (kb as number);
      if (order !== 0) return sign * order;
    }
    return a.name.localeCompare(b.name) || a.ward - b.ward;
  });
}

const SORT_KEYS: Record<SortColumn, (row: WardRow) => number | string | null> = {
  rank: (row) => row.rank,
  ward: (row) => row.name,
  group: (row) => row.group,
  count: (row) => row.figures.count,
  rate: (row) => row.figures.rate,
  change: (row) => row.figures.change,
};
