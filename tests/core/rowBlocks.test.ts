import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CrimeTableBuilder } from '../../src/core/policeUkCsv.ts';
import { RowBlocks } from '../../src/core/rowBlocks.ts';
import { seededRandom } from '../../src/core/statistics/seededRandom.ts';
import { csv, HEADER, PROJECT_ROOT, row } from './support/fixtures.ts';

/** Everything a builder holds after reading a file: the table, the counts and the problems. */
function read(add: (builder: CrimeTableBuilder) => void) {
  const builder = new CrimeTableBuilder();
  add(builder);
  return { table: builder.build(), counts: builder.counts, problems: builder.problems.examples };
}

/** Reads text in pieces of random sizes through RowBlocks, as the browser reads a large file. */
function inPieces(builder: CrimeTableBuilder, name: string, text: string, seed: number, maxPiece: number): void {
  const next = seededRandom(seed);
  const blocks = new RowBlocks();
  const file = builder.beginFile(name);
  for (let at = 0; at < text.length; ) {
    const size = 1 + Math.floor(next() * maxPiece);
    builder.addRows(file, blocks.push(text.slice(at, at + size)));
    at += size;
  }
  builder.addRows(file, blocks.finish());
  builder.endFile(file);
}

const multiline = [
  HEADER,
  row({ id: 'a', location: 'On or near "The Square", Andover' }),
  row({ id: 'b', location: 'Two\nlines' }),
  row({ id: 'c', lon: 'x' }),
  '',
  row({ id: 'd', location: 'Three\r\nlines, "quoted"\nhere' }),
  row({ id: 'e', category: '' }),
  row({ id: 'a' }),
].join('\r\n');

const fixtures: [string, string][] = [
  ['quoted fields with line breaks, CRLF, a blank line and bad rows', multiline],
  ['a byte order mark and no final line break', '\uFEFF' + csv(row({ id: 'x' }), row({ id: 'y', month: '2019-13' })).trimEnd()],
  ['a real police.uk month', readFileSync(resolve(PROJECT_ROOT, 'data/police-uk/2019-09-hampshire-street.csv'), 'utf8')],
];

describe('RowBlocks: a file read in pieces gives the same table as read whole', () => {
  it.each(fixtures)('%s', (_, text) => {
    const whole = read((builder) => builder.addFile('f.csv', text));
    expect(whole.counts.read).toBeGreaterThan(1);
    for (const [seed, maxPiece] of [[1, 3], [2, 17], [3, 200], [4, 5000]]) {
      expect(read((builder) => inPieces(builder, 'f.csv', text, seed, maxPiece)), `pieces up to ${maxPiece}`).toEqual(whole);
    }
  });

  it('names the true line of a bad row in a later block', () => {
    const { problems } = read((builder) => inPieces(builder, 'f.csv', multiline, 7, 10));
    expect(problems.map((p) => [p.line, p.reason])).toEqual([
      [5, 'invalid-coordinates'],
      [10, 'missing-category'],
    ]);
  });

  it('cuts only at line breaks outside quotes', () => {
    const blocks = new RowBlocks();
    expect(blocks.push('a,"b\nc",d\ne,f')).toBe('a,"b\nc",d\n');
    expect(blocks.push('\n"g\n')).toBe('e,f\n');
    expect(blocks.push('h"\n')).toBe('"g\nh"\n');
    expect(blocks.finish()).toBe('');
  });

  it('still refuses an empty file read in pieces', () => {
    expect(() => read((builder) => inPieces(builder, 'empty.csv', '\n\n', 1, 1))).toThrow('empty.csv: the file is empty (no header row)');
  });
});
