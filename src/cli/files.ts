import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceFile } from '../core/pipeline.ts';
import { InputError } from '../core/problems.ts';

/** A file on disk, read when the pipeline gets to it; a read failure names the file. */
export function localFile(path: string): SourceFile {
  return {
    name: path,
    read: async () => {
      try {
        // Decoding the whole buffer at once gives one flat string; readFile(path, 'utf8')
        // decodes chunk by chunk into a rope that the parser then has to copy.
        return (await readFile(path)).toString('utf8');
      } catch (error) {
        throw new InputError(path, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      }
    },
  };
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
