import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDashboard, startSession, waitForMap, type BrowserSession } from './harness.ts';

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
