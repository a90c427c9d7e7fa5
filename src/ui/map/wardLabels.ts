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
 */
export class WardLabels {
  private readonly overlay: HTMLDivElement;
  private readonly elements: HTMLSpanElement[];
  private sizes: { width: number; height: number }[] | null = null;
  private eligible: boolean[];
  private selected: number | null = null;

  constructor(
    private readonly map: MapLibreMap,
    names: readonly string[],
    private readonly points: readonly LabelPoint[],
  ) {
    this.overlay = document.createElement('div');
    this.overlay.className = 'ward-labels';
    this.overlay.setAttribute('aria-hidden', 'true');
    this.elements = names.map((name) => {
      const label = document.createElement('span');
      label.className = 'ward-label';
      label.textContent = name;
      label.hidden = true;
      this.overlay.append(label);
      return label;
    });
    this.eligible = names.map(() => true);
    // Above the canvas, below the controls.
    map.getCanvasContainer().after(this.overlay);
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
    const { clientWidth: width, clientHeight: height } = this.map.getContainer();
    // Obstacles go first (placed before anything else) and are not drawn: ids below zero.
    const candidates: LabelCandidate[] = obstacles.map((box, i) => ({ id: -1 - i, ...box, priority: Infinity }));
    const positions = this.points.map((point) => this.map.project([point.lon, point.lat]));
    this.points.forEach((point, ward) => {
      if (!this.eligible[ward]) return;
      const { x, y } = positions[ward];
      const priority = ward === this.selected ? SELECTED_PRIORITY : point.radiusKm;
      candidates.push({ id: ward, x, y, width: sizes[ward].width, height: sizes[ward].height, priority });
    });
    const shown = new Set(placeLabels(candidates, { padding: LABEL_GAP / 2, viewport: { width, height } }));
    this.elements.forEach((label, ward) => {
      const visible = shown.has(ward);
      label.hidden = !visible;
      if (visible) {
        const { x, y } = positions[ward];
        label.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px) translate(-50%, -50%)`;
        label.classList.toggle('ward-label--selected', ward === this.selected);
      }
    });
  }

  remove(): void {
    this.overlay.remove();
  }

  /** Label sizes, measured once from the rendered text (the font does not change with zoom). */
  private measure(): { width: number; height: number }[] {
    if (this.sizes === null || this.sizes.some((size) => size.width === 0)) {
      // Show every label first, then read every size: one layout, not one per label
      // (thousands of forced layouts would freeze the page on a county or England).
      for (const label of this.elements) label.hidden = false;
      this.sizes = this.elements.map((label) => ({ width: label.offsetWidth, height: label.offsetHeight }));
    }
    return this.sizes;
  }
}
