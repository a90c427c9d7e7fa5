import { detached } from './growableArray.ts';

const POLICE_UK_ID = /^[0-9a-f]{64}$/;
const EMPTY = -1;
const FIRST_CAPACITY = 1024;

/**
 * The Crime IDs seen so far, so that a crime read twice (overlapping files) is dropped.
 * police.uk's IDs are 64 lower-case hex digits (a SHA-256), so each is kept as two numbers,
 * its first 13 and last 13 digits, in an open-addressing table of doubles: 104 bits, so
 * the odds that two of five million different IDs share them are about 1 in 10^18 (and
 * IDs made by counting differ at one end). Five million IDs take 160 MB there against
 * about 400 MB as strings, which would also each hold on to the piece of file they were
 * cut from. Any other ID is kept as a string.
 */
export class CrimeIdSet {
  /** Pairs of numbers; a pair starting EMPTY is a free slot. */
  private slots = new Float64Array(2 * FIRST_CAPACITY).fill(EMPTY);
  private capacity = FIRST_CAPACITY;
  private hexCount = 0;
  private readonly others = new Set<string>();

  get size(): number {
    return this.hexCount + this.others.size;
  }

  /** Adds an ID; false when it was there already. */
  add(id: string): boolean {
    if (!POLICE_UK_ID.test(id)) {
      const before = this.others.size;
      this.others.add(detached(id));
      return this.others.size > before;
    }
    const high = parseInt(id.slice(0, 13), 16);
    const low = parseInt(id.slice(51), 16);
    if (!this.insert(high, low)) return false;
    this.hexCount++;
    // Kept at most half full, so probes stay short.
    if (this.hexCount * 2 > this.capacity) this.grow();
    return true;
  }

  /** Puts a pair in the table; false when it is there already. */
  private insert(high: number, low: number): boolean {
    const mask = this.capacity - 1;
    // The digits are uniformly random: their low bits are a good enough hash.
    for (let slot = high % this.capacity; ; slot = (slot + 1) & mask) {
      const at = 2 * slot;
      if (this.slots[at] === EMPTY) {
        this.slots[at] = high;
        this.slots[at + 1] = low;
        return true;
      }
      if (this.slots[at] === high && this.slots[at + 1] === low) return false;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.capacity *= 2;
    this.slots = new Float64Array(2 * this.capacity).fill(EMPTY);
    for (let at = 0; at < old.length; at += 2) if (old[at] !== EMPTY) this.insert(old[at], old[at + 1]);
  }
}
