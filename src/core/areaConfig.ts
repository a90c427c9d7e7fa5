import type { ClassificationMethod } from './classify.ts';
import type { WardSet } from './boundaries.ts';
import type { Measure } from './measures.ts';
import { InputError } from './problems.ts';

/**
 * An area's configuration: which files make its default data and how wards are grouped.
 * Paths are relative to the project (or site) root. A new area needs only a new config.
 */
export interface AreaConfig {
  id: string;
  name: string;
  boundaries: {
    file: string;
    idProperty?: string;
    nameProperty?: string;
    /** Keep only features whose property has one of these values (e.g. a CSP's districts). */
    filter?: { property: string; values: string[] };
    /** What the areas are, e.g. "Wards (December 2013 boundaries)". */
    label: string;
  };
  population?: { file: string; source: string };
  /** LSOA boundaries: crimes are then also assigned by the LSOA code police.uk gives, to compare. */
  lsoas?: { file: string; idProperty?: string };
  /** police.uk street-level CSV files. */
  crimes: { files: string[] };
  groups?: GroupConfig;
  defaultView?: {
    category?: string;
    period?: string;
    measure?: Measure;
    classification?: ClassificationMethod;
    classes?: number;
  };
  /** An optional online basemap under the app's own layers. */
  basemap?: { style: string; attribution: string };
  /** Attribution lines shown in the app and on exports. */
  attribution: string[];
}

/** Ward groups: listed by ward code or name, or taken from a boundary property (e.g. a district code). */
export type GroupConfig =
  | { label: string; groups: { name: string; description?: string; wards: string[] }[] }
  | { label: string; property: string; names?: Record<string, string> };

export interface WardGroups {
  /** What a group is called, e.g. "Neighbourhood area". */
  label: string;
  names: string[];
  descriptions: string[];
  /** Group index of each ward, or -1 when the ward is in no group. */
  wardGroup: Int32Array;
}

/** Validates a parsed JSON config, naming the first thing wrong. */
export function parseAreaConfig(fileName: string, json: unknown): AreaConfig {
  const fail = (problem: string): never => {
    throw new InputError(fileName, problem);
  };
  if (typeof json !== 'object' || json === null) return fail('the area config is not a JSON object');
  const config = json as Partial<AreaConfig>;
  if (typeof config.id !== 'string' || !/^[a-z0-9-]+$/.test(config.id)) fail('"id" must be lower-case letters, digits and hyphens');
  if (typeof config.name !== 'string' || config.name === '') fail('"name" is missing');
  if (typeof config.boundaries?.file !== 'string') fail('"boundaries.file" is missing');
  if (typeof config.boundaries?.label !== 'string') fail('"boundaries.label" is missing');
  if (!Array.isArray(config.crimes?.files) || config.crimes.files.some((f) => typeof f !== 'string')) {
    fail('"crimes.files" must be a list of police.uk CSV paths');
  }
  if (config.population && (typeof config.population.file !== 'string' || typeof config.population.source !== 'string')) {
    fail('"population" needs "file" and "source"');
  }
  if (config.lsoas && typeof config.lsoas.file !== 'string') fail('"lsoas" needs "file"');
  if (!Array.isArray(config.attribution)) fail('"attribution" must be a list of lines');
  const groups = config.groups as Record<string, unknown> | undefined;
  if (groups && !Array.isArray(groups.groups) && typeof groups.property !== 'string') {
    fail('"groups" needs either a "groups" list or a "property"');
  }
  if (groups && Array.isArray(groups.groups)) {
    (groups.groups as unknown[]).forEach((group, i) => {
      const g = group as { name?: unknown; wards?: unknown } | null;
      if (typeof g?.name !== 'string' || g.name === '') fail(`group ${i + 1} needs a "name"`);
      if (!Array.isArray(g?.wards) || g.wards.some((w) => typeof w !== 'string')) {
        fail(`group "${String(g?.name)}" needs "wards", a list of ward codes or names`);
      }
    });
  }
  return config as AreaConfig;
}

/** Resolves the config's groups against the wards; a listed ward that does not exist is an error. */
export function resolveGroups(fileName: string, config: GroupConfig | undefined, wards: WardSet): WardGroups {
  const wardGroup = new Int32Array(wards.ids.length).fill(-1);
  if (!config) return { label: 'Group', names: [], descriptions: [], wardGroup };
  if ('property' in config) {
    const names: string[] = [];
    wards.properties.forEach((properties, ward) => {
      const value = String(properties[config.property] ?? '');
      if (value === '') return; // no value: the ward is in no group
      const name = config.names?.[value] ?? value;
      let index = names.indexOf(name);
      if (index < 0) index = names.push(name) - 1;
      wardGroup[ward] = index;
    });
    return { label: config.label, names, descriptions: names.map(() => ''), wardGroup };
  }
  config.groups.forEach((group, index) => {
    for (const key of group.wards) {
      const ward = wards.ids.indexOf(key) >= 0 ? wards.ids.indexOf(key) : wards.names.indexOf(key);
      if (ward < 0) throw new InputError(fileName, `group "${group.name}" lists "${key}", which is no ward code or name in the boundaries`);
      // Ward names repeat across districts ("Abbey", "Central"): a name must pick out one ward.
      if (wards.ids[ward] !== key && wards.names.lastIndexOf(key) !== ward) {
        throw new InputError(fileName, `group "${group.name}" lists "${key}", which names more than one ward: list it by code`);
      }
      if (wardGroup[ward] >= 0) throw new InputError(fileName, `ward "${key}" is in more than one group`);
      wardGroup[ward] = index;
    }
  });
  return {
    label: config.label,
    names: config.groups.map((g) => g.name),
    descriptions: config.groups.map((g) => g.description ?? ''),
    wardGroup,
  };
}
