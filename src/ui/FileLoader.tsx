import { useState, type DragEvent } from 'react';
import { formatCount } from '../core/format.ts';
import { parseIndicators } from '../core/localIndicators.ts';
import { cancelLoad, loadFiles } from './dataWorker.ts';
import { boundaryProperties, fileKind, type FileKind } from './fileKinds.ts';
import { useDashboard } from './store.ts';

interface Chosen {
  crimes: File[];
  boundaries: File | null;
  population: File | null;
  indicators: File | null;
  unknown: File[];
  properties: { keys: string[]; id: string | undefined; name: string | undefined } | null;
}

const NOTHING: Chosen = { crimes: [], boundaries: null, population: null, indicators: null, unknown: [], properties: null };

/**
 * "Use your own data": police.uk CSVs or the zip of police.uk's custom download, a
 * boundary file (GeoJSON) and a population CSV, dropped or chosen, loaded in the worker
 * with progress and a cancel button; the data on screen stays until the new data is ready.
 */
export function FileLoader() {
  const files = useDashboard((state) => state.files);
  const [chosen, setChosen] = useState<Chosen>(NOTHING);
  const [mode, setMode] = useState<'replace' | 'add'>('add');
  const [idProperty, setIdProperty] = useState('');
  const [nameProperty, setNameProperty] = useState('');
  const [dragging, setDragging] = useState(false);

  const choose = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const next: Chosen = { ...NOTHING, crimes: [], unknown: [] };
    for (const file of Array.from(list)) {
      const kind: FileKind = await fileKind(file);
      if (kind === 'crimes') next.crimes.push(file);
      else if (kind === 'boundaries') next.boundaries = file;
      else if (kind === 'population') next.population = file;
      else if (kind === 'indicators') next.indicators = file;
      else next.unknown.push(file);
    }
    if (next.boundaries) {
      next.properties = await boundaryProperties(next.boundaries);
      setIdProperty(next.properties.id ?? next.properties.keys[0] ?? '');
      setNameProperty(next.properties.name ?? next.properties.keys[0] ?? '');
      setMode('replace');
    }
    setChosen(next);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void choose(event.dataTransfer.files);
  };
  const start = () => {
    loadFiles({
      mode,
      boundaries: chosen.boundaries ? { file: chosen.boundaries, idProperty: idProperty || undefined, nameProperty: nameProperty || undefined } : null,
      population: chosen.population,
      crimes: chosen.crimes,
    });
  };
  const loading = files.status === 'loading';
  const dataFiles = chosen.crimes.length > 0 || chosen.boundaries !== null || chosen.population !== null;
  const canLoad = !loading && (chosen.crimes.length > 0 || chosen.boundaries !== null);
  return (
    <details className="file-loader">
      <summary>Use your own data files</summary>
      <div
        className={dragging ? 'drop-zone drop-zone--active' : 'drop-zone'}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <p>
          Drop files here, or{' '}
          <label className="file-choose">
            choose files
            <input type="file" multiple accept=".csv,.zip,.geojson,.json,.txt" onChange={(event) => void choose(event.target.files)} />
          </label>
          : police.uk street-level CSVs or the zip of a police.uk custom download, a boundary file (GeoJSON or a zipped Shapefile, in WGS84 or British National Grid) and a population CSV (area code,
          population). Your own figures (domestic abuse, hate crime, ASB reported to the council) load as a CSV of area code, period (a month, 2019-04, or a
          financial year, 2019/20), indicator and count. Everything stays in this browser.
        </p>
      </div>
      {chosen.indicators && <IndicatorChoice file={chosen.indicators} />}
      {(dataFiles || chosen.unknown.length > 0) && (
        <div className="file-choice">
          <ul>
            {chosen.crimes.length > 0 && <li>Crime files: {chosen.crimes.length === 1 ? chosen.crimes[0].name : `${chosen.crimes.length} files`}</li>}
            {chosen.boundaries && <li>Boundaries: {chosen.boundaries.name}</li>}
            {chosen.population && <li>Population: {chosen.population.name}</li>}
            {chosen.unknown.length > 0 && <li className="note--warning">Not used (not CSV, zip or GeoJSON): {chosen.unknown.map((f) => f.name).join(', ')}</li>}
          </ul>
          {chosen.properties && (
            <div className="file-properties">
              <PropertySelect label="Area code property" value={idProperty} keys={chosen.properties.keys} onChange={setIdProperty} />
              <PropertySelect label="Area name property" value={nameProperty} keys={chosen.properties.keys} onChange={setNameProperty} />
            </div>
          )}
          <fieldset className="file-mode" disabled={chosen.boundaries !== null}>
            <legend>The crime files</legend>
            <label>
              <input type="radio" name="file-mode" checked={mode === 'add'} onChange={() => setMode('add')} /> Add to the data loaded
            </label>
            <label>
              <input type="radio" name="file-mode" checked={mode === 'replace'} onChange={() => setMode('replace')} /> Replace it
            </label>
          </fieldset>
          {chosen.boundaries && <p className="note">New boundaries start a new dataset: the crime files replace the ones loaded.</p>}
          <button type="button" onClick={start} disabled={!canLoad}>
            Load these files
          </button>
        </div>
      )}
      <FilesStatus />
    </details>
  );
}

/** A local indicator table: its source line, then it is read and its indicators join the categories. */
function IndicatorChoice({ file }: { file: File }) {
  const [source, setSource] = useState(file.name);
  const [problem, setProblem] = useState<string | null>(null);
  const report = useDashboard((state) => state.indicatorReport);
  const load = async () => {
    const state = useDashboard.getState();
    if (state.load.status !== 'ready') return;
    try {
      state.indicatorsLoaded(parseIndicators(file.name, await file.text(), state.load.data.wardIds), file.name, source.trim() || file.name);
      setProblem(null);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <div className="file-choice">
      <p>Local indicators: {file.name}</p>
      <label className="field">
        Source of these figures
        <input type="text" value={source} onChange={(event) => setSource(event.target.value)} />
      </label>
      <button type="button" onClick={() => void load()}>
        Add these indicators
      </button>
      {problem && (
        <p className="note note--warning" role="status">
          {problem}
        </p>
      )}
      {report && report.file === file.name && (
        <div className="note" role="status">
          <p>
            {report.file}: {formatCount(report.read)} rows read, {formatCount(report.kept)} added, {formatCount(report.rejected.length)} rejected.
          </p>
          {report.rejected.length > 0 && (
            <ul className="examples">
              {report.rejected.slice(0, 5).map(({ line, problem: why }) => (
                <li key={line}>
                  Line {line}: {why}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

function PropertySelect({ label, value, keys, onChange }: { label: string; value: string; keys: string[]; onChange: (value: string) => void }) {
  return (
    <label className="field">
      {label}
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {keys.map((key) => (
          <option key={key} value={key}>
            {key}
          </option>
        ))}
      </select>
    </label>
  );
}

const STAGE_TEXT: Record<string, string> = {
  config: 'Starting',
  boundaries: 'Reading the boundaries',
  join: 'Finding the area of each crime',
  aggregate: 'Counting',
  prepare: 'Preparing the map',
};

/** Progress (bytes and rows) with a cancel button while loading, then how the load ended. */
function FilesStatus() {
  const files = useDashboard((state) => state.files);
  if (files.status === 'idle') return null;
  if (files.status === 'loading') {
    const { progress } = files;
    const bytes = progress?.bytes;
    const megabytes = (n: number) => (n / 1e6).toFixed(1);
    return (
      <div className="file-progress" role="status">
        <progress max={bytes?.total ?? progress?.total ?? 1} value={bytes?.done ?? progress?.done ?? 0} aria-label="Loading your files" />
        <p>
          {progress?.stage === 'parse'
            ? `Reading ${progress.file ?? ''}: ${bytes ? `${megabytes(bytes.done)} of ${megabytes(bytes.total)} MB` : `file ${progress.done + 1} of ${progress.total}`}, ${formatCount(progress.rows ?? 0)} rows`
            : (STAGE_TEXT[progress?.stage ?? 'config'] ?? 'Working')}
        </p>
        <button type="button" onClick={cancelLoad}>
          Cancel
        </button>
      </div>
    );
  }
  const text = {
    done: 'Your files are loaded: the map, tables and report now show them. The data quality report below accounts for every row.',
    cancelled: 'Cancelled: the data from before is still loaded.',
    error: `Your files could not be loaded: ${files.file ? `${files.file}: ` : ''}${files.problem ?? ''}. The data from before is still loaded.`,
  }[files.status];
  return (
    <p className={files.status === 'error' ? 'note note--warning' : 'note'} role="status">
      {text}
    </p>
  );
}
