import { Inflate } from 'fflate';
import { InputError } from './problems.ts';

/*
 * Reading a zip archive without holding it whole: its central directory is read from the
 * end of the file, and an entry is read and inflated a piece at a time. A police.uk custom
 * download of a whole force over years is a zip of a gigabyte or more; reading it at once
 * (as fflate's unzipSync needs) would hold it, and every CSV in it, in memory together.
 */

export interface ZipEntry {
  /** Path inside the archive, "2019-09/2019-09-hampshire-street.csv". */
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  size: number;
  /** Where the entry's local header starts. */
  headerOffset: number;
}

/** Reads bytes `start` to `end` (exclusive) of the archive. */
export type ReadBytes = (start: number, end: number) => Promise<Uint8Array>;

/** Reads a Blob (a File the user chose) by slices. */
export function blobReader(blob: Blob): ReadBytes {
  return async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer());
}

const END_SIGNATURE = 0x06054b50;
const ENTRY_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const END_RECORD_BYTES = 22;
/** The end record is followed by a comment of at most this many bytes. */
const MAX_COMMENT_BYTES = 0xffff;
const ZIP64_MARK = 0xffffffff;

/** The archive's entries, from its central directory. Throws, naming the file, when it is not a zip it can read. */
export async function readZipDirectory(fileName: string, size: number, read: ReadBytes): Promise<ZipEntry[]> {
  const tailStart = Math.max(0, size - END_RECORD_BYTES - MAX_COMMENT_BYTES);
  const tail = await read(tailStart, size);
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let end = -1;
  for (let at = tail.length - END_RECORD_BYTES; at >= 0 && end < 0; at--) if (view.getUint32(at, true) === END_SIGNATURE) end = at;
  if (end < 0) throw new InputError(fileName, 'not a zip archive (no zip directory at its end)');
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (directoryOffset === ZIP64_MARK || directorySize === ZIP64_MARK || count === 0xffff) {
    throw new InputError(fileName, 'a zip archive over 4 GB (Zip64) cannot be opened here: unzip it and choose its CSV files');
  }
  if (directoryOffset + directorySize > size) throw new InputError(fileName, 'a damaged zip archive (its directory points past the end of the file)');
  const directory = directoryOffset >= tailStart ? tail.subarray(directoryOffset - tailStart, directoryOffset - tailStart + directorySize) : await read(directoryOffset, directoryOffset + directorySize);
  const entries: ZipEntry[] = [];
  const dir = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  const names = new TextDecoder();
  for (let at = 0, i = 0; i < count; i++) {
    if (at + 46 > directory.length || dir.getUint32(at, true) !== ENTRY_SIGNATURE) throw new InputError(fileName, `a damaged zip archive (entry ${i + 1} of its directory is unreadable)`);
    const nameLength = dir.getUint16(at + 28, true);
    const extraLength = dir.getUint16(at + 30, true);
    const commentLength = dir.getUint16(at + 32, true);
    entries.push({
      name: names.decode(directory.subarray(at + 46, at + 46 + nameLength)),
      method: dir.getUint16(at + 10, true),
      compressedSize: dir.getUint32(at + 20, true),
      size: dir.getUint32(at + 24, true),
      headerOffset: dir.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * An entry's contents, inflated as its compressed bytes are read `pieceBytes` at a time;
 * each chunk comes with the compressed bytes read for it.
 */
export async function* zipEntryChunks(fileName: string, entry: ZipEntry, read: ReadBytes, pieceBytes: number): AsyncIterable<{ data: Uint8Array; bytes: number }> {
  const header = await read(entry.headerOffset, entry.headerOffset + 30);
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (header.length < 30 || view.getUint32(0, true) !== LOCAL_SIGNATURE) throw new InputError(fileName, `a damaged zip archive (${entry.name} is not where its directory says)`);
  const start = entry.headerOffset + 30 + view.getUint16(26, true) + view.getUint16(28, true);
  if (entry.method !== 0 && entry.method !== 8) throw new InputError(fileName, `${entry.name} is compressed with method ${entry.method}; only stored and deflated entries can be read`);
  let out: Uint8Array[] = [];
  const inflate = new Inflate((chunk) => out.push(chunk));
  for (let at = start; at < start + entry.compressedSize; at += pieceBytes) {
    const end = Math.min(at + pieceBytes, start + entry.compressedSize);
    const piece = await read(at, end);
    if (entry.method === 0) {
      yield { data: piece, bytes: piece.length };
      continue;
    }
    try {
      inflate.push(piece, end === start + entry.compressedSize);
    } catch (error) {
      throw new InputError(fileName, `${entry.name} cannot be decompressed (${error instanceof Error ? error.message : String(error)})`);
    }
    const data = join(out);
    out = [];
    yield { data, bytes: piece.length };
  }
}

/** An entry's whole contents (for the small files of a Shapefile). */
export async function zipEntryBytes(fileName: string, entry: ZipEntry, read: ReadBytes): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const { data } of zipEntryChunks(fileName, entry, read, Math.max(entry.compressedSize, 1))) chunks.push(data);
  return join(chunks);
}

function join(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const all = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
}
