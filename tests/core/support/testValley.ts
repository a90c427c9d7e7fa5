/** The embedded Test Valley area, loaded once per test file through the same pipeline as the app. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAreaConfig, resolveGroups, type AreaConfig } from '../../../src/core/areaConfig.ts';
import type { DashboardData } from '../../../src/core/dashboardModel.ts';
import { detectBreaks } from '../../../src/core/recordingBreaks.ts';
import { runPipeline, type Dataset } from '../../../src/core/pipeline.ts';
import { diskFile, PROJECT_ROOT } from './fixtures.ts';

export const TEST_VALLEY_CONFIG = 'data/areas/test-valley.json';

export interface TestValley {
  config: AreaConfig;
  dataset: Dataset;
  /** What the dashboard derives its figures from. */
  data: DashboardData;
}

let loading: Promise<TestValley> | null = null;

export function loadTestValley(): Promise<TestValley> {
  loading ??= load();
  return loading;
}

async function load(): Promise<TestValley> {
  const fromProject = (path: string) => resolve(PROJECT_ROOT, path);
  const config = parseAreaConfig(TEST_VALLEY_CONFIG, JSON.parse(readFileSync(fromProject(TEST_VALLEY_CONFIG), 'utf8')));
  const dataset = await runPipeline({
    boundaries: diskFile(fromProject(config.boundaries.file), config.boundaries.file),
    boundaryOptions: { idProperty: config.boundaries.idProperty, nameProperty: config.boundaries.nameProperty },
    population: diskFile(fromProject(config.population!.file), config.population!.file),
    crimeFiles: config.crimes.files.map((file) => diskFile(fromProject(file), file)),
    lsoas: { file: diskFile(fromProject(config.lsoas!.file), config.lsoas!.file), options: { idProperty: config.lsoas!.idProperty } },
  });
  const data: DashboardData = {
    wardIds: dataset.wards.ids,
    wardNames: dataset.wards.names,
    populations: dataset.populations,
    groups: resolveGroups(TEST_VALLEY_CONFIG, config.groups, dataset.wards),
    cube: dataset.cube,
    populationSource: config.population!.source,
    lsoaCube: dataset.byLsoa?.cube ?? null,
    disclosure: config.disclosure,
    breaks: detectBreaks(dataset.cube),
  };
  return { config, dataset, data };
}
