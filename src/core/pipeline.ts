import { parseBoundaries, type BoundaryOptions, type WardSet } from './boundaries.ts';
import { buildCube, type Cube } from './cube.ts';
import { assignByLsoa, bestFitLsoaWards, type LsoaWardLookup } from './lsoaWardLookup.ts';
import { CrimeTableBuilder, type CrimeTable, type MonthWindow } from './policeUkCsv.ts';
import { parsePopulation } from './population.ts';
import { RowBlocks } from './rowBlocks.ts';
import { InputError, type ProblemLog } from './problems.ts';
import { assignToWards, WardLocator } from './spatialJoin.ts';

/** A file the pipeline reads when it gets to it (or a little before), so large inputs are not all held at once. */
export interface SourceFile {
  name: string;
  read: () => Promise<string>;
  /** Size in bytes, when known: progress is then shown in bytes. */
  size?: number;
  /**
   * The text in pieces, for a crime file too large to hold as one string (a browser's
   * string limit is about 512 MB): each piece with the bytes it came from.
   */
  pieces?: () => AsyncIterable<{ text: string; bytes: number }>;
}

export interface PipelineInput {
  boundaries: SourceFile;
  boundaryOptions?: BoundaryOptions;
  population?: SourceFile;
  crimeFiles: SourceFile[];
  window?: MonthWindow;
  /** LSOA boundaries, for the second assignment of crimes: by the LSOA code on each row. */
  lsoas?: { file: SourceFile; options?: BoundaryOptions };
  /** Stops the load between pieces of crime files: runPipeline then throws LoadCancelled. */
  signal?: { readonly aborted: boolean };
}

/** The load was cancelled by the user. */
export class LoadCancelled extends Error {
  constructor() {
    super('The load was cancelled.');
  }
}

export type PipelineStage = 'boundaries' | 'parse' | 'join' | 'aggregate';

export interface Progress {
  stage: PipelineStage;
  done: number;
  total: number;
  /** The file being read, during parsing. */
  file?: string;
  /** During parsing: bytes read of all crime files (when their sizes are known), and rows read so far. */
  bytes?: { done: number; total: number };
  rows?: number;
}

export interface RowCounts {
  read: number;
  assigned: number;
  outside: number;
  noLocation: number;
  rejected: number;
  duplicates: number;
}

export interface Dataset {
  wards: WardSet;
  /** Resident population per ward, null where the population file has none. */
  populations: (number | null)[];
  table: CrimeTable;
  /** Ward index of each crime (or OUTSIDE / NO_LOCATION). */
  wardOfCrime: Int32Array;
  cube: Cube;
  counts: RowCounts;
  problems: ProblemLog;
  /** Crime files that could not be used at all; the rest are still loaded. */
  fileErrors: InputError[];
  /** Population rows that could not be used, and wards without a population. */
  populationProblems: string[];
  /** Crimes assigned by their LSOA's best-fit ward instead of by their point; null without LSOA boundaries. */
  byLsoa: { lsoas: WardSet; lookup: LsoaWardLookup; wardOfCrime: Int32Array; cube: Cube } | null;
  /** Milliseconds: loading the boundaries (and population), parsing (including waiting for files), joining, aggregating. */
  timings: { boundaries: number; parse: number; join: number; aggregate: number };
}

/**
 * Boundaries + population + police.uk files → crime table, ward assignment and cube.
 * Throws InputError when the boundaries or population file is unusable; a crime file
 * that is unusable is recorded in fileErrors and the others are still loaded.
 */
export async function runPipeline(input: PipelineInput, onProgress: (progress: Progress) => void = () => {}): Promise<Dataset> {
  const started = performance.now();
  onProgress({ stage: 'boundaries', done: 0, total: 1 });
  // Every read starts now, so the first crime files arrive while the boundaries are parsed.
  const boundaryText = settle(input.boundaries.read());
  const populationText = input.population ? settle(input.population.read()) : null;
  const lsoaText = input.lsoas ? settle(input.lsoas.file.read()) : null;
  const crimeTexts = new ReadAhead(input.crimeFiles);
  crimeTexts.start(0);

  const wards = parseBoundaries(input.boundaries.name, unwrap(await boundaryText), input.boundaryOptions);
  const populationProblems: string[] = [];
  let populations: (number | null)[] = wards.ids.map(() => null);
  if (input.population && populationText) {
    const table = parsePopulation(input.population.name, unwrap(await populationText));
    populationProblems.push(...table.problems);
    populations = wards.ids.map((id) => table.byCode.get(id) ?? null);
    const missing = wards.ids.filter((_, i) => populations[i] === null);
    if (missing.length > 0) {
      populationProblems.push(`${input.population.name}: no population for ${missing.length} of ${wards.ids.length} areas (${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', ...' : ''})`);
    }
  }
  const loaded = performance.now();

  const builder = new CrimeTableBuilder(input.window);
  const totalBytes = input.crimeFiles.every((file) => file.size !== undefined) ? input.crimeFiles.reduce((sum, file) => sum + file.size!, 0) : null;
  const fileErrors = await parseCrimeFiles(builder, crimeTexts, input.signal, (done, file, bytes) =>
    onProgress({ stage: 'parse', done, total: input.crimeFiles.length, file, rows: builder.counts.read, ...(totalBytes === null ? {} : { bytes: { done: bytes, total: totalBytes } }) }),
  );
  const table = builder.build();
  const parsed = performance.now();

  onProgress({ stage: 'join', done: 0, total: table.length });
  const locator = new WardLocator(wards);
  const { ward, counts: joinCounts } = assignToWards(table, locator, (done) => onProgress({ stage: 'join', done, total: table.length }));
  const joined = performance.now();

  onProgress({ stage: 'aggregate', done: 0, total: 1 });
  const cube = buildCube(table, ward, wards.ids.length);
  let byLsoa: Dataset['byLsoa'] = null;
  if (input.lsoas && lsoaText) {
    const lsoas = parseBoundaries(input.lsoas.file.name, unwrap(await lsoaText), input.lsoas.options);
    const lookup = bestFitLsoaWards(lsoas, wards);
    const wardByLsoa = assignByLsoa(table, lookup);
    byLsoa = { lsoas, lookup, wardOfCrime: wardByLsoa, cube: buildCube(table, wardByLsoa, wards.ids.length) };
  }
  const aggregated = performance.now();

  const { read, rejected, duplicates } = builder.counts;
  return {
    wards,
    populations,
    table,
    wardOfCrime: ward,
    cube,
    counts: { read, assigned: joinCounts.assigned, outside: joinCounts.outside, noLocation: joinCounts.noLocation, rejected, duplicates },
    problems: builder.problems,
    fileErrors,
    populationProblems,
    byLsoa,
    timings: { boundaries: loaded - started, parse: parsed - loaded, join: joined - parsed, aggregate: aggregated - joined },
  };
}

/** Files read ahead of the one being parsed: reading overlaps parsing, and few files are held at once. */
const READ_AHEAD = 1;

/** Adds each file to the builder in order; returns the files that could not be used. */
async function parseCrimeFiles(
  builder: CrimeTableBuilder,
  reads: ReadAhead,
  signal: PipelineInput['signal'],
  onProgress: (done: number, file: string, bytes: number) => void,
): Promise<InputError[]> {
  const fileErrors: InputError[] = [];
  let bytes = 0;
  for (let i = 0; i < reads.files.length; i++) {
    const file = reads.files[i];
    if (signal?.aborted) throw new LoadCancelled();
    onProgress(i, file.name, bytes);
    try {
      if (file.pieces) {
        bytes = await addInPieces(builder, file, signal, (fileBytes) => onProgress(i, file.name, bytes + fileBytes));
      } else {
        builder.addFile(file.name, unwrap(await reads.take(i)));
        bytes += file.size ?? 0;
      }
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      fileErrors.push(error);
      bytes += file.size ?? 0;
    }
  }
  return fileErrors;
}

/** Reads a file piece by piece, in blocks of whole rows; returns the bytes read. */
async function addInPieces(builder: CrimeTableBuilder, file: SourceFile, signal: PipelineInput['signal'], onBytes: (bytes: number) => void): Promise<number> {
  const blocks = new RowBlocks();
  const progress = builder.beginFile(file.name);
  let bytes = 0;
  for await (const piece of file.pieces!()) {
    if (signal?.aborted) throw new LoadCancelled();
    builder.addRows(progress, blocks.push(piece.text));
    bytes += piece.bytes;
    onBytes(bytes);
  }
  builder.addRows(progress, blocks.finish());
  builder.endFile(progress);
  return bytes;
}

/** A read that never rejects, so a failure waiting its turn is not an unhandled rejection. */
type Settled = { ok: true; text: string } | { ok: false; error: unknown };

function settle(read: Promise<string>): Promise<Settled> {
  return read.then(
    (text) => ({ ok: true, text }),
    (error: unknown) => ({ ok: false, error }),
  );
}

function unwrap(read: Settled): string {
  if (read.ok) return read.text;
  throw read.error;
}

/** Starts reading the next few files while one is being parsed. */
class ReadAhead {
  private readonly reads = new Map<number, Promise<Settled>>();

  constructor(readonly files: SourceFile[]) {}

  start(index: number): void {
    for (let i = index; i <= index + READ_AHEAD && i < this.files.length; i++) {
      // A file read in pieces is never read whole.
      if (!this.reads.has(i) && !this.files[i].pieces) this.reads.set(i, settle(this.files[i].read()));
    }
  }

  /** The text of file `index` (starting the reads after it); each file is taken once. */
  take(index: number): Promise<Settled> {
    this.start(index);
    const read = this.reads.get(index)!;
    this.reads.delete(index);
    return read;
  }
}
