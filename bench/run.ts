/**
 * `npm run bench`: each case several times, each run in a fresh process, then the medians
 * as a table on stdout and in bench/results.json (with the machine's facts).
 *
 * Two measurements per run: bench/case.ts times the pipeline in-process (stage by stage,
 * with peak memory), and the `aggregate` command is timed from outside, start to exit,
 * as a user sees it (node + tsx start-up included; `npm run` adds its own ~0.15 s).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CaseRun, LayerTimings } from './case.ts';
import { CASES, cliArgs, PROJECT_ROOT, type BenchCase } from './cases.ts';
import { loadAverage, machineFacts } from './machine.ts';

type Sample = CaseRun & { cliEndToEndMs: number };

interface CaseResult {
  name: string;
  description: string;
  skipped?: string;
  runs?: number;
  counts?: CaseRun['counts'];
  wards?: number;
  /** Medians over the runs, in milliseconds. */
  median?: {
    pipeline: number;
    boundaries: number;
    parse: number;
    join: number;
    aggregate: number;
    report: number;
    startup: number;
    cliEndToEnd: number;
  };
  rowsPerSecond?: number;
  /** Highest over the runs. */
  peakRssMb?: number;
  peakHeapMb?: number;
  /** Medians of the crime layers' timings, in milliseconds, and the first run's sizes. */
  layers?: { snapIndex: number; points: number; density: number; hexbins: number; hotspots: number; sizes: LayerTimings };
  samples?: Sample[];
}

const TSX = ['--import', 'tsx'];

function runCase(benchCase: BenchCase): CaseRun {
  const out = execFileSync(process.execPath, [...TSX, 'bench/case.ts', benchCase.name], { cwd: PROJECT_ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out) as CaseRun;
}

function timeCli(benchCase: BenchCase): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [...TSX, 'src/cli/main.ts', ...cliArgs(benchCase)], { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`aggregate failed for ${benchCase.name}: ${result.stderr.toString()}`);
  return elapsed;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function measure(benchCase: BenchCase): CaseResult {
  const missing = benchCase.missing();
  if (missing) return { name: benchCase.name, description: benchCase.description, skipped: missing };
  benchCase.prepare?.();
  runCase(benchCase); // warm the file cache and tsx's transform cache; not counted
  const samples: Sample[] = [];
  for (let i = 0; i < benchCase.runs; i++) {
    const run = runCase(benchCase);
    const { read, assigned, outside, noLocation, rejected, duplicates } = run.counts;
    if (assigned + outside + noLocation + rejected + duplicates !== read) throw new Error(`${benchCase.name}: counts do not reconcile`);
    samples.push({ ...run, cliEndToEndMs: timeCli(benchCase) });
    process.stderr.write('.');
  }
  const med = (pick: (run: Sample) => number) => Math.round(median(samples.map(pick)));
  const pipeline = median(samples.map((run) => run.pipelineMs));
  return {
    name: benchCase.name,
    description: benchCase.description,
    runs: samples.length,
    counts: samples[0].counts,
    wards: samples[0].wards,
    median: {
      pipeline: Math.round(pipeline),
      boundaries: med((run) => run.boundariesMs),
      parse: med((run) => run.parseMs),
      join: med((run) => run.joinMs),
      aggregate: med((run) => run.aggregateMs),
      report: med((run) => run.reportMs),
      startup: med((run) => run.startupMs),
      cliEndToEnd: med((run) => run.cliEndToEndMs),
    },
    rowsPerSecond: Math.round(samples[0].counts.read / (pipeline / 1000)),
    peakRssMb: Math.round(Math.max(...samples.map((run) => run.peakRssMb))),
    peakHeapMb: Math.round(Math.max(...samples.map((run) => run.peakHeapMb))),
    layers: {
      snapIndex: med((run) => run.layers.snapIndexMs),
      points: med((run) => run.layers.pointsMs),
      density: med((run) => run.layers.densityMs),
      hexbins: med((run) => run.layers.hexbinsMs),
      hotspots: med((run) => run.layers.hotspotsMs),
      sizes: samples[0].layers,
    },
    samples,
  };
}

function gitRevision(): string | null {
  try {
    return execFileSync('git', ['describe', '--always', '--dirty'], { cwd: PROJECT_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

function printTable(results: CaseResult[]): void {
  const header = ['case', 'runs', 'rows read', 'pipeline ms', 'rows/s', 'boundaries', 'parse', 'join', 'aggregate', 'report', 'start-up', 'CLI end-to-end', 'peak RSS MB', 'peak heap MB'];
  const rows = results.map((r) =>
    r.skipped || !r.median
      ? [r.name, r.skipped ?? '']
      : [
          r.name,
          String(r.runs),
          r.counts!.read.toLocaleString('en-GB'),
          String(r.median.pipeline),
          r.rowsPerSecond!.toLocaleString('en-GB'),
          String(r.median.boundaries),
          String(r.median.parse),
          String(r.median.join),
          String(r.median.aggregate),
          String(r.median.report),
          String(r.median.startup),
          String(r.median.cliEndToEnd),
          String(r.peakRssMb),
          String(r.peakHeapMb),
        ],
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row.length > 2 ? (row[i] ?? '').length : 0))));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(row.length > 2 ? line(row) : `${row[0].padEnd(widths[0])}  ${row[1]}`);
}

function printLayerTable(results: CaseResult[]): void {
  const header = ['case', 'crimes', 'snap index', 'points', 'density', 'hexbins', 'hexagons', 'hot spots (Gi*)', 'Gi* cells', 'cell / band m', 'hot cells'];
  const rows = results.flatMap((r) => {
    if (!r.layers) return [];
    const { sizes } = r.layers;
    return [
      [
        r.name,
        sizes.crimes.toLocaleString('en-GB'),
        String(r.layers.snapIndex),
        String(r.layers.points),
        String(r.layers.density),
        String(r.layers.hexbins),
        `${sizes.hexCells.toLocaleString('en-GB')} × ${sizes.hexMetres} m`,
        String(r.layers.hotspots),
        sizes.giCells.toLocaleString('en-GB'),
        `${sizes.giMetres} / ${sizes.giBandMetres}`,
        String(sizes.hotCells),
      ],
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

const machine = machineFacts();
console.log(`${machine.cpus} × ${machine.cpuModel}, node ${machine.node}, load average ${machine.loadAverageAtStart.join(' ')}`);
const started = Date.now();
const results = CASES.map((benchCase) => {
  process.stderr.write(`${benchCase.name} `);
  const result = measure(benchCase);
  process.stderr.write(result.skipped ? ` ${result.skipped}\n` : '\n');
  return result;
});
console.log('Medians in milliseconds; each run in a fresh process.');
printTable(results);
console.log('\nCrime layers (latest 12 months, all crime excluding ASB, every ward), medians in milliseconds:');
printLayerTable(results);

const file = resolve(PROJECT_ROOT, 'bench', 'results.json');
writeFileSync(
  file,
  `${JSON.stringify({ date: new Date(started).toISOString(), seconds: Math.round((Date.now() - started) / 1000), revision: gitRevision(), machine: { ...machine, loadAverageAtEnd: loadAverage() }, cases: results }, null, 2)}\n`,
);
console.log(`Written to ${file}`);
