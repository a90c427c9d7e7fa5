import type { CrimeDetail } from './crimeSelection.ts';
import type { ChangeFlag } from './changeFlags.ts';
import { withheldText } from './disclosure.ts';
import type { DashboardModel } from './dashboardModel.ts';
import { formatCount, formatRate, formatSignedCount, formatSignedPercent } from './format.ts';
import type { AreaFigures } from './measures.ts';
import type { LayerAnalysis } from './layerAnalysis.ts';
import { longMonthLabel } from './months.ts';

/*
 * The words of the map's tooltips and popups, kept apart from the DOM so they are tested
 * without a browser. The map module turns them into text nodes.
 */

export interface TooltipText {
  title: string;
  lines: string[];
}

const BIN_LABELS: Record<number, string> = {
  3: 'Hot spot, 99% confidence',
  2: 'Hot spot, 95% confidence',
  1: 'Hot spot, 90% confidence',
  0: 'Not a significant hot or cold spot',
  [-1]: 'Cold spot, 90% confidence',
  [-2]: 'Cold spot, 95% confidence',
  [-3]: 'Cold spot, 99% confidence',
};

/** "12 crimes" / "1 crime" (or incidents). */
export function countOf(n: number, noun: string): string {
  return `${formatCount(n)} ${n === 1 ? noun.replace(/s$/, '') : noun}`;
}

/** A hexagon: its count, its most common categories and, on the hot spot layer, its Gi* result. */
export function hexTooltip(analysis: LayerAnalysis, cell: number, noun: string): TooltipText {
  const { cells } = analysis;
  const lines: string[] = [];
  const slots = cells.topCategory.length / Math.max(cells.count.length, 1);
  for (let k = 0; k < slots; k++) {
    const category = cells.topCategory[cell * slots + k];
    const count = cells.topCount[cell * slots + k];
    if (count > 0 && category < analysis.categories.length) lines.push(`${analysis.categories[category]}: ${formatCount(count)}`);
  }
  if (analysis.grid.band !== null) {
    lines.push(`${BIN_LABELS[cells.bin[cell]]} (Gi* z = ${cells.z[cell].toFixed(2)})`);
  }
  const place = analysis.grid.units === 'lsoas' ? 'LSOA' : `${formatCount(analysis.grid.cell)} m hexagon`;
  return { title: `${countOf(cells.count[cell], noun)} in this ${place}`, lines };
}

export function clusterTooltip(crimes: number, noun: string): TooltipText {
  return { title: countOf(crimes, noun), lines: ['At several map points nearby: select to zoom in'] };
}

export function pointTooltip(count: number, noun: string): TooltipText {
  return { title: `${countOf(count, noun)} at this map point`, lines: ['Select for the list'] };
}

/** A popup's heading and one entry per crime, newest first. */
export function pointPopup(total: number, crimes: readonly CrimeDetail[], noun: string): { title: string; location: string; entries: { heading: string; outcome: string }[]; more: string | null } {
  return {
    title: countOf(total, noun),
    location: crimes[0]?.location ?? '',
    entries: crimes.map((crime) => ({
      heading: `${crime.category}, ${longMonthLabel(crime.month)}`,
      outcome: crime.outcome === '' ? 'No outcome recorded' : `Last outcome: ${crime.outcome}`,
    })),
    more: total > crimes.length ? `and ${formatCount(total - crimes.length)} more` : null,
  };
}

/** A ward: its mapped value and rank, or on the change layer its change and whether it is significant. */
export function wardTooltip(model: DashboardModel, ward: number): TooltipText {
  const row = model.wards[ward];
  const lines: string[] = [];
  if (row.withheld) {
    lines.push(`${capitalise(withheldText(model.disclosure))} ${model.countNoun}: withheld in the public view`);
  } else if (model.view.layer === 'change') {
    lines.push(...changeLines(row.figures, row.significance, model.countNoun));
  } else {
    lines.push(
      row.value === null
        ? 'No population figure, so no rate'
        : model.measure === 'rate'
          ? `${formatRate(row.value, model.rateDigits)} per 1,000 residents (${countOf(row.figures.count, model.countNoun)})`
          : countOf(row.value, model.countNoun),
    );
    lines.push(row.rank === null ? 'Not ranked' : `Rank ${row.rank} of ${model.wards.length}`);
  }
  if (row.group !== null) lines.push(`${model.groupLabel}: ${row.group}`);
  return { title: row.name, lines };
}

function capitalise(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}

function changeLines(figures: AreaFigures, significance: ChangeFlag, noun: string): string[] {
  if (figures.previous === null) return [countOf(figures.count, noun), 'No previous period in the data'];
  const percent = figures.percentChange === null ? 'n/a' : formatSignedPercent(figures.percentChange);
  return [`${formatCount(figures.previous)} → ${countOf(figures.count, noun)} (${formatSignedCount(figures.change ?? 0)}, ${percent})`, significance.label];
}
