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
  disclosure?: DisclosureConfig;
}

/**
 * Disclosure control for the public site: ward and group counts below the threshold are
 * withheld, and sensitive categories are shown only at ward level and above.
 */
export interface DisclosureConfig {
  defaultMode: 'public' | 'officer';
  threshold: number;
  sensitiveCategories: string[];
}

export const DEFAULT_DISCLOSURE: DisclosureConfig = {
  defaultMode: 'officer',
  threshold: 5,
  sensitiveCategories: ['Violence and sexual offences'],
};

/** A way of splitting the district for the report, e.g. North against Mid-Test with South. */
export interface SplitConfig {
  name: string;
  areas: { name: string; groups: string[] }[];
}

/** Ward groups: listed by ward code or name, or taken from a boundary property (e.g. a district code). */
export type GroupConfig = (
  | { label: string; groups: { name: string; description?: string; wards: string[] }[] }
  | { label: string; property: string; names?: Record<string, string> }
) & { splits?: SplitConfig[] };

export interface ResolvedSplit {
  name: string;
  /** Each area's name and the indices of the groups it combines. */
  areas: { name: string; groups: number[] }[];
}

export interface WardGroups {
  /** What a group is called, e.g. "Neighbourhood area". */
  label: string;
  names: string[];
  descriptions: string[];
  /** Group index of each ward, or -1 when the ward is in no group. */
  wardGroup: Int32Array;
  splits: ResolvedSplit[];
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
  if (config.disclosure !== undefined) checkDisclosure(config.disclosure, fail);
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

function checkDisclosure(disclosure: unknown, fail: (problem: string) => never): void {
  const d = disclosure as Partial<DisclosureConfig> | null;
  if (d?.defaultMode !== 'public' && d?.defaultMode !== 'officer') fail('"disclosure.defaultMode" must be "public" or "officer"');
  if (!Number.isInteger(d?.threshold) || (d?.threshold ?? 0) < 1) fail('"disclosure.threshold" must be a whole number of at least 1');
  if (!Array.isArray(d?.sensitiveCategories) || d.sensitiveCategories.some((c) => typeof c !== 'string')) {
    fail('"disclosure.sensitiveCategories" must be a list of police.uk category names');
  }
}

/** Resolves the config's groups against the wards; a listed ward that does not exist is an error. */
export function resolveGroups(fileName: string, config: GroupConfig | undefined, wards: WardSet): WardGroups {
  const wardGroup = new Int32Array(wards.ids.length).fill(-1);
  if (!config) return { label: 'Group', names: [], descriptions: [], wardGroup, splits: [] };
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
    return { label: config.label, names, descriptions: names.map(() => ''), wardGroup, splits: resolveSplits(fileName, config.splits, names) };
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
  const names = config.groups.map((g) => g.name);
  return {
    label: config.label,
    names,
    descriptions: config.groups.map((g) => g.description ?? ''),
    wardGroup,
    splits: resolveSplits(fileName, config.splits, names),
  };
}

/** Resolves each split's areas to group indices; an unknown group, or a group in two areas, is an error. */
function resolveSplits(fileName: string, splits: SplitConfig[] | undefined, names: readonly string[]): ResolvedSplit[] {
  return (splits ?? []).map((split) => {
    if (typeof split?.name !== 'string' || !Array.isArray(split.areas)) throw new InputError(fileName, 'each of "groups.splits" needs a "name" and "areas"');
    const used = new Set<number>();
    const areas = split.areas.map((area) => ({
      name: area.name,
      groups: area.groups.map((group) => {
        const index = names.indexOf(group);
        if (index < 0) throw new InputError(fileName, `split "${split.name}" names the group "${group}", which does not exist`);
        if (used.has(index)) throw new InputError(fileName, `split "${split.name}" puts the group "${group}" in more than one area`);
        used.add(index);
        return index;
      }),
    }));
    return { name: split.name, areas };
  });
}
