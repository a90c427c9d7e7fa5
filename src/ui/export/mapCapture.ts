/**
 * How the map image export reaches the live map: the ward map registers a capture
 * function while it is mounted, and the export asks it for the map at a given size.
 */

/** An HTML label over the map (ward name or cluster count), as drawn on screen. */
export interface CapturedLabel {
  text: string;
  /** Centre, in CSS pixels from the map's top left. */
  x: number;
  y: number;
  font: string;
  colour: string;
  /** A background box (the selected ward's name); null for text with a white halo. */
  background: string | null;
  /** Cluster counts sit on their circle and need no halo. */
  halo: boolean;
}

export interface CapturedMap {
  /** A copy of the map's pixels at the requested size and pixel ratio. */
  image: HTMLCanvasElement;
  labels: CapturedLabel[];
  /** Ground distance of one CSS pixel at the map's centre, for the scale bar. */
  metresPerPixel: number;
  /** Map rotation in degrees (0: north up). */
  bearing: number;
}

/** Renders the map into a CSS-pixel box at a pixel ratio, showing at least what the screen shows. */
export type MapCapturer = (width: number, height: number, pixelRatio: number) => Promise<CapturedMap>;

let capturer: MapCapturer | null = null;

export function registerMapCapturer(next: MapCapturer | null): void {
  capturer = next;
}

export function mapCapturer(): MapCapturer | null {
  return capturer;
}
