import { aggregateCommand } from './aggregate.ts';
import { buildCommand } from './build.ts';

const USAGE = `Usage:
  npm run --silent data -- aggregate --boundaries FILE [--id-property NAME] [--name-property NAME]
                                     [--population FILE] [--from YYYY-MM] [--to YYYY-MM] CSV_OR_DIR...
  npm run --silent data -- build --area CONFIG [--out FOLDER]   (deployment bundle; default folder build-data/bundles)`;

const [command, ...rest] = process.argv.slice(2);
if (command === 'aggregate') {
  process.exitCode = await aggregateCommand(rest);
} else if (command === 'build') {
  process.exitCode = await buildCommand(rest);
} else {
  process.stderr.write(`${command ? `Unknown command "${command}".\n` : ''}${USAGE}\n`);
  process.exitCode = 2;
}
