import { formatCount } from '../../core/format.ts';
import type { CapturedLabel, CapturedMap } from './mapCapture.ts';

/** A legend as the export draws it: the ward legend or a crime layer's. */
export interface ExportLegend {
  title: string;
  method: string;
  entries: { colour: string; label: string; count: string | null; shape: 'square' | 'circle' | 'ramp' | 'hatch' }[];
  notes: string[];
}

/** Everything on the exported page besides the map. */
export interface MapPageText {
  title: string;
  /** Measure, category, period. */
  subtitle: string;
  legend: ExportLegend;
  /** Source and attribution lines, the caveats line, the date made and the link, in that order. */
  footer: string[];
}

/** A page size in CSS pixels and the pixel ratio that gives the output's pixels. */
export interface PageSize {
  width: number;
  height: number;
  pixelRatio: number;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
const MARGIN = 16;
const TITLE_BAND = 58;
const FOOTER_LINE = 13;
const LEGEND_WIDTH = 260;
const TEXT = '#1b1b1b';
const MUTED = '#4a4a4a';

/** The footer's lines wrapped to the page width, and the height they take. */
export function footerLayout(text: MapPageText, width: number): { lines: string[]; height: number } {
  const context = document.createElement('canvas').getContext('2d')!;
  context.font = `10px ${FONT}`;
  const lines = text.footer.flatMap((line) => wrap(context, line, width - 2 * MARGIN));
  return { lines, height: lines.length * FOOTER_LINE + MARGIN };
}

/**
 * Draws the page: title and subtitle, the map with its labels, legend, scale bar and north
 * arrow, then the footer. The map fills the space between title and footer.
 */
export function composeMapPage(size: PageSize, text: MapPageText, map: CapturedMap): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(size.width * size.pixelRatio);
  canvas.height = Math.round(size.height * size.pixelRatio);
  const context = canvas.getContext('2d')!;
  context.scale(size.pixelRatio, size.pixelRatio);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, size.width, size.height);

  const footer = footerLayout(text, size.width);
  const box = { x: 0, y: TITLE_BAND, width: size.width, height: size.height - TITLE_BAND - footer.height };
  context.fillStyle = TEXT;
  context.font = `bold 19px ${FONT}`;
  context.textBaseline = 'alphabetic';
  context.fillText(fit(context, text.title, size.width - 2 * MARGIN), MARGIN, 26);
  context.font = `14px ${FONT}`;
  context.fillStyle = MUTED;
  context.fillText(fit(context, text.subtitle, size.width - 2 * MARGIN), MARGIN, 47);

  context.save();
  context.beginPath();
  context.rect(box.x, box.y, box.width, box.height);
  context.clip();
  context.drawImage(map.image, box.x, box.y, box.width, box.height);
  context.translate(box.x, box.y);
  for (const label of map.labels) drawLabel(context, label);
  drawLegend(context, text.legend, 10, 10, Math.min(LEGEND_WIDTH, box.width * 0.45), box.height - 20);
  drawScaleBar(context, map.metresPerPixel, 12, box.height - 14);
  drawNorthArrow(context, box.width - 28, 34, map.bearing);
  context.restore();
  context.strokeStyle = '#c9ccd1';
  context.strokeRect(box.x + 0.5, box.y + 0.5, box.width - 1, box.height - 1);

  context.font = `10px ${FONT}`;
  context.fillStyle = MUTED;
  footer.lines.forEach((line, i) => context.fillText(line, MARGIN, box.y + box.height + 14 + i * FOOTER_LINE));
  return canvas;
}

function drawLabel(context: CanvasRenderingContext2D, label: CapturedLabel): void {
  context.font = label.font;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  if (label.background) {
    const width = context.measureText(label.text).width + 6;
    context.fillStyle = label.background;
    context.fillRect(label.x - width / 2, label.y - 8, width, 16);
  } else if (label.halo) {
    context.strokeStyle = '#ffffff';
    context.lineWidth = 3;
    context.lineJoin = 'round';
    context.strokeText(label.text, label.x, label.y);
  }
  context.fillStyle = label.colour;
  context.fillText(label.text, label.x, label.y);
  context.textAlign = 'start';
  context.textBaseline = 'alphabetic';
}

/** The legend in a white box at the map's top left: title, method, classes or ramp, notes. */
function drawLegend(context: CanvasRenderingContext2D, legend: ExportLegend, x: number, y: number, width: number, maxHeight: number): void {
  const inner = width - 16;
  const lines: { text: string; font: string; colour: string }[] = [];
  context.font = `bold 12px ${FONT}`;
  for (const line of wrap(context, legend.title, inner)) lines.push({ text: line, font: context.font, colour: TEXT });
  context.font = `11px ${FONT}`;
  for (const line of wrap(context, legend.method, inner)) lines.push({ text: line, font: context.font, colour: MUTED });
  const ramp = legend.entries.length > 0 && legend.entries.every((entry) => entry.shape === 'ramp');
  const entriesHeight = ramp ? 34 : legend.entries.length * 17;
  context.font = `10px ${FONT}`;
  const notes = legend.notes.flatMap((note) => wrap(context, note, inner));
  const height = Math.min(maxHeight, 10 + lines.length * 14 + 4 + entriesHeight + notes.length * 12 + 10);

  context.fillStyle = 'rgba(255, 255, 255, 0.95)';
  context.fillRect(x, y, width, height);
  context.strokeStyle = '#c9ccd1';
  context.strokeRect(x + 0.5, y + 0.5, width - 1, height - 1);
  context.save();
  context.beginPath();
  context.rect(x, y, width, height);
  context.clip();
  let cursor = y + 18;
  for (const line of lines) {
    context.font = line.font;
    context.fillStyle = line.colour;
    context.fillText(line.text, x + 8, cursor);
    cursor += 14;
  }
  cursor += 2;
  if (ramp) {
    const gradient = context.createLinearGradient(x + 8, 0, x + 8 + inner, 0);
    legend.entries.forEach((entry, i) => gradient.addColorStop(i / Math.max(legend.entries.length - 1, 1), entry.colour));
    context.fillStyle = gradient;
    context.fillRect(x + 8, cursor, inner, 12);
    context.font = `10px ${FONT}`;
    context.fillStyle = TEXT;
    context.fillText(fit(context, legend.entries[0].label, inner / 2 - 4), x + 8, cursor + 25);
    const last = fit(context, legend.entries[legend.entries.length - 1].label, inner / 2 - 4);
    context.fillText(last, x + 8 + inner - context.measureText(last).width, cursor + 25);
    cursor += entriesHeight;
  } else {
    for (const entry of legend.entries) {
      drawSwatch(context, entry, x + 8, cursor);
      context.font = `11px ${FONT}`;
      context.fillStyle = TEXT;
      const count = entry.count ?? '';
      const countWidth = context.measureText(count).width;
      context.fillText(fit(context, entry.label, inner - 26 - countWidth - 6), x + 30, cursor + 10);
      context.fillStyle = MUTED;
      context.fillText(count, x + 8 + inner - countWidth, cursor + 10);
      cursor += 17;
    }
  }
  context.font = `10px ${FONT}`;
  context.fillStyle = MUTED;
  for (const note of notes) {
    cursor += 12;
    context.fillText(note, x + 8, cursor);
  }
  context.restore();
}

function drawSwatch(context: CanvasRenderingContext2D, entry: ExportLegend['entries'][number], x: number, y: number): void {
  if (entry.shape === 'circle') {
    context.beginPath();
    context.arc(x + 8, y + 6, 6, 0, 2 * Math.PI);
    context.fillStyle = entry.colour;
    context.fill();
    context.strokeStyle = '#ffffff';
    context.stroke();
    return;
  }
  context.fillStyle = entry.shape === 'hatch' ? '#f7f7f7' : entry.colour;
  context.fillRect(x, y, 18, 12);
  if (entry.shape === 'hatch') {
    context.save();
    context.beginPath();
    context.rect(x, y, 18, 12);
    context.clip();
    context.strokeStyle = '#8a8a8a';
    context.lineWidth = 1.5;
    for (let d = -12; d < 18; d += 5) {
      context.beginPath();
      context.moveTo(x + d, y + 12);
      context.lineTo(x + d + 12, y);
      context.stroke();
    }
    context.restore();
  }
  context.strokeStyle = 'rgba(0, 0, 0, 0.35)';
  context.strokeRect(x + 0.5, y + 0.5, 17, 11);
}

/** A scale bar of a round length (1, 2 or 5 × 10ⁿ metres) no longer than 120 px, bottom left. */
function drawScaleBar(context: CanvasRenderingContext2D, metresPerPixel: number, x: number, y: number): void {
  const metres = niceLength(metresPerPixel * 120);
  const width = metres / metresPerPixel;
  const label = metres >= 1000 ? `${formatCount(metres / 1000)} km` : `${formatCount(metres)} m`;
  context.fillStyle = 'rgba(255, 255, 255, 0.85)';
  context.fillRect(x - 4, y - 20, width + 8, 26);
  context.strokeStyle = TEXT;
  context.lineWidth = 2;
  context.beginPath();
  context.moveTo(x, y - 6);
  context.lineTo(x, y);
  context.lineTo(x + width, y);
  context.lineTo(x + width, y - 6);
  context.stroke();
  context.font = `11px ${FONT}`;
  context.fillStyle = TEXT;
  context.fillText(label, x + 2, y - 8);
}

export function niceLength(maximum: number): number {
  const power = 10 ** Math.floor(Math.log10(maximum));
  return [5, 2, 1].map((step) => step * power).find((length) => length <= maximum) ?? power;
}

/** A north arrow at the top right, turned with the map. */
function drawNorthArrow(context: CanvasRenderingContext2D, x: number, y: number, bearing: number): void {
  context.save();
  context.translate(x, y);
  context.fillStyle = 'rgba(255, 255, 255, 0.85)';
  context.beginPath();
  context.arc(0, 2, 20, 0, 2 * Math.PI);
  context.fill();
  context.rotate((-bearing * Math.PI) / 180);
  context.fillStyle = TEXT;
  context.font = `bold 11px ${FONT}`;
  context.textAlign = 'center';
  context.fillText('N', 0, -6);
  context.beginPath();
  context.moveTo(0, -3);
  context.lineTo(7, 17);
  context.lineTo(0, 12);
  context.lineTo(-7, 17);
  context.closePath();
  context.fill();
  context.restore();
}

/** Greedy word wrap to a width; a word wider than the line (a link) is broken where it must be. */
function wrap(context: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  const words = text.split(/\s+/).flatMap((word) => breakWord(context, word, width));
  for (const word of words) {
    const next = line === '' ? word : `${line} ${word}`;
    if (line !== '' && context.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines;
}

function breakWord(context: CanvasRenderingContext2D, word: string, width: number): string[] {
  const pieces: string[] = [];
  let rest = word;
  while (context.measureText(rest).width > width && rest.length > 1) {
    let cut = rest.length - 1;
    while (cut > 1 && context.measureText(rest.slice(0, cut)).width > width) cut--;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  return [...pieces, rest];
}

/** The text, cut with an ellipsis to fit a width. */
function fit(context: CanvasRenderingContext2D, text: string, width: number): string {
  if (context.measureText(text).width <= width) return text;
  let cut = text;
  while (cut.length > 1 && context.measureText(`${cut}…`).width > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}
