import { serializeView } from '../core/viewState.ts';
import { modeLabel } from '../core/disclosure.ts';
import { Controls } from './Controls.tsx';
import { DataQuality } from './DataQuality.tsx';
import { FileLoader } from './FileLoader.tsx';
import { GroupEditor } from './GroupEditor.tsx';
import { MapPanel } from './MapPanel.tsx';
import { NeighboursTable } from './NeighboursTable.tsx';
import { Notices } from './Notices.tsx';
import { PageSwitch } from './PageSwitch.tsx';
import { PanelTabs } from './PanelTabs.tsx';
import { PlacesPanel } from './PlacesPanel.tsx';
import { RatesPanel } from './RatesPanel.tsx';
import { ReportPage } from './report/ReportPage.tsx';
import { SharePanel } from './SharePanel.tsx';
import { selectModel, useDashboard, type LoadState } from './store.ts';
import { Summary } from './Summary.tsx';
import { TrendPanel } from './TrendPanel.tsx';
import { WardTable } from './WardTable.tsx';

/** The loaded dashboard: settings, map and legend, summary, the side panel's tabs and data quality. */
export function Dashboard({ load }: { load: Extract<LoadState, { status: 'ready' }> }) {
  const model = useDashboard(selectModel);
  if (model === null) return null;
  const { area, data } = load;
  if (model.view.embed) {
    return (
      <main id="main" className="dashboard dashboard--embed">
        <Controls data={data} model={model} embed />
        <MapPanel area={area} model={model} embed />
      </main>
    );
  }
  const search = serializeView(model.view, new URLSearchParams(window.location.search).get('area'));
  return (
    <main id="main" className="dashboard">
      <PageSwitch page={model.view.page} mode={model.view.mode} modeLabel={modeLabel(model.disclosure)} />
      <Controls data={data} model={model} />
      <Notices fileErrors={area.quality.fileErrors.length} />
      {model.view.page === 'report' ? (
        <>
          <ReportPage area={area} data={data} model={model} />
          <SharePanel search={search} areaName={area.config.name} />
        </>
      ) : (
      <div className="dashboard-body">
        <MapPanel area={area} model={model} />
        <div className="side-panel">
          <Summary model={model} />
          <NeighboursTable area={area} model={model} />
          <PanelTabs
            panel={model.view.panel}
            panels={{
              wards: <WardTable model={model} groupLabel={data.groups.names.length > 0 ? data.groups.label : null} hasRates={data.populationSource !== null} />,
              trend: <TrendPanel data={data} model={model} districtName={area.config.name} />,
              rates: data.populationSource !== null ? <RatesPanel model={model} /> : undefined,
              places: <PlacesPanel model={model} lookup={area.byLsoa?.lookup ?? null} />,
            }}
          />
          <FileLoader />
          <GroupEditor load={load} />
          <DataQuality quality={area.quality} cube={area.cube} />
          <SharePanel search={search} areaName={area.config.name} />
        </div>
      </div>
      )}
    </main>
  );
}
