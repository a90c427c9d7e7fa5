import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { launchChromium } from './chromium.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
export const SCREENSHOT_DIR = resolve(ROOT, 'tests', 'browser', 'screenshots');


export interface BrowserSession {
  browser: Browser;
  server: PreviewServer;
  baseUrl: string;
  close: () => Promise<void>;
}

/** Serves the production build (dist/) and launches Chromium. */
export async function startSession(): Promise<BrowserSession> {
  if (!existsSync(resolve(ROOT, 'dist', 'index.html'))) {
    throw new Error('dist/ has no build: run `npx vite build` first (npm test does it)');
  }
  const server = await preview({ root: ROOT, logLevel: 'error', preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false } });
  const baseUrl = server.resolvedUrls?.local[0];
  if (!baseUrl) throw new Error('the preview server did not report its address');
  const browser = await launchChromium();
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  return {
    browser,
    server,
    baseUrl,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Opens the app (with an optional query string) and waits until the map has painted. */
export async function openDashboard(session: BrowserSession, query = '', viewport = { width: 1366, height: 768 }): Promise<Page> {
  return openPage(session, query, viewport, waitForMap);
}

/** Opens the Strategic Assessment page and waits until its tables and charts are drawn. */
export async function openReport(session: BrowserSession, query = '', viewport = { width: 1366, height: 768 }): Promise<Page> {
  const separator = query === '' ? '?' : '&';
  return openPage(session, `${query}${separator}page=report`, viewport, (page) => page.waitForSelector('.report .trend-point', { timeout: 60_000 }).then(() => undefined));
}

async function openPage(session: BrowserSession, query: string, viewport: { width: number; height: number }, ready: (page: Page) => Promise<void>): Promise<Page> {
  // A page in its own context: isolated state, and what axe-core's builder requires.
  const context = await session.browser.newContext({ viewport });
  const page = await context.newPage();
  page.on('close', () => {
    context.close().catch(() => undefined);
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${session.baseUrl}${query}`);
  await ready(page);
  if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
  return page;
}

/** Waits for the map to finish rendering the current view, including the worker's answer for a crime layer. */
export async function waitForMap(page: Page): Promise<void> {
  await page.waitForSelector('[data-map-state="ready"][data-layer-state="ready"]', { timeout: 60_000 });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = resolve(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
