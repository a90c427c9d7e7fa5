import { cp, readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { buildBundle } from '../src/cli/build.ts';

/** The project folders holding the embedded default data, served and shipped as they are. */
const DATA_FOLDERS = ['geo', 'data'];
const TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

/**
 * Serves geo/ and data/ in development and copies them into the build, so the app loads
 * them by URL; the build also gets the default area's bundle (npm run data -- build).
 */
export function embeddedDataPlugin(): Plugin {
  let root = process.cwd();
  let outDir = 'dist';
  return {
    name: 'embedded-data',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use(async (request, response, next) => {
        const path = decodeURIComponent((request.url ?? '').split('?')[0]).replace(/^\/+/, '');
        const folder = path.split('/')[0];
        if (!DATA_FOLDERS.includes(folder)) return next();
        const file = normalize(join(root, path));
        if (!file.startsWith(join(root, folder))) return next();
        try {
          if (!(await stat(file)).isFile()) return next();
          response.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
          response.end(await readFile(file));
        } catch {
          next();
        }
      });
    },
    async closeBundle() {
      for (const folder of DATA_FOLDERS) await cp(join(root, folder), join(outDir, folder), { recursive: true });
      // The default area also as a deployment bundle, which the app reads instead of the CSVs.
      const { default: id } = JSON.parse(await readFile(join(root, 'data', 'areas', 'index.json'), 'utf8')) as { default: string };
      await buildBundle(join('data', 'areas', `${id}.json`), join(outDir, 'data', 'bundles'));
    },
  };
}
