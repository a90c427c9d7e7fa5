import { ANTI_SOCIAL_BEHAVIOUR, ALL_CRIME_EXCL_ASB_LABEL, isLocalIndicator, localName } from '../categories.ts';
import { changeFlag, type ChangeFlag } from '../changeFlags.ts';
import { categoryTotals, noLocationRow, outsideRow, type Cube } from '../cube.ts';
import type { DashboardData, DashboardModel, WardRow } from '../dashboardModel.ts';
import { withheldWards, type Disclosure } from '../disclosure.ts';
import { formatCount, listText } from '../format.ts';
import { figures, type AreaFigures } from '../measures.ts';
import { inSentence, isFinancialYears, type Period } from '../periods.ts';
import { breaksWithin, type RecordingBreak } from '../recordingBreaks.ts';

/** One line of a partnership's annual table: a crime type, the total, or anti-social behaviour. */
export interface AssessmentRow {
  /** The category key (see categoryKey): a police.uk category, "all-excl-asb" or "asb". */
  key: string;
  label: string;
  kind: 'category' | 'total' | 'asb' | 'local';
  figures: AreaFigures;
  significance: ChangeFlag;
  /** Withheld in the public view (an area below the district with a small count). */
  withheld: boolean;
  /** Breaks in the series that the comparison spans: the change is then not like for like. */
  breaks: RecordingBreak[];
}

/** The table for one area: the district, a group, or groups combined. */
export interface AreaTable {
  name: string;
  /** Ward indices of the area. */
  wards: number[];
  wardCount: number;
  rows: AssessmentRow[];
}

export interface StrategicAssessment {
  period: Period;
  previous: Period;
  /** Why there is no change on the previous period; null when there is. */
  noComparison: string | null;
  district: AreaTable;
  /** The district split into areas, side by side. */
  split: { name: string; areas: AreaTable[]; note: string | null };
  /** Wards for the dashboard's category, by count and by rate (null without populations); withheld wards left out. */
  byCount: WardRow[];
  byRate: WardRow[] | null;
  /** Every break the comparison spans, in any category. */
  breaks: RecordingBreak[];
  /** Local indicators counted by financial year, left out of a period that is not whole financial years; null when none are. */
  leftOut: string | null;
}

/**
 * The Strategic Assessment for the model's period against the previous one of the same
 * length: district and area tables by crime type and ward rankings, from the cube.
 */
export function strategicAssessment(data: DashboardData, model: DashboardModel): StrategicAssessment {
  const { cube, breaks } = data;
  const comparable = model.previousAvailable;
  const spanned = comparable ? breaksWithin(breaks, model.previous.from, model.period.to) : [];
  // A financial year's figure cannot be cut to a shorter or offset period.
  const yearly = isFinancialYears(model.period) ? [] : cube.categories.filter((c) => data.indicatorRanges?.[c]?.yearly);
  const categories = cube.categories.map((c) => (yearly.includes(c) ? null : c));
  const table = (name: string, rows: number[], wards: number[]) =>
    areaTable(name, wards, categories, totalsOver(cube, rows, model.period), comparable ? totalsOver(cube, rows, model.previous) : null, spanned);
  const allWards = Array.from({ length: cube.wardCount }, (_, ward) => ward);
  const district = table('District', [...allWards, outsideRow(cube), noLocationRow(cube)], allWards);
  const split = splitAreas(data, model.view.split);
  const areas = withholdAcrossAreas(
    split.areas.map((area) => table(area.name, area.wards, area.wards)),
    model.disclosure,
  );
  const crimesIn = (row: number) => totalsOver(cube, [row], model.period).reduce((sum, n, k) => (cube.categories[k] === ANTI_SOCIAL_BEHAVIOUR ? sum : sum + n), 0);
  const shown = model.wards.filter((w) => !w.withheld);
  const byRate = model.funnel === null ? null : shown.filter((w) => w.figures.rate !== null).sort((a, b) => b.figures.rate! - a.figures.rate! || a.name.localeCompare(b.name));
  return {
    period: model.period,
    previous: model.previous,
    noComparison: comparable ? null : (model.district.changeNote ?? 'No previous period to compare.'),
    district,
    split: { name: split.name, areas, note: splitNote(district, areas, crimesIn(outsideRow(cube)), crimesIn(noLocationRow(cube))) },
    byCount: [...shown].sort((a, b) => b.figures.count - a.figures.count || a.name.localeCompare(b.name)),
    byRate,
    breaks: spanned,
    leftOut: yearly.length === 0 ? null : `${listText(yearly.map(localName))} ${yearly.length > 1 ? 'are' : 'is'} counted by financial year, so left out of ${inSentence(model.period.label)}.`,
  };
}

/** Counts by category over a period, summed over cube rows. */
function totalsOver(cube: Cube, rows: readonly number[], period: Period): Float64Array {
  const totals = new Float64Array(cube.categories.length);
  for (const row of rows) {
    const counts = categoryTotals(cube, row, period.from, period.to);
    for (let k = 0; k < totals.length; k++) totals[k] += counts[k];
  }
  return totals;
}

/** The police.uk categories in their order, then the total excluding ASB, then ASB, as partnerships lay the table out. Null categories are left out. */
function areaTable(
  name: string,
  wards: number[],
  categories: readonly (string | null)[],
  current: Float64Array,
  previous: Float64Array | null,
  breaks: readonly RecordingBreak[],
): AreaTable {
  const row = (key: string, label: string, kind: AssessmentRow['kind'], included: (category: string) => boolean): AssessmentRow => {
    let count = 0;
    let before = 0;
    categories.forEach((category, k) => {
      if (category === null || !included(category)) return;
      count += current[k];
      before += previous ? previous[k] : 0;
    });
    const f = figures(count, previous ? before : null, null);
    return { key, label, kind, figures: f, significance: changeFlag(f), withheld: false, breaks: breaks.filter((b) => included(b.category)) };
  };
  const policeUk = (c: string) => c !== ANTI_SOCIAL_BEHAVIOUR && !isLocalIndicator(c);
  const named = categories.filter((c): c is string => c !== null);
  const rows = named.filter(policeUk).map((category) => row(category, category, 'category', (c) => c === category));
  rows.push(row('all-excl-asb', `Total (${ALL_CRIME_EXCL_ASB_LABEL.toLowerCase()})`, 'total', policeUk));
  if (named.includes(ANTI_SOCIAL_BEHAVIOUR)) rows.push(row('asb', ANTI_SOCIAL_BEHAVIOUR, 'asb', (c) => c === ANTI_SOCIAL_BEHAVIOUR));
  // The partnership's own figures last, apart from police.uk's.
  for (const category of named.filter(isLocalIndicator)) rows.push(row(category, category, 'local', (c) => c === category));
  return { name, wards, wardCount: wards.length, rows };
}

/**
 * In the public view, an area's count for a crime type is withheld when it is small, and
 * then a partner area's too wherever one withheld area could be worked out from the district.
 */
function withholdAcrossAreas(areas: AreaTable[], disclosure: Disclosure): AreaTable[] {
  if (areas.length === 0 || disclosure.mode !== 'public') return areas;
  const margin = [areas.map((_, i) => i)];
  const withheldRow = (r: number, value: (f: AreaFigures) => number | null) =>
    withheldWards(areas.map((area) => value(area.rows[r].figures) ?? 0), margin, disclosure);
  const rows = areas[0].rows.map((_, r) => ({ current: withheldRow(r, (f) => f.count), previous: withheldRow(r, (f) => f.previous) }));
  return areas.map((area, a) => ({
    ...area,
    rows: area.rows.map((row, r) => {
      if (rows[r].current[a]) {
        const f: AreaFigures = { count: 0, previous: null, change: null, percentChange: null, population: null, rate: null };
        return { ...row, figures: f, significance: changeFlag(f), withheld: true };
      }
      if (!rows[r].previous[a]) return row;
      const f = figures(row.figures.count, null, null);
      return { ...row, figures: f, significance: changeFlag(f) };
    }),
  }));
}

/** The areas of the chosen split: a configured one, or one per group (and the wards in none). */
function splitAreas(data: DashboardData, splitName: string | null): { name: string; areas: { name: string; wards: number[] }[] } {
  const { groups } = data;
  const wardsOf = (groupIndices: readonly number[]) =>
    Array.from(groups.wardGroup.keys()).filter((ward) => groupIndices.includes(groups.wardGroup[ward]));
  const split = groups.splits.find((s) => s.name === splitName);
  if (split) return { name: split.name, areas: split.areas.map((area) => ({ name: area.name, wards: wardsOf(area.groups) })) };
  const areas = groups.names.map((name, g) => ({ name, wards: wardsOf([g]) }));
  const ungrouped = wardsOf([-1]);
  if (areas.length > 0 && ungrouped.length > 0) areas.push({ name: 'In no group', wards: ungrouped });
  return { name: `By ${groups.label.toLowerCase()}`, areas };
}

/** Why the areas' totals do not add up to the district's: crimes outside every ward or without a location, and wards in no area. */
function splitNote(district: AreaTable, areas: readonly AreaTable[], outside: number, noLocation: number): string | null {
  const total = (table: AreaTable) => table.rows.find((r) => r.kind === 'total');
  if (areas.length === 0 || areas.some((area) => total(area)?.withheld)) return null;
  const sum = areas.reduce((s, area) => s + (total(area)?.figures.count ?? 0), 0);
  const districtTotal = total(district)?.figures.count ?? 0;
  if (sum === districtTotal) return null;
  const reasons: string[] = [];
  if (outside > 0) reasons.push(`${formatCount(outside)} ${outside === 1 ? 'crime was' : 'crimes were'} located outside every ward`);
  if (noLocation > 0) reasons.push(`${formatCount(noLocation)} had no location`);
  const wardsLeft = district.wardCount - areas.reduce((s, area) => s + area.wardCount, 0);
  if (wardsLeft > 0) reasons.push(`${wardsLeft} ward${wardsLeft === 1 ? ' is' : 's are'} in none of the areas`);
  return `The areas add up to ${formatCount(sum)} crimes, not the district's ${formatCount(districtTotal)}: ${listText(reasons)}.`;
}
