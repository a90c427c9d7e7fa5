import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDashboard, screenshot, startSession, waitForMap, type BrowserSession } from './harness.ts';

let session: BrowserSession;

beforeAll(async () => {
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
});

describe('the trend chart', () => {
  it('draws one point per month of the period, follows the filters, and reads values by keyboard', async () => {
    const page = await openDashboard(session, '?panel=trend');
    await screenshot(page, 'trend-fy2018');
    const points = page.locator('.trend-point');
    expect(await points.count()).toBe(12);
    const months = await points.evaluateAll((circles) => circles.map((c) => c.getAttribute('data-month')));
    expect(months[0]).toBe('2018-04');
    expect(months[11]).toBe('2019-03');
    // The points add up to the district's count for the period.
    const total = await points.evaluateAll((circles) => circles.reduce((sum, c) => sum + Number(c.getAttribute('data-count')), 0));
    expect(total).toBe(await page.evaluate(() => window.__dashboard!.district.figures.count));
    expect(await page.locator('.peak-months').innerText()).toMatch(/^The highest levels? (was|were) in .+; the lowest in .+\.$/);

    await page.getByLabel('Crime category').selectOption('Burglary');
    await waitForMap(page);
    const burglary = await points.evaluateAll((circles) => circles.reduce((sum, c) => sum + Number(c.getAttribute('data-count')), 0));
    expect(burglary).toBe(await page.evaluate(() => window.__dashboard!.district.figures.count));
    expect(burglary).toBeLessThan(total / 5);

    await page.locator('.trend-hit').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('.trend-readout').innerText()).toMatch(/^Apr 2018: Burglary: \d+; 12-month average: [\d.]+; a year before: \d+$/);
    await page.close();
  });

  it('sets the period when the overview is brushed', async () => {
    const page = await openDashboard(session, '?panel=trend');
    await page.locator('.trend-overview').scrollIntoViewIfNeeded();
    const overview = (await page.locator('.trend-overview .overlay').boundingBox())!;
    // 31 months from 2017-04: drag from the start of the 3rd month (2017-06) to the end of the 8th (2017-11).
    const step = overview.width / 31;
    await page.mouse.move(overview.x + step * 2 + 1, overview.y + overview.height / 2);
    await page.mouse.down();
    await page.mouse.move(overview.x + step * 5, overview.y + overview.height / 2, { steps: 5 });
    await page.mouse.move(overview.x + step * 8 - 1, overview.y + overview.height / 2, { steps: 5 });
    await page.mouse.up();
    await waitForMap(page);
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('period') === '2017-06..2017-11');
    expect(await page.locator('.trend-point').count()).toBe(6);
    await screenshot(page, 'trend-brushed');
    await page.close();
  });

  it('shows quarterly totals, marking a quarter cut by the period', async () => {
    const page = await openDashboard(session, '?panel=trend&trend=quarterly&period=2018-05..2019-03');
    const bars = page.locator('.trend-bar');
    expect(await bars.count()).toBe(4);
    expect(await page.locator('.trend-bar--partial').count()).toBe(1);
    const total = await bars.evaluateAll((groups) => groups.reduce((sum, g) => sum + Number(g.getAttribute('data-total')), 0));
    expect(total).toBe(await page.evaluate(() => window.__dashboard!.district.figures.count));
    await screenshot(page, 'trend-quarterly');
    await page.close();
  });
});

describe('the rates tab', () => {
  it('plots every ward on the funnel and links it with the map', async () => {
    const page = await openDashboard(session, '?panel=rates');
    await screenshot(page, 'rates-funnel');
    expect(await page.locator('.funnel-point').count()).toBe(24);
    await page.locator('.funnel-plot').scrollIntoViewIfNeeded();
    expect(await page.locator('.funnel-limit path').count()).toBe(4);
    const stMarys = page.locator('.funnel-point[data-ward-id="E05004648"]');
    expect(await stMarys.getAttribute('aria-label')).toContain('above the 99.8% limit');
    await stMarys.hover();
    // The map draws the hovered ward's outline from its own small source.
    const hoveredOnMap = await page.waitForFunction(() => {
      const hovered = window.__wardMap?.querySourceFeatures('ward-highlight', { filter: ['==', ['get', 'role'], 'hover'] }) ?? [];
      return hovered.length > 0 ? Number(hovered[0].id) : false;
    });
    expect(await page.evaluate((i) => window.__dashboard!.wards[i]?.id, (await hoveredOnMap.jsonValue()) as number)).toBe('E05004648');
    expect(await page.locator('.rates-table tbody tr').count()).toBe(24);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.close();
  });

  it('states how concentrated crime is on the concentration tab', async () => {
    const page = await openDashboard(session, '?panel=places&layer=hexbins');
    await screenshot(page, 'places-concentration');
    expect(await page.locator('.places-panel .peak-months').innerText()).toMatch(/^The busiest 5% of the [\d,]+ 250 m hexagons hold \d+% of crimes\.$/);
    await page.locator('.assignment summary').click();
    expect(await page.locator('.assignment-table tbody tr').count()).toBe(24);
    await page.close();
  });
});
