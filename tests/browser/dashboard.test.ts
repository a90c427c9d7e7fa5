import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBoundaries, type WardSet } from '../../src/core/boundaries.ts';
import { wardLabelPoint } from '../../src/core/wardGeometry.ts';
import { openDashboard, screenshot, startSession, waitForMap, type BrowserSession } from './harness.ts';
import { canvasColourAtLonLat, distance, rgb } from './pixels.ts';

interface WardOnScreen {
  id: string;
  name: string;
  value: number | null;
  classIndex: number;
  colour: string | null;
  figures: { count: number; rate: number | null };
}

let session: BrowserSession;
let wards: WardSet;

beforeAll(async () => {
  const path = resolve(import.meta.dirname, '..', '..', 'geo', 'test-valley-wards-2013.geojson');
  wards = parseBoundaries(path, await readFile(path, 'utf8'));
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
});

function modelWards(page: Page): Promise<WardOnScreen[]> {
  return page.evaluate(() => (window.__dashboard?.wards ?? []) as unknown as WardOnScreen[]);
}

function legendColours(page: Page): Promise<string[]> {
  return page.$$eval('.legend-classes .legend-swatch:not(.legend-swatch--hatch)', (swatches) =>
    swatches.map((swatch) => getComputedStyle(swatch).backgroundColor),
  );
}

/** The colour the map canvas shows at a ward's label point (HTML labels are not on the canvas). */
function canvasColourAt(page: Page, wardId: string): Promise<number[]> {
  const point = wardLabelPoint(wards.polygons[wards.ids.indexOf(wardId)]);
  return canvasColourAtLonLat(page, point.lon, point.lat);
}

/** Checks that the ward's fill on the canvas is its legend class's colour, nearer it than any other class. */
async function expectFillMatchesLegend(page: Page, wardId: string): Promise<void> {
  const ward = (await modelWards(page)).find((w) => w.id === wardId);
  expect(ward?.classIndex).toBeGreaterThanOrEqual(0);
  const legend = (await legendColours(page)).map(rgb);
  const pixel = await canvasColourAt(page, wardId);
  const distances = legend.map((colour) => distance(colour, pixel));
  const nearest = distances.indexOf(Math.min(...distances));
  expect(nearest, `${wardId} pixel ${pixel} vs legend ${JSON.stringify(legend)}`).toBe(ward?.classIndex);
  expect(distances[nearest]).toBeLessThan(30);
}

async function tableRows(page: Page): Promise<{ id: string; text: string }[]> {
  return page.$$eval('tbody tr[data-ward-id]', (rows) => rows.map((row) => ({ id: row.getAttribute('data-ward-id') ?? '', text: row.textContent ?? '' })));
}

async function legendText(page: Page): Promise<string> {
  return (await page.textContent('.legend')) ?? '';
}

const ST_MARYS = 'E05004648';
const BOURNE_VALLEY = 'E05004634';
const ABBEY = 'E05004628';

describe('the dashboard on Test Valley', () => {
  it('paints the default view: rate per 1,000, all crime excluding ASB, FY2018/19, 24 wards', async () => {
    const page = await openDashboard(session);
    await screenshot(page, 'default-1366');
    expect(await page.getByLabel('Period').inputValue()).toBe('fy2018');
    const rows = await tableRows(page);
    expect(rows).toHaveLength(24);
    expect(new Set(rows.map((r) => r.id)).size).toBe(24);
    const legend = await legendText(page);
    expect(legend).toContain('per 1,000 residents');
    expect(legend).toContain('ONS mid-2017');
    expect(legend).toMatch(/Quantile/);
    // St Mary's has the highest rate in FY2018/19: 1,552 crimes, 139.6 per 1,000.
    expect(rows[0].id).toBe(ST_MARYS);
    expect(rows[0].text).toContain('1,552');
    expect(rows[0].text).toContain('139.6');
    for (const id of [ST_MARYS, BOURNE_VALLEY, ABBEY]) await expectFillMatchesLegend(page, id);
    await page.close();
  });

  it('keeps map, legend and table consistent when category, period, measure and classification change', async () => {
    const page = await openDashboard(session);
    const before = { legend: await legendText(page), rows: await tableRows(page), pixel: await canvasColourAt(page, BOURNE_VALLEY) };

    await page.getByLabel('Crime category').selectOption('asb');
    await waitForMap(page);
    const asb = { legend: await legendText(page), rows: await tableRows(page) };
    expect(asb.legend).not.toBe(before.legend);
    expect(asb.rows.map((r) => r.text)).not.toEqual(before.rows.map((r) => r.text));
    for (const id of [ST_MARYS, BOURNE_VALLEY]) await expectFillMatchesLegend(page, id);

    await page.getByLabel('Period').selectOption('fy2017');
    await waitForMap(page);
    expect((await tableRows(page)).map((r) => r.text)).not.toEqual(asb.rows.map((r) => r.text));
    await expectFillMatchesLegend(page, BOURNE_VALLEY);

    await page.getByLabel('Measure').selectOption('count');
    await waitForMap(page);
    expect(await legendText(page)).toMatch(/Crimes|Number|count/i);
    expect(await legendText(page)).not.toContain('per 1,000');
    const counts = await modelWards(page);
    expect(counts.every((w) => w.value === w.figures.count)).toBe(true);
    await expectFillMatchesLegend(page, ST_MARYS);

    await page.getByLabel('Classification').selectOption('equal-interval');
    await waitForMap(page);
    expect(await legendText(page)).toContain('Equal interval');
    await page.getByLabel('Number of classes').selectOption('3');
    await waitForMap(page);
    expect(await legendColours(page)).toHaveLength(3);
    for (const id of [ST_MARYS, BOURNE_VALLEY, ABBEY]) await expectFillMatchesLegend(page, id);
    await screenshot(page, 'asb-fy2017-count-equal-3');

    expect(page.url()).toContain('category=asb');
    expect(page.url()).toContain('period=fy2017');
    expect(page.url()).toContain('measure=count');
    await page.close();
  });

  it('restores a view from its URL', async () => {
    const page = await openDashboard(session, '?category=Burglary&period=cy2018&measure=count&method=ckmeans&classes=4');
    expect(await page.getByLabel('Crime category').inputValue()).toBe('Burglary');
    expect(await page.getByLabel('Period').inputValue()).toBe('cy2018');
    expect(await legendText(page)).toContain('Natural breaks');
    expect(await legendColours(page)).toHaveLength(4);
    await expectFillMatchesLegend(page, ST_MARYS);
    await page.close();
  });

  it('lets keyboard users reach and select a ward', async () => {
    const page = await openDashboard(session);
    let focused = '';
    for (let presses = 0; presses < 80 && !focused; presses++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.closest('tr[data-ward-id]')?.getAttribute('data-ward-id') ?? '');
    }
    expect(focused, 'a ward in the table takes keyboard focus').not.toBe('');
    await page.keyboard.press('Enter');
    await waitForMap(page);
    expect(await page.getAttribute(`tr[data-ward-id="${focused}"]`, 'class')).toContain('is-selected');
    expect(await page.evaluate(() => window.__dashboard?.selectedWard)).not.toBeNull();
    expect(page.url()).toContain(`ward=${focused}`);
    await screenshot(page, 'keyboard-selected');
    await page.close();
  });

  it('filters by neighbourhood area', async () => {
    const page = await openDashboard(session);
    const zoom = () => page.evaluate(() => window.__wardMap!.getZoom());
    const districtZoom = await zoom();
    await page.getByLabel('Neighbourhood area', { exact: true }).selectOption('Mid-Test');
    await waitForMap(page);
    const rows = await tableRows(page);
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.text.includes('Mid-Test'))).toBe(true);
    // The map closes in on the group's four wards, each of them in view.
    expect(await zoom()).toBeGreaterThan(districtZoom + 0.5);
    const inView = await page.evaluate(() => {
      const map = window.__wardMap!;
      const bounds = map.getBounds();
      const inGroup = window.__dashboard!.wards.filter((w) => w.inFilter).map((w) => w.ward);
      const features = map.querySourceFeatures('wards').filter((f) => inGroup.includes(Number(f.id)));
      const inside = features.every((f) => {
        const ring = (f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates[0][0] : []) as number[][];
        return ring.every(([lon, lat]) => bounds.contains([lon, lat]));
      });
      return { wards: new Set(features.map((f) => f.id)).size, inside };
    });
    expect(inView).toEqual({ wards: 4, inside: true });
    await screenshot(page, 'group-mid-test');
    await page.close();
  });

  it('has no axe-core violations (WCAG 2.2 AA)', async () => {
    const page = await openDashboard(session);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.close();
  });

  it('shows a clear message naming the file when the area cannot be loaded', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${session.baseUrl}?area=no-such-area`);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain('no-such-area');
    await screenshot(page, 'load-error');
    await page.close();
  });

  it('stacks map and table on a narrow screen without a blank map', async () => {
    const page = await openDashboard(session, '', { width: 400, height: 800 });
    await screenshot(page, 'narrow-400');
    await expectFillMatchesLegend(page, ST_MARYS);
    await page.close();
  });
});
