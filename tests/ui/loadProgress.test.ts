import { describe, expect, it } from 'vitest';
import { progressFraction, progressText } from '../../src/ui/loadProgress.ts';

describe('load progress', () => {
  it('names the crime file being read, counting from 1', () => {
    const progress = { type: 'progress', stage: 'parse', done: 2, total: 31, file: 'data/police-uk/2017-06-hampshire-street.csv' } as const;
    expect(progressText(progress)).toBe('Reading crime files: file 3 of 31 (data/police-uk/2017-06-hampshire-street.csv)');
  });

  it('moves forward through the stages from 0 to 1', () => {
    const fractions = [
      progressFraction(null),
      progressFraction({ type: 'progress', stage: 'config', done: 0, total: 1 }),
      progressFraction({ type: 'progress', stage: 'parse', done: 0, total: 31 }),
      progressFraction({ type: 'progress', stage: 'parse', done: 30, total: 31 }),
      progressFraction({ type: 'progress', stage: 'join', done: 100, total: 200 }),
      progressFraction({ type: 'progress', stage: 'prepare', done: 1, total: 1 }),
    ];
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    fractions.slice(1).forEach((fraction, i) => expect(fraction).toBeGreaterThanOrEqual(fractions[i]));
  });
});
