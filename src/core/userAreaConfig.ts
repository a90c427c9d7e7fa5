import type { AreaConfig } from './areaConfig.ts';

const POLICE_UK_ATTRIBUTION = 'Crime data: police.uk, contains public sector information licensed under the Open Government Licence v3.0.';

/** The files a user loaded, by name. */
export interface UserFiles {
  boundaries: { file: string; idProperty?: string; nameProperty?: string } | null;
  population: string | null;
  crimes: string[];
}

/**
 * The area config for data the user loaded: new boundaries make a new area (no groups,
 * LSOAs or populations carried over, since they belong to other codes); without them the
 * current area keeps everything but its crime files. Its defaults and disclosure settings
 * carry over either way.
 */
export function userAreaConfig(previous: AreaConfig | null, files: UserFiles): AreaConfig {
  const { boundaries, population } = files;
  if (boundaries === null) {
    if (previous === null) throw new Error('user data without boundaries needs a current area');
    return {
      ...previous,
      population: population ? { file: population, source: `${population} (your file)` } : previous.population,
      crimes: { files: files.crimes },
    };
  }
  return {
    id: 'your-data',
    name: `Your data: ${boundaries.file.replace(/\.((geo)?json|zip)$/i, '')}`,
    boundaries: { file: boundaries.file, idProperty: boundaries.idProperty, nameProperty: boundaries.nameProperty, label: `Areas from ${boundaries.file}` },
    population: population ? { file: population, source: `${population} (your file)` } : undefined,
    crimes: { files: files.crimes },
    defaultView: previous?.defaultView,
    basemap: previous?.basemap,
    disclosure: previous?.disclosure,
    attribution: [POLICE_UK_ATTRIBUTION, `Boundaries: ${boundaries.file}${population ? `; population: ${population}` : ''} (files you loaded).`],
  };
}
