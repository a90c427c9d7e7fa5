/**
 * `npm run bench:browser`: the app itself, measured in headless Chromium on the production
 * build (dist/), with the same worker code as the app. Each case runs several times, each
 * run in a fresh browser context; the medians go to a table on stdout and to
 * bench/browser-results.json (with the machine's facts).
 *
 * - test-valley-cold: navigation start to the first painted choropleth of the embedded data.
 * - national-drop: the 39 force files of 2019-09 and the England wards chosen through
 *   "Use your own data files", from the click on "Load these files" to the painted map.
 * - large-1gb-drop (only with BENCH_LARGE=1): a 1 GB CSV of 5.0M rows added to Test Valley's
 *   data the same way: the tab must not crash.
 * - filter change, on each: choosing another crime category until the map is idle again.
 *
 * Peak memory is the highest peak RSS (VmHWM) of the tab's renderer processes, which hold
 * the page and its workers. Chromium draws WebGL in software (SwiftShader) here.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { preview } from 'vite';
import { launchChromium } from '../tests/browser/chromium.ts';
import { ENGLAND_WARDS_FILE, NATIONAL_MONTH_DIR, nationalDataMissing } from '../tests/dataDir.ts';
import { ensureLargeCsv, largeCsvMissing } from './largeCsv.ts';
import { loadAverage, machineFacts } from './machine.ts';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = 3;
const FILTER_SWITCHES = 5;
const READY = '[data-map-state="ready"][data-layer-state="ready"]';
const TARGETS = { nationalLoadMs: 2000, filterChangeMs: 100, peakMb: 400 };


type WorkerTimings = { boundaries: number; parse: number; join: number; aggregate: number; prepare: number };
type LoadSummary = NonNullable<Window['__load']>;

interface Memory {
  /** Highest VmHWM of the context's renderer processes, or the JS heap in use when process info is unavailable. */
  peakMb: number;
  kind: 'renderer peak RSS' | 'JS heap used';
}

interface FilterSample {
  /** From just before selectOption to the idle map showing Burglary. */
  toBurglaryMs: number[];
  /** From just before selectOption to the idle map showing all crime excluding ASB again. */
  backMs: number[];
  /** The same switches to Burglary, counted from the select's change event in the page. */
  toBurglaryFromChangeEventMs: number[];
}

interface Sample {
  wholeMs: number;
  worker: WorkerTimings;
  /** wholeMs less the worker's stages: page load (cold case), messaging, React and MapLibre. */
  renderMs: number;
  counts: LoadSummary['counts'];
  wards: number;
  filter: FilterSample;
  filterMedianMs: number;
  memory: Memory;
}

interface CaseResult {
  name: string;
  description: string;
  skipped?: string;
  runs?: number;
  counts?: LoadSummary['counts'];
  wards?: number;
  median?: WorkerTimings & { whole: number; render: number; filterChange: number };
  peakMb?: number;
  memoryKind?: Memory['kind'];
  targets?: { name: string; target: string; met: boolean }[];
  samples?: Sample[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const workerSum = (t: WorkerTimings) => t.boundaries + t.parse + t.join + t.aggregate + t.prepare;

/** Peak RSS of the renderer processes that were not there before the context opened. */
async function rendererPeak(browser: Browser, before: Set<number>, page: Page): Promise<Memory> {
  try {
    const cdp = await browser.newBrowserCDPSession();
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
    await cdp.detach();
    const peaks = processInfo
      .filter((p) => p.type === 'renderer' && !before.has(p.id))
      .map((p) => {
        const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${p.id}/status`, 'utf8'));
        return match ? Number(match[1]) / 1024 : 0;
      });
    if (peaks.length === 0) throw new Error('no renderer process found');
    return { peakMb: Math.max(...peaks), kind: 'renderer peak RSS' };
  } catch (error) {
    process.stderr.write(`\n(SystemInfo.getProcessInfo failed: ${(error as Error).message}; reporting the JS heap instead)\n`);
    const session = await page.context().newCDPSession(page);
    await session.send('Performance.enable');
    const { metrics } = await session.send('Performance.getMetrics');
    await session.detach();
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    return { peakMb: used / 1024 ** 2, kind: 'JS heap used' };
  }
}

async function rendererIds(browser: Browser): Promise<Set<number>> {
  try {
    const cdp = await browser.newBrowserCDPSession();
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
    await cdp.detach();
    return new Set(processInfo.filter((p) => p.type === 'renderer').map((p) => p.id));
  } catch {
    return new Set();
  }
}

/**
 * Installs a watcher that notes when a map goes to "loading" after `window.__load` has changed
 * from what it is now (`afterLoadChange`), or at once; the waits below need the map to have
 * started redrawing, so a map still "ready" from before is not taken for the new one.
 */
async function watchMapLoading(page: Page, afterLoadChange: boolean): Promise<void> {
  await page.evaluate((afterLoad) => {
    const state = window as unknown as { __benchSawLoading: boolean; __benchObserver?: MutationObserver };
    const previous = window.__load;
    state.__benchObserver?.disconnect();
    state.__benchSawLoading = false;
    state.__benchObserver = new MutationObserver((records) => {
      if (afterLoad && window.__load === previous) return;
      if (document.querySelector('[data-map-state="loading"]') || records.some((r) => r.oldValue === 'loading')) state.__benchSawLoading = true;
    });
    state.__benchObserver.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-map-state'], attributeOldValue: true });
  }, afterLoadChange);
}

/** Waits (polling every frame) until the map is ready, and returns performance.now() at that frame. */
async function readyAt(page: Page, selector: string, timeout: number): Promise<number> {
  const handle = await page.waitForFunction(
    (selector) => {
      const sawLoading = (window as unknown as { __benchSawLoading?: boolean }).__benchSawLoading;
      if (sawLoading === false) return false;
      if (!document.querySelector(selector)) return false;
      return performance.now();
    },
    selector,
    { polling: 'raf', timeout },
  );
  return (await handle.jsonValue()) as number;
}

/** Five switches to Burglary and back; each timed from just before selectOption to the idle map. */
async function filterChanges(page: Page): Promise<FilterSample> {
  // getByLabel computes the accessible name of every element; with the 7,681 wards in the
  // DOM that alone takes a minute or more, so the select is found by its label's id instead.
  const selectId = await page.evaluate(() => {
    const label = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === 'Crime category');
    return label?.htmlFor ? CSS.escape(label.htmlFor) : null;
  });
  if (!selectId) throw new Error('no "Crime category" field found');
  const select = page.locator(`select#${selectId}`);
  const allLabel = await page.evaluate(() => window.__dashboard!.categoryLabel);
  const sample: FilterSample = { toBurglaryMs: [], backMs: [], toBurglaryFromChangeEventMs: [] };
  await select.evaluate((element) => {
    element.addEventListener('change', () => ((window as unknown as { __benchChangeAt: number }).__benchChangeAt = performance.now()), { capture: true });
  });
  for (let i = 0; i < FILTER_SWITCHES; i++) {
    for (const [value, label] of [
      ['Burglary', 'Burglary'],
      ['all-excl-asb', allLabel],
    ] as const) {
      await watchMapLoading(page, false);
      const t0 = await page.evaluate(() => performance.now());
      await select.selectOption(value);
      const t1 = await readyAt(page, '[data-map-state="ready"]', 60_000);
      // Checked after the clock stops: the test hook copies the whole view model when read.
      const shown = await page.evaluate(() => window.__dashboard?.categoryLabel);
      if (shown !== label) throw new Error(`the map was ready showing ${shown}, not ${label}`);
      if (value === 'Burglary') {
        sample.toBurglaryMs.push(t1 - t0);
        const changeAt = await page.evaluate(() => (window as unknown as { __benchChangeAt: number }).__benchChangeAt);
        sample.toBurglaryFromChangeEventMs.push(t1 - changeAt);
      } else {
        sample.backMs.push(t1 - t0);
      }
    }
  }
  return sample;
}

async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

async function readLoad(page: Page): Promise<LoadSummary> {
  const load = await page.evaluate(() => window.__load);
  if (!load) throw new Error('window.__load is not set: is dist/ built from the current source?');
  return load;
}

async function testValleyCold(browser: Browser, baseUrl: string): Promise<Sample> {
  const before = await rendererIds(browser);
  const { context, page, errors } = await newPage(browser);
  try {
    await page.goto(baseUrl, { waitUntil: 'domcontentloaded' });
    return await afterLoad(browser, page, before, errors, await readyAt(page, READY, 60_000));
  } finally {
    await context.close();
  }
}

/** After a load: the worker's timings, the filter changes and the renderer's peak memory, as one sample. */
async function afterLoad(browser: Browser, page: Page, before: Set<number>, errors: string[], wholeMs: number): Promise<Sample> {
  const load = await readLoad(page);
  const filter = await filterChanges(page);
  const memory = await rendererPeak(browser, before, page);
  if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
  return { wholeMs, worker: load.timings, renderMs: wholeMs - workerSum(load.timings), counts: load.counts, wards: load.wards, filter, filterMedianMs: median(filter.toBurglaryMs), memory };
}

/**
 * Files chosen through "Use your own data files", timed from the click on "Load these
 * files" to the painted map. With a boundary file the page first reads its fields; without
 * one the crimes are added to the data already loaded.
 */
async function dropFiles(browser: Browser, baseUrl: string, files: string[], withBoundaries: boolean): Promise<Sample> {
  const before = await rendererIds(browser);
  const { context, page, errors } = await newPage(browser);
  try {
    await page.goto(baseUrl);
    await page.waitForSelector(READY, { timeout: 60_000 });
    await page.getByText('Use your own data files').click();
    await page.locator('.file-loader input[type=file]').setInputFiles(files);
    const areaCode = page.getByLabel('Area code property');
    const deadline = Date.now() + 120_000;
    while (withBoundaries && (await areaCode.inputValue({ timeout: 120_000 })) === '') {
      if (Date.now() > deadline) throw new Error('the area code property was never chosen');
      await page.waitForTimeout(50);
    }
    await watchMapLoading(page, true);
    const t0 = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Load these files' }).click();
    await page.getByText('Your files are loaded').waitFor({ timeout: 600_000 });
    return await afterLoad(browser, page, before, errors, (await readyAt(page, READY, 600_000)) - t0);
  } finally {
    await context.close();
  }
}

function summarise(name: string, description: string, samples: Sample[], loadTarget: boolean): CaseResult {
  const med = (pick: (s: Sample) => number) => Math.round(median(samples.map(pick)));
  const m = {
    whole: med((s) => s.wholeMs),
    boundaries: med((s) => s.worker.boundaries),
    parse: med((s) => s.worker.parse),
    join: med((s) => s.worker.join),
    aggregate: med((s) => s.worker.aggregate),
    prepare: med((s) => s.worker.prepare),
    render: med((s) => s.renderMs),
    filterChange: med((s) => s.filterMedianMs),
  };
  const peakMb = Math.round(Math.max(...samples.map((s) => s.memory.peakMb)));
  const targets = [
    ...(loadTarget ? [{ name: 'load', target: `whole load < ${TARGETS.nationalLoadMs} ms`, met: m.whole < TARGETS.nationalLoadMs }] : []),
    { name: 'filter', target: `filter change < ${TARGETS.filterChangeMs} ms`, met: m.filterChange < TARGETS.filterChangeMs },
    { name: 'peak', target: `peak < ${TARGETS.peakMb} MB`, met: peakMb < TARGETS.peakMb },
  ];
  return { name, description, runs: samples.length, counts: samples[0].counts, wards: samples[0].wards, median: m, peakMb, memoryKind: samples[0].memory.kind, targets, samples };
}

async function runCase(name: string, description: string, run: () => Promise<Sample>, loadTarget: boolean): Promise<CaseResult> {
  process.stderr.write(`${name} `);
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    samples.push(await run());
    process.stderr.write('.');
  }
  process.stderr.write('\n');
  return summarise(name, description, samples, loadTarget);
}

function printTable(results: CaseResult[]): void {
  const header = ['case', 'runs', 'median ms', 'boundaries', 'parse', 'join', 'aggregate', 'prepare', 'render', 'filter change ms', 'peak MB', 'targets', 'met'];
  const rows = results.map((r) =>
    r.skipped || !r.median
      ? [r.name, r.skipped ?? '']
      : [
          r.name,
          String(r.runs),
          String(r.median.whole),
          String(r.median.boundaries),
          String(r.median.parse),
          String(r.median.join),
          String(r.median.aggregate),
          String(r.median.prepare),
          String(r.median.render),
          String(r.median.filterChange),
          String(r.peakMb),
          r.targets!.map((t) => t.target).join('; '),
          r.targets!.map((t) => `${t.name} ${t.met ? 'yes' : 'NO'}`).join(', '),
        ],
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row.length > 2 ? (row[i] ?? '').length : 0))));
  const left = new Set([0, 11, 12]);
  const line = (cells: string[]) => cells.map((cell, i) => (left.has(i) ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(row.length > 2 ? line(row) : `${row[0].padEnd(widths[0])}  ${row[1]}`);
}

async function main(): Promise<void> {
  process.stderr.write('building dist/ (npx vite build) ...\n');
  execFileSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (!existsSync(resolve(ROOT, 'dist', 'index.html'))) throw new Error('vite build left no dist/index.html');

  const machine = { ...machineFacts(), chromium: '', webgl: 'software (SwiftShader)' };

  const server = await preview({ root: ROOT, logLevel: 'error', preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false } });
  const baseUrl = server.resolvedUrls?.local[0];
  if (!baseUrl) throw new Error('the preview server did not report its address');
  const browser = await launchChromium();
  machine.chromium = browser.version();
  console.log(`${machine.cpus} × ${machine.cpuModel}, Chromium ${machine.chromium} (software WebGL), load average ${machine.loadAverageAtStart.join(' ')}`);
  const started = Date.now();
  const results: CaseResult[] = [];
  try {
    results.push(await runCase('test-valley-cold', 'Test Valley (embedded data): navigation start to the first painted choropleth, fresh context', () => testValleyCold(browser, baseUrl), false));
    const missing = nationalDataMissing();
    if (missing) {
      process.stderr.write(`national-drop ${missing}\n`);
      results.push({ name: 'national-drop', description: 'national month dropped on the page', skipped: missing });
    } else {
      const csvs = readdirSync(NATIONAL_MONTH_DIR)
        .filter((name) => name.toLowerCase().endsWith('.csv'))
        .sort()
        .map((name) => resolve(NATIONAL_MONTH_DIR, name));
      results.push(
        await runCase(
          'national-drop',
          `The ${csvs.length} force files of 2019-09 and the England wards through "Use your own data files": click on "Load these files" to the painted map`,
          () => dropFiles(browser, baseUrl, [...csvs, ENGLAND_WARDS_FILE], true),
          true,
        ),
      );
    }
    const largeMissing = largeCsvMissing();
    if (largeMissing) {
      process.stderr.write(`large-1gb-drop ${largeMissing}\n`);
      results.push({ name: 'large-1gb-drop', description: 'a 1 GB CSV dropped on the page', skipped: largeMissing });
    } else {
      const large = ensureLargeCsv();
      results.push(
        await runCase('large-1gb-drop', 'One 1 GB CSV (5.0M rows) added to the Test Valley data through "Use your own data files": click to the painted map', () => dropFiles(browser, baseUrl, [large], false), false),
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }

  console.log(`Medians in milliseconds over ${RUNS} runs, each in a fresh browser context; filter change: median of ${FILTER_SWITCHES} switches to Burglary per run.`);
  console.log('Worker stages: boundaries, parse, join, aggregate, prepare; render = whole less the worker stages (page load too for the cold case). Peak MB: renderer peak RSS.');
  printTable(results);
  const file = resolve(ROOT, 'bench', 'browser-results.json');
  writeFileSync(
    file,
    `${JSON.stringify({ date: new Date(started).toISOString(), seconds: Math.round((Date.now() - started) / 1000), targets: TARGETS, machine: { ...machine, loadAverageAtEnd: loadAverage() }, cases: results }, null, 2)}\n`,
  );
  console.log(`Written to ${file}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
