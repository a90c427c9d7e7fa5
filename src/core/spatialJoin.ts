import Flatbush from 'flatbush';
import pointInPolygon from 'point-in-polygon-hao';
import type { PolygonRings, WardSet } from './boundaries.ts';
import type { CrimeTable } from './policeUkCsv.ts';

/** Ward index meaning "located, but inside no ward". */
export const OUTSIDE = -1;
/** Ward index meaning "police.uk gave no coordinates". */
export const NO_LOCATION = -2;

/**
 * Finds the ward containing a point: a Flatbush index of polygon bounding boxes narrows
 * the candidates, then an exact, robust point-in-polygon test decides.
 */
export class WardLocator {
  private readonly index: Flatbush;
  private readonly partWard: Int32Array;
  private readonly parts: PolygonRings[] = [];

  constructor(wards: WardSet) {
    const boxes: number[][] = [];
    const partWard: number[] = [];
    wards.polygons.forEach((polygons, ward) => {
      for (const polygon of polygons) {
        this.parts.push(polygon);
        partWard.push(ward);
        boxes.push(ringBounds(polygon[0]));
      }
    });
    this.index = new Flatbush(Math.max(boxes.length, 1));
    for (const [minX, minY, maxX, maxY] of boxes) this.index.add(minX, minY, maxX, maxY);
    if (boxes.length === 0) this.index.add(0, 0, 0, 0);
    this.index.finish();
    this.partWard = Int32Array.from(partWard);
  }

  /**
   * The ward containing (lon, lat), or OUTSIDE. A point exactly on a boundary shared by
   * several wards goes to the one listed first in the boundary file, so it counts once.
   */
  locate(lon: number, lat: number): number {
    const candidates = this.index.search(lon, lat, lon, lat);
    let onEdge = OUTSIDE;
    const point = [lon, lat];
    for (const part of candidates) {
      const result = pointInPolygon(point, this.parts[part]);
      const ward = this.partWard[part];
      if (result === true) return ward;
      if (result === 0 && (onEdge === OUTSIDE || ward < onEdge)) onEdge = ward;
    }
    return onEdge;
  }
}

export interface JoinCounts {
  assigned: number;
  outside: number;
  noLocation: number;
}

/** Assigns every crime to a ward index, OUTSIDE or NO_LOCATION. */
export function assignToWards(table: CrimeTable, locator: WardLocator, onProgress?: (done: number) => void): { ward: Int32Array; counts: JoinCounts } {
  const ward = new Int32Array(table.length);
  const counts: JoinCounts = { assigned: 0, outside: 0, noLocation: 0 };
  for (let i = 0; i < table.length; i++) {
    const lon = table.lon[i];
    if (Number.isNaN(lon)) {
      ward[i] = NO_LOCATION;
      counts.noLocation++;
      continue;
    }
    const found = locator.locate(lon, table.lat[i]);
    ward[i] = found;
    if (found === OUTSIDE) counts.outside++;
    else counts.assigned++;
    if (onProgress && (i & 0xffff) === 0) onProgress(i);
  }
  return { ward, counts };
}

function ringBounds(ring: number[][]): number[] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of ring) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}
