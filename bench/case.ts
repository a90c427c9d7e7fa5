/**
 * One benchmark run in a fresh process, so that peak memory is this run's own:
 * `node --import tsx bench/case.ts CASE`. Prints one JSON line (a CaseRun) on stdout.
 */
import { aggregateReport } from '../src/core/aggregateReport.ts';
import { indexSnapPoints } from '../src/core/crimeSelection.ts';
import { lastMonth } from '../src/core/cube.ts';
import { analyseLayer } from '../src/core/layerAnalysis.ts';
import { runPipeline } from '../src/core/pipeline.ts';
import type { MapLayer } from '../src/core/viewState.ts';
import { localFile } from '../src/cli/files.ts';
import { CASES, crimeFiles } from './cases.ts';

export interface CaseRun {
  /** From process start to the pipeline's start: node, tsx and the modules. */
  startupMs: number;
  pipelineMs: number;
  boundariesMs: number;
  parseMs: number;
  joinMs: number;
  aggregateMs: number;
  /** aggregateReport + JSON.stringify, as the CLI prints it. */
  reportMs: number;
  counts: { read: number; assigned: number; outside: number; noLocation: number; rejected: number; duplicates: number };
  wards: number;
  /** Peak resident set size of the process (operating system's figure). */
  peakRssMb: number;
  /** Largest V8 heap in use seen at the pipeline's progress reports (per file, per 65,536 rows joined). */
  peakHeapMb: number;
  /** The crime layers for the latest 12 months (or fewer), all crime excluding ASB, every ward, as the worker computes them. */
  layers: LayerTimings;
}

export interface LayerTimings {
  /** Numbering the distinct snap points, once per load. */
  snapIndexMs: number;
  pointsMs: number;
  densityMs: number;
  hexbinsMs: number;
  /** Hexagons with their study-area cells, Gi* and the FDR step. */
  hotspotsMs: number;
  crimes: number;
  points: number;
  hexCells: number;
  hexMetres: number;
  giCells: number;
  giMetres: number;
  giBandMetres: number;
  hotCells: number;
}

function timeLayers(): LayerTimings {
  let started = performance.now();
  const points = indexSnapPoints(dataset.table);
  const snapIndexMs = performance.now() - started;
  const data = { table: dataset.table, wardOfCrime: dataset.wardOfCrime, points, wards: dataset.wards, lsoas: null };
  const last = lastMonth(dataset.cube);
  const filter = { category: 'all-excl-asb', from: Math.max(dataset.cube.firstMonth, last - 11), to: last, wards: null };
  const timed = (layer: MapLayer) => {
    started = performance.now();
    const analysis = analyseLayer(data, filter, { layer, units: 'hexagons', cell: null, band: null });
    return { analysis, ms: performance.now() - started };
  };
  const pointsRun = timed('points');
  const density = timed('density');
  const hexbins = timed('hexbins');
  const hotspots = timed('hotspots');
  return {
    snapIndexMs,
    pointsMs: pointsRun.ms,
    densityMs: density.ms,
    hexbinsMs: hexbins.ms,
    hotspotsMs: hotspots.ms,
    crimes: pointsRun.analysis.crimes,
    points: pointsRun.analysis.points.point.length,
    hexCells: hexbins.analysis.cells.count.length,
    hexMetres: hexbins.analysis.grid.cell,
    giCells: hotspots.analysis.cells.count.length,
    giMetres: hotspots.analysis.grid.cell,
    giBandMetres: hotspots.analysis.grid.band ?? 0,
    hotCells: hotspots.analysis.cells.bin.filter((bin) => bin > 0).length,
  };
}

const benchCase = CASES.find((c) => c.name === process.argv[2]);
if (!benchCase) throw new Error(`no bench case "${process.argv[2]}"`);

let peakHeap = 0;
const sampleHeap = () => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed));

const started = performance.now();
const dataset = await runPipeline(
  {
    boundaries: localFile(benchCase.boundaries),
    population: benchCase.population ? localFile(benchCase.population) : undefined,
    crimeFiles: crimeFiles(benchCase).map((file) => localFile(file)),
  },
  sampleHeap,
);
const piped = performance.now();
const output = JSON.stringify(aggregateReport(dataset));
const reported = performance.now();
sampleHeap();
const layers = timeLayers();

const MB = 1024 * 1024;
const run: CaseRun = {
  startupMs: started,
  pipelineMs: piped - started,
  boundariesMs: dataset.timings.boundaries,
  parseMs: dataset.timings.parse,
  joinMs: dataset.timings.join,
  aggregateMs: dataset.timings.aggregate,
  reportMs: reported - piped,
  counts: dataset.counts,
  wards: dataset.wards.ids.length,
  peakRssMb: (process.resourceUsage().maxRSS * 1024) / MB,
  peakHeapMb: peakHeap / MB,
  layers,
};
if (output.length === 0) throw new Error('empty report');
process.stdout.write(`${JSON.stringify(run)}\n`);
