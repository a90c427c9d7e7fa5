import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDashboard, screenshot, startSession, waitForMap, type BrowserSession } from './harness.ts';
import { canvasSamples, changedShare } from './pixels.ts';

let session: BrowserSession;

beforeAll(async () => {
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
});

async function showLayer(page: Page, label: string): Promise<void> {
  await page.getByRole('radio', { name: label, exact: true }).check();
  await waitForMap(page);
}

function legendTitle(page: Page): Promise<string> {
  return page.locator('.legend-title').innerText();
}

/** Crimes in the wards for the view: the table's district total less those outside every ward or without a location. */
function crimesInWards(page: Page): Promise<number> {
  return page.evaluate(() => {
    const model = window.__dashboard;
    if (!model) throw new Error('no model');
    return model.wards.reduce((sum, ward) => sum + ward.figures.count, 0);
  });
}

function layerSummary(page: Page) {
  return page.evaluate(() => window.__layer ?? null);
}

describe('the crime layers on Test Valley', () => {
  it('draws each layer differently, with its own legend', async () => {
    const page = await openDashboard(session);
    const layers: [string, RegExp][] = [
      ['Density', /^Density of crimes/],
      ['Hexagons', /^Number of crimes per hexagon/],
      ['Hot spots', /^Hot spots of crimes/],
      ['Crimes', /^Crimes at their map points/],
      ['Change', /^Change in crimes on/],
      ['Wards', /^Crimes per 1,000 residents/],
    ];
    let before = await canvasSamples(page);
    for (const [label, title] of layers) {
      await showLayer(page, label);
      await screenshot(page, `layer-${label.toLowerCase().replace(/ /g, '-')}`);
      expect(await legendTitle(page)).toMatch(title);
      const after = await canvasSamples(page);
      expect(changedShare(before, after), `${label} should repaint the map`).toBeGreaterThan(0.01);
      before = after;
    }
    await page.close();
  });

  it('counts every crime in the wards once in the hexagons and at the points', async () => {
    const page = await openDashboard(session, '?layer=hexbins');
    const expected = await crimesInWards(page);
    const hexes = await layerSummary(page);
    expect(hexes?.layer).toBe('hexbins');
    expect(hexes?.cellTotal).toBe(expected);
    expect(hexes?.crimes).toBe(expected);
    await showLayer(page, 'Crimes');
    const points = await layerSummary(page);
    expect(points?.layer).toBe('points');
    expect(points?.pointTotal).toBe(expected);
    // After a filter change the layer follows.
    await page.getByLabel('Crime category').selectOption('Burglary');
    await waitForMap(page);
    const burglary = await layerSummary(page);
    expect(burglary?.pointTotal).toBe(await crimesInWards(page));
    expect(burglary?.pointTotal).toBeLessThan(expected / 5);
    await page.close();
  });

  it('finds hot spots in Andover and Romsey, states the method, and says that points are snapped', async () => {
    const page = await openDashboard(session, '?layer=hotspots');
    const summary = await layerSummary(page);
    expect(summary?.hotCells).toBeGreaterThan(0);
    const legend = await page.locator('.legend').innerText();
    expect(legend).toMatch(/Gi\* on [\d,]+ m hexagons/);
    expect(legend).toMatch(/neighbours within [\d,]+ m/);
    expect(legend).toContain('false-discovery-rate');
    expect(legend).toContain('anonymous map points');
    await page.close();
  });

  it('tests hot spots on LSOAs when asked, with the band in the legend', async () => {
    const page = await openDashboard(session, '?layer=hotspots&units=lsoas');
    await screenshot(page, 'layer-hot-spots-lsoas');
    expect(await page.locator('.legend').innerText()).toMatch(/Gi\* on \d+ LSOAs, neighbours within [\d,]+ m/);
    expect(await page.getByLabel('Test on').inputValue()).toBe('lsoas');
    expect((await layerSummary(page))?.hotCells).toBeGreaterThan(0);
    await page.close();
  });

  it('shows a hexagon’s count and top categories on hover', async () => {
    const page = await openDashboard(session, '?layer=hexbins');
    const point = await page.evaluate(() => {
      const map = window.__wardMap!;
      const features = map.queryRenderedFeatures({ layers: ['hex-fill'] });
      const busiest = features.sort((a, b) => Number(b.properties.count) - Number(a.properties.count))[0];
      const ring = (busiest.geometry as GeoJSON.Polygon).coordinates[0];
      const lon = ring.slice(0, 6).reduce((a, p) => a + p[0], 0) / 6;
      const lat = ring.slice(0, 6).reduce((a, p) => a + p[1], 0) / 6;
      return { ...map.project([lon, lat]), count: Number(busiest.properties.count) };
    });
    const box = (await page.locator('.map canvas').boundingBox())!;
    await page.mouse.move(box.x + point.x, box.y + point.y);
    const tooltip = page.locator('.ward-tooltip');
    await tooltip.waitFor({ state: 'visible' });
    const text = await tooltip.innerText();
    expect(text).toContain(`${point.count.toLocaleString('en-GB')} crimes in this 250 m hexagon`);
    expect(text).toMatch(/Violence and sexual offences: \d+/);
    await page.close();
  });

  it('opens a popup listing the crimes at a map point, built as text', async () => {
    const page = await openDashboard(session, '?layer=points&category=Burglary');
    // Zoom into the busiest single point, past the clustering.
    const target = await page.evaluate(async () => {
      const map = window.__wardMap!;
      const source = map.getSource('crime-points') as unknown as { serialize(): { data: GeoJSON.FeatureCollection } };
      const features = source.serialize().data.features;
      const busiest = features.sort((a, b) => Number(b.properties?.count) - Number(a.properties?.count))[0];
      const [lon, lat] = (busiest.geometry as GeoJSON.Point).coordinates;
      map.jumpTo({ center: [lon, lat], zoom: 17 });
      await new Promise((resolve) => map.once('idle', resolve));
      return { ...map.project([lon, lat]), count: Number(busiest.properties?.count) };
    });
    const box = (await page.locator('.map canvas').boundingBox())!;
    await page.mouse.click(box.x + target.x, box.y + target.y);
    const popup = page.locator('.crime-popup');
    await popup.waitFor({ state: 'visible' });
    await screenshot(page, 'points-popup');
    const text = await popup.innerText();
    expect(text).toContain(`${target.count} crime`);
    expect(text).toMatch(/On or near|Nightclub|Supermarket|Petrol Station|Parking Area/);
    expect(text).toMatch(/Burglary, \w+ 20\d\d/);
    expect(text).toContain('anonymous map points');
    expect(await popup.locator('script, img, iframe').count()).toBe(0);
    await page.close();
  });

  it('has no axe-core violations with the hot spot layer and the rates tab open', async () => {
    const page = await openDashboard(session, '?layer=hotspots&panel=rates');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.close();
  });
});

describe('the change map and significance on Test Valley', () => {
  it('colours only significant changes and flags them in the table', async () => {
    const page = await openDashboard(session, '?layer=change&measure=count');
    await screenshot(page, 'layer-change');
    const legend = await page.locator('.legend').innerText();
    expect(legend).toContain('No significant change (95%)');
    const flags = await page.locator('.ward-table tbody .significance').allInnerTexts();
    expect(flags.length).toBe(24);
    expect(flags.some((f) => /Sig\. (rise|fall)/.test(f))).toBe(true);
    // The colours on the map are the legend's: every ward's class is one of its entries.
    const classes = await page.evaluate(() => window.__dashboard!.wards.map((w) => w.classIndex));
    const entries = await page.locator('.legend-classes li').count();
    expect(classes.every((c) => c >= -1 && c < entries)).toBe(true);
    await page.close();
  });
});
