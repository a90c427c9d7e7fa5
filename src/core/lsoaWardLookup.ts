import pointInPolygon from 'point-in-polygon-hao';
import type { PolygonRings, WardSet } from './boundaries.ts';
import type { CrimeTable } from './policeUkCsv.ts';
import { NO_LOCATION, OUTSIDE, WardLocator } from './spatialJoin.ts';

/** Each LSOA's best-fitting ward, as ONS publishes for statistical geographies. */
export interface LsoaWardLookup {
  lsoaIds: string[];
  /** Ward index of each LSOA, or OUTSIDE when most of it lies in no ward. */
  ward: Int32Array;
  /** Share of the LSOA's area inside its best-fit ward, 0–1 (1 = wholly inside). */
  share: Float64Array;
}

/** Sample points per LSOA: enough to measure a ward's share of an LSOA to about a percent. */
const SAMPLES = 900;

/**
 * Best fit by area: each LSOA goes to the ward holding the largest share of its area,
 * measured on a regular grid of sample points within the LSOA. (ONS best-fits by
 * population-weighted centroid, which needs data police.uk users rarely have; the area
 * share also tells how cleanly an LSOA nests.)
 */
export function bestFitLsoaWards(lsoas: WardSet, wards: WardSet): LsoaWardLookup {
  const locator = new WardLocator(wards);
  const ward = new Int32Array(lsoas.ids.length);
  const share = new Float64Array(lsoas.ids.length);
  lsoas.polygons.forEach((polygons, i) => {
    const tally = new Map<number, number>();
    let inside = 0;
    forEachSample(polygons, (lon, lat) => {
      const w = locator.locate(lon, lat);
      tally.set(w, (tally.get(w) ?? 0) + 1);
      inside++;
    });
    let best = OUTSIDE;
    let bestCount = 0;
    for (const [w, n] of tally) {
      if (n > bestCount || (n === bestCount && w >= 0 && (best < 0 || w < best))) {
        best = w;
        bestCount = n;
      }
    }
    ward[i] = best;
    share[i] = inside === 0 ? 0 : bestCount / inside;
  });
  return { lsoaIds: lsoas.ids, ward, share };
}

/** Calls back with the grid points that fall inside the polygons (cell centres of a grid over their bounds). */
function forEachSample(polygons: PolygonRings[], visit: (lon: number, lat: number) => void): void {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const polygon of polygons) {
    for (const [x, y] of polygon[0]) {
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  }
  // Square cells on the ground: a degree of longitude is shorter than one of latitude by cos(lat).
  const aspect = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const step = Math.sqrt(((maxX - minX) * aspect * (maxY - minY)) / SAMPLES) || 1;
  const stepX = step / aspect;
  const point = [0, 0];
  for (let x = minX + stepX / 2; x < maxX; x += stepX) {
    for (let y = minY + step / 2; y < maxY; y += step) {
      point[0] = x;
      point[1] = y;
      if (polygons.some((polygon) => pointInPolygon(point, polygon) !== false)) visit(x, y);
    }
  }
}

/**
 * Assigns each crime to the best-fit ward of the LSOA police.uk gives for it, the way
 * analysts often aggregate police.uk data. Crimes whose LSOA is not in the lookup are
 * OUTSIDE; those without an LSOA code are NO_LOCATION.
 */
export function assignByLsoa(table: CrimeTable, lookup: LsoaWardLookup): Int32Array {
  const wardOfLsoa = new Map(lookup.lsoaIds.map((id, i) => [id, lookup.ward[i]]));
  const byCode = Int32Array.from(table.lsoas, (code) => (code === '' ? NO_LOCATION : (wardOfLsoa.get(code) ?? OUTSIDE)));
  const ward = new Int32Array(table.length);
  for (let i = 0; i < table.length; i++) ward[i] = byCode[table.lsoa[i]];
  return ward;
}

/** An LSOA counts as split when less than this share of it lies in its best-fit ward. */
export const NESTED_SHARE = 0.95;

/** What the dashboard says about the lookup: how many LSOAs there are and how many straddle a ward boundary. */
export interface LsoaComparison {
  lsoaCount: number;
  /** LSOAs with less than NESTED_SHARE of their area in their best-fit ward. */
  splitLsoas: number;
  /** LSOAs whose best fit is no ward at all. */
  outsideLsoas: number;
}

export function summariseLookup(lookup: LsoaWardLookup): LsoaComparison {
  let split = 0;
  let outside = 0;
  lookup.ward.forEach((ward, i) => {
    if (ward < 0) outside++;
    else if (lookup.share[i] < NESTED_SHARE) split++;
  });
  return { lsoaCount: lookup.lsoaIds.length, splitLsoas: split, outsideLsoas: outside };
}
