import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDashboard, screenshot, startSession, waitForMap, type BrowserSession } from './harness.ts';
import { canvasSamples, distance } from './pixels.ts';

let session: BrowserSession;

beforeAll(async () => {
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
});

const param = (url: string, name: string) => new URL(url).searchParams.get(name);

describe('links and history', () => {
  it('steps back and forward through views', async () => {
    const page = await openDashboard(session);
    await page.getByLabel('Crime category').selectOption('Burglary');
    await waitForMap(page);
    await page.getByRole('radio', { name: 'Hot spots', exact: true }).check();
    await waitForMap(page);
    await page.getByRole('tab', { name: 'Trend' }).click();
    expect(param(page.url(), 'panel')).toBe('trend');

    await page.goBack();
    await waitForMap(page);
    expect(param(page.url(), 'panel')).toBeNull();
    expect(await page.getByRole('tab', { name: 'Wards' }).getAttribute('aria-selected')).toBe('true');
    await page.goBack();
    await waitForMap(page);
    expect(await page.getByRole('radio', { name: 'Wards', exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel('Crime category').inputValue()).toBe('Burglary');
    await page.goBack();
    await waitForMap(page);
    expect(await page.getByLabel('Crime category').inputValue()).toBe('all-excl-asb');
    expect(await page.evaluate(() => window.__dashboard!.categoryLabel)).toBe('All crime excluding anti-social behaviour');

    await page.goForward();
    await waitForMap(page);
    expect(await page.getByLabel('Crime category').inputValue()).toBe('Burglary');
    await page.close();
  });

  it('puts the map position in the link, and a link restores it', async () => {
    const page = await openDashboard(session);
    const entries = await page.evaluate(() => window.history.length);
    const box = (await page.locator('.map canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 120, box.y + box.height / 2 + 60, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction(() => new URL(window.location.href).searchParams.has('map'));
    const map = param(page.url(), 'map')!;
    expect(map).toMatch(/^[\d.]+\/51\.\d+\/-1\.\d+$/);
    // A pan replaces the history entry rather than adding one.
    expect(await page.evaluate(() => window.history.length)).toBe(entries);
    const shared = await openDashboard(session, `?map=${map}`);
    const centre = await shared.evaluate(() => {
      const c = window.__wardMap!.getCenter();
      return [window.__wardMap!.getZoom(), c.lat, c.lng];
    });
    const [zoom, lat, lon] = map.split('/').map(Number);
    expect(centre[0]).toBeCloseTo(zoom, 1);
    expect(centre[1]).toBeCloseTo(lat, 3);
    expect(centre[2]).toBeCloseTo(lon, 3);
    await shared.getByRole('button', { name: 'Show the whole area' }).click();
    await waitForMap(shared);
    expect(param(shared.url(), 'map')).toBeNull();
    await page.close();
    await shared.close();
  });
});

describe('embed mode', () => {
  it('fits a 320 px iframe without horizontal scroll, with a link to the full dashboard', async () => {
    const page = await openDashboard(session, '?embed=1&category=Burglary', { width: 320, height: 640 });
    await screenshot(page, 'embed-320');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    // The wards fill the map: most of the canvas is not the bare background.
    const background = [0xee, 0xf0, 0xf2];
    const samples = await canvasSamples(page, 16, 16);
    let painted = 0;
    for (let i = 0; i < samples.length; i += 3) if (distance([samples[i], samples[i + 1], samples[i + 2]], background) > 20) painted++;
    expect(painted / (samples.length / 3)).toBeGreaterThan(0.15);
    expect(await page.locator('.legend').count()).toBe(1);
    expect(await page.getByLabel('Measure').count()).toBe(0);
    expect(await page.locator('.side-panel').count()).toBe(0);
    const full = await page.getByRole('link', { name: /Open the full dashboard/ }).getAttribute('href');
    expect(param(full!, 'embed')).toBeNull();
    expect(param(full!, 'category')).toBe('Burglary');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.close();
  });

  it('offers the iframe code for the current view on the full dashboard', async () => {
    const page = await openDashboard(session, '?category=Drugs');
    await page.locator('.share summary').click();
    const snippet = await page.getByLabel('Code to embed the map on a website').inputValue();
    expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?category=Drugs&amp;.*embed=1" title="Crime map: Test Valley"/);
    await page.close();
  });
});

describe('table export', () => {
  it('downloads the ward table as CSV with the table’s rows and figures', async () => {
    const page = await openDashboard(session, '?category=Burglary&sort=count-desc');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('wards-burglary-fy2018.csv');
    const path = await download.path();
    const [table, caveats] = (await readFile(path, 'utf8')).trimEnd().split('\r\n\r\n');
    const lines = table.split('\r\n');
    expect(lines).toHaveLength(25);
    // The caveats follow the table: the data stamp first, the disclosure mode last.
    expect(caveats.split('\r\n')[0]).toBe('police.uk data to 2019-10.');
    expect(caveats.split('\r\n').at(-1)).toBe('"Officer view: full detail, not for publication."');
    expect(lines[0]).toBe('Rank,Ward,Ward code,Neighbourhood area,Count,Previous count,Change,Change (%),"Significance (exact Poisson test, 95%)","Rate per 1,000","Smoothed rate per 1,000"');
    const firstRow = await page.locator('.ward-table tbody tr').first().innerText();
    const firstCount = /\t([\d,]+)/.exec(firstRow)?.[1]?.replace(/,/g, '');
    expect(lines[1]).toContain(`,${firstCount},`);
    await page.close();
  });

  it('copies the table as HTML and as tab-separated text', async () => {
    const context = await session.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${session.baseUrl}?category=Drugs`);
    await waitForMap(page);
    await page.getByRole('button', { name: 'Copy table' }).click();
    await page.getByText('Table copied').waitFor();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    const rows = text.trimEnd().split('\n\n')[0].split('\n');
    expect(rows).toHaveLength(25);
    expect(text).toContain('police.uk data to 2019-10.');
    expect(rows[0].split('\t')).toHaveLength(11);
    await context.close();
  });
});
