import { unzipSync } from 'fflate';
import type { SourceFile } from '../core/pipeline.ts';
import { InputError } from '../core/problems.ts';
import { shapefileToGeoJson, type ShapefileParts } from '../core/shapefile.ts';

/** Bytes per piece when a file is read in pieces: small enough to keep memory flat, large enough to be quick. */
const PIECE_BYTES = 8 * 1024 * 1024;

/** A file the user chose (or one inside a zip) as a pipeline source, read in pieces. */
export function blobSource(blob: Blob, name: string): SourceFile {
  return { name, size: blob.size, read: () => blob.text(), pieces: () => blobPieces(blob) };
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
 * at any depth, in path order; macOS resource forks are skipped.
 */
export async function zipSources(zip: File): Promise<SourceFile[]> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(new Uint8Array(await zip.arrayBuffer()), {
      filter: (entry) => /\.csv$/i.test(entry.name) && !entry.name.split('/').some((part) => part === '__MACOSX' || part.startsWith('._')),
    });
  } catch (error) {
    throw new InputError(zip.name, `not a readable zip archive (${error instanceof Error ? error.message : String(error)})`);
  }
  const paths = Object.keys(entries).sort();
  if (paths.length === 0) throw new InputError(zip.name, 'the zip archive holds no CSV files');
  return paths.map((path) => blobSource(new Blob([entries[path] as Uint8Array<ArrayBuffer>]), `${zip.name}/${path}`));
}

/** The parts of a zipped Shapefile, for shapefileToGeoJson; null when the zip holds no .shp. */
export function shapefileParts(name: string, zip: Uint8Array): ShapefileParts | null {
  const entries = unzipSync(zip, { filter: (entry) => /\.(shp|dbf|prj|cpg)$/i.test(entry.name) && !entry.name.includes('__MACOSX') });
  const find = (extension: string) => Object.entries(entries).find(([path]) => path.toLowerCase().endsWith(extension))?.[1] ?? null;
  const shp = find('.shp');
  if (shp === null) return null;
  const dbf = find('.dbf');
  if (dbf === null) throw new InputError(name, 'the zipped Shapefile has no .dbf file, so its areas have no codes or names');
  const text = (bytes: Uint8Array | null) => (bytes === null ? null : new TextDecoder().decode(bytes));
  return { name, shp, dbf, prj: text(find('.prj')), cpg: text(find('.cpg')) };
}

/** A boundary file as a source of GeoJSON text: GeoJSON as it is, a zipped Shapefile converted. */
export function boundarySource(file: File): SourceFile {
  if (!/\.zip$/i.test(file.name)) return blobSource(file, file.name);
  return {
    name: file.name,
    size: file.size,
    read: async () => {
      const parts = shapefileParts(file.name, new Uint8Array(await file.arrayBuffer()));
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
