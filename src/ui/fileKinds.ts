import { guessBoundaryProperties } from '../core/boundaries.ts';
import { readDbf } from '../core/shapefile.ts';
import { blobReader, readZipDirectory, zipEntryBytes, type ZipEntry } from '../core/zipArchive.ts';

/** What a chosen file is, from its name and first bytes. */
export type FileKind = 'crimes' | 'boundaries' | 'population' | 'indicators' | 'unknown';

/** Bytes read to tell a file's kind and a boundary file's properties. */
const SNIFF_BYTES = 256 * 1024;

export async function fileKind(file: File): Promise<FileKind> {
  // A zip is a Shapefile when it holds a .shp, else police.uk's download of monthly CSVs.
  if (/\.zip$/i.test(file.name)) return (await zipEntries(file)).some((entry) => /\.shp$/i.test(entry.name)) ? 'boundaries' : 'crimes';
  if (/\.(geo)?json$/i.test(file.name)) return 'boundaries';
  if (!/\.(csv|txt)$/i.test(file.name)) return 'unknown';
  const head = await file.slice(0, 4096).text();
  const header = head.split(/\r?\n/, 1)[0] ?? '';
  if (header.includes('Crime type')) return 'crimes';
  return /(^|,)\s*"?indicator"?\s*(,|$)/i.test(header) ? 'indicators' : 'population';
}

/**
 * The properties of a boundary file's first features, read from its start (a national
 * file is tens of MB: it is parsed in full only in the worker), with the likely id and name.
 */
export async function boundaryProperties(file: File): Promise<{ keys: string[]; id: string | undefined; name: string | undefined }> {
  if (/\.zip$/i.test(file.name)) {
    const entry = (await zipEntries(file)).find((e) => /\.dbf$/i.test(e.name) && !e.name.includes('__MACOSX'));
    const records = entry ? readDbf(file.name, await zipEntryBytes(file.name, entry, blobReader(file)), null).slice(0, 50) : [];
    return { keys: Object.keys(records[0] ?? {}), ...guessBoundaryProperties(records) };
  }
  const head = await file.slice(0, SNIFF_BYTES).text();
  const samples: Record<string, unknown>[] = [];
  // Properties of features only: the file's "crs" member has properties too.
  for (let at = head.indexOf('"properties"', Math.max(0, head.indexOf('"features"'))); at !== -1 && samples.length < 20; at = head.indexOf('"properties"', at + 1)) {
    const object = balancedObject(head, head.indexOf('{', at));
    if (object === null) break;
    try {
      samples.push(JSON.parse(object) as Record<string, unknown>);
    } catch {
      break;
    }
  }
  return { keys: Object.keys(samples[0] ?? {}), ...guessBoundaryProperties(samples) };
}

/** The entries of a zip, read from its directory at the end of the file; none when it is not a zip (the worker then says why). */
async function zipEntries(file: File): Promise<ZipEntry[]> {
  try {
    return await readZipDirectory(file.name, file.size, blobReader(file));
  } catch {
    return [];
  }
}

/** The JSON object starting at `start`, up to its matching brace (strings respected); null if cut off. */
function balancedObject(text: string, start: number): string | null {
  if (start < 0) return null;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return null;
}
