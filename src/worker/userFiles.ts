import type { SourceFile } from '../core/pipeline.ts';
import { InputError } from '../core/problems.ts';
import { shapefileToGeoJson, type ShapefileParts } from '../core/shapefile.ts';
import { blobReader, readZipDirectory, zipEntryBytes, zipEntryChunks, type ReadBytes, type ZipEntry } from '../core/zipArchive.ts';

/** Bytes per piece when a file is read in pieces: small enough to keep memory flat, large enough to be quick. */
const PIECE_BYTES = 8 * 1024 * 1024;
/**
 * Files up to this size are read whole, and all at once, while the boundaries are parsed:
 * parsing one flat string is quicker. Larger ones are read in pieces (a browser cannot
 * hold a string of much more than 512 MB).
 */
const WHOLE_FILE_LIMIT = 64 * 1024 * 1024;

/** A file the user chose as a pipeline source, read in pieces when it is large. */
export function blobSource(blob: Blob, name: string, wholeFileLimit = WHOLE_FILE_LIMIT): SourceFile {
  return { name, size: blob.size, read: () => blob.text(), ...(blob.size > wholeFileLimit ? { pieces: () => blobPieces(blob) } : {}) };
}

async function* blobPieces(blob: Blob): AsyncIterable<{ text: string; bytes: number }> {
  // One decoder across pieces, so a character split between two slices is decoded whole.
  const decoder = new TextDecoder('utf-8');
  for (let at = 0; at < blob.size; at += PIECE_BYTES) {
    const bytes = new Uint8Array(await blob.slice(at, at + PIECE_BYTES).arrayBuffer());
    yield { text: decoder.decode(bytes, { stream: true }), bytes: bytes.length };
  }
  const rest = decoder.decode();
  if (rest !== '') yield { text: rest, bytes: 0 };
}

/**
 * The CSV files inside a zip, such as police.uk's custom download (a folder per month),
 * at any depth, in path order; macOS resource forks are skipped. Each is inflated piece by
 * piece as it is parsed, so the archive is never held whole.
 */
export async function zipSources(zip: File): Promise<SourceFile[]> {
  const read = blobReader(zip);
  const entries = (await readZipDirectory(zip.name, zip.size, read))
    .filter((entry) => /\.csv$/i.test(entry.name) && !entry.name.split('/').some((part) => part === '__MACOSX' || part.startsWith('._')))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (entries.length === 0) throw new InputError(zip.name, 'the zip archive holds no CSV files');
  return entries.map((entry) => {
    const pieces = () => entryPieces(zip.name, entry, read);
    return { name: `${zip.name}/${entry.name}`, size: entry.size, pieces, read: () => joinPieces(pieces()) };
  });
}

async function* entryPieces(zipName: string, entry: ZipEntry, read: ReadBytes): AsyncIterable<{ text: string; bytes: number }> {
  const decoder = new TextDecoder('utf-8');
  for await (const { data } of zipEntryChunks(zipName, entry, read, PIECE_BYTES)) yield { text: decoder.decode(data, { stream: true }), bytes: data.length };
  const rest = decoder.decode();
  if (rest !== '') yield { text: rest, bytes: 0 };
}

async function joinPieces(pieces: AsyncIterable<{ text: string }>): Promise<string> {
  let text = '';
  for await (const piece of pieces) text += piece.text;
  return text;
}

/** The parts of a zipped Shapefile, for shapefileToGeoJson; null when the zip holds no .shp. */
export async function shapefileParts(file: File): Promise<ShapefileParts | null> {
  const read = blobReader(file);
  const entries = (await readZipDirectory(file.name, file.size, read)).filter((entry) => !entry.name.includes('__MACOSX'));
  const find = async (extension: string) => {
    const entry = entries.find((e) => e.name.toLowerCase().endsWith(extension));
    return entry ? zipEntryBytes(file.name, entry, read) : null;
  };
  const shp = await find('.shp');
  if (shp === null) return null;
  const dbf = await find('.dbf');
  if (dbf === null) throw new InputError(file.name, 'the zipped Shapefile has no .dbf file, so its areas have no codes or names');
  const text = (bytes: Uint8Array | null) => (bytes === null ? null : new TextDecoder().decode(bytes));
  return { name: file.name, shp, dbf, prj: text(await find('.prj')), cpg: text(await find('.cpg')) };
}

/** A boundary file as a source of GeoJSON text: GeoJSON as it is, a zipped Shapefile converted. */
export function boundarySource(file: File): SourceFile {
  if (!/\.zip$/i.test(file.name)) return blobSource(file, file.name);
  return {
    name: file.name,
    size: file.size,
    read: async () => {
      const parts = await shapefileParts(file);
      if (parts === null) throw new InputError(file.name, 'the zip holds no .shp file: boundaries are GeoJSON or a zipped Shapefile');
      return JSON.stringify(shapefileToGeoJson(parts));
    },
  };
}

/** Crime sources from the chosen files: CSVs as they are, zips opened. */
export async function crimeSources(files: readonly File[]): Promise<SourceFile[]> {
  const sources: SourceFile[] = [];
  for (const file of files) {
    if (/\.zip$/i.test(file.name)) sources.push(...(await zipSources(file)));
    else sources.push(blobSource(file, file.name));
  }
  return sources;
}
