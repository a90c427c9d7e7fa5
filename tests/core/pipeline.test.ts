/** runPipeline on small hand-made inputs: every row accounted for, whatever goes wrong with it. */
import { describe, expect, it } from 'vitest';
import { categoryMask } from '../../src/core/categories.ts';
import { noLocationRow, outsideRow, sumByRow } from '../../src/core/cube.ts';
import { parseMonth } from '../../src/core/months.ts';
import { LoadCancelled, runPipeline, type PipelineInput, type Progress, type SourceFile } from '../../src/core/pipeline.ts';
import { InputError } from '../../src/core/problems.ts';
import { code, csv, featureCollection, HEADER, memoryFile, row, square } from './support/fixtures.ts';

const BOUNDARIES = memoryFile(
  'wards.geojson',
  featureCollection([
    { code: code(1), name: 'West', geometry: { type: 'Polygon', coordinates: [square(0, 0, 1, 1)] } },
    { code: code(2), name: 'East', geometry: { type: 'Polygon', coordinates: [square(1, 0, 2, 1)] } },
  ]),
);
const id = (n: number) => `id-${n}`;

/** January: 7 rows, of which 1 rejected; February: 5 rows, of which 1 duplicate of January. */
const JANUARY = csv(
  row({ id: id(1), month: '2019-01', lon: 0.5, lat: 0.5 }), // West
  row({ id: id(2), month: '2019-01', lon: 1, lat: 0.5 }), // shared edge: West, the first listed
  row({ id: id(3), month: '2019-01', lon: 1.5, lat: 0.5, category: 'Drugs' }), // East
  row({ id: '', month: '2019-01', lon: 5, lat: 5, category: 'Anti-social behaviour' }), // outside
  row({ id: '', month: '2019-01', lon: '', lat: '' }), // no location
  row({ id: id(4), month: '2019-01', lon: 'north', lat: 0.5 }), // rejected
  row({ id: '', month: '2019-01', lon: 1.5, lat: 0.75, category: 'Anti-social behaviour' }), // East
);
const FEBRUARY = csv(
  row({ id: id(3), month: '2019-01', lon: 1.5, lat: 0.5, category: 'Drugs' }), // duplicate of January's id-3
  row({ id: id(5), month: '2019-02', lon: 0.25, lat: 0.25 }),
  row({ id: '', month: '2019-02', lon: 0.25, lat: 0.75, category: 'Anti-social behaviour' }),
  row({ id: id(6), month: '2019-02', lon: 1.75, lat: 0.25 }),
  row({ id: id(7), month: '2019-99', lon: 1.75, lat: 0.25 }), // rejected
);

function input(overrides: Partial<PipelineInput> = {}): PipelineInput {
  return {
    boundaries: BOUNDARIES,
    crimeFiles: [memoryFile('2019-01.csv', JANUARY), memoryFile('2019-02.csv', FEBRUARY)],
    ...overrides,
  };
}

describe('runPipeline on hand-made files', () => {
  it('accounts for every row read: assigned + outside + no location + rejected + duplicates', async () => {
    const dataset = await runPipeline(input());
    expect(dataset.counts).toEqual({ read: 12, assigned: 7, outside: 1, noLocation: 1, rejected: 2, duplicates: 1 });
    const { read, assigned, outside, noLocation, rejected, duplicates } = dataset.counts;
    expect(assigned + outside + noLocation + rejected + duplicates).toBe(read);
    expect(dataset.problems.examples.map((p) => `${p.file}:${p.line}:${p.reason}`)).toEqual([
      '2019-01.csv:7:invalid-coordinates',
      '2019-02.csv:6:invalid-month',
    ]);
  });

  it('builds a cube whose rows are the wards, then outside, then no location', async () => {
    const { cube } = await runPipeline(input());
    const all = cube.categories.map(() => true);
    const jan = parseMonth('2019-01')!;
    const feb = parseMonth('2019-02')!;
    expect(Array.from(sumByRow(cube, jan, jan, all))).toEqual([2, 2, 1, 1]);
    expect(Array.from(sumByRow(cube, feb, feb, all))).toEqual([2, 1, 0, 0]);
    expect([outsideRow(cube), noLocationRow(cube)]).toEqual([2, 3]);
    expect(cube.categories).toEqual(['Anti-social behaviour', 'Burglary', 'Drugs']);
    const asb = categoryMask({ kind: 'asb' }, cube.categories);
    expect(Array.from(sumByRow(cube, jan, feb, asb))).toEqual([1, 1, 1, 0]);
  });

  it('joins populations by ward code and reports wards without one', async () => {
    const population = memoryFile('pop.csv', `code,name,population\n${code(1)},West,"1,200"\n`);
    const dataset = await runPipeline(input({ population }));
    expect(dataset.populations).toEqual([1200, null]);
    expect(dataset.populationProblems).toEqual([`pop.csv: no population for 1 of 2 areas (${code(2)})`]);
  });

  it('records an unusable crime file and loads the others', async () => {
    const dataset = await runPipeline(
      input({
        crimeFiles: [
          memoryFile('empty.csv', ''),
          memoryFile('2019-01.csv', JANUARY),
          memoryFile('population.csv', 'code,population\nE05000001,10\n'),
        ],
      }),
    );
    expect(dataset.fileErrors.map((e) => e.file)).toEqual(['empty.csv', 'population.csv']);
    expect(dataset.fileErrors.every((e) => e instanceof InputError)).toBe(true);
    expect(dataset.counts.read).toBe(7);
    expect(dataset.table.length).toBe(6);
  });

  it('throws an InputError naming the boundary file when it is unusable', async () => {
    await expect(runPipeline(input({ boundaries: memoryFile('bad.geojson', '{"type":"Feature"}') }))).rejects.toThrow(/^bad\.geojson: not a GeoJSON FeatureCollection/);
  });

  it('applies a month window (--from/--to) before counting', async () => {
    const feb = parseMonth('2019-02')!;
    const dataset = await runPipeline(input({ window: { from: feb, to: feb } }));
    // January's 6 valid rows and February's copy of id-3 (a January crime) are outside the window;
    // January's bad-coordinate row is also skipped, as its month is outside the window.
    expect(dataset.counts).toEqual({ read: 4, assigned: 3, outside: 0, noLocation: 0, rejected: 1, duplicates: 0 });
    expect(dataset.cube.firstMonth).toBe(feb);
    expect(dataset.cube.monthCount).toBe(1);
  });

  it('reports progress through each stage in order', async () => {
    const stages: Progress['stage'][] = [];
    await runPipeline(input(), (p) => {
      if (stages[stages.length - 1] !== p.stage) stages.push(p.stage);
    });
    expect(stages).toEqual(['boundaries', 'parse', 'join', 'aggregate']);
  });

  it('reads files in pieces, never whole, with the same result and progress in bytes and rows', async () => {
    const piecesOf = (name: string, text: string): SourceFile => ({
      name,
      size: text.length,
      read: () => Promise.reject(new Error('read whole')),
      pieces: async function* () {
        for (let at = 0; at < text.length; at += 50) yield { text: text.slice(at, at + 50), bytes: Math.min(50, text.length - at) };
      },
    });
    const whole = await runPipeline(input());
    const progress: Progress[] = [];
    const pieces = await runPipeline(input({ crimeFiles: [piecesOf('2019-01.csv', JANUARY), piecesOf('2019-02.csv', FEBRUARY)] }), (p) => progress.push(p));
    expect(pieces.counts).toEqual(whole.counts);
    expect(pieces.cube.counts).toEqual(whole.cube.counts);
    const parsing = progress.filter((p) => p.stage === 'parse');
    expect(parsing.at(-1)?.bytes).toEqual({ done: JANUARY.length + FEBRUARY.length, total: JANUARY.length + FEBRUARY.length });
    expect(parsing.at(-1)?.rows).toBe(whole.counts.read);
    expect(parsing.length).toBeGreaterThan(10);
  });

  it('stops between pieces when the load is cancelled', async () => {
    const signal = { aborted: false };
    const file: SourceFile = {
      name: 'big.csv',
      read: () => Promise.reject(new Error('read whole')),
      pieces: async function* () {
        yield { text: `${HEADER}\n`, bytes: HEADER.length + 1 };
        signal.aborted = true;
        yield { text: row(), bytes: 10 };
      },
    };
    await expect(runPipeline(input({ crimeFiles: [file], signal }))).rejects.toBeInstanceOf(LoadCancelled);
  });

  it('builds an empty dataset from header-only files', async () => {
    const dataset = await runPipeline(input({ crimeFiles: [memoryFile('h.csv', HEADER)] }));
    expect(dataset.counts).toEqual({ read: 0, assigned: 0, outside: 0, noLocation: 0, rejected: 0, duplicates: 0 });
    expect(Array.from(dataset.cube.counts).every((c) => c === 0)).toBe(true);
    expect(dataset.cube.monthsWithData.some(Boolean)).toBe(false);
  });
});
