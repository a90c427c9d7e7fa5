import { describe, expect, it } from 'vitest';
import { parseMonth } from '../../src/core/months.ts';
import { type View } from '../../src/core/viewState.ts';
import { asMonthRange, sortedBy, toggleWard, withClasses, withGroup, withRangeEnd, withRangeStart } from '../../src/core/viewUpdaters.ts';
import { testView } from './support/views.ts';

const m = (text: string) => parseMonth(text)!;
const range = { first: m('2017-04'), last: m('2019-10') };
const view: View = testView();

describe('sortedBy', () => {
  it('reverses the order when the same column is chosen again', () => {
    expect(sortedBy(view, 'rank').sort).toEqual({ column: 'rank', direction: 'descending' });
  });

  it('sorts figures highest first and names A to Z first', () => {
    expect(sortedBy(view, 'count').sort).toEqual({ column: 'count', direction: 'descending' });
    expect(sortedBy(view, 'ward').sort).toEqual({ column: 'ward', direction: 'ascending' });
  });
});

describe('toggleWard', () => {
  it('selects a ward, and clears the selection when it is chosen again', () => {
    const selected = toggleWard(view, 'E05004628');
    expect(selected.ward).toBe('E05004628');
    expect(toggleWard(selected, 'E05004628').ward).toBeNull();
    expect(toggleWard(selected, null).ward).toBeNull();
  });

  it('keeps the group filter for a ward in the group, and removes it for a faded ward outside', () => {
    const filtered = { ...view, group: 'North' };
    const north = new Set(['E05004628']);
    expect(toggleWard(filtered, 'E05004628', north)).toMatchObject({ ward: 'E05004628', group: 'North' });
    expect(toggleWard(filtered, 'E05004630', north)).toMatchObject({ ward: 'E05004630', group: null });
  });
});

describe('withGroup', () => {
  const selected = { ...view, ward: 'E05004628' };

  it('keeps the selected ward when it is in the group', () => {
    expect(withGroup(selected, 'North', new Set(['E05004628']))).toMatchObject({ group: 'North', ward: 'E05004628' });
  });

  it('clears the selection when the ward is outside the group, since the table would hide it', () => {
    expect(withGroup(selected, 'South', new Set(['E05004630']))).toMatchObject({ group: 'South', ward: null });
  });

  it('keeps the selection when the filter is removed', () => {
    expect(withGroup({ ...selected, group: 'North' }, null, null).ward).toBe('E05004628');
  });
});

describe('month ranges', () => {
  it('start from the months of the current period', () => {
    expect(asMonthRange(view, range).period).toBe('2018-04..2019-03');
  });

  it('move the other end along rather than make an empty range', () => {
    const ranged = asMonthRange(view, range);
    expect(withRangeStart(ranged, m('2019-06'), range).period).toBe('2019-06..2019-06');
    expect(withRangeEnd(ranged, m('2018-01'), range).period).toBe('2018-01..2018-01');
    expect(withRangeEnd(ranged, m('2019-10'), range).period).toBe('2018-04..2019-10');
  });
});

describe('withClasses', () => {
  it('keeps the number of classes within 3 to 7', () => {
    expect(withClasses(view, 2).classes).toBe(3);
    expect(withClasses(view, 12).classes).toBe(7);
    expect(withClasses(view, 6).classes).toBe(6);
  });
});
