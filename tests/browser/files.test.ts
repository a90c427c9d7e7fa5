import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGLAND_WARDS_FILE, NATIONAL_MONTH_DIR, nationalDataMissing, SHARED_DATA_DIR } from '../dataDir.ts';
import { writeDbf, writeShp, type ShapeSpec } from '../core/support/shapefileWriter.ts';
import { openDashboard, screenshot, startSession, waitForMap, type BrowserSession } from './harness.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const WARDS = resolve(ROOT, 'geo', 'test-valley-wards-2013.geojson');
const HAMPSHIRE = resolve(NATIONAL_MONTH_DIR, '2019-09-hampshire-street.csv');
const missing = nationalDataMissing();

let session: BrowserSession;

beforeAll(async () => {
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
});

/** Opens "Use your own data files" and chooses files through its input, as a person would. */
async function chooseFiles(page: Page, paths: string[]): Promise<void> {
  await page.getByText('Use your own data files').click();
  await page.locator('.file-loader input[type=file]').setInputFiles(paths);
}

/** Drops files on the drop zone, as a person dragging them from their desktop would. */
async function dropFiles(page: Page, paths: string[]): Promise<void> {
  await page.getByText('Use your own data files').click();
  const files = paths.map((path) => ({ name: path.split('/').pop()!, data: readFileSync(path).toString('base64') }));
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const { name, data } of list) transfer.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name));
    return transfer;
  }, files);
  await page.locator('.drop-zone').dispatchEvent('drop', { dataTransfer });
}

/** The data quality report's counts, by label. */
async function qualityCounts(page: Page): Promise<Record<string, number>> {
  const pairs = await page.locator('.quality-counts div').evaluateAll((items) => items.map((item) => [item.querySelector('dt')!.textContent!, Number(item.querySelector('dd')!.textContent!.replace(/,/g, ''))]));
  return Object.fromEntries(pairs);
}

describe.skipIf(missing !== null)(`the user's own files${missing ? ` (${missing})` : ''}`, () => {
  it('loads the whole Hampshire file of 2019-09 on the Test Valley wards, and reports what the CLI reports', async () => {
    const page = await openDashboard(session);
    await chooseFiles(page, [HAMPSHIRE, WARDS]);
    expect(await page.getByLabel('Area code property').inputValue()).toBe('WD13CD');
    expect(await page.getByLabel('Area name property').inputValue()).toBe('WD13NM');
    await page.getByRole('button', { name: 'Load these files' }).click();
    await page.getByText('Your files are loaded').waitFor({ timeout: 60_000 });
    await waitForMap(page);
    const cli = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'aggregate', '--boundaries', WARDS, HAMPSHIRE], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as Record<string, number>;
    expect(await qualityCounts(page)).toEqual({
      'Rows read': cli.read,
      'Assigned to a ward': cli.assigned,
      'Outside every ward': cli.outside,
      'No location': cli.noLocation,
      Rejected: cli.rejected,
      'Duplicates dropped': cli.duplicates,
    });
    // Most of Hampshire lies outside Test Valley's wards; the map now shows September 2019 alone.
    expect(cli.outside).toBeGreaterThan(cli.assigned);
    expect(await page.locator('.site-header-meta time').textContent()).toBe('2019-09');
    expect(await page.locator('h1').textContent()).toBe('Your data: test-valley-wards-2013: crime by ward');
    expect(await page.evaluate(() => window.__dashboard!.wards.reduce((sum, w) => sum + w.figures.count, 0))).toBeGreaterThan(0);
    await screenshot(page, 'files-hampshire');
    await page.close();
  });

  it('ranks Test Valley among the districts Hampshire police cover, on England\'s wards and populations', async () => {
    const page = await openDashboard(session);
    await chooseFiles(page, [HAMPSHIRE, ENGLAND_WARDS_FILE, resolve(SHARED_DATA_DIR, 'population', 'england-wards-population.csv')]);
    await page.getByRole('button', { name: 'Load these files' }).click();
    await page.getByText('Your files are loaded').waitFor({ timeout: 120_000 });
    await waitForMap(page);
    await page.getByText(/^Compared with the other districts in the data/).click();
    // The rows are drawn once the details are open.
    await page.locator('.neighbours tbody tr').first().waitFor();
    const rows = await page.locator('.neighbours tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (cell) => (cell as HTMLElement).innerText)));
    // Hampshire Constabulary covers Hampshire's 11 districts, Portsmouth, Southampton and the Isle of Wight.
    expect(rows.length).toBeGreaterThanOrEqual(12);
    expect(rows.length).toBeLessThanOrEqual(16);
    // England's ward boundaries give district codes only: the names come from the crimes' LSOA names.
    const testValley = rows.find((row) => row[1].startsWith('Test Valley (E07000093, '));
    expect(testValley, 'Test Valley (E07000093)').toBeDefined();
    expect(rows.some((row) => row[1].startsWith('Southampton (E06000045, '))).toBe(true);
    expect(Number(testValley![0])).toBeGreaterThan(0);
    await screenshot(page, 'files-neighbours');
    // The report ranks all 7,681 wards: the first 150 are drawn, with a button for the rest.
    // (Clicked from the page: role locators read every element of a DOM this size.)
    await page.evaluate(() => ([...document.querySelectorAll('button, a')].find((e) => e.textContent?.trim() === 'Strategic Assessment report') as HTMLElement).click());
    await page.locator('.report .plain-table').first().waitFor();
    const ranking = await page.evaluate(() => {
      const table = [...document.querySelectorAll('.report table')].find((t) => t.querySelector('caption')?.textContent?.startsWith('Wards by number of crimes'));
      const more = table?.closest('.plain-table')?.querySelector('.table-more');
      return { rows: table?.querySelectorAll('tbody tr').length, more: more?.textContent };
    });
    expect(ranking).toEqual({ rows: 150, more: 'The first 150 of 7,681 rows in this order are shown (the download has them all). Show all 7,681' });
    await page.close();
  });

  it('cancels a long load, and the page stays usable with the data from before', async () => {
    const page = await openDashboard(session);
    const national = readdirSync(NATIONAL_MONTH_DIR).filter((name) => name.endsWith('.csv')).map((name) => resolve(NATIONAL_MONTH_DIR, name));
    await chooseFiles(page, national);
    await page.getByRole('button', { name: 'Load these files' }).click();
    await page.locator('.file-progress').getByText(/^Reading /).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Cancelled: the data from before is still loaded.').waitFor();
    expect(await page.locator('.site-header-meta time').textContent()).toBe('2019-10');
    await page.getByLabel('Crime category').selectOption('Burglary');
    await waitForMap(page);
    expect(await page.evaluate(() => window.__dashboard!.categoryLabel)).toBe('Burglary');
    await page.close();
  });
});

describe('a zipped Shapefile in British National Grid', () => {
  it('loads as the areas, its code and name fields found, and the crimes are counted in them', async () => {
    // Two squares of 10 km over Andover and Romsey (grid references SU 36 45 and SU 35 21).
    const square = (e: number, n: number) => [[e, n], [e, n + 10000], [e + 10000, n + 10000], [e + 10000, n], [e, n]];
    const shapes: ShapeSpec[] = [
      { rings: [square(430000, 140000)], attributes: { AREACD: 'E05900001', AREANM: 'Andover square' } },
      { rings: [square(430000, 115000)], attributes: { AREACD: 'E05900002', AREANM: 'Romsey square' } },
    ];
    const prj = 'PROJCS["British_National_Grid",GEOGCS["GCS_OSGB_1936",DATUM["D_OSGB_1936",SPHEROID["Airy_1830",6377563.396,299.3249646]]]]';
    const dir = mkdtempSync(resolve(tmpdir(), 'shapefile-'));
    const zip = resolve(dir, 'squares.zip');
    writeFileSync(zip, zipSync({ 'squares.shp': writeShp(shapes), 'squares.dbf': writeDbf(shapes), 'squares.prj': new TextEncoder().encode(prj) }));
    const page = await openDashboard(session);
    await chooseFiles(page, [zip, resolve(ROOT, 'data', 'police-uk', '2019-09-hampshire-street.csv')]);
    expect(await page.getByLabel('Area code property').inputValue()).toBe('AREACD');
    expect(await page.getByLabel('Area name property').inputValue()).toBe('AREANM');
    await page.getByRole('button', { name: 'Load these files' }).click();
    await page.getByText('Your files are loaded').waitFor({ timeout: 60_000 });
    await waitForMap(page);
    const wards = await page.evaluate(() => window.__dashboard!.wards.map((w) => [w.name, w.figures.count]));
    expect(wards.map(([name]) => name)).toEqual(['Andover square', 'Romsey square']);
    for (const [, count] of wards) expect(count).toBeGreaterThan(20);
    await screenshot(page, 'files-shapefile');
    await page.close();
  });
});

describe('local indicators', () => {
  it('loads a table of the partnership\'s own figures, maps and ranks it, with its source line', async () => {
    const page = await openDashboard(session);
    const ids = await page.evaluate(() => window.__dashboard!.wards.map((w) => [w.id, w.name]));
    // Domestic abuse incidents: each ward its index + 1 in April and May 2019; one row for an unknown area.
    const rows = ids.flatMap(([id], i) => ['2019-04', '2019-05'].map((month) => `${id},${month},Domestic abuse,${i + 1}`));
    const dir = mkdtempSync(resolve(tmpdir(), 'indicators-'));
    const file = resolve(dir, 'domestic-abuse.csv');
    writeFileSync(file, ['Area code,Period,Indicator,Count', ...rows, 'E05999999,2019-04,Domestic abuse,7'].join('\n'));
    await chooseFiles(page, [file]);
    await page.getByLabel('Source of these figures').fill('Test Valley CSP, domestic abuse incidents');
    await page.getByRole('button', { name: 'Add these indicators' }).click();
    await page.getByText('domestic-abuse.csv: 49 rows read, 48 added, 1 rejected.').waitFor();
    expect(await page.getByText('Line 50: area code "E05999999" is not an area of the boundaries').count()).toBe(1);
    await waitForMap(page);
    expect(await page.getByLabel('Crime category').inputValue()).toBe('Local: Domestic abuse');
    const url = new URL(page.url());
    url.searchParams.set('period', '2019-04..2019-05');
    url.searchParams.set('measure', 'count');
    url.searchParams.set('category', 'Local: Domestic abuse');
    await page.evaluate((search) => {
      window.history.pushState(null, '', search);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, url.search);
    await waitForMap(page);
    const top = await page.locator('.ward-table tbody tr').first().innerText();
    expect(top).toContain(ids[ids.length - 1][1]);
    expect(top).toContain(String(2 * ids.length));
    // Before April 2019 the table has no figures: no change is claimed.
    expect(top).not.toContain('Sig. rise');
    expect(await page.locator('.legend').innerText()).toContain('Source: Test Valley CSP, domestic abuse incidents (not police.uk)');
    expect(await page.locator('.summary').innerText()).toContain('Local: Domestic abuse');
    await screenshot(page, 'files-indicators');
    await page.close();
  });

  it('takes figures by financial year, maps them over whole years and lists them by year on the trend tab', async () => {
    const page = await openDashboard(session, '?panel=trend&period=2018-06..2018-09');
    const ids = await page.evaluate(() => window.__dashboard!.wards.map((w) => w.id));
    // Hate crime: each ward its index + 1 in 2017/18 and twice that in 2018/19.
    const rows = ids.flatMap((id, i) => [`${id},2017/18,Hate crime,${i + 1}`, `${id},FY2018/19,Hate crime,${2 * (i + 1)}`]);
    const dir = mkdtempSync(resolve(tmpdir(), 'indicators-'));
    const file = resolve(dir, 'hate-crime.csv');
    writeFileSync(file, ['Area code,Period,Indicator,Count', ...rows, `${ids[0]},2019-04,Hate crime,3`].join('\n'));
    await chooseFiles(page, [file]);
    await page.getByRole('button', { name: 'Add these indicators' }).click();
    await page.getByText('hate-crime.csv: 49 rows read, 48 added, 1 rejected.').waitFor();
    expect(await page.getByText('Line 50: Hate crime has figures by financial year above; period "2019-04" is a month').count()).toBe(1);
    await waitForMap(page);
    expect(await page.getByLabel('Crime category').inputValue()).toBe('Local: Hate crime');
    // June to September is part of a year: the year it ends in is shown, and the page says so.
    expect(await page.locator('.summary').innerText()).toContain('Hate crime is counted by financial year, so the figures are for financial year 2018/19, not Jun 2018 to Sep 2018.');
    const total = (ids.length * (ids.length + 1)) / 2;
    const years = page.locator('.trend-panel .yearly-totals tbody tr');
    expect(await years.allInnerTexts()).toEqual([`2017/18\t${total}`, `2018/19\t${2 * total}`]);
    expect(await page.locator('.trend-panel svg').count()).toBe(0);
    await screenshot(page, 'files-indicators-yearly');
    await page.close();
  });
});

describe('ward groups', () => {
  it('takes groups from a CSV and from the table, and saves them in an area config', async () => {
    const page = await openDashboard(session);
    const dir = mkdtempSync(resolve(tmpdir(), 'groups-'));
    const file = resolve(dir, 'towns.csv');
    writeFileSync(file, ['Ward,Group', "St Mary's,Andover", 'Alamein,Andover', 'Winton,Andover', 'Abbey,Romsey', 'Tadburn,Romsey'].join('\n'));
    await page.getByText('Edit ward groups').click();
    await page.locator('.group-editor input[type=file]').setInputFiles(file);
    await page.getByText('towns.csv: 2 groups, 5 wards placed.').waitFor();
    await waitForMap(page);
    const groupRows = () => page.locator('.summary-table tbody th').allInnerTexts();
    expect(await groupRows()).toEqual(['Andover (3 wards)', 'Romsey (2 wards)', 'In no group (19 wards)']);
    await page.getByLabel('Neighbourhood area of Cupernham').selectOption('Romsey');
    await waitForMap(page);
    expect(await groupRows()).toEqual(['Andover (3 wards)', 'Romsey (3 wards)', 'In no group (18 wards)']);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the area config' }).click()]);
    expect(download.suggestedFilename()).toBe('test-valley.json');
    const config = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { groups: { groups: { name: string; wards: string[] }[] } };
    expect(config.groups.groups.map((g) => [g.name, g.wards.length])).toEqual([
      ['Andover', 3],
      ['Romsey', 3],
    ]);
    await page.close();
  });
});

describe('start-up from the deployment bundle', () => {
  it('reads the default area from its bundle, fetching no police.uk CSV', async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(session.baseUrl);
    await waitForMap(page);
    expect(fetched).toContain('/data/bundles/test-valley/manifest.json');
    expect(fetched).toContain('/data/bundles/test-valley/crimes.bin');
    expect(fetched.filter((path) => path.endsWith('.csv') || path.endsWith('.geojson'))).toEqual([]);
    const load = await page.evaluate(() => window.__load!);
    expect(load.counts.read).toBe(load.counts.assigned + load.counts.outside + load.counts.noLocation + load.counts.rejected + load.counts.duplicates);
    expect(load.timings.join).toBe(0);
    await context.close();
  });
});

describe('adding files to the embedded data', () => {
  it('drops the crimes already loaded when a file is added again, and says how many', async () => {
    const page = await openDashboard(session);
    const before = await qualityCounts(page);
    await dropFiles(page, [resolve(ROOT, 'data', 'police-uk', '2019-10-hampshire-street.csv')]);
    await page.getByText('Crime files: 2019-10-hampshire-street.csv').waitFor();
    await page.getByRole('button', { name: 'Load these files' }).click();
    await page.getByText('Your files are loaded').waitFor({ timeout: 60_000 });
    await waitForMap(page);
    const after = await qualityCounts(page);
    const added = after['Rows read'] - before['Rows read'];
    expect(added).toBeGreaterThan(500);
    // Every October row with a Crime ID is a duplicate; those without one (anti-social behaviour) cannot be told apart.
    expect(after['Duplicates dropped'] - before['Duplicates dropped']).toBeGreaterThan(added / 2);
    expect(after['Rows read']).toBe(after['Assigned to a ward'] + after['Outside every ward'] + after['No location'] + after.Rejected + after['Duplicates dropped']);
    await page.close();
  });
});
