import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAreaConfig } from '../../src/core/areaConfig.ts';
import { userAreaConfig } from '../../src/core/userAreaConfig.ts';
import { PROJECT_ROOT } from './support/fixtures.ts';

const testValley = parseAreaConfig('test-valley.json', JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'data/areas/test-valley.json'), 'utf8')));

describe('userAreaConfig', () => {
  it('keeps the area, its groups, LSOAs and populations when only crime files are loaded', () => {
    const config = userAreaConfig(testValley, { boundaries: null, population: null, crimes: ['a.csv', 'b.csv'] });
    expect(config).toEqual({ ...testValley, crimes: { files: ['a.csv', 'b.csv'] } });
  });

  it('makes a new area of new boundaries, carrying over only the defaults and disclosure settings', () => {
    const config = userAreaConfig(testValley, { boundaries: { file: 'wards.geojson', idProperty: 'WD13CD', nameProperty: 'WD13NM' }, population: 'pop.csv', crimes: ['x.csv'] });
    expect(config.name).toBe('Your data: wards');
    expect(config.groups).toBeUndefined();
    expect(config.lsoas).toBeUndefined();
    expect(config.population).toEqual({ file: 'pop.csv', source: 'pop.csv (your file)' });
    expect(config.disclosure).toEqual(testValley.disclosure);
    expect(config.attribution[1]).toBe('Boundaries: wards.geojson; population: pop.csv (files you loaded).');
    expect(parseAreaConfig('user', config)).toEqual(config);
  });
});
