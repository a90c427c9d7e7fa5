import type { Map as MapLibreMap } from 'maplibre-gl';
import type { CapturedLabel } from '../export/mapCapture.ts';

const EARTH_RADIUS_METRES = 6_371_008.8;

/** The visible ward names and cluster counts, read from the HTML overlays, relative to the map's top left. */
export function readLabels(container: HTMLElement): CapturedLabel[] {
  const box = container.getBoundingClientRect();
  const elements = container.querySelectorAll<HTMLElement>('.ward-label:not([hidden]), .cluster-label:not([hidden])');
  return Array.from(elements, (element) => {
    const rect = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    const background = style.backgroundColor;
    const transparent = background === 'transparent' || background === 'rgba(0, 0, 0, 0)';
    return {
      text: element.textContent ?? '',
      x: rect.left - box.left + rect.width / 2,
      y: rect.top - box.top + rect.height / 2,
      font: `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`,
      colour: style.color,
      background: transparent ? null : background,
      halo: element.classList.contains('ward-label'),
    };
  });
}

/** Metres on the ground per CSS pixel across the middle of the map (great-circle distance over 100 px). */
export function metresPerPixel(map: MapLibreMap): number {
  const { clientWidth: width, clientHeight: height } = map.getContainer();
  const a = map.unproject([width / 2 - 50, height / 2]);
  const b = map.unproject([width / 2 + 50, height / 2]);
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return (2 * EARTH_RADIUS_METRES * Math.asin(Math.sqrt(h))) / 100;
}

/** A copy of the map canvas (the map keeps its drawing buffer, so it can be read between frames). */
export function copyCanvas(map: MapLibreMap): HTMLCanvasElement {
  const source = map.getCanvas();
  const copy = document.createElement('canvas');
  copy.width = source.width;
  copy.height = source.height;
  copy.getContext('2d')!.drawImage(source, 0, 0);
  return copy;
}

/** Resolves once the map has drawn everything it has, and the overlays have been placed. */
export function whenIdle(map: MapLibreMap): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => requestAnimationFrame(() => resolve()));
    map.triggerRepaint();
  });
}
