import { parseAreaConfig, resolveGroups, type AreaConfig } from '../core/areaConfig.ts';
import { lastMonth } from '../core/cube.ts';
import { crimesAtPoint, indexSnapPoints, selectCrimes } from '../core/crimeSelection.ts';
import { analyseLayer, type AnalysisData } from '../core/layerAnalysis.ts';
import { summariseLookup } from '../core/lsoaWardLookup.ts';
import { LoadCancelled, runPipeline, type Dataset, type PipelineInput, type SourceFile } from '../core/pipeline.ts';
import { describeProblem, InputError } from '../core/problems.ts';
import { wardBounds, wardFeatures, wardLabelPoint } from '../core/wardGeometry.ts';
import { categoryChanges } from '../core/dataCoverage.ts';
import { detectBreaks } from '../core/recordingBreaks.ts';
import { userAreaConfig } from '../core/userAreaConfig.ts';
import type { AnalysisRequest, CrimesAtRequest, DataQuality, LoadedArea, LoadFilesRequest, LoadRequest, WorkerMessage, WorkerRequest } from './messages.ts';
import { blobSource, boundarySource, crimeSources } from './userFiles.ts';

/*
 * Runs the whole data pipeline off the main thread: fetch the area config and its files,
 * parse, join and aggregate, then post the cube and the ward geometry. The crime table
 * itself stays here, and the crime layers (points, hexagons, hot spots) are computed here
 * on request; the main thread never sees a CSV.
 */

const scope = self as unknown as DedicatedWorkerGlobalScope;
const AREA_ID = /^[a-z0-9-]+$/;
const INDEX_FILE = 'data/areas/index.json';

/** Most crimes a point's popup lists. */
const POPUP_LIMIT = 25;

let loaded: AnalysisData | null = null;
/** What the current data was loaded from, so the user's files can be added to it. */
let current: { config: AreaConfig; input: PipelineInput } | null = null;
/** The running load's cancel flag. */
let cancel = { aborted: false };

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'load':
      void load(() => loadArea(request));
      break;
    case 'analyse':
      analyse(request);
      break;
    case 'crimes-at':
      crimesAt(request);
      break;
    case 'load-files':
      void load(() => loadFiles(request));
      break;
    case 'cancel':
      cancel.aborted = true;
      break;
  }
};

function post(message: WorkerMessage, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

async function load(run: () => Promise<LoadedArea>): Promise<void> {
  cancel = { aborted: false };
  try {
    const area = await run();
    post({ type: 'result', area }, [area.cube.counts.buffer, ...(area.byLsoa ? [area.byLsoa.cube.counts.buffer] : [])]);
  } catch (error) {
    if (error instanceof LoadCancelled) post({ type: 'cancelled' });
    else if (error instanceof InputError) post({ type: 'error', file: error.file, problem: error.problem });
    else post({ type: 'error', file: null, problem: error instanceof Error ? error.message : String(error) });
  }
}

function analyse({ id, filter, options }: AnalysisRequest): void {
  if (loaded === null) return;
  try {
    const analysis = analyseLayer(loaded, filter, options);
    const { points, cells } = analysis;
    post({ type: 'analysis', id, analysis }, [points.point.buffer, points.lon.buffer, points.lat.buffer, points.count.buffer, cells.count.buffer, cells.bin.buffer, cells.z.buffer, cells.p.buffer, cells.topCategory.buffer, cells.topCount.buffer]);
  } catch (error) {
    post({ type: 'analysis-error', id, problem: error instanceof Error ? error.message : String(error) });
  }
}

function crimesAt({ id, filter, point }: CrimesAtRequest): void {
  if (loaded === null) return;
  const { table, wardOfCrime, points } = loaded;
  const { total, crimes } = crimesAtPoint(table, points, selectCrimes(table, wardOfCrime, filter), point, POPUP_LIMIT);
  post({ type: 'crimes-at', id, point, total, crimes });
}

async function loadArea({ baseUrl, areaId }: LoadRequest): Promise<LoadedArea> {
  post({ type: 'progress', stage: 'config', done: 0, total: 1, file: INDEX_FILE });
  const id = areaId ?? (await defaultAreaId(baseUrl));
  const configFile = `data/areas/${id}.json`;
  post({ type: 'progress', stage: 'config', done: 0, total: 1, file: configFile });
  const config = parseAreaConfig(configFile, await fetchJson(baseUrl, configFile));
  const source = (path: string): SourceFile => ({ name: path, read: () => fetchText(baseUrl, path) });
  return run(id, configFile, config, {
    boundaries: source(config.boundaries.file),
    boundaryOptions: { idProperty: config.boundaries.idProperty, nameProperty: config.boundaries.nameProperty, filter: config.boundaries.filter },
    population: config.population ? source(config.population.file) : undefined,
    crimeFiles: config.crimes.files.map(source),
    lsoas: config.lsoas ? { file: source(config.lsoas.file), options: { idProperty: config.lsoas.idProperty } } : undefined,
  });
}

/** The user's files, replacing or added to the current data (see LoadFilesRequest). */
async function loadFiles(request: LoadFilesRequest): Promise<LoadedArea> {
  if (current === null && request.boundaries === null) throw new Error('Choose a boundary file (GeoJSON) for the areas to map.');
  const crimes = await crimeSources(request.crimes);
  const base = current?.input;
  const newAreas = request.boundaries !== null;
  const input: PipelineInput = {
    boundaries: request.boundaries ? boundarySource(request.boundaries.file) : base!.boundaries,
    boundaryOptions: request.boundaries ? { idProperty: request.boundaries.idProperty, nameProperty: request.boundaries.nameProperty } : base!.boundaryOptions,
    // New areas need their own populations: the old ones are for other codes.
    population: request.population ? blobSource(request.population, request.population.name) : newAreas ? undefined : base?.population,
    crimeFiles: request.mode === 'add' && base ? [...base.crimeFiles, ...crimes] : crimes,
    lsoas: newAreas ? undefined : base?.lsoas,
  };
  const config = userAreaConfig(current?.config ?? null, {
    boundaries: request.boundaries ? { file: request.boundaries.file.name, idProperty: request.boundaries.idProperty, nameProperty: request.boundaries.nameProperty } : null,
    population: request.population?.name ?? null,
    crimes: input.crimeFiles.map((file) => file.name),
  });
  return run(config.id, 'your files', config, input);
}

/** Runs the pipeline on sources and prepares what the main thread needs; the crimes stay here. */
async function run(id: string, configFile: string, config: AreaConfig, input: PipelineInput): Promise<LoadedArea> {
  const dataset = await runPipeline({ ...input, signal: cancel }, (progress) => post({ type: 'progress', ...progress }));
  post({ type: 'progress', stage: 'prepare', done: 0, total: 1 });
  const prepareStarted = performance.now();
  const { wards } = dataset;
  loaded = { table: dataset.table, wardOfCrime: dataset.wardOfCrime, points: indexSnapPoints(dataset.table), wards, lsoas: dataset.byLsoa?.lsoas ?? null };
  current = { config, input };
  return {
    areaId: id,
    configFile,
    config,
    wardIds: wards.ids,
    wardNames: wards.names,
    populations: dataset.populations,
    groups: resolveGroups(configFile, config.groups, wards),
    cube: dataset.cube,
    range: { first: dataset.cube.firstMonth, last: lastMonth(dataset.cube) },
    quality: dataQuality(dataset, config),
    features: wardFeatures(wards),
    labelPoints: wards.polygons.map(wardLabelPoint),
    bounds: wardBounds(wards),
    byLsoa: dataset.byLsoa ? { cube: dataset.byLsoa.cube, lookup: summariseLookup(dataset.byLsoa.lookup) } : null,
    breaks: detectBreaks(dataset.cube),
    categoryChanges: categoryChanges(dataset.cube),
    timings: { ...dataset.timings, prepare: performance.now() - prepareStarted },
  };
}

async function defaultAreaId(baseUrl: string): Promise<string> {
  const index = (await fetchJson(baseUrl, INDEX_FILE)) as { default?: unknown } | null;
  const id = index?.default;
  if (typeof id !== 'string' || !AREA_ID.test(id)) {
    throw new InputError(INDEX_FILE, '"default" must name an area id (lower-case letters, digits and hyphens)');
  }
  return id;
}

function dataQuality(dataset: Dataset, config: AreaConfig): DataQuality {
  const populationProblems = [...dataset.populationProblems];
  if (!config.population) populationProblems.push('The area config names no population file, so the map offers counts but not rates.');
  return {
    counts: dataset.counts,
    rejectedByReason: [...dataset.problems.counts].map(([reason, count]) => ({ reason, count })),
    rejectionExamples: dataset.problems.examples.map(describeProblem),
    fileErrors: dataset.fileErrors.map((error) => ({ file: error.file, problem: error.problem })),
    populationProblems,
  };
}

async function fetchJson(baseUrl: string, path: string): Promise<unknown> {
  const text = await fetchText(baseUrl, path);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(path, `not valid JSON (${(error as Error).message})`);
  }
}

async function fetchText(baseUrl: string, path: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(new URL(path, baseUrl));
  } catch (error) {
    throw new InputError(path, `could not be fetched (${(error as Error).message})`);
  }
  if (!response.ok) {
    const status = [response.status, response.statusText].filter(Boolean).join(' ');
    throw new InputError(path, `could not be loaded (HTTP ${status})`);
  }
  // A single-page-app server answers a missing file with its index page.
  if ((response.headers.get('content-type') ?? '').includes('text/html') && !path.endsWith('.html')) {
    throw new InputError(path, 'could not be loaded: the server sent a web page instead, so the file is probably missing');
  }
  return response.text();
}
