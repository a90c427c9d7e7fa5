import { parseAreaConfig, resolveGroups, type AreaConfig } from '../core/areaConfig.ts';
import { lastMonth, sumByRow } from '../core/cube.ts';
import { crimesAtPoint, indexSnapPoints, selectCrimes } from '../core/crimeSelection.ts';
import { analyseLayer, type AnalysisData } from '../core/layerAnalysis.ts';
import { LoadCancelled, runPipeline, type Dataset, type PipelineInput, type SourceFile } from '../core/pipeline.ts';
import { InputError } from '../core/problems.ts';
import { checkManifest, CRIMES_FILE, CUBE_FILE, datasetParts, MANIFEST_FILE, readBundle, type LoadedParts } from '../core/bundle.ts';
import { dataBounds, packWardShapes, wardLabelPoint } from '../core/wardGeometry.ts';
import { categoryChanges } from '../core/dataCoverage.ts';
import { districtNames, districtsOf, type Districts } from '../core/neighbours.ts';
import { detectBreaks } from '../core/recordingBreaks.ts';
import { userAreaConfig } from '../core/userAreaConfig.ts';
import type { AnalysisRequest, CrimesAtRequest, LoadedArea, LoadFilesRequest, LoadRequest, WorkerMessage, WorkerRequest } from './messages.ts';
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
    const { shapes } = area;
    // From a bundle both cubes share one buffer: each buffer is transferred once.
    const buffers = [area.cube.counts.buffer, ...(area.byLsoa ? [area.byLsoa.cube.counts.buffer] : []), shapes.coords.buffer, shapes.ringEnds.buffer, shapes.polygonEnds.buffer, shapes.wardEnds.buffer];
    post({ type: 'result', area }, [...new Set(buffers)]);
    post({ type: 'label-points', points: loaded!.wards.polygons.map(wardLabelPoint) });
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
  // The raw files stay the input even when a bundle is read: adding the user's files re-reads them.
  const input: PipelineInput = {
    boundaries: source(config.boundaries.file),
    boundaryOptions: { idProperty: config.boundaries.idProperty, nameProperty: config.boundaries.nameProperty, filter: config.boundaries.filter },
    population: config.population ? source(config.population.file) : undefined,
    crimeFiles: config.crimes.files.map(source),
    lsoas: config.lsoas ? { file: source(config.lsoas.file), options: { idProperty: config.lsoas.idProperty } } : undefined,
  };
  const bundle = await readBundleFrom(baseUrl, id);
  return bundle ? finish(id, configFile, config, input, bundle.parts, bundle.timings) : run(id, configFile, config, input);
}

/**
 * The area's deployment bundle (see core/bundle.ts), when the site has one: its manifest,
 * then the cube and the crimes. Null when there is none, so the raw files are read instead.
 */
async function readBundleFrom(baseUrl: string, id: string): Promise<{ parts: LoadedParts; timings: Dataset['timings'] } | null> {
  const folder = `data/bundles/${id}`;
  const started = performance.now();
  const manifestText = await fetchText(baseUrl, `${folder}/${MANIFEST_FILE}`).catch(() => null);
  if (manifestText === null) return null;
  post({ type: 'progress', stage: 'boundaries', done: 0, total: 1, file: `${folder}/${MANIFEST_FILE}` });
  const manifest = checkManifest(`${folder}/${MANIFEST_FILE}`, parseJson(`${folder}/${MANIFEST_FILE}`, manifestText));
  post({ type: 'progress', stage: 'parse', done: 0, total: 2, file: `${folder}/${CRIMES_FILE}` });
  const [cube, crimes] = await Promise.all([fetchBytes(baseUrl, `${folder}/${CUBE_FILE}`), fetchBytes(baseUrl, `${folder}/${CRIMES_FILE}`)]);
  const fetched = performance.now();
  const parts = readBundle(manifest, cube, crimes);
  return { parts, timings: { boundaries: fetched - started, parse: performance.now() - fetched, join: 0, aggregate: 0 } };
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
  return finish(id, configFile, config, input, datasetParts(dataset, config), dataset.timings);
}

/** Keeps the crimes for the crime layers and builds the message for the main thread. */
function finish(id: string, configFile: string, config: AreaConfig, input: PipelineInput, parts: LoadedParts, timings: Dataset['timings']): LoadedArea {
  post({ type: 'progress', stage: 'prepare', done: 0, total: 1 });
  const prepareStarted = performance.now();
  const { wards, cube } = parts;
  loaded = { table: parts.table, wardOfCrime: parts.wardOfCrime, points: indexSnapPoints(parts.table), wards, lsoas: parts.lsoas };
  current = { config, input };
  return {
    areaId: id,
    configFile,
    config,
    wardIds: wards.ids,
    wardNames: wards.names,
    populations: parts.populations,
    groups: resolveGroups(configFile, config.groups, wards),
    cube,
    range: { first: cube.firstMonth, last: lastMonth(cube) },
    quality: parts.quality,
    shapes: packWardShapes(wards.polygons),
    bounds: dataBounds(wards, sumByRow(cube, cube.firstMonth, lastMonth(cube), cube.categories.map(() => true))),
    byLsoa: parts.lsoaCube && parts.lsoaLookup ? { cube: parts.lsoaCube, lookup: parts.lsoaLookup } : null,
    breaks: detectBreaks(cube),
    categoryChanges: categoryChanges(cube),
    districts: withNames(districtsOf(wards.properties), parts),
    timings: { ...timings, prepare: performance.now() - prepareStarted },
  };
}

function withNames(districts: Districts | null, { table, wardOfCrime }: LoadedParts): Districts | null {
  return districts && districtNames(districts, table, wardOfCrime);
}

async function defaultAreaId(baseUrl: string): Promise<string> {
  const index = (await fetchJson(baseUrl, INDEX_FILE)) as { default?: unknown } | null;
  const id = index?.default;
  if (typeof id !== 'string' || !AREA_ID.test(id)) {
    throw new InputError(INDEX_FILE, '"default" must name an area id (lower-case letters, digits and hyphens)');
  }
  return id;
}

async function fetchJson(baseUrl: string, path: string): Promise<unknown> {
  return parseJson(path, await fetchText(baseUrl, path));
}

function parseJson(path: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(path, `not valid JSON (${(error as Error).message})`);
  }
}

async function fetchBytes(baseUrl: string, path: string): Promise<ArrayBuffer> {
  return (await fetchChecked(baseUrl, path)).arrayBuffer();
}

async function fetchText(baseUrl: string, path: string): Promise<string> {
  return (await fetchChecked(baseUrl, path)).text();
}

async function fetchChecked(baseUrl: string, path: string): Promise<Response> {
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
  return response;
}
