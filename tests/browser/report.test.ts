import AxeBuilder from '@axe-core/playwright';
import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDashboard, openReport, screenshot, SCREENSHOT_DIR, waitForMap, startSession, type BrowserSession } from './harness.ts';

let session: BrowserSession;

beforeAll(async () => {
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
});

describe('the Strategic Assessment page', () => {
  it('shows the tables, sentences, map and trend for FY2018/19 against FY2017/18', async () => {
    const page = await openReport(session);
    await screenshot(page, 'report');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/report-full.png`, fullPage: true });
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe('Strategic Assessment: Test Valley, financial year 2018/19 compared with financial year 2017/18');
    await page.close();
  });
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Downloads the map at a size and returns the PNG's bytes. */
async function downloadMap(page: Page, size: string): Promise<Buffer> {
  await page.getByLabel('Map image size').selectOption({ label: size });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download map (PNG)' }).click()]);
  return readFile((await download.path())!);
}

/** Colours (as "r,g,b") found in a region of a PNG, counted, read by the browser from the file itself. */
async function coloursIn(page: Page, png: Buffer, region: { x: number; y: number; width: number; height: number }): Promise<Map<string, number>> {
  const entries = await page.evaluate(
    async ({ data, region }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height });
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(region.x, region.y, region.width, region.height).data;
      const counts: Record<string, number> = {};
      for (let i = 0; i < pixels.length; i += 4) {
        const key = `${pixels[i]},${pixels[i + 1]},${pixels[i + 2]}`;
        counts[key] = (counts[key] ?? 0) + 1;
      }
      return Object.entries(counts);
    },
    { data: png.toString('base64'), region },
  );
  return new Map(entries);
}

const hexToRgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(',');

describe('map export', () => {
  it('downloads an A4 PNG at 150 dpi of the exact size, with the map drawn and the legend\'s colours', async () => {
    const page = await openDashboard(session);
    const png = await downloadMap(page, 'A4 landscape, 150 dpi (1754 × 1240 px)');
    await writeFile(`${SCREENSHOT_DIR}/export-a4-150.png`, png);
    expect(pngSize(png)).toEqual({ width: 1754, height: 1240 });
    const legend = await page.evaluate(() => window.__dashboard!.legend.entries.map((e) => e.colour));
    // The legend box sits at the map's top left: every class colour is in it.
    const legendArea = await coloursIn(page, png, { x: 0, y: 90, width: 420, height: 420 });
    for (const colour of legend) expect(legendArea.get(hexToRgb(colour)), colour).toBeGreaterThan(50);
    // The map is drawn: the middle of the page holds many colours, and plenty of the darkest class.
    const middle = await coloursIn(page, png, { x: 500, y: 150, width: 1200, height: 900 });
    expect(middle.size).toBeGreaterThan(20);
    expect(middle.get(hexToRgb(legend[legend.length - 1]))).toBeGreaterThan(1000);
    expect(await page.getByRole('status').filter({ hasText: 'Map downloaded' }).textContent()).toBe('Map downloaded (1754 × 1240 px).');
    await page.close();
  });

  it('downloads the hot spot layer as on screen, and leaves the map as it was', async () => {
    const page = await openDashboard(session, '?layer=hotspots&map=12/51.21/-1.49');
    const before = await page.evaluate(() => [window.__wardMap!.getCenter().toArray(), window.__wardMap!.getZoom(), window.__wardMap!.getCanvas().width]);
    const png = await downloadMap(page, 'As on screen');
    await writeFile(`${SCREENSHOT_DIR}/export-screen-hotspots.png`, png);
    const { width, height } = pngSize(png);
    const mapWidth = await page.locator('.map').evaluate((element) => element.clientWidth);
    expect(width).toBe(mapWidth);
    expect(height).toBeGreaterThan(500);
    await waitForMap(page);
    const after = await page.evaluate(() => [window.__wardMap!.getCenter().toArray(), window.__wardMap!.getZoom(), window.__wardMap!.getCanvas().width]);
    expect(after).toEqual(before);
    expect(new URL(page.url()).searchParams.get('map')).toBe('12/51.21/-1.49');
    await page.close();
  });
});

describe('chart export', () => {
  it('downloads the trend chart as a titled SVG with its styles inline, and as a PNG twice its size', async () => {
    const page = await openDashboard(session, '?panel=trend');
    const chart = page.locator('.trend-panel');
    const [svgFile] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: 'SVG' }).click()]);
    expect(svgFile.suggestedFilename()).toBe('test-valley-trend-all-excl-asb-fy2018.svg');
    const svg = await readFile((await svgFile.path())!, 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const text = svg.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Monthly crimes: Test Valley (all wards), All crime excluding anti-social behaviour, Financial year 2018/19');
    expect(text).toContain('12-month rolling average');
    expect(svg).toMatch(/<path[^>]*style="[^"]*stroke:\s*rgb\(11, 79, 156\)/);
    expect((svg.match(/class="trend-point"/g) ?? []).length).toBe(12);

    const [pngFile] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: 'PNG' }).click()]);
    const png = await readFile((await pngFile.path())!);
    await writeFile(`${SCREENSHOT_DIR}/export-trend.png`, png);
    const { width, height } = pngSize(png);
    const svgBox = await page.locator('.trend-panel svg[data-chart]').boundingBox();
    expect(width).toBe(Math.round(svgBox!.width) * 2);
    // The title (two lines here) above and the three-line key below.
    expect(height).toBe((Math.round(svgBox!.height) + 2 * 18 + 10 + 3 * 18 + 6) * 2);
    const colours = await coloursIn(page, png, { x: 0, y: 0, width, height });
    expect(colours.get('11,79,156')).toBeGreaterThan(200);
    await page.close();
  });
});

describe('the report in print, in the public view, and as a link', () => {
  it('prints on A4 without the controls, and nothing on the page breaks axe-core', async () => {
    const page = await openReport(session);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.controls').isVisible()).toBe(false);
    expect(await page.locator('.report-table').first().isVisible()).toBe(true);
    const pdf = await page.pdf({ path: `${SCREENSHOT_DIR}/report.pdf`, format: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Every table fits the page width: nothing is cut at the right edge.
    const overflow = await page.evaluate(() => Array.from(document.querySelectorAll('.report-table')).filter((t) => t.scrollWidth > t.parentElement!.clientWidth + 1).length);
    expect(overflow).toBe(0);
    await page.close();
  });

  it('restores the page, split and mode from a link, and labels the public view', async () => {
    const page = await openReport(session, '?mode=public&category=Robbery');
    expect(await page.locator('.mode-label span').textContent()).toBe('Public view: counts from 1 to 4 below district level withheld');
    expect(await page.locator('.report-table').nth(1).textContent()).toContain('fewer than 5');
    // The ward ranking by count shows no count from 1 to 4: those wards are left out.
    const counts = await page.locator('.report-table').nth(2).locator('tbody tr td:nth-of-type(3)').allTextContents();
    expect(counts.length).toBeGreaterThan(5);
    expect(counts.filter((count) => ['1', '2', '3', '4'].includes(count))).toEqual([]);
    await screenshot(page, 'report-public');
    await page.getByLabel('Split the district').selectOption('North and South');
    expect(new URL(page.url()).searchParams.get('split')).toBe('North and South');
    expect(await page.locator('#split-title').textContent()).toBe('By area: North, Mid-Test and South');
    await page.reload();
    await page.waitForSelector('.report .trend-point');
    expect(await page.getByLabel('Split the district').inputValue()).toBe('North and South');
    await page.getByRole('button', { name: 'Show full detail (officer view)' }).click();
    expect(new URL(page.url()).searchParams.get('mode')).toBe('officer');
    await page.getByRole('button', { name: 'Map and wards' }).click();
    await waitForMap(page);
    expect(new URL(page.url()).searchParams.get('page')).toBeNull();
    await page.goBack();
    await page.waitForSelector('.report .trend-point');
    expect(new URL(page.url()).searchParams.get('page')).toBe('report');
    await page.close();
  });
});
