import { parseBoundaries, type BoundaryOptions, type WardSet } from './boundaries.ts';
import { buildCube, type Cube } from './cube.ts';
import { CrimeTableBuilder, type CrimeTable, type MonthWindow } from './policeUkCsv.ts';
import { parsePopulation } from './population.ts';
import { InputError, type ProblemLog } from './problems.ts';
import { assignToWards, WardLocator } from './spatialJoin.ts';

/** A file the pipeline reads when it gets to it, so large inputs are not all held at once. */
export interface SourceFile {
  name: string;
  read: () => Promise<string>;
}

export interface PipelineInput {
  boundaries: SourceFile;
  boundaryOptions?: BoundaryOptions;
  population?: SourceFile;
  crimeFiles: SourceFile[];
  window?: MonthWindow;
}

export type PipelineStage = 'boundaries' | 'parse' | 'join' | 'aggregate';

export interface Progress {
  stage: PipelineStage;
  done: number;
  total: number;
  /** The file being read, during parsing. */
  file?: string;
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
  timings: { parse: number; join: number; aggregate: number };
}

/**
 * Boundaries + population + police.uk files → crime table, ward assignment and cube.
 * Throws InputError when the boundaries or population file is unusable; a crime file
 * that is unusable is recorded in fileErrors and the others are still loaded.
 */
export async function runPipeline(input: PipelineInput, onProgress: (progress: Progress) => void = () => {}): Promise<Dataset> {
  onProgress({ stage: 'boundaries', done: 0, total: 1 });
  const wards = parseBoundaries(input.boundaries.name, await input.boundaries.read(), input.boundaryOptions);
  const populationProblems: string[] = [];
  let populations: (number | null)[] = wards.ids.map(() => null);
  if (input.population) {
    const table = parsePopulation(input.population.name, await input.population.read());
    populationProblems.push(...table.problems);
    populations = wards.ids.map((id) => table.byCode.get(id) ?? null);
    const missing = wards.ids.filter((_, i) => populations[i] === null);
    if (missing.length > 0) {
      populationProblems.push(`${input.population.name}: no population for ${missing.length} of ${wards.ids.length} areas (${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', ...' : ''})`);
    }
  }

  const started = performance.now();
  const builder = new CrimeTableBuilder(input.window);
  const fileErrors: InputError[] = [];
  for (const [i, file] of input.crimeFiles.entries()) {
    onProgress({ stage: 'parse', done: i, total: input.crimeFiles.length, file: file.name });
    try {
      builder.addFile(file.name, await file.read());
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      fileErrors.push(error);
    }
  }
  const table = builder.build();
  const parsed = performance.now();

  onProgress({ stage: 'join', done: 0, total: table.length });
  const locator = new WardLocator(wards);
  const { ward, counts: joinCounts } = assignToWards(table, locator, (done) => onProgress({ stage: 'join', done, total: table.length }));
  const joined = performance.now();

  onProgress({ stage: 'aggregate', done: 0, total: 1 });
  const cube = buildCube(table, ward, wards.ids.length);
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
    timings: { parse: parsed - started, join: joined - parsed, aggregate: aggregated - joined },
  };
}
