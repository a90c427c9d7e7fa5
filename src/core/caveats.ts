import type { Disclosure } from './disclosure.ts';
import { modeLabel } from './disclosure.ts';
import { formatMonth, type MonthIndex } from './months.ts';

/** What every report and export says about the numbers. */
export interface CaveatInput {
  dataTo: MonthIndex;
  populationSource: string | null;
  disclosure: Disclosure;
}

/** "police.uk data to 2019-10": stamped on every view and export. */
export function dataStamp(dataTo: MonthIndex): string {
  return `police.uk data to ${formatMonth(dataTo)}`;
}

/** The caveats, one short sentence each, in the order a reader needs them. */
export function caveats({ dataTo, populationSource, disclosure }: CaveatInput): string[] {
  return [
    `${dataStamp(dataTo)}.`,
    'Counts are crimes recorded by the police as published on police.uk, not all incidents: crimes not reported or not recorded are missing.',
    'police.uk moves each crime to an anonymous snap point near where it happened, so points and ward counts near boundaries are approximate.',
    populationSource === null ? 'No population figures: no rates.' : `Rates per 1,000 residents use ${populationSource}.`,
    `${modeLabel(disclosure)}.`,
  ];
}

/** The caveats as one line, for a map export's footer or under a table. */
export function caveatLine(input: CaveatInput): string {
  return caveats(input).join(' ');
}
