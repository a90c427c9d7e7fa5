import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseAreaConfig } from '../core/areaConfig.ts';
import { CRIMES_FILE, CUBE_FILE, makeBundle, MANIFEST_FILE } from '../core/bundle.ts';
import { runPipeline } from '../core/pipeline.ts';
import { InputError } from '../core/problems.ts';
import { localFile } from './files.ts';

export const DEFAULT_BUNDLE_FOLDER = 'build-data/bundles';

/**
 * Builds an area's deployment bundle into `<out>/<area id>/`: the pipeline runs on the
 * config's files (paths relative to the current folder, the project root) and the
 * manifest, cube and crimes are written. Returns the folder and the files' sizes.
 */
export async function buildBundle(configFile: string, out: string, now = new Date()): Promise<{ folder: string; sizes: Record<string, number> }> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(configFile, 'utf8'));
  } catch (error) {
    throw new InputError(configFile, `cannot be read as JSON (${(error as Error).message})`);
  }
  const config = parseAreaConfig(configFile, json);
  const dataset = await runPipeline({
    boundaries: localFile(config.boundaries.file),
    boundaryOptions: { idProperty: config.boundaries.idProperty, nameProperty: config.boundaries.nameProperty, filter: config.boundaries.filter },
    population: config.population ? localFile(config.population.file) : undefined,
    crimeFiles: config.crimes.files.map((file) => localFile(file)),
    lsoas: config.lsoas ? { file: localFile(config.lsoas.file), options: { idProperty: config.lsoas.idProperty } } : undefined,
  });
  const bundle = makeBundle(config, configFile, dataset, now);
  const folder = join(out, config.id);
  await mkdir(folder, { recursive: true });
  const files: [string, string | Uint8Array][] = [
    [MANIFEST_FILE, JSON.stringify(bundle.manifest)],
    [CUBE_FILE, bundle.cube],
    [CRIMES_FILE, bundle.crimes],
  ];
  for (const [name, content] of files) await writeFile(join(folder, name), content);
  return { folder, sizes: Object.fromEntries(files.map(([name, content]) => [name, typeof content === 'string' ? Buffer.byteLength(content) : content.length])) };
}

/** `build --area CONFIG [--out FOLDER]`: prints what it wrote. */
export async function buildCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { area: { type: 'string' }, out: { type: 'string' } } });
  if (!values.area) {
    process.stderr.write('error: --area CONFIG is required (e.g. data/areas/test-valley.json)\n');
    return 2;
  }
  try {
    const { folder, sizes } = await buildBundle(values.area, values.out ?? DEFAULT_BUNDLE_FOLDER);
    const kilobytes = Object.entries(sizes).map(([name, size]) => `${name} ${(size / 1024).toFixed(0)} kB`);
    process.stdout.write(`Wrote ${folder}: ${kilobytes.join(', ')}\n`);
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write(`error: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
