/** Seeded random numbers for reproducible synthetic data. */

/** mulberry32 (Tommy Ettinger): a small, fast 32-bit generator, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n points uniform over the square [0, side] × [0, side]. */
export function uniformSquare(n: number, side: number, random: () => number): { x: Float64Array; y: Float64Array } {
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = random() * side;
    y[i] = random() * side;
  }
  return { x, y };
}
