import { describe, expect, it } from 'vitest';
import { countOf, pointPopup } from '../../src/core/mapText.ts';
import { parseMonth } from '../../src/core/months.ts';

describe('map text', () => {
  it('counts in the singular and plural, for crimes and incidents', () => {
    expect([countOf(1, 'crimes'), countOf(2, 'crimes'), countOf(1, 'incidents'), countOf(1200, 'incidents')]).toEqual(['1 crime', '2 crimes', '1 incident', '1,200 incidents']);
  });

  it('lists a point’s crimes with category, month and outcome, and says how many more there are', () => {
    const popup = pointPopup(
      27,
      [
        { location: 'On or near Bridge Street', category: 'Burglary', month: parseMonth('2019-03')!, outcome: 'Under investigation' },
        { location: 'On or near Bridge Street', category: 'Anti-social behaviour', month: parseMonth('2019-02')!, outcome: '' },
      ],
      'crimes',
    );
    expect(popup.title).toBe('27 crimes');
    expect(popup.location).toBe('On or near Bridge Street');
    expect(popup.entries).toEqual([
      { heading: 'Burglary, March 2019', outcome: 'Last outcome: Under investigation' },
      { heading: 'Anti-social behaviour, February 2019', outcome: 'No outcome recorded' },
    ]);
    expect(popup.more).toBe('and 25 more');
  });
});
