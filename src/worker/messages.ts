import type { AreaConfig, WardGroups } from '../core/areaConfig.ts';
import type { Cube } from '../core/cube.ts';
import type { CategoryChange } from '../core/dataCoverage.ts';
import type { DataQuality } from '../core/dataQuality.ts';
import type { Districts } from '../core/neighbours.ts';
import type { RecordingBreak } from '../core/recordingBreaks.ts';
import type { CrimeDetail, CrimeFilter } from '../core/crimeSelection.ts';
import type { AnalysisOptions, LayerAnalysis } from '../core/layerAnalysis.ts';
import type { LsoaComparison } from '../core/lsoaWardLookup.ts';
import type { DataRange } from '../core/periods.ts';
import type { PipelineStage } from '../core/pipeline.ts';
import type { Bounds, LabelPoint, WardShapes } from '../core/wardGeometry.ts';

/*
 * The typed protocol between the main thread and the pipeline worker: a load request, then
 * progress messages and finally either a result or an error. The worker then keeps the
 * crime table and answers analysis requests for the crime layers (points, density,
 * hexagons, hot spots) and for the crimes at one map point.
 */

/** Main thread → worker: load an area (null for the default named by data/areas/index.json). */
export interface LoadRequest {
  type: 'load';
  /** The document's base URL, against which the config's relative paths are fetched. */
  baseUrl: string;
  areaId: string | null;
}

/** Main thread → worker: the crime layer for a filter. Answers carry the same id; only the latest matters. */
export interface AnalysisRequest {
  type: 'analyse';
  id: number;
  filter: CrimeFilter;
  options: AnalysisOptions;
}

/** Main thread → worker: the crimes at one snap point, for its popup. */
export interface CrimesAtRequest {
  type: 'crimes-at';
  id: number;
  filter: CrimeFilter;
  point: number;
}

/**
 * Main thread → worker: the user's own files. Replace starts a new dataset from the crime
 * files given; add puts them beside the current ones (duplicates across files are dropped).
 * Boundaries and population replace the current ones when given.
 */
export interface LoadFilesRequest {
  type: 'load-files';
  mode: 'replace' | 'add';
  boundaries: { file: File; idProperty?: string; nameProperty?: string } | null;
  population: File | null;
  crimes: File[];
}

/** Main thread → worker: stop the load of the user's files; the current data stays. */
export interface CancelRequest {
  type: 'cancel';
}

export type WorkerRequest = LoadRequest | AnalysisRequest | CrimesAtRequest | LoadFilesRequest | CancelRequest;

export type LoadStage = 'config' | PipelineStage | 'prepare';

export interface ProgressMessage {
  type: 'progress';
  stage: LoadStage;
  done: number;
  total: number;
  /** The file being read, if any. */
  file?: string;
  /** While parsing: bytes of the crime files read, and rows read. */
  bytes?: { done: number; total: number };
  rows?: number;
}

export type { DataQuality };

export interface LoadedArea {
  areaId: string;
  /** The config file's path, e.g. "data/areas/test-valley.json". */
  configFile: string;
  config: AreaConfig;
  wardIds: string[];
  wardNames: string[];
  populations: (number | null)[];
  groups: WardGroups;
  cube: Cube;
  /** First and last month of the data. */
  range: DataRange;
  quality: DataQuality;
  /** The wards' rings as typed arrays, moved without copying; GeoJSON features are made from them on the page (src/ui/map/areaFeatures.ts). */
  shapes: WardShapes;
  /** Where the map first looks: every ward, or the wards with crimes when those are few (see dataBounds). */
  bounds: Bounds;
  /** Crimes assigned by the best-fit ward of their LSOA, to compare; null without LSOA boundaries. */
  byLsoa: { cube: Cube; lookup: LsoaComparison } | null;
  /** Steps in how police.uk publishes a category, found in the data. */
  breaks: RecordingBreak[];
  /** Categories that start or stop part-way through the data. */
  categoryChanges: CategoryChange[];
  /** Each ward's district, when the boundaries name districts (England's wards): for comparing neighbours. */
  districts: Districts | null;
  /** Milliseconds in the worker: the pipeline's stages (see Dataset.timings), then preparing this message. */
  timings: { boundaries: number; parse: number; join: number; aggregate: number; prepare: number };
}

export interface ResultMessage {
  type: 'result';
  area: LoadedArea;
}

export interface ErrorMessage {
  type: 'error';
  /** The file at fault, when one is. */
  file: string | null;
  problem: string;
}

export interface AnalysisMessage {
  type: 'analysis';
  id: number;
  analysis: LayerAnalysis;
}

export interface CrimesAtMessage {
  type: 'crimes-at';
  id: number;
  point: number;
  total: number;
  crimes: CrimeDetail[];
}

/** A failed analysis; the dashboard keeps working without the layer. */
export interface AnalysisErrorMessage {
  type: 'analysis-error';
  id: number;
  problem: string;
}

/** The user's load was cancelled; the data from before it is still loaded. */
export interface CancelledMessage {
  type: 'cancelled';
}

/**
 * Where each ward's name goes, sent just after the result: finding them takes ~0.4 s on
 * England's wards, so the map is drawn first and named a moment later.
 */
export interface LabelPointsMessage {
  type: 'label-points';
  points: LabelPoint[];
}

export type WorkerMessage = ProgressMessage | ResultMessage | LabelPointsMessage | ErrorMessage | AnalysisMessage | CrimesAtMessage | AnalysisErrorMessage | CancelledMessage;
