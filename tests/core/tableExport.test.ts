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
};

describe('table export', () => {
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
