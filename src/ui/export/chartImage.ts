/*
 * Charts as files: the on-screen SVG with its computed styles written inline (the
 * stylesheet does not travel with a downloaded file), a white background and a title,
 * and the same drawn onto a canvas for a PNG.
 */

const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
];
const TITLE_LINE = 18;
const KEY_ROW = 18;
/** Characters of the 14px title per line: a safe estimate, since the file has no text layout. */
const TITLE_CHARACTER_WIDTH = 8;

/** A line of the chart's key: label, colour and dash pattern. */
export interface ChartKeyEntry {
  label: string;
  colour: string;
  dash: string;
}
const SVG_NS = 'http://www.w3.org/2000/svg';

/** A standalone SVG document of a chart: title above (wrapped), the chart, then its key. */
export function chartSvg(svg: SVGSVGElement, title: string, key: readonly ChartKeyEntry[] = []): { text: string; width: number; height: number } {
  const width = svg.width.baseVal.value;
  const titleLines = wrapText(title, Math.max(20, Math.floor((width - 16) / TITLE_CHARACTER_WIDTH)));
  const top = titleLines.length * TITLE_LINE + 10;
  const height = top + svg.height.baseVal.value + key.length * KEY_ROW + (key.length > 0 ? 6 : 0);
  const font = getComputedStyle(svg).fontFamily;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, copy);
  const page = document.createElementNS(SVG_NS, 'svg');
  page.setAttribute('xmlns', SVG_NS);
  page.setAttribute('width', String(width));
  page.setAttribute('height', String(height));
  page.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const background = element('rect', { width: '100%', height: '100%', fill: '#ffffff' });
  const headings = titleLines.map((line, i) => element('text', { x: '8', y: String(19 + i * TITLE_LINE), 'font-family': font, 'font-size': '14', 'font-weight': '700', fill: '#1b1b1b' }, line));
  const body = element('g', { transform: `translate(0,${top})` });
  body.append(...Array.from(copy.childNodes));
  const keyTop = top + svg.height.baseVal.value;
  const keyRows = key.map((entry, i) => {
    const row = element('g', { transform: `translate(8,${keyTop + i * KEY_ROW + 12})` });
    row.append(
      element('line', { x1: '0', x2: '28', y1: '0', y2: '0', stroke: entry.colour, 'stroke-width': '2.5', 'stroke-dasharray': entry.dash }),
      element('text', { x: '36', y: '4', 'font-family': font, 'font-size': '12', fill: '#1b1b1b' }, entry.label),
    );
    return row;
  });
  page.append(background, ...headings, body, ...keyRows);
  return { text: new XMLSerializer().serializeToString(page), width, height };
}

/** The chart as a PNG at twice its size, drawn from the standalone SVG. */
export async function chartPng(svg: SVGSVGElement, title: string, key: readonly ChartKeyEntry[] = [], scale = 2): Promise<Blob> {
  const { text, width, height } = chartSvg(svg, title, key);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = Object.assign(document.createElement('canvas'), { width: width * scale, height: height * scale });
    const context = canvas.getContext('2d')!;
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the browser could not make the PNG');
    return blob;
  } finally {
    URL.revokeObjectURL(url);
  }
}

function element(name: string, attributes: Record<string, string>, text?: string): SVGElement {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Splits text into lines of at most `width` characters at spaces. */
function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** Copies each element's computed presentation styles onto its clone. */
function inlineStyles(source: Element, target: Element): void {
  const style = getComputedStyle(source);
  const inline = STYLE_PROPERTIES.map((name) => `${name}:${style.getPropertyValue(name)}`).join(';');
  target.setAttribute('style', inline);
  for (let i = 0; i < source.children.length; i++) inlineStyles(source.children[i], target.children[i]);
}
