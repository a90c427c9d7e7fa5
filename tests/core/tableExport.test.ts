import { describe, expect, it } from 'vitest';
import { toCsv, toTsv, type PlainTable } from '../../src/core/tableExport.ts';

const table: PlainTable = {
  caption: 'Test',
  header: ['Ward', 'Count', 'Note'],
  rows: [
    ["St Mary's", 1552, null],
    ['Chilworth, Nursling and Rownhams', 507, 'said "high"'],
    ['=HYPERLINK("x")', -3, 'line\nbreak'],
  ],
  notes: [],
  caveats: [],
};

describe('table export', () => {
  it('puts the notes and then the caveats under the table after an empty line', () => {
    const noted = { ...table, rows: [table.rows[0]], notes: ['police.uk data to 2019-10.'], caveats: ['Officer view, not for publication'] };
    expect(toCsv(noted)).toBe("Ward,Count,Note\r\nSt Mary's,1552,\r\n\r\npolice.uk data to 2019-10.\r\n\"Officer view, not for publication\"\r\n");
    expect(toTsv(noted).split('\n').slice(-3)).toEqual(['police.uk data to 2019-10.', 'Officer view, not for publication', '']);
  });

  it('writes RFC 4180 CSV, quoting commas, quotes and line breaks, and defusing formulas', () => {
    expect(toCsv(table)).toBe(
      'Ward,Count,Note\r\n' +
        "St Mary's,1552,\r\n" +
        '"Chilworth, Nursling and Rownhams",507,"said ""high"""\r\n' +
        '"\'=HYPERLINK(""x"")",-3,"line\nbreak"\r\n',
    );
  });

  it('writes tab-separated text with one line per row', () => {
    expect(toTsv(table).split('\n')).toEqual(['Ward\tCount\tNote', "St Mary's\t1552\t", 'Chilworth, Nursling and Rownhams\t507\tsaid "high"', '=HYPERLINK("x")\t-3\tline break', '']);
  });
});
