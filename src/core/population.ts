import { parseNumber, readCsvRows } from './csvRows.ts';
import { InputError } from './problems.ts';

export interface PopulationTable {
  /** Area code → resident population. */
  byCode: Map<string, number>;
  problems: string[];
}

const CODE_HEADER = /^(code|.*cd|area ?code|ward ?code|lsoa ?code|geography ?code)$/i;
const POPULATION_HEADER = /^(population|all ages|all_ages|persons|total|count|value)$/i;

/**
 * Reads a population CSV with a header: a code column and a population column, found by
 * name. Thousands separators ("11,569") are accepted; bad rows are reported, not fatal.
 */
export function parsePopulation(fileName: string, text: string): PopulationTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const { rows, lines } = readCsvRows(body);
  if (rows.length === 0) throw new InputError(fileName, 'the file is empty');
  const header = rows[0].map((h) => h.trim());
  const codeColumn = header.findIndex((h) => CODE_HEADER.test(h));
  const populationColumn = header.findIndex((h) => POPULATION_HEADER.test(h));
  if (codeColumn < 0 || populationColumn < 0) {
    throw new InputError(fileName, `expected a code column and a population column in the header, found: ${header.join(',')}`);
  }
  const byCode = new Map<string, number>();
  const problems: string[] = [];
  rows.forEach((row, i) => {
    if (i === 0) return;
    const line = lines[i];
    const code = (row[codeColumn] ?? '').trim();
    const text = (row[populationColumn] ?? '').trim();
    const value = parseNumber(text);
    if (code === '') problems.push(`${fileName}, line ${line}: no area code`);
    else if (text === '' || !Number.isFinite(value) || value < 0) problems.push(`${fileName}, line ${line}: population "${row[populationColumn] ?? ''}" is not a number`);
    else if (byCode.has(code)) problems.push(`${fileName}, line ${line}: ${code} appears more than once (first value kept)`);
    else byCode.set(code, value);
  });
  return { byCode, problems };
}
