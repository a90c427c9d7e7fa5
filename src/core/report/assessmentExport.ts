import type { DashboardModel, WardRow } from '../dashboardModel.ts';
import { withheldText, type Disclosure } from '../disclosure.ts';
import { shortMonthLabel } from '../months.ts';
import { yearShort } from '../periods.ts';
import type { Cell, PlainTable } from '../tableExport.ts';
import type { AreaTable, AssessmentRow, StrategicAssessment } from './assessmentTables.ts';

/** police.uk's categories, as the report says under its tables. */
export const CATEGORY_NOTE =
  "Crime types are police.uk's categories, which are coarser than a force's own (for example, violence with and without injury are one category).";

/** A short column label for a period: "2018/19" for a financial year, else the period's label. */
export function periodColumn(label: string): string {
  return yearShort(label) ?? label;
}

/** The district table: crime type, both periods, +/−, % change, the test, and why a change is not like for like. */
export function districtTable(assessment: StrategicAssessment, areaName: string, model: DashboardModel): PlainTable {
  const { district, period, previous } = assessment;
  const { disclosure, caveats } = model;
  return {
    caption: `${areaName}: crimes by type, ${period.label} compared with ${previous.label}`,
    header: ['Crime type', periodColumn(previous.label), periodColumn(period.label), '+/−', '% change', 'Significance (exact Poisson test, 95%)', 'Note'],
    rows: district.rows.map((row) => [row.label, ...changeCells(row, disclosure), row.significance.kind === 'unavailable' ? null : row.significance.short, breakNote(row)]),
    notes: [CATEGORY_NOTE],
    caveats,
    kinds: ['text', 'count', 'count', 'signed', 'percent', 'text', 'text'],
    strongRows: totalRows(district.rows),
  };
}

/** The split table: one set of columns per area, side by side. */
export function splitTable(assessment: StrategicAssessment, model: DashboardModel): PlainTable {
  const { split, period } = assessment;
  const { disclosure, caveats } = model;
  const areas = split.areas;
  const rows = areas[0]?.rows ?? [];
  return {
    caption: `${split.name}: crimes by type, ${period.label}, with the change on ${assessment.previous.label}`,
    header: ['Crime type', ...areas.flatMap((area) => [`${area.name} ${periodColumn(period.label)}`, `${area.name} +/−`, `${area.name} % change`])],
    rows: rows.map((row, r) => [row.label, ...areas.flatMap((area: AreaTable) => changeCells(area.rows[r], disclosure).slice(1))]),
    notes: split.note ? [split.note] : [],
    caveats,
    kinds: ['text', ...areas.flatMap(() => ['count', 'signed', 'percent'] as const)],
    strongRows: totalRows(rows),
  };
}

/** Ward ranking by count or by rate, with the change. */
export function rankingTable(wards: readonly WardRow[], by: 'count' | 'rate', model: DashboardModel): PlainTable {
  const value = (row: WardRow) => (by === 'count' ? row.figures.count : Number(row.figures.rate!.toFixed(model.rateDigits)));
  let rank = 0;
  const rows = wards.map((row, i) => {
    if (i === 0 || value(wards[i - 1]) !== value(row)) rank = i + 1;
    return [rank, row.name, row.group, value(row), row.figures.change, percent(row.figures.percentChange), row.significance.kind === 'unavailable' ? null : row.significance.short];
  });
  return {
    caption: `Wards by ${by === 'count' ? `number of ${model.countNoun}` : `${model.countNoun} per 1,000 residents`}: ${model.categoryLabel}, ${model.period.label}`,
    header: ['Rank', 'Ward', model.groupLabel, by === 'count' ? 'Count' : 'Rate per 1,000', '+/−', '% change', 'Significance'],
    rows,
    notes: [],
    caveats: model.caveats,
    kinds: ['count', 'text', 'text', by === 'count' ? 'count' : 'rate', 'signed', 'percent', 'text'],
  };
}

/** Previous count, count, +/− and % change, or the withheld text. */
function changeCells(row: AssessmentRow, disclosure: Disclosure): Cell[] {
  if (row.withheld) return [null, withheldText(disclosure), null, null];
  const f = row.figures;
  return [f.previous, f.count, f.change, percent(f.percentChange)];
}

function breakNote(row: AssessmentRow): string | null {
  if (row.breaks.length === 0) return null;
  const months = row.breaks.map((b) => `${b.category} from ${shortMonthLabel(b.month)}`).join('; ');
  return row.kind === 'total' ? `Includes a step in police.uk's series: ${months}` : `Not like for like: police.uk's series steps ${row.breaks[0].after > row.breaks[0].before ? 'up' : 'down'} from ${shortMonthLabel(row.breaks[0].month)}`;
}

function totalRows(rows: readonly AssessmentRow[]): number[] {
  return rows.flatMap((row, i) => (row.kind === 'total' || row.kind === 'asb' ? [i] : []));
}

function percent(value: number | null): number | null {
  return value === null ? null : Number(value.toFixed(1));
}
