import { ALL_CRIME_EXCL_ASB_LABEL, ALL_INCIDENTS_LABEL, ANTI_SOCIAL_BEHAVIOUR, isLocalIndicator, localName } from '../core/categories.ts';
import type { ClassificationMethod } from '../core/classify.ts';
import type { DashboardData, DashboardModel } from '../core/dashboardModel.ts';
import type { Measure } from '../core/measures.ts';
import { MAX_CLASSES, MIN_CLASSES } from '../core/viewState.ts';
import { SelectField } from './Field.tsx';
import { PeriodControl } from './PeriodControl.tsx';
import { useDashboard } from './store.ts';

// Shorter than the legend's CLASSIFICATION_LABELS, to keep the settings on one line.
const METHOD_OPTIONS: Record<ClassificationMethod, string> = {
  quantile: 'Quantile',
  ckmeans: 'Natural breaks (Ckmeans)',
  'equal-interval': 'Equal interval',
};
const CLASS_COUNTS = Array.from({ length: MAX_CLASSES - MIN_CLASSES + 1 }, (_, i) => MIN_CLASSES + i);

/** The map and table settings. */
export function Controls({ data, model, embed = false }: { data: DashboardData; model: DashboardModel; embed?: boolean }) {
  const store = useDashboard.getState();
  const { view } = model;
  const categories = data.cube.categories;
  const crimeTypes = categories.filter((name) => name !== ANTI_SOCIAL_BEHAVIOUR && !isLocalIndicator(name));
  const local = categories.filter(isLocalIndicator);
  return (
    <form className="controls" aria-label="Map settings" onSubmit={(event) => event.preventDefault()}>
      <SelectField label="Crime category" value={view.category} onChange={store.setCategory} className="field--wide">
        <option value="all-excl-asb">{ALL_CRIME_EXCL_ASB_LABEL}</option>
        {categories.includes(ANTI_SOCIAL_BEHAVIOUR) && <option value="asb">{ANTI_SOCIAL_BEHAVIOUR}</option>}
        <option value="all">{ALL_INCIDENTS_LABEL}</option>
        <optgroup label="Crime types">
          {crimeTypes.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </optgroup>
        {local.length > 0 && (
          <optgroup label="Local indicators (not police.uk)">
            {local.map((name) => (
              <option key={name} value={name}>
                {localName(name)}
              </option>
            ))}
          </optgroup>
        )}
      </SelectField>
      <PeriodControl model={model} />
      {!embed && <FullControls data={data} model={model} />}
    </form>
  );
}

/** The settings the embedded map leaves out. */
function FullControls({ data, model }: { data: DashboardData; model: DashboardModel }) {
  const store = useDashboard.getState();
  const { view } = model;
  return (
    <>
      <SelectField label="Measure" value={model.measure} onChange={(value) => store.setMeasure(value as Measure)}>
        <option value="count">Count</option>
        {data.populationSource !== null && <option value="rate">Rate per 1,000 residents</option>}
      </SelectField>
      <SelectField label="Classification" value={view.method} onChange={(value) => store.setMethod(value as ClassificationMethod)}>
        {Object.entries(METHOD_OPTIONS).map(([method, label]) => (
          <option key={method} value={method}>
            {label}
          </option>
        ))}
      </SelectField>
      <SelectField label="Number of classes" value={String(view.classes)} onChange={(value) => store.setClasses(Number(value))}>
        {CLASS_COUNTS.map((count) => (
          <option key={count} value={count}>
            {count}
          </option>
        ))}
      </SelectField>
      {data.groups.names.length > 0 && (
        <SelectField label={data.groups.label} value={view.group ?? ''} onChange={(value) => store.setGroup(value === '' ? null : value)}>
          <option value="">All wards</option>
          {data.groups.names.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </SelectField>
      )}
    </>
  );
}
