import type { Map as MapLibreMap } from 'maplibre-gl';
import type { DashboardModel } from '../../core/dashboardModel.ts';
import { placeLabels, type LabelCandidate } from '../../core/labelPlacement.ts';
import type { LabelPoint } from '../../core/wardGeometry.ts';

const LABEL_GAP = 3;
/** Placed before every other label, so the selected ward is always named. */
const SELECTED_PRIORITY = Number.MAX_SAFE_INTEGER;

/** A box on screen that ward names keep clear of (a cluster circle and its count). */
export interface Obstacle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Ward names as an HTML overlay over the map (the style has no glyphs, so the map works
 * offline). Each name sits at its ward's label point; on every move the greedy placement
 * hides names that would overlap one placed before them. The overlay is aria-hidden: the
 * ward table carries the same information.
 *
 * Only the names shown have an element, taken from a pool, and sizes are measured on a
 * canvas in the labels' font: England has 7,681 wards, and laying out an element for
 * each took longer than drawing the map.
 */
export class WardLabels {
  private readonly overlay: HTMLDivElement;
  private readonly pool: HTMLSpanElement[] = [];
  private sizes: { width: number; height: number }[] | null = null;
  private eligible: boolean[];
  private selected: number | null = null;
  /** Where each ward's name goes; none until the worker sends them. */
  private points: readonly LabelPoint[] = [];

  constructor(
    private readonly map: MapLibreMap,
    private readonly names: readonly string[],
  ) {
    this.overlay = document.createElement('div');
    this.overlay.className = 'ward-labels';
    this.overlay.setAttribute('aria-hidden', 'true');
    this.eligible = names.map(() => true);
    // Above the canvas, below the controls.
    map.getCanvasContainer().after(this.overlay);
  }

  setPoints(points: readonly LabelPoint[], obstacles: readonly Obstacle[] = []): void {
    this.points = points;
    this.place(obstacles);
  }

  /** Labels only the wards in the group filter, and puts the selected ward first. */
  update(model: Pick<DashboardModel, 'wards' | 'selectedWard'>, obstacles: readonly Obstacle[] = []): void {
    this.eligible = model.wards.map((ward) => ward.inFilter);
    this.selected = model.selectedWard;
    this.place(obstacles);
  }

  /** Projects every label point and shows the labels that fit beside the obstacles. */
  place(obstacles: readonly Obstacle[] = []): void {
    const sizes = this.measure();
    if (sizes === null) return;
    const { clientWidth: width, clientHeight: height } = this.map.getContainer();
    // Obstacles go first (placed before anything else) and are not drawn: ids below zero.
    const candidates: LabelCandidate[] = obstacles.map((box, i) => ({ id: -1 - i, ...box, priority: Infinity }));
    const positions = new Map<number, { x: number; y: number }>();
    this.points.forEach((point, ward) => {
      if (!this.eligible[ward]) return;
      const { x, y } = this.map.project([point.lon, point.lat]);
      if (x < 0 || y < 0 || x > width || y > height) return;
      positions.set(ward, { x, y });
      const priority = ward === this.selected ? SELECTED_PRIORITY : point.radiusKm;
      candidates.push({ id: ward, x, y, width: sizes[ward].width, height: sizes[ward].height, priority });
    });
    const shown = placeLabels(candidates, { padding: LABEL_GAP / 2, viewport: { width, height } }).filter((id) => id >= 0);
    shown.forEach((ward, i) => {
      const label = this.element(i);
      const { x, y } = positions.get(ward)!;
      if (label.textContent !== this.names[ward]) label.textContent = this.names[ward];
      label.hidden = false;
      label.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px) translate(-50%, -50%)`;
      label.classList.toggle('ward-label--selected', ward === this.selected);
    });
    for (let i = shown.length; i < this.pool.length; i++) this.pool[i].hidden = true;
  }

  remove(): void {
    this.overlay.remove();
  }

  /** The pool's i-th label element, made when first needed. */
  private element(i: number): HTMLSpanElement {
    while (this.pool.length <= i) {
      const label = document.createElement('span');
      label.className = 'ward-label';
      label.hidden = true;
      this.overlay.append(label);
      this.pool.push(label);
    }
    return this.pool[i];
  }

  /**
   * Every label's size: the text measured on a canvas in the font a label element has,
   * plus its padding; the height is its line box. Null while the map is not laid out
   * (a label element then has no font to read).
   */
  private measure(): { width: number; height: number }[] | null {
    if (this.sizes !== null) return this.sizes;
    const probe = this.element(0);
    probe.textContent = this.names[0] ?? '';
    probe.hidden = false;
    const height = probe.offsetHeight;
    if (height === 0) return null;
    const style = getComputedStyle(probe);
    const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    const context = document.createElement('canvas').getContext('2d');
    if (context === null) return null;
    context.font = style.font || `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    this.sizes = this.names.map((name) => ({ width: Math.ceil(context.measureText(name).width + padding), height }));
    return this.sizes;
  }
}
