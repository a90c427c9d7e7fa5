import { Controls } from './Controls.tsx';
import { DataQuality } from './DataQuality.tsx';
import { MapPanel } from './MapPanel.tsx';
import { Notices } from './Notices.tsx';
import { selectModel, useDashboard, type LoadState } from './store.ts';
import { Summary } from './Summary.tsx';
import { WardTable } from './WardTable.tsx';

/** The loaded dashboard: settings, map and legend, summary, ward table and data quality. */
export function Dashboard({ load }: { load: Extract<LoadState, { status: 'ready' }> }) {
  const model = useDashboard(selectModel);
  if (model === null) return null;
  const { area, data } = load;
  return (
    <main id="main" className="dashboard">
      <Controls data={data} model={model} />
      <Notices fileErrors={area.quality.fileErrors.length} />
      <div className="dashboard-body">
        <MapPanel area={area} model={model} />
        <div className="side-panel">
          <Summary model={model} />
          <WardTable model={model} groupLabel={data.groups.names.length > 0 ? data.groups.label : null} hasRates={data.populationSource !== null} />
          <DataQuality quality={area.quality} />
        </div>
      </div>
    </main>
  );
}

