import type { AreaFigures } from './measures.ts';
import { exactPoissonTest } from './statistics/poissonTest.ts';

/** Below this many crimes a rate or a change is too unstable to read much into. */
export const SMALL_COUNT = 10;
export const CHANGE_CONFIDENCE = 0.95;

/** Whether a change on the previous period is more than chance, by the exact conditional Poisson test. */
export interface ChangeFlag {
  kind: 'rise' | 'fall' | 'not-significant' | 'unavailable';
  /** Two-sided p-value; null when there is no previous period. */
  pValue: number | null;
  /** "Significant rise (p = 0.003)", "No significant change (p = 0.41)" */
  label: string;
  /** For table cells: "Sig. rise", "Sig. fall", "Not sig.", "" */
  short: string;
}

/**
 * Flags the change between the period and the previous one of the same length: a rise
 * or fall only when the exact conditional Poisson test rejects "same underlying rate" at 95%.
 */
export function changeFlag(figures: Pick<AreaFigures, 'count' | 'previous'>): ChangeFlag {
  if (figures.previous === null) return { kind: 'unavailable', pValue: null, label: 'No previous period to compare', short: '' };
  const { pValue } = exactPoissonTest(figures.count, figures.previous);
  const p = formatP(pValue);
  if (pValue >= 1 - CHANGE_CONFIDENCE) return { kind: 'not-significant', pValue, label: `No significant change (${p})`, short: 'Not sig.' };
  return figures.count > figures.previous
    ? { kind: 'rise', pValue, label: `Significant rise (${p})`, short: 'Sig. rise' }
    : { kind: 'fall', pValue, label: `Significant fall (${p})`, short: 'Sig. fall' };
}

/** "p = 0.031", "p < 0.001" */
export function formatP(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`;
}
