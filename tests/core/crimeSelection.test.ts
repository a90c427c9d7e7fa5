import { describe, expect, it } from 'vitest';
import { countByPoint, crimesAtPoint, indexSnapPoints, selectCrimes } from '../../src/core/crimeSelection.ts';
import { parseMonth } from '../../src/core/months.ts';
import { CrimeTableBuilder } from '../../src/core/policeUkCsv.ts';
import { NO_LOCATION, OUTSIDE } from '../../src/core/spatialJoin.ts';
import { csv, row } from './support/fixtures.ts';

const month = (text: string) => parseMonth(text)!;

function table() {
  const builder = new CrimeTableBuilder();
  builder.addFile(
    'a.csv',
    csv(
      row({ month: '2019-01', lon: 1, lat: 1, category: 'Burglary', location: 'On or near Bridge Street', outcome: 'Under investigation' }),
      row({ month: '2019-02', lon: 1, lat: 1, category: 'Drugs', location: 'On or near Bridge Street' }),
      row({ month: '2019-02', lon: 1, lat: 1, category: 'Anti-social behaviour', location: 'On or near Bridge Street' }),
      row({ month: '2019-03', lon: 2, lat: 2, category: 'Burglary', location: 'On or near Park Road' }),
      row({ month: '2019-03', lon: 3, lat: 3, category: 'Burglary', location: 'On or near Far Lane' }),
      row({ month: '2019-03', lon: '', lat: '', category: 'Burglary', location: 'No location' }),
    ),
  );
  return builder.build();
}

// Crimes 0–2 in ward 0, 3 in ward 1, 4 outside every ward, 5 without a location.
const wards = Int32Array.from([0, 0, 0, 1, OUTSIDE, NO_LOCATION]);
const all = { category: 'all', from: month('2019-01'), to: month('2019-12'), wards: null };

describe('selectCrimes', () => {
  it('keeps located crimes in wards that match category, months and wards', () => {
    const t = table();
    expect([...selectCrimes(t, wards, all)]).toEqual([0, 1, 2, 3]);
    expect([...selectCrimes(t, wards, { ...all, category: 'all-excl-asb' })]).toEqual([0, 1, 3]);
    expect([...selectCrimes(t, wards, { ...all, category: 'Burglary', from: month('2019-02') })]).toEqual([3]);
    expect([...selectCrimes(t, wards, { ...all, wards: [false, true] })]).toEqual([3]);
    expect([...selectCrimes(t, wards, { ...all, category: 'Robbery' })]).toEqual([]);
  });
});

describe('snap points', () => {
  it('numbers each distinct location once and counts the selected crimes there', () => {
    const t = table();
    const points = indexSnapPoints(t);
    expect([...points.pointOfCrime]).toEqual([0, 0, 0, 1, 2, -1]);
    const counts = countByPoint(points, selectCrimes(t, wards, all));
    expect([...counts.point]).toEqual([0, 1]);
    expect([...counts.count]).toEqual([3, 1]);
    expect([...counts.lon]).toEqual([1, 2]);
  });

  it('lists the crimes at a point, newest first, up to a limit', () => {
    const t = table();
    const points = indexSnapPoints(t);
    const at = crimesAtPoint(t, points, selectCrimes(t, wards, all), 0, 2);
    expect(at.total).toBe(3);
    expect(at.crimes).toEqual([
      { location: 'On or near Bridge Street', category: 'Anti-social behaviour', month: month('2019-02'), outcome: '' },
      { location: 'On or near Bridge Street', category: 'Drugs', month: month('2019-02'), outcome: '' },
    ]);
    expect(crimesAtPoint(t, points, selectCrimes(t, wards, all), 0, 10).crimes[2].outcome).toBe('Under investigation');
  });
});
