// The legend's swatch draws the same hatch in CSS (--hatch-line, --hatch-background in styles.css).
const HATCH_LINE = '#8a8a8a';
const HATCH_BACKGROUND = '#f7f7f7';

/**
 * A seamlessly tiling diagonal hatch, drawn on a canvas for map.addImage (at the given
 * pixel ratio, so it stays sharp on high-density screens).
 */
export function hatchPattern(pixelRatio: number): ImageData {
  const size = 8 * pixelRatio;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas for the map pattern');
  context.fillStyle = HATCH_BACKGROUND;
  context.fillRect(0, 0, size, size);
  context.strokeStyle = HATCH_LINE;
  context.lineWidth = 1.25 * pixelRatio;
  context.beginPath();
  // The main diagonal plus the two corner pieces that continue it across the tile edges.
  for (const offset of [-size, 0, size]) {
    context.moveTo(offset, size);
    context.lineTo(offset + size, 0);
  }
  context.stroke();
  return context.getImageData(0, 0, size, size);
}
