import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readZipDirectory, zipEntryBytes, zipEntryChunks, type ReadBytes } from '../../src/core/zipArchive.ts';

/** Reads from bytes in memory, counting what is read. */
function reader(bytes: Uint8Array): ReadBytes & { total: number } {
  const read = Object.assign(
    async (start: number, end: number) => {
      read.total += Math.min(end, bytes.length) - start;
      return bytes.slice(start, end);
    },
    { total: 0 },
  );
  return read;
}

/** Bytes that do not compress, so an entry's compressed size is its size. */
function noise(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const CSV = strToU8(['Crime ID,Month,Crime type', ...Array.from({ length: 2000 }, (_, i) => `id${i},2019-09,Burglary`)].join('\n'));

describe('readZipDirectory', () => {
  it('lists every entry at any depth, stored or deflated, from the end of the file alone', async () => {
    const zip = zipSync({
      '2019-09/2019-09-hampshire-street.csv': CSV,
      '2019-10/deeper/2019-10-hampshire-street.csv': [CSV, { level: 0 }],
      'big.bin': [noise(1_000_000), { level: 0 }],
    });
    const read = reader(zip);
    const entries = await readZipDirectory('download.zip', zip.length, read);
    expect(entries.map((e) => [e.name, e.method, e.size])).toEqual([
      ['2019-09/2019-09-hampshire-street.csv', 8, CSV.length],
      ['2019-10/deeper/2019-10-hampshire-street.csv', 0, CSV.length],
      ['big.bin', 0, 1_000_000],
    ]);
    expect(entries[0].compressedSize).toBeLessThan(CSV.length / 5);
    // The directory is read, not the megabyte before it.
    expect(read.total).toBeLessThan(70_000);
  });

  it('refuses a file that is not a zip, a damaged directory and a Zip64 archive, naming the file', async () => {
    const text = strToU8('Crime ID,Month\n');
    await expect(readZipDirectory('notes.zip', text.length, reader(text))).rejects.toThrow('notes.zip: not a zip archive (no zip directory at its end)');
    const zip = zipSync({ 'a.csv': CSV });
    const end = zip.length - 22;
    const pastEnd = zip.slice();
    new DataView(pastEnd.buffer).setUint32(end + 16, zip.length, true);
    await expect(readZipDirectory('cut.zip', zip.length, reader(pastEnd))).rejects.toThrow('cut.zip: a damaged zip archive (its directory points past the end of the file)');
    const zip64 = zip.slice();
    new DataView(zip64.buffer).setUint32(end + 16, 0xffffffff, true);
    await expect(readZipDirectory('huge.zip', zip.length, reader(zip64))).rejects.toThrow('huge.zip: a zip archive over 4 GB (Zip64) cannot be opened here: unzip it and choose its CSV files');
  });
});

describe('zipEntryChunks', () => {
  it('inflates an entry piece by piece to the bytes that went in, whatever the piece size', async () => {
    const zip = zipSync({ 'a/deflated.csv': CSV, 'b/stored.csv': [CSV, { level: 0 }] });
    const read = reader(zip);
    for (const entry of await readZipDirectory('x.zip', zip.length, read)) {
      for (const pieceBytes of [7, 1000, entry.compressedSize]) {
        const chunks: Uint8Array[] = [];
        let compressed = 0;
        for await (const { data, bytes } of zipEntryChunks('x.zip', entry, read, pieceBytes)) {
          chunks.push(data);
          compressed += bytes;
        }
        expect(compressed).toBe(entry.compressedSize);
        expect(Buffer.concat(chunks).equals(Buffer.from(CSV)), `${entry.name} in pieces of ${pieceBytes}`).toBe(true);
      }
      expect(Buffer.from(await zipEntryBytes('x.zip', entry, read)).equals(Buffer.from(CSV))).toBe(true);
    }
  });

  it('says which entry cannot be read: an unknown method, corrupt data, a misplaced header', async () => {
    const zip = zipSync({ 'a.csv': CSV });
    const [entry] = await readZipDirectory('x.zip', zip.length, reader(zip));
    const bzip2 = { ...entry, method: 12 };
    await expect(zipEntryBytes('x.zip', bzip2, reader(zip))).rejects.toThrow('x.zip: a.csv is compressed with method 12; only stored and deflated entries can be read');
    const corrupt = zip.slice();
    corrupt.fill(0xff, 40, 60);
    await expect(zipEntryBytes('x.zip', entry, reader(corrupt))).rejects.toThrow(/^x\.zip: a\.csv cannot be decompressed/);
    await expect(zipEntryBytes('x.zip', { ...entry, headerOffset: 5 }, reader(zip))).rejects.toThrow('x.zip: a damaged zip archive (a.csv is not where its directory says)');
  });
});
