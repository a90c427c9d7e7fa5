/*
 * Pointy-top hexagons in a projected plane (metres), addressed by axial coordinates
 * (q, r). `size` is the distance across flats, which is also the distance between the
 * centres of neighbouring cells: "250 m hexagons".
 */

const SQRT3 = Math.sqrt(3);
/** Axial coordinates are packed into one number: q and r each within ±2^20 cells. */
const OFFSET = 2 ** 20;
const SPAN = 2 ** 21;

export interface HexGrid {
  size: number;
  cellCount: number;
  q: Int32Array;
  r: Int32Array;
  /** Sum of the points' weights in each cell. */
  count: Float64Array;
  /** The cell of each input point, in input order. */
  cellOfPoint: Int32Array;
}

export interface PlanePoints {
  x: Float64Array;
  y: Float64Array;
  weight?: ArrayLike<number>;
}

const pack = (q: number, r: number) => (q + OFFSET) * SPAN + (r + OFFSET);

/** The axial cell holding (x, y): the fractional coordinates rounded in cube space. */
export function cellAt(size: number, x: number, y: number): [number, number] {
  const fr = y / ((SQRT3 / 2) * size);
  const fq = x / size - fr / 2;
  const fs = -fq - fr;
  let q = Math.round(fq);
  let r = Math.round(fr);
  const s = Math.round(fs);
  const dq = Math.abs(q - fq);
  const dr = Math.abs(r - fr);
  const ds = Math.abs(s - fs);
  if (dq > dr && dq > ds) q = -r - s;
  else if (dr > ds) r = -q - s;
  return [q, r];
}

/** The centre of cell (q, r). */
export function axialCentre(size: number, q: number, r: number): [number, number] {
  return [size * (q + r / 2), (SQRT3 / 2) * size * r];
}

export function cellCentre(grid: HexGrid, i: number): [number, number] {
  return axialCentre(grid.size, grid.q[i], grid.r[i]);
}

/** The six corners of the hexagon centred at (x, y), counter-clockwise from the lower right. */
export function hexCorners(size: number, x: number, y: number): [number, number][] {
  const radius = size / SQRT3;
  return Array.from({ length: 6 }, (_, k) => {
    const angle = ((30 + 60 * k) * Math.PI) / 180;
    return [x + radius * Math.cos(angle), y + radius * Math.sin(angle)] as [number, number];
  });
}

/** Counts points (or their weights) in hexagons; only cells holding points exist. */
export function hexbin(points: PlanePoints, size: number): HexGrid {
  const index = new Map<number, number>();
  const q: number[] = [];
  const r: number[] = [];
  const count: number[] = [];
  const cellOfPoint = new Int32Array(points.x.length);
  for (let i = 0; i < points.x.length; i++) {
    const [cq, cr] = cellAt(size, points.x[i], points.y[i]);
    const key = pack(cq, cr);
    let cell = index.get(key);
    if (cell === undefined) {
      cell = q.length;
      index.set(key, cell);
      q.push(cq);
      r.push(cr);
      count.push(0);
    }
    count[cell] += points.weight ? points.weight[i] : 1;
    cellOfPoint[i] = cell;
  }
  return { size, cellCount: q.length, q: Int32Array.from(q), r: Int32Array.from(r), count: Float64Array.from(count), cellOfPoint };
}

/**
 * Adds the empty cells whose centre lies in the study area (within the bounding box
 * [minX, minY, maxX, maxY]), so statistics over the grid see the places without crime
 * too. Existing cells keep their index and count.
 */
export function addStudyAreaCells(grid: HexGrid, contains: (x: number, y: number) => boolean, bbox: readonly [number, number, number, number]): HexGrid {
  const existing = new Set<number>();
  for (let i = 0; i < grid.cellCount; i++) existing.add(pack(grid.q[i], grid.r[i]));
  const q = Array.from(grid.q);
  const r = Array.from(grid.r);
  const [minX, minY, maxX, maxY] = bbox;
  const rowHeight = (SQRT3 / 2) * grid.size;
  for (let row = Math.floor(minY / rowHeight); row <= Math.ceil(maxY / rowHeight); row++) {
    const firstQ = Math.floor(minX / grid.size - row / 2) - 1;
    const lastQ = Math.ceil(maxX / grid.size - row / 2) + 1;
    for (let col = firstQ; col <= lastQ; col++) {
      const [x, y] = axialCentre(grid.size, col, row);
      if (x < minX || x > maxX || y < minY || y > maxY || existing.has(pack(col, row)) || !contains(x, y)) continue;
      existing.add(pack(col, row));
      q.push(col);
      r.push(row);
    }
  }
  const count = new Float64Array(q.length);
  count.set(grid.count);
  return { ...grid, cellCount: q.length, q: Int32Array.from(q), r: Int32Array.from(r), count };
}

/** For each cell, the indices of the cells (itself included) whose centres lie within `band` metres. */
export function neighboursWithin(grid: HexGrid, band: number): { offsets: Uint32Array; cells: Uint32Array } {
  const index = new Map<number, number>();
  for (let i = 0; i < grid.cellCount; i++) index.set(pack(grid.q[i], grid.r[i]), i);
  // Candidate axial offsets once: every (dq, dr) whose centre distance is within the band.
  const reach = Math.ceil(band / ((SQRT3 / 2) * grid.size)) + 1;
  const within: [number, number][] = [];
  for (let dr = -reach; dr <= reach; dr++) {
    for (let dq = -reach - Math.abs(dr); dq <= reach + Math.abs(dr); dq++) {
      const [x, y] = axialCentre(grid.size, dq, dr);
      // A small tolerance keeps cells exactly at the band's distance, whatever the rounding.
      if (Math.hypot(x, y) <= band * (1 + 1e-9)) within.push([dq, dr]);
    }
  }
  const offsets = new Uint32Array(grid.cellCount + 1);
  const cells: number[] = [];
  for (let i = 0; i < grid.cellCount; i++) {
    for (const [dq, dr] of within) {
      const j = index.get(pack(grid.q[i] + dq, grid.r[i] + dr));
      if (j !== undefined) cells.push(j);
    }
    offsets[i + 1] = cells.length;
  }
  return { offsets, cells: Uint32Array.from(cells) };
}

const NICE_SIZES = [100, 150, 200, 250, 300, 400, 500, 750, 1000, 1500, 2000, 2500, 3000, 4000, 5000, 7500, 10000, 15000, 20000];

/** The smallest "nice" hexagon size at which the study area holds about `target` cells or fewer. */
export function suggestCellSize(studyAreaM2: number, target: number): number {
  const ideal = Math.sqrt(studyAreaM2 / (target * (SQRT3 / 2)));
  return NICE_SIZES.find((size) => size >= ideal) ?? NICE_SIZES[NICE_SIZES.length - 1];
}

/**
 * The Gi* distance band for a cell size: two rings of neighbours (18 around each inner
 * cell), enough cells for a stable local sum while the hot spot stays local.
 */
export function suggestDistanceBand(size: number): number {
  return 2 * size;
}

/**
 * Each cell's (or area's) `top` most common categories and their counts, in `top` slots per cell
 * (category 0xffff and count 0 for an empty slot).
 */
export function topCategories(grid: Pick<HexGrid, 'cellCount' | 'count' | 'cellOfPoint'>, categoryOfPoint: Uint16Array, top: number): { categories: Uint16Array; counts: Uint32Array } {
  let categoryCount = 0;
  for (const c of categoryOfPoint) categoryCount = Math.max(categoryCount, c + 1);
  const tally = new Uint32Array(grid.cellCount * categoryCount);
  for (let i = 0; i < categoryOfPoint.length; i++) tally[grid.cellOfPoint[i] * categoryCount + categoryOfPoint[i]]++;
  const categories = new Uint16Array(grid.cellCount * top).fill(0xffff);
  const counts = new Uint32Array(grid.cellCount * top);
  const order = Array.from({ length: categoryCount }, (_, k) => k);
  for (let cell = 0; cell < grid.cellCount; cell++) {
    if (grid.count[cell] === 0) continue;
    const base = cell * categoryCount;
    order.sort((a, b) => tally[base + b] - tally[base + a] || a - b);
    for (let k = 0; k < top && k < categoryCount; k++) {
      if (tally[base + order[k]] === 0) break;
      categories[cell * top + k] = order[k];
      counts[cell * top + k] = tally[base + order[k]];
    }
  }
  return { categories, counts };
}
