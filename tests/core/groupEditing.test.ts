import { beforeAll, describe, expect, it } from 'vitest';
import { parseAreaConfig, resolveGroups } from '../../src/core/areaConfig.ts';
import { assignWard, configWithGroups, parseGroupCsv } from '../../src/core/groupEditing.ts';
import { InputError } from '../../src/core/problems.ts';
import { loadTestValley, TEST_VALLEY_CONFIG, type TestValley } from './support/testValley.ts';

let area: TestValley;
beforeAll(async () => {
  area = await loadTestValley();
});
const wards = () => ({ ids: area.data.wardIds, names: area.data.wardNames });

describe('ward groups from a CSV', () => {
  it('places wards by code or name, and rejects unknown wards and wards listed twice, with their lines', () => {
    const text = ['Ward,Group', 'E05004628,Romsey', "St Mary's,Andover", 'Alamein,Andover', 'Atlantis,Andover', 'Abbey,Andover', 'Anna,'].join('\r\n');
    const { groups, rejected } = parseGroupCsv('groups.csv', text, wards(), 'Town');
    expect(groups.names).toEqual(['Romsey', 'Andover']);
    expect(groups.label).toBe('Town');
    const members = (g: number) => area.data.wardNames.filter((_, ward) => groups.wardGroup[ward] === g).sort();
    expect(members(0)).toEqual(['Abbey']);
    expect(members(1)).toEqual(['Alamein', "St Mary's"]);
    expect(rejected).toEqual(['groups.csv, line 5: "Atlantis" is no ward code or name of the boundaries', 'groups.csv, line 6: Abbey is already in group "Romsey"']);
  });

  it('refuses a file without a ward and a group column, naming it', () => {
    expect(() => parseGroupCsv('g.csv', 'x,y\n1,2\n', wards(), 'Group')).toThrow(InputError);
    expect(() => parseGroupCsv('g.csv', 'x,y\n1,2\n', wards(), 'Group')).toThrow('g.csv: the header needs a ward column (code or name) and a group column; found: x,y');
  });
});

describe('editing groups and saving them in the area config', () => {
  it('moves a ward, drops a group left empty, and keeps splits only while their groups exist', () => {
    const groups = area.data.groups;
    const midTest = area.data.wardNames.map((_, ward) => (groups.wardGroup[ward] === 1 ? ward : -1)).filter((w) => w >= 0);
    let edited = groups;
    for (const ward of midTest) edited = assignWard(edited, ward, 'North');
    expect(edited.names).toEqual(['North', 'South']);
    expect(edited.splits).toEqual([]);
    const moved = assignWard(groups, area.data.wardNames.indexOf('Anna'), 'Test Valley Villages');
    expect(moved.names).toEqual(['North', 'Mid-Test', 'South', 'Test Valley Villages']);
    expect(moved.splits).toEqual(groups.splits);
  });

  it('writes a config that validates and resolves to the same groups', () => {
    const moved = assignWard(area.data.groups, area.data.wardNames.indexOf('Anna'), null);
    const config = parseAreaConfig('saved.json', JSON.parse(JSON.stringify(configWithGroups(area.config, moved, area.data.wardIds))));
    const resolved = resolveGroups(TEST_VALLEY_CONFIG, config.groups, area.dataset.wards);
    expect(resolved.names).toEqual(moved.names);
    expect(Array.from(resolved.wardGroup)).toEqual(Array.from(moved.wardGroup));
    expect(resolved.splits).toEqual(moved.splits);
  });
});
