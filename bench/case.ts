/**
 * One benchmark run in a fresh process, so that peak memory is this run's own:
 * `node --import tsx bench/case.ts CASE`. Prints one JSON line (a CaseRun) on stdout.
 */
import { aggregateReport } from '../src/core/aggregateReport.ts';
import { runPipeline } from '../src/core/pipeline.ts';
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
    crimeFiles: crimeFiles(benchCase).map(localFile),
  },
  sampleHeap,
);
const piped = performance.now();
const output = JSON.stringify(aggregateReport(dataset));
const reported = performance.now();
sampleHeap();

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
};
if (output.length === 0) throw new Error('empty report');
process.stdout.write(`${JSON.stringify(run)}\n`);
