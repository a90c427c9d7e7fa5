/**
 * A hash map from exact (lon, lat) pairs to an integer, with no object per entry:
 * open addressing over two coordinate columns. Used to locate each police.uk snap point
 * once and to number the distinct snap points.
 */
export class CoordinateMap {
  private mask: number;
  private lons: Float64Array;
  private lats: Float64Array;
  private values: Int32Array;
  private used: Uint8Array;
  private count = 0;

  constructor(expected: number) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.lons = new Float64Array(capacity);
    this.lats = new Float64Array(capacity);
    this.values = new Int32Array(capacity);
    this.used = new Uint8Array(capacity);
  }

  get size(): number {
    return this.count;
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

  value(slot: number): number {
    return this.values[slot];
  }

  insert(emptySlot: number, lon: number, lat: number, value: number): void {
    this.used[emptySlot] = 1;
    this.lons[emptySlot] = lon;
    this.lats[emptySlot] = lat;
    this.values[emptySlot] = value;
    if (++this.count * 2 > this.mask) this.grow();
  }

  private grow(): void {
    const { lons, lats, values, used } = this;
    const capacity = (this.mask + 1) * 2;
    this.mask = capacity - 1;
    this.lons = new Float64Array(capacity);
    this.lats = new Float64Array(capacity);
    this.values = new Int32Array(capacity);
    this.used = new Uint8Array(capacity);
    this.count = 0;
    for (let slot = 0; slot < used.length; slot++) {
      if (used[slot] === 1) this.insert(~this.find(lons[slot], lats[slot]), lons[slot], lats[slot], values[slot]);
    }
  }
}
