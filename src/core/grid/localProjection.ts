/** Mean Earth radius (IUGG), metres. */
const EARTH_RADIUS_M = 6_371_008.8;
const RADIANS = Math.PI / 180;

export interface LocalProjection {
  toXY(lon: number, lat: number): [number, number];
  toLonLat(x: number, y: number): [number, number];
}

/**
 * An equirectangular projection about (lon0, lat0), in metres. Over a district or a county
 * distances are true to well under 1%; across England (latitudes 50° to 55.8°) east–west
 * distances at the far north and south are off by up to about 7%, which only changes the
 * hexagons' size there a little.
 */
export function createLocalProjection(lon0: number, lat0: number): LocalProjection {
  const kx = EARTH_RADIUS_M * Math.cos(lat0 * RADIANS) * RADIANS;
  const ky = EARTH_RADIUS_M * RADIANS;
  return {
    toXY: (lon, lat) => [(lon - lon0) * kx, (lat - lat0) * ky],
    toLonLat: (x, y) => [lon0 + x / kx, lat0 + y / ky],
  };
}
