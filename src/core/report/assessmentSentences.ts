import { localName } from '../categories.ts';
import type { DashboardModel, WardRow } from '../dashboardModel.ts';
import { formatCount, formatRate, formatSignedPercent, listText } from '../format.ts';
import { shortMonthLabel } from '../months.ts';
import { inSentence } from '../periods.ts';
import { describeBreak } from '../recordingBreaks.ts';
import type { AreaTable, AssessmentRow, StrategicAssessment } from './assessmentTables.ts';

/**
 * Plain-English sentences for the Strategic Assessment, derived only from the numbers in
 * its tables. A change is called a rise or fall only when the exact Poisson test supports
 * it, and never across a break in how police.uk publishes the category.
 */
export function assessmentSentences(assessment: StrategicAssessment, model: DashboardModel): string[] {
  const { district, split } = assessment;
  const previous = inSentence(assessment.previous.label);
  const sentences = [
    assessment.noComparison === null
      ? `Figures are for ${inSentence(assessment.period.label)}, compared with ${previous}.`
      : `Figures are for ${inSentence(assessment.period.label)}. ${assessment.noComparison}`,
  ];
  const byKind = (kind: AssessmentRow['kind']) => district.rows.filter((row) => row.kind === kind);
  for (const row of [...byKind('total'), ...byKind('asb'), ...byKind('category'), ...byKind('local')]) sentences.push(changeSentence(row, previous));
  const areas = areaSentence(split.areas);
  if (areas) sentences.push(areas);
  sentences.push(rankingSentence(assessment.byCount, assessment.byRate, model));
  for (const area of split.areas) {
    const sentence = areaRankingSentence(area, model);
    if (sentence) sentences.push(sentence);
  }
  return sentences;
}

/** What a row is called at the start of a sentence. */
export function rowSubject(row: Pick<AssessmentRow, 'kind' | 'label'>): string {
  if (row.kind === 'total') return 'Total crime';
  if (row.kind === 'local') return `${localName(row.label)} (local figures)`;
  return SUBJECTS[row.label] ?? row.label;
}

/** Category names that read badly as the subject of "rose" or "fell". */
const SUBJECTS: Record<string, string> = {
  Drugs: 'Drug offences',
  'Public order': 'Public order offences',
  'Possession of weapons': 'Possession of weapons offences',
};

/** One row's change on the previous period, worded as honestly as the numbers allow. */
export function changeSentence(row: AssessmentRow, previousLabel: string): string {
  const subject = rowSubject(row);
  const { count, previous } = row.figures;
  if (row.withheld) return `${subject}: withheld in the public view.`;
  if (previous === null) return `${subject}: ${formatCount(count)}.`;
  const ownBreaks = row.kind === 'total' ? [] : row.breaks;
  if (ownBreaks.length > 0) {
    return `${subject}: ${formatCount(count)}, against ${formatCount(previous)} in ${previousLabel}. This is not reported as a ${count > previous ? 'rise' : 'fall'}: ${lowerFirst(describeBreak(ownBreaks[0]))}`;
  }
  const caveat = row.kind === 'total' && row.breaks.length > 0 ? ` ${totalBreakCaveat(row)}` : '';
  if (count === previous) return count === 0 ? `${subject}: none in either period.` : `${subject} was unchanged at ${formatCount(count)}.${caveat}`;
  if (previous === 0) return `${subject}: ${formatCount(count)}, against none in ${previousLabel}.${caveat}`;
  const difference = Math.abs(count - previous);
  const percent = formatSignedPercent(row.figures.percentChange ?? 0).replace(/^[+−-]/, '');
  if (row.significance.kind === 'rise') return `${subject} rose by ${percent} (+${formatCount(difference)}) to ${formatCount(count)}.${caveat}`;
  if (row.significance.kind === 'fall') {
    return count === 0
      ? `${subject} fell from ${formatCount(previous)} to none.${caveat}`
      : `${subject} fell by ${percent} (−${formatCount(difference)}) to ${formatCount(count)}.${caveat}`;
  }
  const direction = count > previous ? 'more' : 'fewer';
  return `${subject}: ${formatCount(count)}, ${formatCount(difference)} ${direction} than in ${previousLabel} (${formatSignedPercent(row.figures.percentChange ?? 0)}), a change within what chance alone would give.${caveat}`;
}

function totalBreakCaveat(row: AssessmentRow): string {
  const steps = row.breaks.map((b) => `${rowSubject({ kind: 'category', label: b.category }).toLowerCase()} from ${shortMonthLabel(b.month)}`);
  return `Part of this change comes from a step in how police.uk publishes ${listText(steps)}.`;
}

/** "By area: North 3,100 (+4.0%) and Mid-Test and South 3,300 (−1.2%)." */
function areaSentence(areas: readonly AreaTable[]): string | null {
  const parts = areas.flatMap((area) => {
    const total = area.rows.find((row) => row.kind === 'total');
    if (!total || total.withheld) return [];
    const change = total.figures.percentChange;
    return [`${area.name} ${formatCount(total.figures.count)}${change === null ? '' : ` (${formatSignedPercent(change)})`}`];
  });
  return parts.length > 1 ? `Total crime by area: ${parts.join('; ')}.` : null;
}

interface Ranked {
  name: string;
  value: number;
}

/**
 * "The wards with the highest numbers of crimes were A and B, followed by C and D; per
 * resident, A, D and B." Wards with equal values are named together as equal.
 */
export function rankingSentence(byCount: readonly WardRow[], byRate: readonly WardRow[] | null, model: Pick<DashboardModel, 'countNoun' | 'rateDigits'>): string {
  const noun = model.countNoun;
  const counts = byCount.map((w) => ({ name: w.name, value: w.figures.count }));
  if (counts.length === 1) return `The only ward, ${counts[0].name}, had ${formatCount(counts[0].value)} ${noun}.`;
  const leaders = leadingTiers(counts, 4);
  if (leaders.length === 0) return `No ward had any ${noun}.`;
  const [first, rest] = splitAfter(leaders, 2);
  const countText = (value: number) => formatCount(value);
  let sentence = `The wards with the highest numbers of ${noun} were ${tiersText(first, countText)}`;
  if (rest.length > 0) sentence += `, followed by ${tiersText(rest, countText)}`;
  const rates = byRate ? leadingTiers(byRate.map((w) => ({ name: w.name, value: w.figures.rate ?? 0 })), 3) : [];
  if (rates.length > 0) sentence += `; per resident, ${tiersText(rates, (value) => `${formatRate(value, model.rateDigits)} per 1,000`)}`;
  return `${sentence}.`;
}

/** Within one area of the split: its leading wards, or the one ward it is. */
function areaRankingSentence(area: AreaTable, model: DashboardModel): string | null {
  const wards = area.wards.map((ward) => model.wards[ward]);
  if (wards.length === 1) {
    const [ward] = wards;
    const count = ward.withheld ? 'a count withheld in the public view' : `${formatCount(ward.figures.count)} ${model.countNoun}`;
    return `${area.name} is a single ward${ward.name === area.name ? '' : `, ${ward.name},`} with ${count}.`;
  }
  const shown = wards.filter((w) => !w.withheld).sort((a, b) => b.figures.count - a.figures.count || a.name.localeCompare(b.name));
  const leaders = leadingTiers(shown.map((w) => ({ name: w.name, value: w.figures.count })), 2);
  if (leaders.length === 0) return null;
  return `In ${area.name}, the highest numbers were in ${tiersText(leaders, formatCount)}.`;
}

/**
 * The leading wards in tiers of equal value, until at least `want` are named; a tie at the
 * edge is named whole unless it would more than double the list. Wards with none are left out.
 */
function leadingTiers(items: readonly Ranked[], want: number): Ranked[][] {
  const sorted = items.filter((item) => item.value > 0).sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
  const tiers: Ranked[][] = [];
  let named = 0;
  for (let i = 0; i < sorted.length && named < want; ) {
    let j = i;
    while (j < sorted.length && sorted[j].value === sorted[i].value) j++;
    if (named > 0 && named + (j - i) > want * 2) break;
    tiers.push(sorted.slice(i, j));
    named += j - i;
    i = j;
  }
  return tiers;
}

/** Tiers up to the first that names at least `count` wards, and the rest. */
function splitAfter(tiers: Ranked[][], count: number): [Ranked[][], Ranked[][]] {
  let named = 0;
  let cut = 0;
  while (cut < tiers.length && named < count) named += tiers[cut++].length;
  return [tiers.slice(0, cut), tiers.slice(cut)];
}

/** "A and B", or with a tie "A, then B and C (equal, 120 each)". */
function tiersText(tiers: readonly Ranked[][], valueText: (value: number) => string): string {
  if (tiers.every((tier) => tier.length === 1)) return listText(tiers.map(([item]) => item.name));
  return tiers
    .map((tier) => (tier.length === 1 ? tier[0].name : `${listText(tier.map((item) => item.name))} (equal, ${valueText(tier[0].value)} each)`))
    .join(', then ');
}

function lowerFirst(text: string): string {
  return text.length > 0 ? text[0].toLowerCase() + text.slice(1) : text;
}
