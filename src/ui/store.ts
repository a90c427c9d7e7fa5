import { create } from 'zustand';
import type { ClassificationMethod } from '../core/classify.ts';
import { dashboardModel, dataRange, type DashboardData, type DashboardModel } from '../core/dashboardModel.ts';
import type { Measure } from '../core/measures.ts';
import type { MonthIndex } from '../core/months.ts';
import { parseView, type Camera, type DisclosureMode, type MapLayer, type Page, type SidePanel, type SortColumn, type View, type ViewContext } from '../core/viewState.ts';
import * as update from '../core/viewUpdaters.ts';
import type { LayerAnalysis } from '../core/layerAnalysis.ts';
import { LOCAL_PREFIX } from '../core/categories.ts';
import type { WardGroups } from '../core/areaConfig.ts';
import { addIndicators, indicatorRanges, type IndicatorTable } from '../core/localIndicators.ts';
import type { LoadedArea, ProgressMessage } from '../worker/messages.ts';
import type { LabelPoint, WardShapes } from '../core/wardGeometry.ts';

export type LoadState =
  | { status: 'loading'; progress: ProgressMessage | null }
  | { status: 'error'; file: string | null; problem: string }
  | { status: 'ready'; area: LoadedArea; data: DashboardData };

/**
 * The crime layer computed by the worker for the view's `key` (see layerRequest). While a
 * new one is computed the previous result stays, so the map does not flash empty.
 */
export interface AnalysisState {
  key: string | null;
  status: 'idle' | 'running' | 'ready' | 'error';
  result: LayerAnalysis | null;
  problem: string | null;
}

/** A load of the user's own files, beside the data on screen. */
export interface FilesLoadState {
  status: 'idle' | 'loading' | 'done' | 'cancelled' | 'error';
  progress: ProgressMessage | null;
  file: string | null;
  problem: string | null;
}

export interface DashboardState {
  load: LoadState;
  files: FilesLoadState;
  analysis: AnalysisState;
  /** The ward under the pointer on the map or the funnel plot, so each highlights it in the other. */
  hoveredWard: number | null;
  /** Where the loaded wards' names go on the map, with the shapes they belong to; null until the worker sends them, just after the data. */
  labelPoints: { shapes: WardShapes; points: LabelPoint[] } | null;
  /** Null until the data is loaded, since a view is validated against the data. */
  view: View | null;
  /** Quiet messages about settings that were ignored (from the address or the config). */
  notices: string[];

  loadProgress: (progress: ProgressMessage) => void;
  loadFailed: (file: string | null, problem: string) => void;
  /** The data has arrived: the view is read from the query string, falling back to the defaults. */
  loaded: (area: LoadedArea, search: string) => void;
  labelPointsLoaded: (points: LabelPoint[]) => void;
  filesRequested: () => void;
  filesProgress: (progress: ProgressMessage) => void;
  filesLoaded: () => void;
  filesCancelled: () => void;
  filesFailed: (file: string | null, problem: string) => void;
  /** A local indicator table was read: its indicators join the data as categories, the first one shown. */
  indicatorsLoaded: (table: IndicatorTable, fileName: string, source: string) => void;
  /** New ward groups (edited or loaded from a CSV): the summary, table, filters and report follow. */
  setGroups: (groups: WardGroups) => void;
  /** What became of the last indicator table's rows. */
  indicatorReport: { file: string; read: number; kept: number; rejected: { line: number; problem: string }[] } | null;
  setCategory: (category: string) => void;
  setPeriod: (period: string) => void;
  switchToMonthRange: () => void;
  setRangeStart: (month: MonthIndex) => void;
  setRangeEnd: (month: MonthIndex) => void;
  setMeasure: (measure: Measure) => void;
  setMethod: (method: ClassificationMethod) => void;
  setClasses: (classes: number) => void;
  setGroup: (group: string | null) => void;
  /** Selects a ward by code, or clears the selection (null, or the selected ward again). */
  toggleWard: (ward: string | null) => void;
  sortBy: (column: SortColumn) => void;
  setLayer: (layer: MapLayer) => void;
  setCellSize: (metres: number | null) => void;
  setBand: (metres: number | null) => void;
  setUnits: (units: View['units']) => void;
  setQuarterly: (quarterly: boolean) => void;
  toggleCompared: (category: string) => void;
  /** Sets the period to a month range (the trend chart's brush). */
  setMonths: (from: MonthIndex, to: MonthIndex) => void;
  hoverWard: (ward: number | null) => void;
  /** Where the user has moved the map. */
  setCamera: (camera: Camera | null) => void;
  /** The view of an address (history's back and forward), with notices for what was ignored. */
  restoreView: (search: string) => void;
  setPanel: (panel: SidePanel) => void;
  setPage: (page: Page) => void;
  setSplit: (split: string | null) => void;
  setMode: (mode: DisclosureMode) => void;
  analysisRequested: (key: string) => void;
  analysisReady: (result: LayerAnalysis) => void;
  analysisFailed: (problem: string) => void;
}

/** The one store of the dashboard: load state and view state. Actions call the pure updaters. */
export const useDashboard = create<DashboardState>()((set, get) => {
  /** Applies an updater to the view, once the data is loaded. */
  const change = (updater: (view: View, data: DashboardData) => View) => {
    const { view, load } = get();
    if (view && load.status === 'ready') set({ view: updater(view, load.data) });
  };
  return {
    load: { status: 'loading', progress: null },
    files: { status: 'idle', progress: null, file: null, problem: null },
    indicatorReport: null,
    analysis: { key: null, status: 'idle', result: null, problem: null },
    hoveredWard: null,
    labelPoints: null,
    view: null,
    notices: [],

    loadProgress: (progress) => set({ load: { status: 'loading', progress } }),
    loadFailed: (file, problem) => set({ load: { status: 'error', file, problem } }),
    loaded: (area, search) => {
      const data = dashboardData(area);
      const { view, notices } = parseView(search, viewContext(area, data));
      // A new dataset: the crime layer must be asked for again, even for the same view.
      set({ load: { status: 'ready', area, data }, view, notices: [...get().notices, ...notices], analysis: { key: null, status: 'idle', result: null, problem: null }, labelPoints: null });
    },
    labelPointsLoaded: (points) => {
      const { load } = get();
      if (load.status === 'ready') set({ labelPoints: { shapes: load.area.shapes, points } });
    },
    filesRequested: () => set({ files: { status: 'loading', progress: null, file: null, problem: null } }),
    filesProgress: (progress) => set((state) => ({ files: { ...state.files, progress } })),
    filesLoaded: () => set({ files: { status: 'done', progress: null, file: null, problem: null } }),
    filesCancelled: () => set({ files: { status: 'cancelled', progress: null, file: null, problem: null } }),
    filesFailed: (file, problem) => set({ files: { status: 'error', progress: null, file, problem } }),
    setGroups: (groups) => {
      const { load, view } = get();
      if (load.status !== 'ready' || view === null) return;
      const keep = (name: string | null, names: readonly string[]) => (name !== null && names.includes(name) ? name : null);
      set({
        load: { status: 'ready', area: { ...load.area, groups }, data: { ...load.data, groups } },
        view: { ...view, group: keep(view.group, groups.names), split: keep(view.split, groups.splits.map((s) => s.name)) },
      });
    },
    indicatorsLoaded: (table, fileName, source) => {
      const { load, view } = get();
      if (load.status !== 'ready' || view === null) return;
      const cube = addIndicators(load.data.cube, table);
      const sources = Object.fromEntries(table.indicators.map((name) => [LOCAL_PREFIX + name, source]));
      const data = {
        ...load.data,
        cube,
        indicatorSources: { ...load.data.indicatorSources, ...sources },
        indicatorRanges: { ...load.data.indicatorRanges, ...indicatorRanges(table) },
      };
      set({
        load: { status: 'ready', area: { ...load.area, cube }, data },
        view: table.indicators.length > 0 ? update.withCategory(view, LOCAL_PREFIX + table.indicators[0]) : view,
        indicatorReport: { file: fileName, read: table.read, kept: table.rows.length, rejected: table.rejected },
      });
    },
    setCategory: (category) => change((view) => update.withCategory(view, category)),
    setPeriod: (period) => change((view) => update.withPeriod(view, period)),
    switchToMonthRange: () => change((view, data) => update.asMonthRange(view, dataRange(data.cube))),
    setRangeStart: (month) => change((view, data) => update.withRangeStart(view, month, dataRange(data.cube))),
    setRangeEnd: (month) => change((view, data) => update.withRangeEnd(view, month, dataRange(data.cube))),
    setMeasure: (measure) => change((view) => update.withMeasure(view, measure)),
    setMethod: (method) => change((view) => update.withMethod(view, method)),
    setClasses: (classes) => change((view) => update.withClasses(view, classes)),
    setGroup: (group) => change((view, data) => update.withGroup(view, group, group === null ? null : groupWardIds(data, group))),
    toggleWard: (ward) => change((view, data) => update.toggleWard(view, ward, view.group === null ? null : groupWardIds(data, view.group))),
    sortBy: (column) => change((view) => update.sortedBy(view, column)),
    setLayer: (layer) => change((view) => update.withLayer(view, layer)),
    setCellSize: (metres) => change((view) => update.withCellSize(view, metres)),
    setBand: (metres) => change((view) => update.withBand(view, metres)),
    setUnits: (units) => change((view) => update.withUnits(view, units)),
    setQuarterly: (quarterly) => change((view) => update.withQuarterly(view, quarterly)),
    toggleCompared: (category) => change((view) => update.toggleCompared(view, category)),
    setMonths: (from, to) => change((view, data) => update.withMonths(view, from, to, dataRange(data.cube))),
    hoverWard: (ward) => set({ hoveredWard: ward }),
    setCamera: (camera) => change((view) => update.withCamera(view, camera)),
    restoreView: (search) => {
      const { load } = get();
      if (load.status !== 'ready') return;
      const { view, notices } = parseView(search, viewContext(load.area, load.data));
      set({ view, notices: [...new Set([...get().notices, ...notices])] });
    },
    setPanel: (panel) => change((view) => update.withPanel(view, panel)),
    setPage: (page) => change((view) => update.withPage(view, page)),
    setSplit: (split) => change((view) => update.withSplit(view, split)),
    setMode: (mode) => change((view) => update.withMode(view, mode)),
    analysisRequested: (key) => set((state) => ({ analysis: { ...state.analysis, key, status: 'running', problem: null } })),
    analysisReady: (result) => set((state) => ({ analysis: { ...state.analysis, status: 'ready', result } })),
    analysisFailed: (problem) => set((state) => ({ analysis: { ...state.analysis, status: 'error', result: null, problem } })),
  };
});

/** Adds a notice shown before the data arrives (e.g. an invalid area in the address). */
export function addNotice(notice: string): void {
  useDashboard.setState((state) => ({ notices: [...state.notices, notice] }));
}

let lastModel: { data: DashboardData; view: View; model: DashboardModel } | null = null;

/**
 * The derived model of the current state, recomputed only when the data or the view
 * changes, so React and the map module share one computation.
 */
export function selectModel(state: DashboardState): DashboardModel | null {
  if (state.load.status !== 'ready' || state.view === null) return null;
  const { data } = state.load;
  if (lastModel?.data !== data || lastModel.view !== state.view) {
    lastModel = { data, view: state.view, model: dashboardModel(data, state.view) };
  }
  return lastModel.model;
}

function dashboardData(area: LoadedArea): DashboardData {
  const hasPopulation = area.populations.some((p) => p !== null);
  return {
    wardIds: area.wardIds,
    wardNames: area.wardNames,
    populations: area.populations,
    groups: area.groups,
    cube: area.cube,
    populationSource: hasPopulation ? (area.config.population?.source ?? null) : null,
    lsoaCube: area.byLsoa?.cube ?? null,
    disclosure: area.config.disclosure,
    breaks: area.breaks,
  };
}

function viewContext(area: LoadedArea, data: DashboardData): ViewContext {
  return {
    categories: data.cube.categories,
    range: area.range,
    wardIds: data.wardIds,
    groupNames: data.groups.names,
    hasPopulation: data.populationSource !== null,
    hasLsoas: area.byLsoa !== null,
    defaults: area.config.defaultView,
    splitNames: data.groups.splits.map((split) => split.name),
    defaultMode: area.config.disclosure?.defaultMode,
  };
}

function groupWardIds(data: DashboardData, group: string): Set<string> {
  const index = data.groups.names.indexOf(group);
  return new Set(data.wardIds.filter((_, ward) => data.groups.wardGroup[ward] === index));
}
