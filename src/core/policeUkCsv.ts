import Papa from 'papaparse';
import { GrowableArray, StringDictionary } from './growableArray.ts';
import { parseMonth, type MonthIndex } from './months.ts';
import { InputError, ProblemLog, type RejectionReason } from './problems.ts';

/** The columns of a police.uk street-level file, as published. */
export const POLICE_UK_COLUMNS = [
  'Crime ID', 'Month', 'Reported by', 'Falls within', 'Longitude', 'Latitude',
  'Location', 'LSOA code', 'LSOA name', 'Crime type', 'Last outcome category', 'Context',
] as const;

const REQUIRED_COLUMNS = ['Crime ID', 'Month', 'Longitude', 'Latitude', 'Location', 'LSOA code', 'Crime type'] as const;

/**
 * Crimes as columns: one typed array per field, strings replaced by dictionary codes.
 * Row i is a crime; `lon`/`lat` are NaN for crimes police.uk could not place.
 */
export interface CrimeTable {
  length: number;
  lon: Float64Array;
  lat: Float64Array;
  month: Uint16Array;
  category: Uint16Array;
  lsoa: Uint32Array;
  location: Uint32Array;
  outcome: Uint16Array;
  file: Uint16Array;
  line: Uint32Array;
  categories: string[];
  lsoas: string[];
  locations: string[];
  outcomes: string[];
  files: string[];
}

export interface ParseCounts {
  /** Data rows read (within the month window, if one is set). */
  read: number;
  rejected: number;
  duplicates: number;
  noLocation: number;
  /** Rows skipped because their month lies outside the requested window. */
  outsidePeriod: number;
}

export interface MonthWindow {
  from?: MonthIndex;
  to?: MonthIndex;
}

/**
 * Accumulates police.uk CSV files into one CrimeTable. Crime IDs are remembered across
 * files, so a non-empty ID seen before is dropped once and counted as a duplicate.
 */
export class CrimeTableBuilder {
  readonly problems = new ProblemLog();
  readonly counts: ParseCounts = { read: 0, rejected: 0, duplicates: 0, noLocation: 0, outsidePeriod: 0 };
  private readonly seenIds = new Set<string>();
  private readonly lon = new GrowableArray(Float64Array);
  private readonly lat = new GrowableArray(Float64Array);
  private readonly month = new GrowableArray(Uint16Array);
  private readonly category = new GrowableArray(Uint16Array);
  private readonly lsoa = new GrowableArray(Uint32Array);
  private readonly location = new GrowableArray(Uint32Array);
  private readonly outcome = new GrowableArray(Uint16Array);
  private readonly file = new GrowableArray(Uint16Array);
  private readonly line = new GrowableArray(Uint32Array);
  private readonly categories = new StringDictionary();
  private readonly lsoas = new StringDictionary();
  private readonly locations = new StringDictionary();
  private readonly outcomes = new StringDictionary();
  private readonly files: string[] = [];

  constructor(private readonly window: MonthWindow = {}) {}

  /**
   * Parses one file's text. Throws InputError when the file as a whole is unusable
   * (empty, or a header without police.uk's columns); bad rows are logged and skipped.
   */
  addFile(fileName: string, text: string): void {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (body.trim() === '') throw new InputError(fileName, 'the file is empty (no header row)');
    const fileCode = this.files.length;
    this.files.push(fileName);

    let columns: ColumnIndex | null = null;
    let lineNumber = 0;
    let headerError: InputError | null = null;
    Papa.parse<string[]>(body, {
      skipEmptyLines: true,
      step: (result, parser) => {
        lineNumber++;
        const fields = result.data;
        if (columns === null) {
          const found = indexColumns(fields);
          if (typeof found === 'string') {
            headerError = new InputError(fileName, found);
            parser.abort();
          } else {
            columns = found;
          }
          return;
        }
        this.addRow(fields, columns, fileName, fileCode, lineNumber);
      },
    });
    if (headerError) throw headerError;
  }

  private addRow(fields: string[], columns: ColumnIndex, fileName: string, fileCode: number, line: number): void {
    const reject = (reason: RejectionReason, detail: string) => {
      this.counts.read++;
      this.counts.rejected++;
      this.problems.add({ file: fileName, line, reason, detail });
    };
    if (fields.length !== columns.fieldCount) {
      return reject('wrong-field-count', `expected ${columns.fieldCount} fields, found ${fields.length}`);
    }
    const monthText = fields[columns.month];
    const month = parseMonth(monthText);
    if (month === null) return reject('invalid-month', `Month "${monthText}"`);
    if ((this.window.from !== undefined && month < this.window.from) || (this.window.to !== undefined && month > this.window.to)) {
      this.counts.outsidePeriod++;
      return;
    }
    const categoryName = fields[columns.category].trim();
    if (categoryName === '') return reject('missing-category', 'Crime type is empty');

    const lonText = fields[columns.lon].trim();
    const latText = fields[columns.lat].trim();
    let lon = Number.NaN;
    let lat = Number.NaN;
    if (lonText !== '' || latText !== '') {
      lon = lonText === '' ? Number.NaN : Number(lonText);
      lat = latText === '' ? Number.NaN : Number(latText);
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) {
        return reject('invalid-coordinates', `Longitude "${lonText}", Latitude "${latText}"`);
      }
      if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
        return reject('coordinates-out-of-range', `Longitude ${lonText}, Latitude ${latText}`);
      }
    }

    this.counts.read++;
    const crimeId = fields[columns.crimeId].trim();
    if (crimeId !== '') {
      if (this.seenIds.has(crimeId)) {
        this.counts.duplicates++;
        return;
      }
      this.seenIds.add(crimeId);
    }
    if (Number.isNaN(lon)) this.counts.noLocation++;

    this.lon.push(lon);
    this.lat.push(lat);
    this.month.push(month);
    this.category.push(this.categories.code(categoryName));
    this.lsoa.push(this.lsoas.code(fields[columns.lsoa].trim()));
    this.location.push(this.locations.code(fields[columns.location].trim()));
    this.outcome.push(this.outcomes.code(columns.outcome < 0 ? '' : fields[columns.outcome].trim()));
    this.file.push(fileCode);
    this.line.push(line);
  }

  build(): CrimeTable {
    return {
      length: this.lon.length,
      lon: this.lon.toArray(),
      lat: this.lat.toArray(),
      month: this.month.toArray(),
      category: this.category.toArray(),
      lsoa: this.lsoa.toArray(),
      location: this.location.toArray(),
      outcome: this.outcome.toArray(),
      file: this.file.toArray(),
      line: this.line.toArray(),
      categories: this.categories.values,
      lsoas: this.lsoas.values,
      locations: this.locations.values,
      outcomes: this.outcomes.values,
      files: [...this.files],
    };
  }
}

interface ColumnIndex {
  fieldCount: number;
  crimeId: number;
  month: number;
  lon: number;
  lat: number;
  location: number;
  lsoa: number;
  category: number;
  outcome: number;
}

/** Finds police.uk's columns in a header row, or returns what is wrong with it. */
function indexColumns(header: string[]): ColumnIndex | string {
  const names = header.map((name) => name.trim());
  const missing = REQUIRED_COLUMNS.filter((name) => !names.includes(name));
  if (missing.length > 0) {
    const shown = names.slice(0, 12).join(',');
    return `not a police.uk street-level file: header lacks ${missing.map((m) => `"${m}"`).join(', ')} (found: ${shown})`;
  }
  const at = (name: string) => names.indexOf(name);
  return {
    fieldCount: names.length,
    crimeId: at('Crime ID'),
    month: at('Month'),
    lon: at('Longitude'),
    lat: at('Latitude'),
    location: at('Location'),
    lsoa: at('LSOA code'),
    category: at('Crime type'),
    outcome: at('Last outcome category'),
  };
}
