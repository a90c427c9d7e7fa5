import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CrimeIdSet } from '../../src/core/crimeIdSet.ts';

const policeUkId = (i: number) => createHash('sha256').update(`crime ${i}`).digest('hex');

describe('CrimeIdSet', () => {
  it('tells a new police.uk ID from one seen before, through many growths of its table', () => {
    const ids = new CrimeIdSet();
    const count = 50_000;
    for (let i = 0; i < count; i++) expect(ids.add(policeUkId(i))).toBe(true);
    expect(ids.size).toBe(count);
    for (let i = 0; i < count; i += 7) expect(ids.add(policeUkId(i))).toBe(false);
    expect(ids.add(policeUkId(count))).toBe(true);
    expect(ids.size).toBe(count + 1);
  });

  it('keeps any other ID as text: upper case, short, not hex', () => {
    const ids = new CrimeIdSet();
    const hex = policeUkId(1);
    for (const id of [hex, hex.toUpperCase(), 'ABC-123', hex.slice(0, 63)]) expect(ids.add(id)).toBe(true);
    for (const id of [hex, hex.toUpperCase(), 'ABC-123', hex.slice(0, 63)]) expect(ids.add(id)).toBe(false);
    expect(ids.size).toBe(4);
  });

  it('compares police.uk IDs by their first and last 13 digits (104 bits)', () => {
    const ids = new CrimeIdSet();
    const id = policeUkId(2);
    const flip = (at: number) => `${id.slice(0, at)}${id[at] === '0' ? '1' : '0'}${id.slice(at + 1)}`;
    expect(ids.add(id)).toBe(true);
    expect(ids.add(flip(30))).toBe(false);
    expect(ids.add(flip(12))).toBe(true);
    expect(ids.add(flip(51))).toBe(true);
    // IDs made by counting differ at their end.
    expect(['1', '2', '3'].map((n) => ids.add(n.padStart(64, 'a')))).toEqual([true, true, true]);
  });
});
