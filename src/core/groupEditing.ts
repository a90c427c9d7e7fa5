import type { AreaConfig, GroupConfig, WardGroups } from './areaConfig.ts';
import { readCsvRows } from './csvRows.ts';
import { InputError } from './problems.ts';

/*
 * Ward groups made in the app: loaded from a small CSV (ward code or name, group) or
 * edited ward by ward, and written back into an area config the user can download.
 */

const WARD_HEADER = /^(ward|ward ?code|ward ?name|code|area ?code|.*cd|.*nm|name)$/i;
const GROUP_HEADER = /^(group|area|neighbourhood|locality|group ?name)$/i;

/** Groups from a CSV of ward and group; rows naming no ward, or a ward twice, are rejected with their line. */
export function parseGroupCsv(fileName: string, text: string, wards: { ids: readonly string[]; names: readonly string[] }, label: string): { groups: WardGroups; rejected: string[] } {
  const { rows, lines } = readCsvRows(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (rows.length === 0) throw new InputError(fileName, 'the file is empty');
  const header = rows[0].map((h) => h.trim());
  const wardColumn = header.findIndex((h) => WARD_HEADER.test(h));
  const groupColumn = header.findIndex((h) => GROUP_HEADER.test(h));
  if (wardColumn < 0 || groupColumn < 0) throw new InputError(fileName, `the header needs a ward column (code or name) and a group column; found: ${header.join(',')}`);
  const wardGroup = new Int32Array(wards.ids.length).fill(-1);
  const names: string[] = [];
  const rejected: string[] = [];
  rows.slice(1).forEach((row, i) => {
    const line = lines[i + 1];
    const key = (row[wardColumn] ?? '').trim();
    const group = (row[groupColumn] ?? '').trim();
    const byCode = wards.ids.indexOf(key);
    const ward = byCode >= 0 ? byCode : wards.names.indexOf(key);
    if (ward < 0) return rejected.push(`${fileName}, line ${line}: "${key}" is no ward code or name of the boundaries`);
    if (byCode < 0 && wards.names.lastIndexOf(key) !== ward) return rejected.push(`${fileName}, line ${line}: "${key}" names more than one ward: use its code`);
    if (wardGroup[ward] >= 0) return rejected.push(`${fileName}, line ${line}: ${key} is already in group "${names[wardGroup[ward]]}"`);
    if (group === '') return; // listed in no group
    let index = names.indexOf(group);
    if (index < 0) index = names.push(group) - 1;
    wardGroup[ward] = index;
  });
  return { groups: { label, names, descriptions: names.map(() => ''), wardGroup, splits: [] }, rejected };
}

/** Moves a ward into a group (by name, created when new) or out of every group (null); empty groups are dropped. */
export function assignWard(groups: WardGroups, ward: number, group: string | null): WardGroups {
  const names = [...groups.names];
  const wardGroup = Int32Array.from(groups.wardGroup);
  if (group === null) wardGroup[ward] = -1;
  else {
    let index = names.indexOf(group);
    if (index < 0) index = names.push(group) - 1;
    wardGroup[ward] = index;
  }
  const used = names.map((_, g) => wardGroup.includes(g));
  const kept = names.filter((_, g) => used[g]);
  const renumber = names.map((name) => kept.indexOf(name));
  return {
    ...groups,
    names: kept,
    descriptions: kept.map((name) => groups.descriptions[groups.names.indexOf(name)] ?? ''),
    wardGroup: wardGroup.map((g) => (g < 0 ? -1 : renumber[g])),
    // A split names groups: it stays only while all its groups do.
    splits: groups.splits.filter((split) => split.areas.every((area) => area.groups.every((g) => used[g]))).map((split) => ({
      ...split,
      areas: split.areas.map((area) => ({ ...area, groups: area.groups.map((g) => renumber[g]) })),
    })),
  };
}

/** The area config with these groups, listed by ward code, for the user to download and deploy. */
export function configWithGroups(config: AreaConfig, groups: WardGroups, wardIds: readonly string[]): AreaConfig {
  const grouped: GroupConfig = {
    label: groups.label,
    groups: groups.names.map((name, g) => ({
      name,
      ...(groups.descriptions[g] ? { description: groups.descriptions[g] } : {}),
      wards: wardIds.filter((_, ward) => groups.wardGroup[ward] === g),
    })),
    ...(groups.splits.length > 0
      ? { splits: groups.splits.map((split) => ({ name: split.name, areas: split.areas.map((area) => ({ name: area.name, groups: area.groups.map((g) => groups.names[g]) })) })) }
      : {}),
  };
  return { ...config, groups: grouped };
}
