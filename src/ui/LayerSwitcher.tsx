import { useId } from 'react';
import type { DashboardModel } from '../core/dashboardModel.ts';
import { MAX_CELL_METRES, type MapLayer } from '../core/viewState.ts';
import { SelectField } from './Field.tsx';
import { useDashboard, type AnalysisState } from './store.ts';

const LAYER_LABELS: Record<MapLayer, string> = {
  wards: 'Wards',
  change: 'Change',
  density: 'Density',
  hexbins: 'Hexagons',
  hotspots: 'Hot spots',
  points: 'Crimes',
};

const SIZES = [100, 150, 200, 250, 300, 400, 500, 750, 1000, 1500, 2000, 3000, 5000];
const BAND_MULTIPLES = [1, 2, 3, 4];
const LSOA_BANDS = [1000, 1500, 2000, 3000, 4000, 5000, 7500, 10000];

/** Chooses what the map shows, and for the hexagon layers the cell size (and Gi* band). */
export function LayerSwitcher({ model, analysis, previousAvailable, hasLsoas }: { model: DashboardModel; analysis: AnalysisState; previousAvailable: boolean; hasLsoas: boolean }) {
  const store = useDashboard.getState();
  const name = useId();
  const { view } = model;
  const grid = analysis.result?.layer === view.layer ? analysis.result.grid : null;
  const onLsoas = view.layer === 'hotspots' && view.units === 'lsoas';
  const sized = view.layer === 'density' || view.layer === 'hexbins' || (view.layer === 'hotspots' && !onLsoas);
  const cell = view.cell ?? grid?.cell ?? null;
  return (
    <div className="layer-switcher">
      <fieldset className="layer-choices">
        <legend>Map shows</legend>
        {(Object.keys(LAYER_LABELS) as MapLayer[]).map((layer) => (
          <label key={layer} className={view.layer === layer ? 'layer-choice layer-choice--on' : 'layer-choice'}>
            <input
              type="radio"
              name={name}
              value={layer}
              checked={view.layer === layer}
              disabled={layer === 'change' && !previousAvailable}
              onChange={() => store.setLayer(layer)}
            />
            {LAYER_LABELS[layer]}
          </label>
        ))}
      </fieldset>
      {view.layer === 'hotspots' && hasLsoas && (
        <SelectField label="Test on" value={view.units} onChange={(value) => store.setUnits(value === 'lsoas' ? 'lsoas' : 'hexagons')}>
          <option value="hexagons">Hexagons</option>
          <option value="lsoas">LSOAs</option>
        </SelectField>
      )}
      {sized && (
        <SelectField
          label={view.layer === 'density' ? 'Kernel radius' : 'Hexagon size'}
          value={view.cell === null ? '' : String(view.cell)}
          onChange={(value) => store.setCellSize(value === '' ? null : Number(value))}
        >
          <option value="">Automatic{view.cell === null && grid ? ` (${grid.cell.toLocaleString('en-GB')} m)` : ''}</option>
          {SIZES.map((size) => (
            <option key={size} value={size}>
              {size.toLocaleString('en-GB')} m
            </option>
          ))}
        </SelectField>
      )}
      {view.layer === 'hotspots' && (onLsoas || cell !== null) && (
        <SelectField label="Neighbours within" value={view.band === null ? '' : String(view.band)} onChange={(value) => store.setBand(value === '' ? null : Number(value))}>
          <option value="">Automatic{view.band === null && grid?.band ? ` (${grid.band.toLocaleString('en-GB')} m)` : ''}</option>
          {(onLsoas ? LSOA_BANDS : BAND_MULTIPLES.map((multiple) => Math.round((cell ?? 0) * multiple)))
            .filter((band, i, all) => all.indexOf(band) === i && band <= MAX_CELL_METRES)
            .map((band) => (
              <option key={band} value={band}>
                {band.toLocaleString('en-GB')} m
              </option>
            ))}
        </SelectField>
      )}
      {view.camera !== null && (
        <button type="button" className="ward-button" onClick={() => store.setCamera(null)}>
          Show the whole area
        </button>
      )}
      <p className="layer-status" role="status">
        {analysis.status === 'running' ? 'Computing the layer…' : analysis.status === 'error' ? `The layer could not be computed: ${analysis.problem}` : ''}
      </p>
    </div>
  );
}
