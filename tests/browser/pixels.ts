import type { Page } from 'playwright-core';

/** The RGB colours of the map canvas at points given in CSS pixels (HTML overlays are not on the canvas). */
function canvasPixels(page: Page, points: readonly [number, number][]): Promise<number[][]> {
  return page.evaluate((at) => {
    const map = window.__wardMap;
    if (!map) throw new Error('no map');
    const canvas = map.getCanvas();
    const ratio = canvas.width / canvas.clientWidth;
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const context = copy.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.drawImage(canvas, 0, 0);
    const { data } = context.getImageData(0, 0, copy.width, copy.height);
    return at.map(([x, y]) => {
      const offset = (Math.round(y * ratio) * copy.width + Math.round(x * ratio)) * 4;
      return [data[offset], data[offset + 1], data[offset + 2]];
    });
  }, points);
}

/** The colour the map canvas shows at a coordinate. */
export async function canvasColourAtLonLat(page: Page, lon: number, lat: number): Promise<number[]> {
  const point = await page.evaluate(([x, y]) => window.__wardMap!.project([x, y]), [lon, lat] as const);
  return (await canvasPixels(page, [[point.x, point.y]]))[0];
}

/** The canvas sampled on a coarse grid (RGB per sample, flattened): enough to tell whether two renderings differ. */
export async function canvasSamples(page: Page, columns = 48, rows = 32): Promise<number[]> {
  const size = await page.evaluate(() => {
    const canvas = window.__wardMap!.getCanvas();
    return { width: canvas.clientWidth, height: canvas.clientHeight };
  });
  const points: [number, number][] = [];
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < columns; i++) points.push([Math.floor(((i + 0.5) / columns) * size.width), Math.floor(((j + 0.5) / rows) * size.height)]);
  }
  return (await canvasPixels(page, points)).flat();
}

/** The share of samples (RGB triples) that differ noticeably between two renderings. */
export function changedShare(a: readonly number[], b: readonly number[]): number {
  let changed = 0;
  for (let i = 0; i < a.length; i += 3) if (distance([a[i], a[i + 1], a[i + 2]], [b[i], b[i + 1], b[i + 2]]) > 20) changed++;
  return changed / (a.length / 3);
}

export function rgb(css: string): number[] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css);
  if (hex) return [1, 2, 3].map((i) => parseInt(hex[i], 16));
  const match = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css);
  if (!match) throw new Error(`not a colour: ${css}`);
  return [1, 2, 3].map((i) => Number(match[i]));
}

export function distance(a: readonly number[], b: readonly number[]): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}
