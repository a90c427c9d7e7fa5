import { describe, expect, it } from 'vitest';
import { parseMonth } from '../../src/core/months.ts';
import { CrimeTableBuilder, type CrimeTable } from '../../src/core/policeUkCsv.ts';
import { describeProblem, InputError } from '../../src/core/problems.ts';
import { csv, HEADER, row } from './support/fixtures.ts';

function parse(...files: [name: string, text: string][]): { table: CrimeTable; builder: CrimeTableBuilder } {
  const builder = new CrimeTableBuilder();
  for (const [name, text] of files) builder.addFile(name, text);
  return { table: builder.build(), builder };
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('CrimeTableBuilder: good rows', () => {
  it('stores each field in its column, strings as dictionary codes', () => {
    const { table, builder } = parse([
      'a.csv',
      csv(
        row({ month: '2019-01', lon: '-1.495366', lat: '51.256294', category: 'Burglary', location: 'On or near The Avenue', outcome: 'Under investigation' }),
        row({ month: '2019-02', lon: '-1.5', lat: '51.2', category: 'Drugs', location: 'On or near The Avenue' }),
      ),
    ]);
    expect(table.length).toBe(2);
    expect(Array.from(table.lon)).toEqual([-1.495366, -1.5]);
    expect(Array.from(table.lat)).toEqual([51.256294, 51.2]);
    expect(Array.from(table.month)).toEqual([parseMonth('2019-01'), parseMonth('2019-02')]);
    expect(Array.from(table.category, (c) => table.categories[c])).toEqual(['Burglary', 'Drugs']);
    expect(table.location[0]).toBe(table.location[1]);
    expect(table.locations).toEqual(['On or near The Avenue']);
    expect(Array.from(table.outcome, (o) => table.outcomes[o])).toEqual(['Under investigation', '']);
    expect(Array.from(table.line)).toEqual([2, 3]);
    expect(table.files).toEqual(['a.csv']);
    expect(builder.counts).toEqual({ read: 2, rejected: 0, duplicates: 0, noLocation: 0, outsidePeriod: 0 });
  });

  it('reads CRLF line endings and a UTF-8 byte order mark', () => {
    const text = '\uFEFF' + [HEADER, row({ lon: '-1.25', category: 'Robbery' }), row({ lat: '51.75', category: 'Drugs' })].join('\r\n') + '\r\n';
    const { table, builder } = parse(['crlf.csv', text]);
    expect(table.length).toBe(2);
    expect(table.categories).toEqual(['Robbery', 'Drugs']);
    // The last field must not keep a stray "\r", and the first header name must not keep the BOM.
    expect(Array.from(table.lon)).toEqual([-1.25, 0.5]);
    expect(Array.from(table.lat)).toEqual([0.5, 51.75]);
    expect(builder.problems.total).toBe(0);
  });

  it('keeps a quoted Location holding commas and quotes as one field', () => {
    const { table, builder } = parse(['q.csv', csv(row({ location: 'On or near Bridge Street, "The Old Mill", Andover' }))]);
    expect(builder.counts.rejected).toBe(0);
    expect(table.locations).toEqual(['On or near Bridge Street, "The Old Mill", Andover']);
    expect(table.categories).toEqual(['Burglary']);
  });

  it('finds the columns by name, in any order', () => {
    const text = 'Month,Crime type,Latitude,Longitude,Crime ID,Location,LSOA code\n2019-03,Drugs,51.2,-1.4,,On or near A,E01\n';
    const { table } = parse(['reordered.csv', text]);
    expect(table.length).toBe(1);
    expect([table.lon[0], table.lat[0]]).toEqual([-1.4, 51.2]);
    expect(table.categories).toEqual(['Drugs']);
    expect(table.outcomes).toEqual(['']); // no outcome column
    expect(table.lsoaNames).toEqual(['']); // no LSOA name column
  });

  it('keeps each LSOA\'s name as first given, by the LSOA\'s code', () => {
    const text = [
      'Crime ID,Month,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type',
      ',2019-03,-1.4,51.2,On or near A,E01023150,Test Valley 011A,Drugs',
      ',2019-03,-1.4,51.2,On or near A,E01022512,Southampton 032C,Drugs',
      ',2019-03,-1.4,51.2,On or near A,E01023150,Test Valley 011A,Burglary',
      ',2019-03,,,On or near A,,,Burglary',
    ].join('\n');
    const { table } = parse(['names.csv', text]);
    expect(table.lsoas).toEqual(['E01023150', 'E01022512', '']);
    expect(table.lsoaNames).toEqual(['Test Valley 011A', 'Southampton 032C', '']);
  });
});

describe('CrimeTableBuilder: whole files', () => {
  it('refuses an empty file, naming it', () => {
    for (const text of ['', '\n\n', '\uFEFF']) {
      const error = thrown(() => parse(['empty.csv', text]));
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).file).toBe('empty.csv');
      expect((error as InputError).message).toMatch(/^empty\.csv: .*empty/);
    }
  });

  it('reads a header-only file as 0 rows', () => {
    const { table, builder } = parse(['header.csv', HEADER + '\n'], ['header-no-newline.csv', HEADER]);
    expect(table.length).toBe(0);
    expect(builder.counts.read).toBe(0);
    expect(builder.problems.total).toBe(0);
  });

  it('refuses a file whose header lacks police.uk columns, naming the file and the columns', () => {
    const text = 'code,name,population\nE05004628,Abbey,4839\n';
    const error = thrown(() => parse(['data/population.csv', text]));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).file).toBe('data/population.csv');
    expect((error as InputError).message).toContain('data/population.csv');
    expect((error as InputError).message).toContain('"Crime ID"');
    expect((error as InputError).message).toContain('"Crime type"');
  });

  it('refuses a header missing only one required column', () => {
    const error = thrown(() => parse(['x.csv', HEADER.replace('Latitude', 'Lat') + '\n' + row()]));
    expect((error as InputError).problem).toContain('"Latitude"');
    expect((error as InputError).problem).not.toContain('"Longitude"');
  });
});

describe('CrimeTableBuilder: locations', () => {
  it('counts a row with empty coordinates as without location, keeping it with NaN', () => {
    const { table, builder } = parse(['a.csv', csv(row({ lon: '', lat: '' }), row({ lon: ' ', lat: ' ' }), row())]);
    expect(table.length).toBe(3);
    expect(Number.isNaN(table.lon[0]) && Number.isNaN(table.lat[0])).toBe(true);
    expect(Number.isNaN(table.lon[1])).toBe(true);
    expect(table.lon[2]).toBe(0.5);
    expect(builder.counts).toEqual({ read: 3, rejected: 0, duplicates: 0, noLocation: 2, outsidePeriod: 0 });
  });

  it('rejects non-numeric coordinates, with file and line', () => {
    const { table, builder } = parse(['2019-01.csv', csv(row(), row({ lon: 'abc' }), row({ lat: '51.2N' }), row({ lon: '-1.3', lat: '' }))]);
    expect(table.length).toBe(1);
    expect(builder.counts).toMatchObject({ read: 4, rejected: 3 });
    expect(builder.problems.counts.get('invalid-coordinates')).toBe(3);
    expect(builder.problems.examples.map((p) => [p.file, p.line, p.reason])).toEqual([
      ['2019-01.csv', 3, 'invalid-coordinates'],
      ['2019-01.csv', 4, 'invalid-coordinates'],
      ['2019-01.csv', 5, 'invalid-coordinates'],
    ]);
    expect(describeProblem(builder.problems.examples[0])).toBe(
      '2019-01.csv, line 3: longitude or latitude is not a number (Longitude "abc", Latitude "0.5")',
    );
  });

  it('rejects coordinates out of range', () => {
    const { table, builder } = parse([
      'bng.csv',
      csv(row({ lon: '439000', lat: '140000' }), row({ lon: '-1.4', lat: '91' }), row({ lon: '-180.5', lat: '51' }), row({ lon: '180', lat: '-90' })),
    ]);
    expect(table.length).toBe(1); // (180, -90) is on the limit, so allowed
    expect(builder.problems.counts.get('coordinates-out-of-range')).toBe(3);
    expect(builder.problems.examples.map((p) => p.line)).toEqual([2, 3, 4]);
  });
});

describe('CrimeTableBuilder: malformed rows', () => {
  it('rejects a row with too few or too many fields', () => {
    const short = row().split(',').slice(0, 9).join(',');
    const { table, builder } = parse(['a.csv', csv(short, row(), row() + ',extra')]);
    expect(table.length).toBe(1);
    expect(builder.problems.counts.get('wrong-field-count')).toBe(2);
    expect(builder.problems.examples[0]).toMatchObject({ file: 'a.csv', line: 2, detail: 'expected 12 fields, found 9' });
    expect(builder.problems.examples[1]).toMatchObject({ line: 4, detail: 'expected 12 fields, found 13' });
  });

  it('rejects an invalid month', () => {
    const { table, builder } = parse(['a.csv', csv(row({ month: '2019-13' }), row({ month: '01/2019' }), row({ month: '' }), row({ month: '2019-12' }))]);
    expect(table.length).toBe(1);
    expect(builder.problems.counts.get('invalid-month')).toBe(3);
    expect(builder.problems.examples.map((p) => p.detail)).toEqual(['Month "2019-13"', 'Month "01/2019"', 'Month ""']);
  });

  it('rejects a row without a crime type', () => {
    const { builder } = parse(['a.csv', csv(row({ category: ' ' }))]);
    expect(builder.counts).toMatchObject({ read: 1, rejected: 1 });
    expect(builder.problems.counts.get('missing-category')).toBe(1);
  });

  it('keeps only the first 5 examples per reason but counts them all', () => {
    const rows = Array.from({ length: 8 }, () => row({ lon: 'x' }));
    const { builder } = parse(['a.csv', csv(...rows)]);
    expect(builder.problems.total).toBe(8);
    expect(builder.problems.examples.map((p) => p.line)).toEqual([2, 3, 4, 5, 6]);
  });

  it('names the true file line of a bad row that follows a blank line', () => {
    // Line 1 header, line 2 a good row, line 3 blank, line 4 the bad row.
    const text = [HEADER, row(), '', row({ lon: 'abc' })].join('\n') + '\n';
    const { builder } = parse(['gap.csv', text]);
    expect(builder.problems.examples).toHaveLength(1);
    expect(builder.problems.examples[0].line).toBe(4);
  });
});

describe('CrimeTableBuilder: duplicate Crime IDs', () => {
  const id = (n: number) => n.toString(16).padStart(64, 'a');

  it('drops a Crime ID seen in an earlier file once, and counts it', () => {
    const { table, builder } = parse(
      ['2019-08.csv', csv(row({ id: id(1), month: '2019-08' }), row({ id: id(2), month: '2019-08' }))],
      ['2019-08-again.csv', csv(row({ id: id(2), month: '2019-08', category: 'Drugs' }), row({ id: id(3), month: '2019-08' }))],
    );
    expect(table.length).toBe(3);
    expect(builder.counts).toEqual({ read: 4, rejected: 0, duplicates: 1, noLocation: 0, outsidePeriod: 0 });
    // The first copy is the one kept.
    expect(Array.from(table.category, (c) => table.categories[c])).toEqual(['Burglary', 'Burglary', 'Burglary']);
    expect(Array.from(table.file)).toEqual([0, 0, 1]);
  });

  it('drops every later copy, also within one file', () => {
    const { table, builder } = parse(['a.csv', csv(row({ id: id(7) }), row({ id: id(7) }), row({ id: id(7) }))]);
    expect(table.length).toBe(1);
    expect(builder.counts.duplicates).toBe(2);
  });

  it('never counts empty Crime IDs (anti-social behaviour, older files) as duplicates', () => {
    const { table, builder } = parse(
      ['a.csv', csv(row({ id: '' }), row({ id: '', category: 'Anti-social behaviour' }))],
      ['b.csv', csv(row({ id: '' }), row({ id: '  ' }))],
    );
    expect(table.length).toBe(4);
    expect(builder.counts.duplicates).toBe(0);
  });
});

describe('CrimeTableBuilder: month window (--from/--to)', () => {
  const rows = ['2019-01', '2019-02', '2019-03', '2019-04'].map((month) => row({ month }));

  it('keeps only months within the window and counts the rest apart from read', () => {
    const builder = new CrimeTableBuilder({ from: parseMonth('2019-02')!, to: parseMonth('2019-03')! });
    builder.addFile('a.csv', csv(...rows));
    const table = builder.build();
    expect(Array.from(table.month)).toEqual([parseMonth('2019-02'), parseMonth('2019-03')]);
    expect(builder.counts).toEqual({ read: 2, rejected: 0, duplicates: 0, noLocation: 0, outsidePeriod: 2 });
  });

  it('takes an open-ended window', () => {
    const from = new CrimeTableBuilder({ from: parseMonth('2019-03')! });
    from.addFile('a.csv', csv(...rows));
    expect(from.build().length).toBe(2);
    const to = new CrimeTableBuilder({ to: parseMonth('2019-01')! });
    to.addFile('a.csv', csv(...rows));
    expect(to.build().length).toBe(1);
    expect(to.counts.outsidePeriod).toBe(3);
  });
});
