import { describe, expect, it } from 'vitest';
import { placeLabels, type LabelCandidate } from '../../src/core/labelPlacement.ts';

const label = (id: number, x: number, y: number, priority: number, width = 40, height = 12): LabelCandidate => ({ id, x, y, width, height, priority });

describe('placeLabels', () => {
  it('shows every label when none overlap', () => {
    expect(placeLabels([label(0, 50, 50, 1), label(1, 150, 50, 2), label(2, 50, 150, 3)]).sort()).toEqual([0, 1, 2]);
  });

  it('hides the lower-priority label of two that overlap', () => {
    expect(placeLabels([label(0, 50, 50, 1), label(1, 70, 55, 5)])).toEqual([1]);
    expect(placeLabels([label(0, 50, 50, 9), label(1, 70, 55, 5)])).toEqual([0]);
  });

  it('is greedy: a label hidden by a higher one does not hide others', () => {
    // 1 hides 0; 0 would have hidden 2, but 0 is not shown, so 2 is.
    const shown = placeLabels([label(1, 100, 50, 3), label(0, 70, 50, 2), label(2, 40, 50, 1)]);
    expect(shown).toEqual([1, 2]);
  });

  it('treats touching boxes as clear, and padding as extra space around each box', () => {
    const touching = [label(0, 20, 10, 2), label(1, 60, 10, 1)];
    expect(placeLabels(touching)).toEqual([0, 1]);
    expect(placeLabels(touching, { padding: 1 })).toEqual([0]);
  });

  it('drops labels that are not wholly inside the viewport', () => {
    const candidates = [label(0, 10, 50, 3), label(1, 100, 50, 2), label(2, 100, 196, 1)];
    expect(placeLabels(candidates, { viewport: { width: 200, height: 200 } })).toEqual([1]);
  });

  it('breaks priority ties by id, so placement does not depend on input order', () => {
    const a = label(4, 50, 50, 1);
    const b = label(2, 60, 50, 1);
    expect(placeLabels([a, b])).toEqual([2]);
    expect(placeLabels([b, a])).toEqual([2]);
  });

  it('returns nothing for no candidates', () => {
    expect(placeLabels([])).toEqual([]);
  });
});
