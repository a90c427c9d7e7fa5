import type { Topology } from 'topojson-specification';
import type { AreaConfig } from './areaConfig.ts';
import { readBoundaries, type WardSet } from './boundaries.ts';
import { simplifiedTopology, topologyFeatures } from './boundarySimplify.ts';
import type { Cube } from './cube.ts';
import { dataQuality, type DataQuality } from './dataQuality.ts';
import { summariseLookup, type LsoaComparison } from './lsoaWardLookup.ts';
import type { Dataset } from './pipeline.ts';
import type { CrimeTable } from './policeUkCsv.ts';
import { InputError } from './problems.ts';

/*
 * The deployment bundle (docs/bundle-format.md): what `npm run data -- build` makes of an
 * area's raw files, so a public site's visitors download a few compact files instead of
 * parsing every police.uk CSV. A manifest (JSON) describes two binary files: the cube's
 * counts and the crime table as columns. Binary data is little-endian, as every browser is.
 */

export const BUNDLE_FORMAT = 'ward-crime-map-bundle';
export const BUNDLE_VERSION = 2;

export const MANIFEST_FILE = 'manifest.json';
export const CUBE_FILE = 'cube.bin';
export const CRIMES_FILE = 'crimes.bin';

/** A cube without its counts, which are in cube.bin (counts first, then the LSOA cube's if any). */
export type CubeShape = Omit<Cube, 'counts'>;

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  version: number;
  /** When it was built (ISO 8601), and from which config file. */
  created: string;
  configFile: string;
  config: AreaConfig;
  /** Ward order is the cube's row order and the boundary topology's feature order. */
  wardIds: string[];
  wardNames: string[];
  populations: (number | null)[];
  /** The wards (and LSOAs, when the config names them) simplified for display, as TopoJSON. */
  boundaries: Topology;
  lsoaBoundaries: Topology | null;
  /** Property names in the topologies holding each area's code and name. */
  idProperty: string;
  nameProperty: string;
  cube: CubeShape;
  lsoaCube: CubeShape | null;
  lsoaLookup: LsoaComparison | null;
  crimes: { length: number; columns: { name: CrimeColumn; type: ColumnType; offset: number }[]; categories: string[]; lsoas: string[]; lsoaNames: string[]; locations: string[]; outcomes: string[]; files: string[] };
  /** The data quality report of the build: the counts reconcile as always. */
  quality: DataQuality;
}

type CrimeColumn = 'lon' | 'lat' | 'month' | 'category' | 'lsoa' | 'location' | 'outcome' | 'file' | 'line' | 'ward';
type ColumnType = 'float32' | 'uint16' | 'uint32' | 'int32';

/** Coordinates as float32: police.uk's six decimals survive to about 0.5 m, and equal points stay equal. */
const COLUMNS: { name: CrimeColumn; type: ColumnType }[] = [
  { name: 'lon', type: 'float32' },
  { name: 'lat', type: 'float32' },
  { name: 'month', type: 'uint16' },
  { name: 'category', type: 'uint16' },
  { name: 'lsoa', type: 'uint32' },
  { name: 'location', type: 'uint32' },
  { name: 'outcome', type: 'uint16' },
  { name: 'file', type: 'uint16' },
  { name: 'line', type: 'uint32' },
  { name: 'ward', type: 'int32' },
];

const ARRAYS = { float32: Float32Array, uint16: Uint16Array, uint32: Uint32Array, int32: Int32Array };

/** The crime table and each crime's ward as one buffer of columns, with the column layout for the manifest. */
export function encodeCrimes(table: CrimeTable, wardOfCrime: Int32Array): { bytes: Uint8Array; columns: BundleManifest['crimes']['columns'] } {
  const source: Record<CrimeColumn, ArrayLike<number>> = { ...table, ward: wardOfCrime };
  let offset = 0;
  const columns = COLUMNS.map(({ name, type }) => {
    const column = { name, type, offset };
    // Each column starts on a 4-byte boundary, so it can be read in place as a typed array.
    offset += Math.ceil((table.length * ARRAYS[type].BYTES_PER_ELEMENT) / 4) * 4;
    return column;
  });
  const buffer = new ArrayBuffer(offset);
  for (const { name, type, offset: at } of columns) new ARRAYS[type](buffer, at, table.length).set(source[name]);
  return { bytes: new Uint8Array(buffer), columns };
}

/** The crime table and wards back from crimes.bin. */
export function decodeCrimes(manifest: BundleManifest, buffer: ArrayBuffer): { table: CrimeTable; wardOfCrime: Int32Array } {
  const { length, columns, categories, lsoas, lsoaNames, locations, outcomes, files } = manifest.crimes;
  const column = (name: CrimeColumn) => {
    const spec = columns.find((c) => c.name === name);
    if (!spec) throw new InputError(CRIMES_FILE, `the manifest lists no "${name}" column`);
    return new ARRAYS[spec.type](buffer, spec.offset, length);
  };
  const table: CrimeTable = {
    length,
    lon: Float64Array.from(column('lon')),
    lat: Float64Array.from(column('lat')),
    month: column('month') as Uint16Array,
    category: column('category') as Uint16Array,
    lsoa: column('lsoa') as Uint32Array,
    location: column('location') as Uint32Array,
    outcome: column('outcome') as Uint16Array,
    file: column('file') as Uint16Array,
    line: column('line') as Uint32Array,
    categories,
    lsoas,
    lsoaNames,
    locations,
    outcomes,
    files,
  };
  return { table, wardOfCrime: column('ward') as Int32Array };
}

/** cube.bin: the cube's counts, then the LSOA cube's. */
export function encodeCubes(cube: Cube, lsoaCube: Cube | null): Uint8Array {
  const bytes = new Uint8Array((cube.counts.length + (lsoaCube?.counts.length ?? 0)) * 4);
  const counts = new Uint32Array(bytes.buffer);
  counts.set(cube.counts);
  if (lsoaCube) counts.set(lsoaCube.counts, cube.counts.length);
  return bytes;
}

export function decodeCubes(manifest: BundleManifest, buffer: ArrayBuffer): { cube: Cube; lsoaCube: Cube | null } {
  const size = (shape: CubeShape) => (shape.wardCount + 2) * shape.monthCount * shape.categories.length;
  const cubeSize = size(manifest.cube);
  const expected = (cubeSize + (manifest.lsoaCube ? size(manifest.lsoaCube) : 0)) * 4;
  if (buffer.byteLength !== expected) throw new InputError(CUBE_FILE, `holds ${buffer.byteLength} bytes where the manifest needs ${expected}: the bundle is incomplete`);
  return {
    cube: { ...manifest.cube, counts: new Uint32Array(buffer, 0, cubeSize) },
    lsoaCube: manifest.lsoaCube ? { ...manifest.lsoaCube, counts: new Uint32Array(buffer, cubeSize * 4, size(manifest.lsoaCube)) } : null,
  };
}

/** Checks a manifest before anything is read from it: a bundle of another format or version is refused with what to do. */
export function checkManifest(fileName: string, json: unknown): BundleManifest {
  const manifest = json as Partial<BundleManifest> | null;
  if (manifest?.format !== BUNDLE_FORMAT) throw new InputError(fileName, 'is not a ward crime map data bundle');
  if (manifest.version !== BUNDLE_VERSION) {
    throw new InputError(
      fileName,
      `is a data bundle of format version ${String(manifest.version)}, but this app reads version ${BUNDLE_VERSION}: rebuild it with this version (npm run data -- build --area ${manifest.configFile ?? 'CONFIG'})`,
    );
  }
  return manifest as BundleManifest;
}

/** The cube's shape without its counts, for the manifest. */
export function cubeShape({ wardCount, firstMonth, monthCount, categories, monthsWithData }: Cube): CubeShape {
  return { wardCount, firstMonth, monthCount, categories, monthsWithData };
}

/** Everything a load produces that the app needs: from the pipeline, or read back from a bundle. */
export interface LoadedParts {
  wards: WardSet;
  populations: (number | null)[];
  table: CrimeTable;
  wardOfCrime: Int32Array;
  cube: Cube;
  lsoas: WardSet | null;
  lsoaCube: Cube | null;
  lsoaLookup: LsoaComparison | null;
  quality: DataQuality;
}

/** Share of boundary points kept for display. */
export const DISPLAY_POINT_SHARE = 0.3;

/** The bundle of a loaded area: its manifest and the two binary files. */
export function makeBundle(config: AreaConfig, configFile: string, dataset: Dataset, created: Date, keep = DISPLAY_POINT_SHARE): { manifest: BundleManifest; cube: Uint8Array; crimes: Uint8Array } {
  const crimes = encodeCrimes(dataset.table, dataset.wardOfCrime);
  const { table } = dataset;
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    created: created.toISOString(),
    configFile,
    config,
    wardIds: dataset.wards.ids,
    wardNames: dataset.wards.names,
    populations: dataset.populations,
    boundaries: simplifiedTopology(withCodes(dataset.wards), keep),
    lsoaBoundaries: dataset.byLsoa ? simplifiedTopology(withCodes(dataset.byLsoa.lsoas), keep) : null,
    idProperty: CODE_PROPERTY,
    nameProperty: NAME_PROPERTY,
    cube: cubeShape(dataset.cube),
    lsoaCube: dataset.byLsoa ? cubeShape(dataset.byLsoa.cube) : null,
    lsoaLookup: dataset.byLsoa ? summariseLookup(dataset.byLsoa.lookup) : null,
    crimes: { length: table.length, columns: crimes.columns, categories: table.categories, lsoas: table.lsoas, lsoaNames: table.lsoaNames, locations: table.locations, outcomes: table.outcomes, files: table.files },
    quality: dataQuality(dataset, config),
  };
  return { manifest, cube: encodeCubes(dataset.cube, dataset.byLsoa?.cube ?? null), crimes: crimes.bytes };
}

/** The parts of a load, read back from a bundle's manifest and binary files. */
export function readBundle(manifest: BundleManifest, cubeBuffer: ArrayBuffer, crimesBuffer: ArrayBuffer): LoadedParts {
  const options = { idProperty: manifest.idProperty, nameProperty: manifest.nameProperty };
  const { cube, lsoaCube } = decodeCubes(manifest, cubeBuffer);
  const { table, wardOfCrime } = decodeCrimes(manifest, crimesBuffer);
  const wards = readBoundaries(MANIFEST_FILE, topologyFeatures(manifest.boundaries), options);
  if (wards.ids.join() !== manifest.wardIds.join()) throw new InputError(MANIFEST_FILE, 'the boundaries and the ward list disagree: the bundle is damaged');
  return {
    wards,
    populations: manifest.populations,
    table,
    wardOfCrime,
    cube,
    lsoas: manifest.lsoaBoundaries ? readBoundaries(MANIFEST_FILE, topologyFeatures(manifest.lsoaBoundaries), options) : null,
    lsoaCube,
    lsoaLookup: manifest.lsoaLookup,
    quality: manifest.quality,
  };
}

const CODE_PROPERTY = 'code';
const NAME_PROPERTY = 'name';

/** The areas with their code and name under fixed property names, beside their own properties. */
function withCodes(wards: WardSet): WardSet {
  return { ...wards, properties: wards.properties.map((properties, i) => ({ ...properties, [CODE_PROPERTY]: wards.ids[i], [NAME_PROPERTY]: wards.names[i] })) };
}

/** The parts of a load from the pipeline's dataset. */
export function datasetParts(dataset: Dataset, config: AreaConfig): LoadedParts {
  return {
    wards: dataset.wards,
    populations: dataset.populations,
    table: dataset.table,
    wardOfCrime: dataset.wardOfCrime,
    cube: dataset.cube,
    lsoas: dataset.byLsoa?.lsoas ?? null,
    lsoaCube: dataset.byLsoa?.cube ?? null,
    lsoaLookup: dataset.byLsoa ? summariseLookup(dataset.byLsoa.lookup) : null,
    quality: dataQuality(dataset, config),
  };
}
