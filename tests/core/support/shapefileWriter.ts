/** A minimal writer of polygon Shapefiles (.shp and dBase III .dbf), for hand-made fixtures. */

/** One feature: its rings (Shapefile winding: outer clockwise, holes counter-clockwise) and text attributes. */
export interface ShapeSpec {
  rings: number[][][];
  attributes: Record<string, string>;
}

export function writeShp(shapes: ShapeSpec[], shapeType = 5): Uint8Array {
  const records = shapes.map(({ rings }) => {
    const points = rings.flat();
    const content = 44 + rings.length * 4 + points.length * 16;
    const view = new DataView(new ArrayBuffer(8 + content));
    view.setInt32(8, shapeType, true);
    view.setInt32(44, rings.length, true);
    view.setInt32(48, points.length, true);
    let start = 0;
    rings.forEach((ring, i) => {
      view.setInt32(52 + i * 4, start, true);
      start += ring.length;
    });
    points.forEach(([x, y], i) => {
      view.setFloat64(52 + rings.length * 4 + i * 16, x, true);
      view.setFloat64(52 + rings.length * 4 + i * 16 + 8, y, true);
    });
    view.setInt32(4, content / 2);
    return new Uint8Array(view.buffer);
  });
  const length = 100 + records.reduce((sum, r) => sum + r.length, 0);
  const file = new Uint8Array(length);
  const header = new DataView(file.buffer);
  header.setInt32(0, 9994);
  header.setInt32(24, length / 2);
  header.setInt32(28, 1000, true);
  header.setInt32(32, shapeType, true);
  let at = 100;
  records.forEach((record, i) => {
    new DataView(record.buffer).setInt32(0, i + 1);
    file.set(record, at);
    at += record.length;
  });
  return file;
}

export function writeDbf(shapes: ShapeSpec[]): Uint8Array {
  const names = Object.keys(shapes[0]?.attributes ?? {});
  const widths = names.map((name) => Math.max(1, ...shapes.map((s) => new TextEncoder().encode(s.attributes[name]).length)));
  const headerLength = 32 + names.length * 32 + 1;
  const recordLength = 1 + widths.reduce((a, b) => a + b, 0);
  const file = new Uint8Array(headerLength + shapes.length * recordLength + 1);
  const view = new DataView(file.buffer);
  file[0] = 0x03;
  view.setUint32(4, shapes.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  names.forEach((name, i) => {
    file.set(new TextEncoder().encode(name.slice(0, 10)), 32 + i * 32);
    file[32 + i * 32 + 11] = 'C'.charCodeAt(0);
    file[32 + i * 32 + 16] = widths[i];
  });
  file[headerLength - 1] = 0x0d;
  shapes.forEach((shape, r) => {
    let at = headerLength + r * recordLength;
    file[at++] = 0x20;
    names.forEach((name, i) => {
      const bytes = new TextEncoder().encode(shape.attributes[name].padEnd(widths[i]));
      file.set(bytes.subarray(0, widths[i]), at);
      at += widths[i];
    });
  });
  file[file.length - 1] = 0x1a;
  return file;
}
