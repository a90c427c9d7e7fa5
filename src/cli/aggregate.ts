import { parseArgs } from 'node:util';
import { aggregateReport } from '../core/aggregateReport.ts';
import { parseMonth } from '../core/months.ts';
import { runPipeline } from '../core/pipeline.ts';
import { describeProblem, InputError } from '../core/problems.ts';
import { listCsvFiles, localFile } from './files.ts';

/** `aggregate`: prints one JSON object on stdout; problems go to stderr. Returns the exit code. */
export async function aggregateCommand(args: string[]): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        boundaries: { type: 'string' },
        'id-property': { type: 'string' },
        'name-property': { type: 'string' },
        population: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
      },
    });
    if (!values.boundaries) throw new UsageError('--boundaries FILE is required');
    if (positionals.length === 0) throw new UsageError('name at least one police.uk CSV file or folder');
    const window = { from: monthOption('--from', values.from), to: monthOption('--to', values.to) };
    const crimeFiles = (await Promise.all(positionals.map(listCsvFiles))).flat();
    if (crimeFiles.length === 0) throw new UsageError(`no .csv files in ${positionals.join(', ')}`);

    const dataset = await runPipeline({
      boundaries: localFile(values.boundaries),
      boundaryOptions: { idProperty: values['id-property'], nameProperty: values['name-property'] },
      population: values.population ? localFile(values.population) : undefined,
      crimeFiles: crimeFiles.map((file) => localFile(file)),
      window,
    });
    for (const problem of dataset.problems.examples) process.stderr.write(`warning: ${describeProblem(problem)}\n`);
    for (const problem of dataset.populationProblems) process.stderr.write(`warning: ${problem}\n`);
    for (const error of dataset.fileErrors) process.stderr.write(`error: ${error.message}\n`);
    process.stdout.write(`${JSON.stringify(aggregateReport(dataset))}\n`);
    return dataset.fileErrors.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof InputError || error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n`);
      return error instanceof UsageError ? 2 : 1;
    }
    throw error;
  }
}

class UsageError extends Error {}

function monthOption(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const month = parseMonth(value);
  if (month === null) throw new UsageError(`${flag} takes a month as YYYY-MM, not "${value}"`);
  return month;
}
