import { createReadStream, statSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceFile } from '../core/pipeline.ts';
import { InputError } from '../core/problems.ts';

/**
 * Files larger than this are read in pieces: V8 cannot hold a string of much more than
 * 512 MB, and a smaller one read whole is quicker to parse as one flat string.
 */
const WHOLE_FILE_LIMIT = 256 * 1024 * 1024;
const PIECE_BYTES = 8 * 1024 * 1024;

/**
 * A file on disk, read when the pipeline gets to it, in pieces when it is large; a read
 * failure names the file.
 */
export function localFile(path: string, { wholeFileLimit = WHOLE_FILE_LIMIT, pieceBytes = PIECE_BYTES } = {}): SourceFile {
  const failed = (error: unknown) => new InputError(path, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  const size = fileSize(path);
  return {
    name: path,
    size,
    read: async () => {
      try {
        // Decoding the whole buffer at once gives one flat string; readFile(path, 'utf8')
        // decodes chunk by chunk into a rope that the parser then has to copy.
        return (await readFile(path)).toString('utf8');
      } catch (error) {
        throw failed(error);
      }
    },
    ...(size !== undefined && size > wholeFileLimit ? { pieces: () => filePieces(path, pieceBytes, failed) } : {}),
  };
}

function fileSize(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    // Missing: reading it says so, naming the file.
    return undefined;
  }
}

async function* filePieces(path: string, pieceBytes: number, failed: (error: unknown) => Error): AsyncIterable<{ text: string; bytes: number }> {
  // One decoder across pieces, so a character split between two reads is decoded whole.
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: pieceBytes }) as AsyncIterable<Buffer>) yield { text: decoder.decode(chunk, { stream: true }), bytes: chunk.length };
  } catch (error) {
    throw failed(error);
  }
  const rest = decoder.decode();
  if (rest !== '') yield { text: rest, bytes: 0 };
}

/** A CSV file as itself; a folder as its .csv files in name order. */
export async function listCsvFiles(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => {
    throw new InputError(path, 'no such file or folder');
  });
  if (!info.isDirectory()) return [path];
  const names = (await readdir(path)).filter((name) => name.toLowerCase().endsWith('.csv')).sort();
  return names.map((name) => join(path, name));
}
