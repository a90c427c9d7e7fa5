import type { Page } from 'playwright-core';

/** The colour the map canvas shows at a coordinate (HTML overlays are not on the canvas). */
export function canvasColourAtLonLat(page: Page, lon: number, lat: number): Promise<number[]> {
  return page.evaluate(
    ([x0, y0]) => {
      const map = window.__wardMap;
      if (!map) throw new Error('no map');
      const canvas = map.getCanvas();
      const { x, y } = map.project([x0, y0]);
      const ratio = canvas.width / canvas.clientWidth;
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const context = copy.getContext('2d');
      if (!context) throw new Error('no 2d context');
      context.drawImage(canvas, 0, 0);
      return Array.from(context.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data.slice(0, 3));
    },
    [lon, lat] as const,
  );
}

/** The canvas sampled on a coarse grid (RGB per sample): enough to tell whether two renderings differ. */
export function canvasSamples(page: Page, columns = 48, rows = 32): Promise<number[]> {
  return page.evaluate(
    ([cols, rowCount]) => {
      const map = window.__wardMap;
      if (!map) throw new Error('no map');
      const canvas = map.getCanvas();
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const context = copy.getContext('2d');
      if (!context) throw new Error('no 2d context');
      context.drawImage(canvas, 0, 0);
      const { data } = context.getImageData(0, 0, copy.width, copy.height);
      const samples: number[] = [];
      for (let j = 0; j < rowCount; j++) {
        for (let i = 0; i < cols; i++) {
          const x = Math.floor(((i + 0.5) / cols) * copy.width);
          const y = Math.floor(((j + 0.5) / rowCount) * copy.height);
          const at = (y * copy.width + x) * 4;
          samples.push(data[at], data[at + 1], data[at + 2]);
        }
      }
      return samples;
    },
    [columns, rows] as const,
  );
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
