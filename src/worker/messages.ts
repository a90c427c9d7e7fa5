import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { AreaConfig, WardGroups } from '../core/areaConfig.ts';
import type { Cube } from '../core/cube.ts';
import type { DataRange } from '../core/periods.ts';
import type { PipelineStage, RowCounts } from '../core/pipeline.ts';
import type { RejectionReason } from '../core/problems.ts';
import type { Bounds, LabelPoint, WardFeatureProperties } from '../core/wardGeometry.ts';

/*
 * The typed protocol between the main thread and the pipeline worker: one request, then
 * progress messages and finally either a result or an error.
 */

/** Main thread → worker: load an area (null for the default named by data/areas/index.json). */
export interface LoadRequest {
  type: 'load';
  /** The document's base URL, against which the config's relative paths are fetched. */
  baseUrl: string;
  areaId: string | null;
}

export type LoadStage = 'config' | PipelineStage | 'prepare';

export interface ProgressMessage {
  type: 'progress';
  stage: LoadStage;
  done: number;
  total: number;
  /** The file being read, if any. */
  file?: string;
}

/** What the dashboard needs of the data quality report. */
export interface DataQuality {
  counts: RowCounts;
  rejectedByReason: { reason: RejectionReason; count: number }[];
  /** The first rejected rows, described ("file, line 12: no crime type (...)"). */
  rejectionExamples: string[];
  /** Crime files that could not be used, as "file: problem". */
  fileErrors: { file: string; problem: string }[];
  populationProblems: string[];
}

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
  /** The wards for MapLibre; feature id = ward index. */
  features: FeatureCollection<Polygon | MultiPolygon, WardFeatureProperties>;
  labelPoints: LabelPoint[];
  bounds: Bounds;
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

export type WorkerMessage = ProgressMessage | ResultMessage | ErrorMessage;
