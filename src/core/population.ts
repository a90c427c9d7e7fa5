import Papa from 'papaparse';
import { InputError } from './problems.ts';

export interface PopulationTable {
  /** Area code → resident population. */
  byCode: Map<string, number>;
  problems: string[];
}

const CODE_HEADER = /^(code|.*cd|area ?code|ward ?code|lsoa ?code|geography ?code)$/i;
const THOUSANDS = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
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

/** A number with thousands separators allowed ("11,569"); NaN for anything else, including a decimal comma ("4839,5"). */
export function parseNumber(text: string): number {
  return text.includes(',') && !THOUSANDS.test(text) ? Number.NaN : Number(text.replace(/,/g, ''));
}

/** The non-blank rows and the file line each starts on, so problems name the right line after blank lines. */
export function readCsvRows(body: string): { rows: string[][]; lines: number[] } {
  const rows: string[][] = [];
  const lines: number[] = [];
  let line = 1;
  let cursor = 0;
  Papa.parse<string[]>(body, {
    step: (result) => {
      const row = result.data;
      if (row.length > 1 || (row[0] ?? '').trim() !== '') {
        rows.push(row);
        lines.push(line);
      }
      const end = result.meta.cursor;
      for (let i = cursor; i < end; i++) if (body.charCodeAt(i) === 10) line++;
      cursor = end;
    },
  });
  return { rows, lines };
}
