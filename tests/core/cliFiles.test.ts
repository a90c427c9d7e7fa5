import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localFile } from '../../src/cli/files.ts';
import { runPipeline } from '../../src/core/pipeline.ts';
import { PROJECT_ROOT } from './support/fixtures.ts';

const fixture = (name: string) => resolve(PROJECT_ROOT, 'tests', 'fixtures', name);

describe('localFile', () => {
  // Street names with characters of two and three bytes, so pieces of 7 bytes cut through them.
  const dir = mkdtempSync(resolve(tmpdir(), 'cli-files-'));
  const csv = resolve(dir, 'crimes.csv');
  writeFileSync(
    csv,
    [
      'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context',
      ...Array.from({ length: 300 }, (_, i) => `id${i % 250},2019-01,Test,Test,${(i % 20) / 10},0.5,"On or near Café Müller — ${i % 9}",E01000001,Test 001A,Burglary,,`),
    ].join('\r\n'),
  );

  it('reads a file above the limit in pieces, with the same result as reading it whole', async () => {
    expect(localFile(csv).pieces).toBeUndefined();
    const inPieces = localFile(csv, { wholeFileLimit: 0, pieceBytes: 7 });
    expect(inPieces.pieces).toBeDefined();
    const run = (file: ReturnType<typeof localFile>) => runPipeline({ boundaries: localFile(fixture('two-wards.geojson')), crimeFiles: [file] });
    const [whole, pieces] = await Promise.all([run(localFile(csv)), run(inPieces)]);
    expect(pieces.counts).toEqual(whole.counts);
    expect(pieces.counts.duplicates).toBe(50);
    expect(pieces.table.locations).toEqual(whole.table.locations);
    expect(whole.table.locations).toContain('On or near Café Müller — 3');
    expect(Array.from(pieces.cube.counts)).toEqual(Array.from(whole.cube.counts));
  });

  it('names a file that cannot be read', async () => {
    const missing = localFile(resolve(dir, 'gone.csv'), { wholeFileLimit: -1 });
    await expect(missing.read()).rejects.toThrow(`${resolve(dir, 'gone.csv')}: cannot be read (ENOENT)`);
  });
});
