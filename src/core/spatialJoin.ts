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

/**
 * Remembers the ward of each point already located. police.uk snaps crimes to a limited set
 * of anonymous map points, so about half the crimes of a month share a point with another.
 * Open addressing over the two coordinates; keys are compared exactly.
 */
class PointCache {
  private mask: number;
  private lons: Float64Array;
  private lats: Float64Array;
  private wards: Int32Array;
  private used: Uint8Array;
  private size = 0;

  constructor(expected: number) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.lons = new Float64Array(capacity);
    this.lats = new Float64Array(capacity);
    this.wards = new Int32Array(capacity);
    this.used = new Uint8Array(capacity);
  }

  /** The slot holding (lon, lat), or the empty slot where it belongs, as its bitwise complement. */
  find(lon: number, lat: number): number {
    // Any function of the coordinates would do as a hash; micro-degree rounding spreads snap points well.
    let slot = (Math.imul(Math.round(lon * 1e6) | 0, 0x9e3779b1) ^ Math.imul(Math.round(lat * 1e6) | 0, 0x85ebca77)) & this.mask;
    while (this.used[slot] === 1) {
      if (this.lons[slot] === lon && this.lats[slot] === lat) return slot;
      slot = (slot + 1) & this.mask;
    }
    return ~slot;
  }

  ward(slot: number): number {
    return this.wards[slot];
  }

  insert(emptySlot: number, lon: number, lat: number, ward: number): void {
    this.used[emptySlot] = 1;
    this.lons[emptySlot] = lon;
    this.lats[emptySlot] = lat;
    this.wards[emptySlot] = ward;
    if (++this.size * 2 > this.mask) this.grow();
  }

  private grow(): void {
    const { lons, lats, wards, used } = this;
    const capacity = (this.mask + 1) * 2;
    this.mask = capacity - 1;
    this.lons = new Float64Array(capacity);
    this.lats = new Float64Array(capacity);
    this.wards = new Int32Array(capacity);
    this.used = new Uint8Array(capacity);
    this.size = 0;
    for (let slot = 0; slot < used.length; slot++) {
      if (used[slot] === 1) this.insert(~this.find(lons[slot], lats[slot]), lons[slot], lats[slot], wards[slot]);
    }
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
  const cache = new PointCache(table.length >> 1);
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
      found = cache.ward(slot);
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
