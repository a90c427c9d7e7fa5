import Flatbush from 'flatbush';
import pointInPolygon from 'point-in-polygon-hao';
import type { PolygonRings, WardSet } from './boundaries.ts';
import { CoordinateMap } from './coordinateMap.ts';
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
  // State of the current query, shared with the search callback so a lookup allocates nothing.
  private readonly point = [0, 0];
  private inside = OUTSIDE;
  private onEdge = OUTSIDE;
  private readonly testPart = (part: number): boolean => {
    if (this.inside !== OUTSIDE) return false;
    const result = pointInPolygon(this.point, this.parts[part]);
    const ward = this.partWard[part];
    if (result === true) this.inside = ward;
    else if (result === 0 && (this.onEdge === OUTSIDE || ward < this.onEdge)) this.onEdge = ward;
    return false;
  };

  constructor(wards: WardSet) {
    const partWard: number[] = [];
    wards.polygons.forEach((polygons, ward) => {
      for (const polygon of polygons) {
        this.parts.push(polygon);
        partWard.push(ward);
      }
    });
    this.index = new Flatbush(Math.max(this.parts.length, 1));
    for (const polygon of this.parts) addRingBounds(this.index, polygon[0]);
    if (this.parts.length === 0) this.index.add(0, 0, 0, 0);
    this.index.finish();
    this.partWard = Int32Array.from(partWard);
  }

  /**
   * The ward containing (lon, lat), or OUTSIDE. A point exactly on a boundary shared by
   * several wards goes to the one listed first in the boundary file, so it counts once.
   */
  locate(lon: number, lat: number): number {
    this.point[0] = lon;
    this.point[1] = lat;
    this.inside = OUTSIDE;
    this.onEdge = OUTSIDE;
    // The callback tests each candidate part in the index's order and keeps none of them.
    this.index.search(lon, lat, lon, lat, this.testPart);
    return this.inside !== OUTSIDE ? this.inside : this.onEdge;
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
  // police.uk snaps crimes to a limited set of anonymous map points, so about half the
  // crimes of a month share a point with another: each point is located once.
  const cache = new CoordinateMap(table.length >> 1);
  for (let i = 0; i < table.length; i++) {
    const lon = table.lon[i];
    if (Number.isNaN(lon)) {
      ward[i] = NO_LOCATION;
      counts.noLocation++;
      continue;
    }
    const lat = table.lat[i];
    const slot = cache.find(lon, lat);
    let found: number;
    if (slot >= 0) {
      found = cache.value(slot);
    } else {
      found = locator.locate(lon, lat);
      cache.insert(~slot, lon, lat, found);
    }
    ward[i] = found;
    if (found === OUTSIDE) counts.outside++;
    else counts.assigned++;
    if (onProgress && (i & 0xffff) === 0) onProgress(i);
  }
  return { ward, counts };
}

function addRingBounds(index: Flatbush, ring: number[][]): void {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < ring.length; i++) {
    const x = ring[i][0];
    const y = ring[i][1];
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  index.add(minX, minY, maxX, maxY);
}
