import Papa from 'papaparse';

/* Small CSV tables (populations, local indicators, ward groups): rows with their lines, and numbers as people write them. */

const THOUSANDS = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

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
