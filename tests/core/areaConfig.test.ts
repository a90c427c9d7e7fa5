import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAreaConfig, resolveGroups, type AreaConfig, type GroupConfig, type WardGroups } from '../../src/core/areaConfig.ts';
import { parseBoundaries, type WardSet } from '../../src/core/boundaries.ts';
import { InputError } from '../../src/core/problems.ts';
import { ENGLAND_WARDS_FILE } from '../dataDir.ts';
import { code, featureCollection, PROJECT_ROOT, square } from './support/fixtures.ts';

const TEST_VALLEY_CONFIG = 'data/areas/test-valley.json';
const OXON_EXAMPLE = 'docs/examples/south-oxfordshire-and-vale.json';
const SOUTH_OXFORDSHIRE = 'E07000179';
const VALE_OF_WHITE_HORSE = 'E07000180';

function readConfig(path: string): AreaConfig {
  return parseAreaConfig(path, JSON.parse(readFileSync(resolve(PROJECT_ROOT, path), 'utf8')));
}

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

/** Ward indices of each group. */
function members(groups: WardGroups): number[][] {
  return groups.names.map((_, g) => [...groups.wardGroup.keys()].filter((w) => groups.wardGroup[w] === g));
}

const minimal = {
  id: 'somewhere',
  name: 'Somewhere',
  boundaries: { file: 'geo/wards.geojson', label: 'Wards' },
  crimes: { files: ['data/2019-01.csv'] },
  attribution: ['Source: police.uk'],
};

describe('the Test Valley config', () => {
  let config: AreaConfig;
  let wards: WardSet;

  beforeAll(() => {
    config = readConfig(TEST_VALLEY_CONFIG);
    wards = parseBoundaries(config.boundaries.file, readFileSync(resolve(PROJECT_ROOT, config.boundaries.file), 'utf8'), {
      idProperty: config.boundaries.idProperty,
      nameProperty: config.boundaries.nameProperty,
    });
  });

  it('parses, naming files that exist', () => {
    expect(config.id).toBe('test-valley');
    expect(config.crimes.files).toHaveLength(31);
    for (const file of [config.boundaries.file, config.population!.file, ...config.crimes.files]) {
      expect(existsSync(resolve(PROJECT_ROOT, file)), file).toBe(true);
    }
    expect(config.defaultView).toEqual({ category: 'all-excl-asb', measure: 'rate', classification: 'quantile', classes: 5 });
  });

  it('resolves North (11 wards), Mid-Test (4) and South (9), every ward in exactly one', () => {
    const groups = resolveGroups(TEST_VALLEY_CONFIG, config.groups, wards);
    expect(groups.label).toBe('Neighbourhood area');
    expect(groups.names).toEqual(['North', 'Mid-Test', 'South']);
    expect(groups.descriptions).toEqual(['Andover and the rural north', '', 'Romsey and the south']);
    const groupWards = members(groups);
    expect(groupWards.map((w) => w.length)).toEqual([11, 4, 9]);
    expect(Array.from(groups.wardGroup).every((g) => g >= 0)).toBe(true);
    expect(new Set(groupWards.flat()).size).toBe(24);
    expect(groupWards[1].map((w) => wards.names[w]).sort()).toEqual([
      'Broughton and Stockbridge',
      'Dun Valley',
      'Harewood',
      'Kings Somborne and Michelmersh',
    ]);
    expect(groups.wardGroup[wards.names.indexOf("St Mary's")]).toBe(0);
    expect(groups.wardGroup[wards.names.indexOf('Chilworth, Nursling and Rownhams')]).toBe(2);
  });

  it('refuses a group naming an unknown ward, naming the config file and the ward', () => {
    const groups = config.groups as Extract<GroupConfig, { groups: unknown }>;
    const broken: GroupConfig = { ...groups, groups: [...groups.groups, { name: 'East', wards: ['Andover Town'] }] };
    const error = inputError(() => resolveGroups(TEST_VALLEY_CONFIG, broken, wards));
    expect(error.file).toBe(TEST_VALLEY_CONFIG);
    expect(error.message).toContain(TEST_VALLEY_CONFIG);
    expect(error.message).toContain('"Andover Town"');
    expect(error.message).toContain('"East"');
  });

  it('refuses a ward listed in two groups', () => {
    const twice: GroupConfig = { label: 'Area', groups: [{ name: 'A', wards: ['Abbey'] }, { name: 'B', wards: ['E05004628'] }] };
    expect(inputError(() => resolveGroups(TEST_VALLEY_CONFIG, twice, wards)).problem).toBe('ward "E05004628" is in more than one group');
  });

  it('accepts ward codes as well as names, and leaves unlisted wards in no group', () => {
    const partial: GroupConfig = { label: 'Area', groups: [{ name: 'Andover', wards: ['E05004648', 'Alamein'] }] };
    const groups = resolveGroups(TEST_VALLEY_CONFIG, partial, wards);
    expect(members(groups)[0].map((w) => wards.names[w]).sort()).toEqual(['Alamein', "St Mary's"]);
    expect(Array.from(groups.wardGroup).filter((g) => g === -1)).toHaveLength(22);
  });

  it('resolves the split of North against Mid-Test with South to group indices', () => {
    expect(resolveGroups(TEST_VALLEY_CONFIG, config.groups, wards).splits).toEqual([
      { name: 'North and South', areas: [{ name: 'North', groups: [0] }, { name: 'Mid-Test and South', groups: [1, 2] }] },
    ]);
  });

  it('refuses a split naming an unknown group, or one group in two areas', () => {
    const withSplit = (areas: { name: string; groups: string[] }[]): GroupConfig => ({ ...config.groups!, splits: [{ name: 'Two', areas }] });
    expect(inputError(() => resolveGroups(TEST_VALLEY_CONFIG, withSplit([{ name: 'E', groups: ['East'] }]), wards)).problem).toBe(
      'split "Two" names the group "East", which does not exist',
    );
    expect(inputError(() => resolveGroups(TEST_VALLEY_CONFIG, withSplit([{ name: 'A', groups: ['North'] }, { name: 'B', groups: ['North', 'South'] }]), wards)).problem).toBe(
      'split "Two" puts the group "North" in more than one area',
    );
  });

  it('has no groups without a groups config', () => {
    const groups = resolveGroups(TEST_VALLEY_CONFIG, undefined, wards);
    expect(groups.names).toEqual([]);
    expect(Array.from(groups.wardGroup).every((g) => g === -1)).toBe(true);
  });
});

describe('parseAreaConfig: what it refuses', () => {
  const cases: [string, unknown, RegExp][] = [
    ['not an object', 'test-valley', /not a JSON object/],
    ['a bad id', { ...minimal, id: 'Test Valley' }, /"id"/],
    ['no name', { ...minimal, name: '' }, /"name" is missing/],
    ['no boundary file', { ...minimal, boundaries: { label: 'Wards' } }, /"boundaries.file" is missing/],
    ['no boundary label', { ...minimal, boundaries: { file: 'x.geojson' } }, /"boundaries.label" is missing/],
    ['crime files not a list', { ...minimal, crimes: { files: 'data/*.csv' } }, /"crimes.files"/],
    ['a crime file not a string', { ...minimal, crimes: { files: [3] } }, /"crimes.files"/],
    ['population without source', { ...minimal, population: { file: 'p.csv' } }, /"population" needs/],
    ['an unknown disclosure mode', { ...minimal, disclosure: { defaultMode: 'private', threshold: 5, sensitiveCategories: [] } }, /"disclosure.defaultMode"/],
    ['a disclosure threshold of 0', { ...minimal, disclosure: { defaultMode: 'public', threshold: 0, sensitiveCategories: [] } }, /"disclosure.threshold"/],
    ['sensitive categories not a list', { ...minimal, disclosure: { defaultMode: 'public', threshold: 5, sensitiveCategories: 'Drugs' } }, /"disclosure.sensitiveCategories"/],
    ['no attribution', { ...minimal, attribution: undefined }, /"attribution"/],
    ['groups with neither list nor property', { ...minimal, groups: { label: 'Area' } }, /"groups" needs/],
    ['a group without wards', { ...minimal, groups: { label: 'Area', groups: [{ name: 'North' }] } }, /group "North" needs "wards"/],
    ['a group without a name', { ...minimal, groups: { label: 'Area', groups: [{ wards: [] }] } }, /group 1 needs a "name"/],
  ];

  it.each(cases)('refuses %s, naming the file', (_, json, problem) => {
    const error = inputError(() => parseAreaConfig('data/areas/x.json', json));
    expect(error.file).toBe('data/areas/x.json');
    expect(error.problem).toMatch(problem);
  });

  it('accepts a minimal config', () => {
    expect(parseAreaConfig('x.json', minimal)).toEqual(minimal);
  });
});

describe('resolveGroups on hand-made wards', () => {
  const polygon = { type: 'Polygon' as const, coordinates: [square(0, 0, 1, 1)] };
  const wards = parseBoundaries(
    'w.geojson',
    featureCollection([
      { code: code(1), name: 'Abbey', geometry: polygon, extra: { LAD: 'D1' } },
      { code: code(2), name: 'Central', geometry: polygon, extra: { LAD: 'D2' } },
      { code: code(3), name: 'Abbey', geometry: polygon, extra: { LAD: 'D2' } },
      { code: code(4), name: 'Park', geometry: polygon, extra: { LAD: 'D1' } },
      { code: code(5), name: 'Nowhere', geometry: polygon },
    ]),
  );

  it('groups by a boundary property, naming groups through the names map', () => {
    const groups = resolveGroups('c.json', { label: 'District', property: 'LAD', names: { D1: 'First District' } }, wards);
    expect(groups.label).toBe('District');
    expect(groups.names).toEqual(['First District', 'D2']);
    expect(members(groups)).toEqual([[0, 3], [1, 2]]);
  });

  it('leaves a ward without the property in no group', () => {
    const groups = resolveGroups('c.json', { label: 'District', property: 'LAD' }, wards);
    expect(groups.wardGroup[4]).toBe(-1);
    expect(groups.names).not.toContain('');
  });

  it('refuses a ward name shared by two wards, asking for the code', () => {
    const config: GroupConfig = { label: 'Area', groups: [{ name: 'Town', wards: ['Abbey', 'Central'] }] };
    const error = inputError(() => resolveGroups('c.json', config, wards));
    expect(error.problem).toMatch(/"Abbey", which names more than one ward: list it by code/);
    const byCode: GroupConfig = { label: 'Area', groups: [{ name: 'Town', wards: [code(3), 'Central'] }] };
    expect(members(resolveGroups('c.json', byCode, wards))).toEqual([[1, 2]]);
  });
});

describe('the South Oxfordshire and Vale of White Horse example', () => {
  it('parses as an area config grouped by district, without a population file', () => {
    const config = readConfig(OXON_EXAMPLE);
    expect(config.id).toBe('south-oxfordshire-and-vale');
    expect(config.population).toBeUndefined();
    expect(config.boundaries.file).toBe('../shared/data/boundaries/england-wards-2013.geojson');
    expect(config.boundaries.filter).toEqual({ property: 'LAD13CD', values: [SOUTH_OXFORDSHIRE, VALE_OF_WHITE_HORSE] });
    expect(config.groups).toMatchObject({ property: 'LAD13CD' });
    expect(config.defaultView?.measure).toBe('count');
  });
});

const englandMissing = existsSync(ENGLAND_WARDS_FILE)
  ? null
  : `skipped: ${ENGLAND_WARDS_FILE} not found (set CRIME_MAP_DATA_DIR to the shared data folder)`;
if (englandMissing) console.warn(`areaConfig.test.ts: two-district case ${englandMissing}`);

describe.skipIf(englandMissing !== null)(`two districts from the England wards${englandMissing ? ` (${englandMissing})` : ''}`, () => {
  let england: string;
  beforeAll(() => {
    england = readFileSync(ENGLAND_WARDS_FILE, 'utf8');
  });

  it('filters the England wards to 58 and groups them by LAD13CD, 29 per district', () => {
    const wards = parseBoundaries(ENGLAND_WARDS_FILE, england, {
      idProperty: 'WD13CD',
      nameProperty: 'WD13NM',
      filter: { property: 'LAD13CD', values: [SOUTH_OXFORDSHIRE, VALE_OF_WHITE_HORSE] },
    });
    expect(wards.ids).toHaveLength(58);
    const config: GroupConfig = { label: 'District', property: 'LAD13CD', names: { [SOUTH_OXFORDSHIRE]: 'South Oxfordshire' } };
    const groups = resolveGroups('inline', config, wards);
    expect([...groups.names].sort()).toEqual([VALE_OF_WHITE_HORSE, 'South Oxfordshire'].sort());
    const sizes = members(groups).map((m) => m.length);
    expect(sizes).toEqual([29, 29]);
    for (const [ward, properties] of wards.properties.entries()) {
      const expected = properties.LAD13CD === SOUTH_OXFORDSHIRE ? 'South Oxfordshire' : VALE_OF_WHITE_HORSE;
      expect(groups.names[groups.wardGroup[ward]]).toBe(expected);
    }
  });

  it('resolves the example config to its two districts of 29 wards each', () => {
    const config = readConfig(OXON_EXAMPLE);
    const wards = parseBoundaries(config.boundaries.file, england, {
      idProperty: config.boundaries.idProperty,
      nameProperty: config.boundaries.nameProperty,
      filter: config.boundaries.filter,
    });
    const groups = resolveGroups(OXON_EXAMPLE, config.groups, wards);
    expect(groups.label).toBe('District');
    expect(groups.names).toHaveLength(2);
    const sizes = Object.fromEntries(members(groups).map((m, g) => [groups.names[g], m.length]));
    expect(sizes).toEqual({ 'South Oxfordshire': 29, 'Vale of White Horse': 29 });
    expect(Array.from(groups.wardGroup).every((g) => g >= 0)).toBe(true);
    expect(wards.names).toContain('Abingdon Abbey and Barton');
  });
});
