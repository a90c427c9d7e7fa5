import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CrimeTableBuilder } from '../../src/core/policeUkCsv.ts';
import { InputError } from '../../src/core/problems.ts';
import { blobSource, crimeSources, zipSources } from '../../src/worker/userFiles.ts';
import { csv, row } from '../core/support/fixtures.ts';

const encode = (text: string) => new TextEncoder().encode(text);

/** A zip like police.uk's custom download: a folder per month, plus the clutter macOS adds. */
function customDownload(): File {
  const zip = zipSync({
    '2019-09': { '2019-09-hampshire-street.csv': encode(csv(row({ id: 'a', month: '2019-09' }), row({ id: 'b', month: '2019-09' }))) },
    '2019-08': { 'nested': { '2019-08-hampshire-street.csv': encode(csv(row({ id: 'c', month: '2019-08' }))) } },
    'README.txt': encode('not a csv'),
    '__MACOSX': { '2019-09': { '._2019-09-hampshire-street.csv': encode('junk') } },
  });
  return new File([zip], 'download.zip');
}

async function text(source: { pieces?: () => AsyncIterable<{ text: string }> }): Promise<string> {
  let all = '';
  for await (const piece of source.pieces!()) all += piece.text;
  return all;
}

describe('the user\'s files in the worker', () => {
  it('opens a police.uk custom-download zip: every CSV at any depth, in path order, resource forks skipped', async () => {
    const sources = await zipSources(customDownload());
    expect(sources.map((s) => s.name)).toEqual(['download.zip/2019-08/nested/2019-08-hampshire-street.csv', 'download.zip/2019-09/2019-09-hampshire-street.csv']);
    const builder = new CrimeTableBuilder();
    for (const source of sources) builder.addFile(source.name, await text(source));
    expect(builder.counts.read).toBe(3);
  });

  it('refuses a file that is not a zip, and a zip without CSVs, naming the file', async () => {
    await expect(zipSources(new File(['plain text'], 'bad.zip'))).rejects.toThrow(InputError);
    await expect(zipSources(new File(['plain text'], 'bad.zip'))).rejects.toThrow(/^bad\.zip: not a zip archive/);
    await expect(zipSources(new File([zipSync({ 'a.txt': encode('x') })], 'empty.zip'))).rejects.toThrow('empty.zip: the zip archive holds no CSV files');
  });

  it('reads a large file in pieces without splitting a character between them, a small one whole', async () => {
    const content = `${'é'.repeat(5_000_000)}\n`;
    const source = blobSource(new Blob([content]), 'accents.csv', 1_000_000);
    expect(source.size).toBe(10_000_001);
    const whole = await text(source);
    expect(whole.length).toBe(content.length);
    expect(whole === content).toBe(true);
    const small = blobSource(new Blob([content]), 'accents.csv');
    expect(small.pieces).toBeUndefined();
    expect((await small.read()) === content).toBe(true);
  });

  it('takes CSVs as they are and opens zips among them', async () => {
    const sources = await crimeSources([new File([csv(row())], 'one.csv'), customDownload()]);
    expect(sources.map((s) => s.name)).toEqual(['one.csv', 'download.zip/2019-08/nested/2019-08-hampshire-street.csv', 'download.zip/2019-09/2019-09-hampshire-street.csv']);
  });
});
