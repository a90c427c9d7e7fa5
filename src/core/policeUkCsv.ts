import Papa from 'papaparse';
import { CrimeIdSet } from './crimeIdSet.ts';
import { detached, GrowableArray, StringDictionary } from './growableArray.ts';
import { parseMonth, type MonthIndex } from './months.ts';
import { InputError, ProblemLog, type RejectionReason } from './problems.ts';

/** The columns of a police.uk street-level file, as published. */
export const POLICE_UK_COLUMNS = [
  'Crime ID', 'Month', 'Reported by', 'Falls within', 'Longitude', 'Latitude',
  'Location', 'LSOA code', 'LSOA name', 'Crime type', 'Last outcome category', 'Context',
] as const;

const REQUIRED_COLUMNS = ['Crime ID', 'Month', 'Longitude', 'Latitude', 'Location', 'LSOA code', 'Crime type'] as const;

/** Characters per papaparse chunk: big enough to amortise a call, small enough for the rows to die young. */
const CHUNK_SIZE = 1 << 18;

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
  /** Each LSOA's name as police.uk gives it ("Test Valley 011A"), by the same index as lsoas; '' where a file has none. */
  lsoaNames: string[];
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
  private readonly seenIds = new CrimeIdSet();
  private readonly lon = new GrowableArray(Float64Array);
  private readonly lat = new GrowableArray(Float64Array);
  private readonly month = new GrowableArray(Uint16Array);
  private readonly category = new GrowableArray(Uint16Array);
  private readonly lsoa = new GrowableArray(Uint32Array);
  private readonly location = new GrowableArray(Uint32Array);
  private readonly outcome = new GrowableArray(Uint16Array);
  private readonly file = new GrowableArray(Uint16Array);
  private readonly line = new GrowableArray(Uint32Array);
  private readonly categories = new ColumnDictionary();
  private readonly lsoas = new ColumnDictionary();
  private readonly lsoaNames: string[] = [];
  private readonly locations = new ColumnDictionary();
  private readonly outcomes = new ColumnDictionary();
  private readonly files: string[] = [];
  // A file holds one month, or a few in order: each distinct Month text is parsed once.
  private lastMonthText = '';
  private lastMonth: MonthIndex | null = null;

  constructor(private readonly window: MonthWindow = {}) {}

  /**
   * Parses one file's text. Throws InputError when the file as a whole is unusable
   * (empty, or a header without police.uk's columns); bad rows are logged and skipped.
   */
  addFile(fileName: string, text: string): void {
    const file = this.beginFile(fileName);
    this.addRows(file, text);
    this.endFile(file);
  }

  /** Starts a file that arrives in blocks of whole rows (see addRows), for files too large for one string. */
  beginFile(fileName: string): FileInProgress {
    const code = this.files.length;
    this.files.push(fileName);
    return { name: fileName, code, columns: null, line: 0, started: false, empty: true };
  }

  /** Adds a block of whole rows (the first holds the header); line numbers carry on from the last block. */
  addRows(file: FileInProgress, text: string): void {
    const body = !file.started && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (body === '') return;
    if (!file.started) file.newline = parserConfig(body).newline;
    file.started = true;
    if (file.empty && /\S/.test(body)) file.empty = false;
    const config = { ...parserConfig(body), ...(file.newline ? { newline: file.newline } : {}) };
    // A bare "\n" in a CRLF file sits inside a field but counts as a line: the slow path counts it.
    const bareLineFeeds = config.newline === '\r\n' && occurrences(body, '\n') !== occurrences(body, '\r\n');
    if (body.indexOf('"') === -1 && !bareLineFeeds) {
      this.addUnquotedRows(file, body, config);
      return;
    }
    // Row i is line i + 1 unless a quoted field holds a line break (as an editor counts
    // them); then the lines are counted again, row by row, from the parser's cursor.
    const result = Papa.parse<string[]>(body, config);
    if (result.data.length === occurrences(body, result.meta.linebreak === '\r' ? '\r' : '\n') + 1) {
      const first = file.line;
      result.data.forEach((fields, i) => this.addFields(file, fields, first + i + 1));
      file.line = first + result.data.length - (endsWithBreak(body) ? 1 : 0);
    } else {
      this.addRowsOneByOne(file, body, config);
    }
  }

  /** Ends a file: one with no header at all is unusable. */
  endFile(file: FileInProgress): void {
    if (file.empty) throw new InputError(file.name, 'the file is empty (no header row)');
  }

  /** A row: the header when none has been read yet, a blank line skipped, otherwise a crime. */
  private addFields(file: FileInProgress, fields: string[], line: number): void {
    if (fields.length === 1 && fields[0] === '') return; // a blank line
    if (file.columns === null) file.columns = headerColumns(file.name, fields);
    else this.addRow(fields, file.columns, file.name, file.code, line);
  }

  /**
   * The common case: without quote characters every row is one line, so papaparse can use
   * its fast mode (split on line breaks, then on commas) and hand over the rows a chunk of
   * lines at a time: no per-row callback, and rows that die young, which the GC likes.
   */
  private addUnquotedRows(file: FileInProgress, body: string, config: ReturnType<typeof parserConfig>): void {
    Papa.parse<string[]>(body, {
      ...config,
      fastMode: true,
      chunkSize: CHUNK_SIZE,
      chunk: ({ data: rows }: Papa.ParseResult<string[]>) => {
        for (let i = 0; i < rows.length; i++) this.addFields(file, rows[i], ++file.line);
      },
      // The typings offer `chunk` for files only, but papaparse streams strings the same way.
      complete: () => {},
    });
    // A block that ends with a line break has no row after it, but papaparse reports an empty one.
    if (endsWithBreak(body)) file.line--;
  }

  /** The slow path, for blocks with line breaks inside quoted fields. */
  private addRowsOneByOne(file: FileInProgress, body: string, config: ReturnType<typeof parserConfig>): void {
    const newline = body.indexOf('\n') === -1 ? '\r' : '\n';
    let headerError: InputError | null = null;
    let line = file.line + 1;
    let cursor = 0;
    Papa.parse<string[]>(body, {
      ...config,
      step: (result, parser) => {
        const rowLine = line;
        const end = result.meta.cursor;
        for (let at = body.indexOf(newline, cursor); at !== -1 && at < end; at = body.indexOf(newline, at + 1)) line++;
        cursor = end;
        try {
          this.addFields(file, result.data, rowLine);
        } catch (error) {
          headerError = error as InputError;
          parser.abort();
        }
      },
    });
    if (headerError) throw headerError;
    file.line = line - (endsWithBreak(body) ? 1 : 0);
  }

  private addRow(fields: string[], columns: ColumnIndex, fileName: string, fileCode: number, line: number): void {
    if (fields.length !== columns.fieldCount) {
      this.reject(fileName, line, 'wrong-field-count', `expected ${columns.fieldCount} fields, found ${fields.length}`);
      return;
    }
    const monthText = fields[columns.month];
    if (monthText !== this.lastMonthText) {
      this.lastMonthText = monthText;
      this.lastMonth = parseMonth(monthText);
    }
    const month = this.lastMonth;
    if (month === null) {
      this.reject(fileName, line, 'invalid-month', `Month "${monthText}"`);
      return;
    }
    if ((this.window.from !== undefined && month < this.window.from) || (this.window.to !== undefined && month > this.window.to)) {
      this.counts.outsidePeriod++;
      return;
    }
    const categoryName = fields[columns.category].trim();
    if (categoryName === '') {
      this.reject(fileName, line, 'missing-category', 'Crime type is empty');
      return;
    }

    const lonText = fields[columns.lon].trim();
    const latText = fields[columns.lat].trim();
    let lon = Number.NaN;
    let lat = Number.NaN;
    if (lonText !== '' || latText !== '') {
      lon = lonText === '' ? Number.NaN : Number(lonText);
      lat = latText === '' ? Number.NaN : Number(latText);
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) {
        this.reject(fileName, line, 'invalid-coordinates', `Longitude "${lonText}", Latitude "${latText}"`);
        return;
      }
      if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
        this.reject(fileName, line, 'coordinates-out-of-range', `Longitude ${lonText}, Latitude ${latText}`);
        return;
      }
    }

    this.counts.read++;
    const crimeId = fields[columns.crimeId].trim();
    if (crimeId !== '') {
      if (!this.seenIds.add(crimeId)) {
        this.counts.duplicates++;
        return;
      }
    }
    if (Number.isNaN(lon)) this.counts.noLocation++;
    this.lon.push(lon);
    this.lat.push(lat);
    this.month.push(month);
    this.category.push(this.categories.code(categoryName));
    const lsoa = this.lsoas.code(fields[columns.lsoa].trim());
    if (lsoa === this.lsoaNames.length) this.lsoaNames.push(columns.lsoaName >= 0 ? detached(fields[columns.lsoaName].trim()) : '');
    this.lsoa.push(lsoa);
    this.location.push(this.locations.code(fields[columns.location].trim()));
    this.outcome.push(this.outcomes.code(columns.outcome < 0 ? '' : fields[columns.outcome].trim()));
    this.file.push(fileCode);
    this.line.push(line);
  }

  private reject(file: string, line: number, reason: RejectionReason, detail: string): void {
    this.counts.read++;
    this.counts.rejected++;
    this.problems.add({ file, line, reason, detail });
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
      lsoaNames: this.lsoaNames,
      locations: this.locations.values,
      outcomes: this.outcomes.values,
      files: [...this.files],
    };
  }
}

/** A file being read in blocks: its header once read, and the last line number used. */
export interface FileInProgress {
  name: string;
  code: number;
  columns: ColumnIndex | null;
  line: number;
  started: boolean;
  empty: boolean;
  /** The first block's line ending, kept for the rest. */
  newline?: '\n' | '\r\n';
}

function endsWithBreak(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last === 10 || last === 13;
}

/**
 * A StringDictionary that remembers the last value coded: police.uk files are sorted so
 * that neighbouring rows often share an LSOA, a crime type or an outcome.
 */
class ColumnDictionary extends StringDictionary {
  private lastValue: string | null = null;
  private lastCode = 0;

  override code(value: string): number {
    if (value === this.lastValue) return this.lastCode;
    this.lastValue = value;
    this.lastCode = super.code(value);
    return this.lastCode;
  }
}

/**
 * Tells papaparse the delimiter and line ending when they are plain, so it does not guess
 * them from the first megabyte of every file; anything unusual is still left to its guess.
 */
function parserConfig(body: string): { delimiter?: string; newline?: '\n' | '\r\n' } {
  const firstBreak = body.indexOf('\n');
  const firstLine = firstBreak === -1 ? body : body.slice(0, firstBreak);
  return { delimiter: firstLine.includes(',') ? ',' : undefined, newline: lineEnding(body, firstBreak) };
}

/** "\n" when the file has no "\r"; "\r\n" when its first and last line breaks are both CRLF. */
function lineEnding(body: string, firstBreak: number): '\n' | '\r\n' | undefined {
  const firstReturn = body.indexOf('\r');
  if (firstReturn === -1) return '\n';
  const lastBreak = body.lastIndexOf('\n');
  if (firstBreak > 0 && firstReturn === firstBreak - 1 && body.charCodeAt(lastBreak - 1) === 13) return '\r\n';
  return undefined;
}

function occurrences(text: string, part: string): number {
  let count = 0;
  for (let at = text.indexOf(part); at !== -1; at = text.indexOf(part, at + part.length)) count++;
  return count;
}

interface ColumnIndex {
  fieldCount: number;
  crimeId: number;
  month: number;
  lon: number;
  lat: number;
  location: number;
  lsoa: number;
  /** -1 when the file has no LSOA name column. */
  lsoaName: number;
  category: number;
  outcome: number;
}

/** The header's column positions, or an InputError naming the file and what the header lacks. */
function headerColumns(fileName: string, fields: string[]): ColumnIndex {
  const found = indexColumns(fields);
  if (typeof found === 'string') throw new InputError(fileName, found);
  return found;
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
    // Not required: it names districts when comparing neighbours (see neighbours.ts).
    lsoaName: at('LSOA name'),
    category: at('Crime type'),
    outcome: at('Last outcome category'),
  };
}
