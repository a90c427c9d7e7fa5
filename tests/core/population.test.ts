import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePopulation } from '../../src/core/population.ts';
import { InputError } from '../../src/core/problems.ts';
import { PROJECT_ROOT } from './support/fixtures.ts';

function inputError(text: string, fileName = 'pop.csv'): InputError {
  try {
    parsePopulation(fileName, text);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('parsePopulation: the Test Valley file', () => {
  const path = 'data/population/test-valley-wards-population.csv';
  const table = parsePopulation(path, readFileSync(resolve(PROJECT_ROOT, path), 'utf8'));

  it('reads 24 wards summing to 123,957, without problems', () => {
    expect(table.problems).toEqual([]);
    expect(table.byCode.size).toBe(24);
    expect([...table.byCode.values()].reduce((a, b) => a + b, 0)).toBe(123_957);
    expect(table.byCode.get('E05004629')).toBe(11_569); // Alamein
    expect(table.byCode.get('E05004637')).toBe(6_469); // "Chilworth, Nursling and Rownhams", quoted
  });
});

describe('parsePopulation: formats', () => {
  it('accepts thousands separators', () => {
    const table = parsePopulation('p.csv', 'code,population\nE05000001,"11,569"\nE05000002,"1,234,567"\nE05000003,999\n');
    expect([...table.byCode]).toEqual([
      ['E05000001', 11_569],
      ['E05000002', 1_234_567],
      ['E05000003', 999],
    ]);
    expect(table.problems).toEqual([]);
  });

  it('refuses a decimal comma rather than reading it as thousands', () => {
    const table = parsePopulation('p.csv', 'code,population\nE05000001,"4839,5"\nE05000002,"11,56"\n');
    expect(table.byCode.size).toBe(0);
    expect(table.problems).toEqual(['p.csv, line 2: population "4839,5" is not a number', 'p.csv, line 3: population "11,56" is not a number']);
  });

  it('finds the columns by header name: ONS style "Ward Code" and "All Ages"', () => {
    const table = parsePopulation('ons.csv', 'Ward Name,Ward Code,Males,All Ages\nAbbey,E05004628,2400,4839\n');
    expect([...table.byCode]).toEqual([['E05004628', 4839]]);
  });

  it('reads a byte order mark, CRLF endings, blank lines and padding', () => {
    const table = parsePopulation('p.csv', '\uFEFFcode,population\r\n E05000001 , 120 \r\n\r\nE05000002,80\r\n');
    expect([...table.byCode]).toEqual([
      ['E05000001', 120],
      ['E05000002', 80],
    ]);
    expect(table.problems).toEqual([]);
  });
});

describe('parsePopulation: problems', () => {
  it('refuses a header without a code or a population column, naming the file and the header', () => {
    const noPopulation = inputError('code,name,residents\nE05000001,A,10\n', 'data/population/x.csv');
    expect(noPopulation.file).toBe('data/population/x.csv');
    expect(noPopulation.message).toMatch(/^data\/population\/x\.csv: expected a code column and a population column/);
    expect(noPopulation.problem).toContain('code,name,residents');
    expect(inputError('name,population\nA,10\n').problem).toMatch(/expected a code column/);
  });

  it('refuses an empty file', () => {
    expect(inputError('').problem).toBe('the file is empty');
    expect(inputError('\n\n').problem).toBe('the file is empty');
  });

  it('reports bad values with their line numbers and keeps the good rows', () => {
    const text = ['code,population', 'E05000001,100', 'E05000002,n/a', 'E05000003,', ',50', 'E05000004,-3', 'E05000005,200'].join('\n');
    const table = parsePopulation('p.csv', text);
    expect([...table.byCode]).toEqual([
      ['E05000001', 100],
      ['E05000005', 200],
    ]);
    expect(table.problems).toEqual([
      'p.csv, line 3: population "n/a" is not a number',
      'p.csv, line 4: population "" is not a number',
      'p.csv, line 5: no area code',
      'p.csv, line 6: population "-3" is not a number',
    ]);
  });

  it('counts blank lines in the line numbers it reports', () => {
    const table = parsePopulation('p.csv', 'code,population\n\nE05000001,100\n\n\nE05000002,lots\n');
    expect(table.problems).toEqual(['p.csv, line 6: population "lots" is not a number']);
  });

  it('reports a duplicate code and keeps the first value', () => {
    const table = parsePopulation('p.csv', 'code,population\nE05000001,100\nE05000002,50\nE05000001,999\n');
    expect(table.byCode.get('E05000001')).toBe(100);
    expect(table.byCode.size).toBe(2);
    expect(table.problems).toEqual(['p.csv, line 4: E05000001 appears more than once (first value kept)']);
  });

  it('reads a header-only file as no populations', () => {
    const table = parsePopulation('p.csv', 'code,population\n');
    expect(table.byCode.size).toBe(0);
    expect(table.problems).toEqual([]);
  });
});
