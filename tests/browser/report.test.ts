import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReport, screenshot, SCREENSHOT_DIR, startSession, type BrowserSession } from './harness.ts';

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
