import { unzipSync } from 'fflate';
import { guessBoundaryProperties } from '../core/boundaries.ts';
import { readDbf } from '../core/shapefile.ts';

/** What a chosen file is, from its name and first bytes. */
export type FileKind = 'crimes' | 'boundaries' | 'population' | 'indicators' | 'unknown';

/** Bytes read to tell a file's kind and a boundary file's properties. */
const SNIFF_BYTES = 256 * 1024;

export async function fileKind(file: File): Promise<FileKind> {
  // A zip is a Shapefile when it holds a .shp, else police.uk's download of monthly CSVs.
  if (/\.zip$/i.test(file.name)) return zipNames(await zipBytes(file)).some((name) => /\.shp$/i.test(name)) ? 'boundaries' : 'crimes';
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
    const dbf = Object.values(unzipSync(await zipBytes(file), { filter: (entry) => /\.dbf$/i.test(entry.name) && !entry.name.includes('__MACOSX') }))[0];
    const records = dbf ? readDbf(file.name, dbf, null).slice(0, 50) : [];
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

async function zipBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** The paths in a zip, read from its directory without decompressing anything. */
function zipNames(zip: Uint8Array): string[] {
  const names: string[] = [];
  try {
    unzipSync(zip, {
      filter: (entry) => {
        names.push(entry.name);
        return false;
      },
    });
  } catch {
    // Not a zip: the worker says so when it tries to open it.
  }
  return names;
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
