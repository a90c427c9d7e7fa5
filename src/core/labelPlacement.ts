/** A label that could be drawn: a box centred on (x, y), in screen pixels. */
export interface LabelCandidate {
  id: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Higher is placed first. */
  priority: number;
}

export interface PlacementOptions {
  /** Space added around each box before testing overlap, in pixels (labels end up at least twice this apart). */
  padding?: number;
  /** The visible area; a label not wholly inside it is not shown. */
  viewport?: { width: number; height: number };
}

/**
 * Greedy label collision avoidance: candidates are taken by priority (then id, so the
 * result is deterministic) and each is shown only when its padded box overlaps none
 * already shown. Returns the ids shown, in placement order.
 */
export function placeLabels(candidates: readonly LabelCandidate[], options: PlacementOptions = {}): number[] {
  const padding = options.padding ?? 0;
  const ordered = [...candidates].sort((a, b) => b.priority - a.priority || a.id - b.id);
  const placed: Box[] = [];
  const shown: number[] = [];
  for (const candidate of ordered) {
    const box = paddedBox(candidate, padding);
    if (options.viewport && !insideViewport(candidate, options.viewport)) continue;
    if (placed.some((other) => overlaps(box, other))) continue;
    placed.push(box);
    shown.push(candidate.id);
  }
  return shown;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function paddedBox(c: LabelCandidate, padding: number): Box {
  return {
    left: c.x - c.width / 2 - padding,
    right: c.x + c.width / 2 + padding,
    top: c.y - c.height / 2 - padding,
    bottom: c.y + c.height / 2 + padding,
  };
}

function insideViewport(c: LabelCandidate, viewport: { width: number; height: number }): boolean {
  return c.x - c.width / 2 >= 0 && c.x + c.width / 2 <= viewport.width && c.y - c.height / 2 >= 0 && c.y + c.height / 2 <= viewport.height;
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
