import { describe, expect, it } from 'vitest';
import type { ChangeFlag } from '../../src/core/changeFlags.ts';
import { changeClasses, changeClassOf, NOT_SIGNIFICANT_COLOUR } from '../../src/core/changeMap.ts';

const flag = (kind: ChangeFlag['kind']): ChangeFlag => ({ kind, pValue: kind === 'unavailable' ? null : 0.01, label: '', short: '' });

describe('changeClassOf', () => {
  it('classes significant falls and rises by size, with the class bounds in the falling and rising direction', () => {
    const classOf = (percent: number, kind: 'rise' | 'fall') => changeClassOf(percent, flag(kind));
    expect([-60, -25, -24.9, -10, -9.9, -0.5].map((p) => classOf(p, 'fall'))).toEqual([0, 0, 1, 1, 2, 2]);
    expect([0.5, 9.9, 10, 24.9, 25, 300].map((p) => classOf(p, 'rise'))).toEqual([3, 3, 4, 4, 5, 5]);
  });

  it('puts every non-significant change in the grey class, whatever its size', () => {
    const grey = changeClasses().colours.indexOf(NOT_SIGNIFICANT_COLOUR);
    expect(grey).toBe(6);
    expect([-80, 0, 80].map((p) => changeClassOf(p, flag('not-significant')))).toEqual([grey, grey, grey]);
  });

  it('has no class without a percent change (nothing before) or without a previous period', () => {
    expect(changeClassOf(null, flag('rise'))).toBe(-1);
    expect(changeClassOf(12, flag('unavailable'))).toBe(-1);
  });

  it('labels each class, and the labels and colours line up', () => {
    const { colours, labels } = changeClasses();
    expect(labels).toHaveLength(colours.length);
    expect(labels[0]).toBe('Fell by 25% or more');
    expect(labels.at(-1)).toBe('No significant change (95%)');
  });
});
