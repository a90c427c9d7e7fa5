import type { DashboardModel } from '../core/dashboardModel.ts';
import { shortMonthLabel } from '../core/months.ts';
import { completeCalendarYears, completeFinancialYears, financialYearLabel, periodFromKey, periodKey } from '../core/periods.ts';
import { isAvailablePeriod } from '../core/viewState.ts';
import { SelectField } from './Field.tsx';
import { useDashboard } from './store.ts';

const MONTH_RANGE = 'range';
const LATEST_12 = periodKey({ kind: 'latest-12' });

/** The period: a complete financial or calendar year, the latest 12 months, or a month range with two month selects. */
export function PeriodControl({ model }: { model: DashboardModel }) {
  const store = useDashboard.getState();
  const { range } = model;
  const isRange = periodFromKey(model.view.period)?.kind === 'range';
  const months = Array.from({ length: range.last - range.first + 1 }, (_, i) => range.first + i);
  const choose = (value: string) => (value === MONTH_RANGE ? store.switchToMonthRange() : store.setPeriod(value));
  return (
    <>
      <SelectField label="Period" value={isRange ? MONTH_RANGE : model.view.period} onChange={choose}>
        <optgroup label="Financial years">
          {completeFinancialYears(range).map((year) => (
            <option key={year} value={periodKey({ kind: 'financial-year', startYear: year })}>
              Financial year {financialYearLabel(year)}
            </option>
          ))}
        </optgroup>
        <optgroup label="Calendar years">
          {completeCalendarYears(range).map((year) => (
            <option key={year} value={periodKey({ kind: 'calendar-year', year })}>
              Calendar year {year}
            </option>
          ))}
        </optgroup>
        {isAvailablePeriod(LATEST_12, range) && <option value={LATEST_12}>12 months to {shortMonthLabel(range.last)}</option>}
        <option value={MONTH_RANGE}>Month range…</option>
      </SelectField>
      {isRange && (
        <>
          <SelectField label="From month" value={String(model.period.from)} onChange={(value) => store.setRangeStart(Number(value))}>
            {months.map((month) => (
              <option key={month} value={month}>
                {shortMonthLabel(month)}
              </option>
            ))}
          </SelectField>
          <SelectField label="To month" value={String(model.period.to)} onChange={(value) => store.setRangeEnd(Number(value))}>
            {months.map((month) => (
              <option key={month} value={month}>
                {shortMonthLabel(month)}
              </option>
            ))}
          </SelectField>
        </>
      )}
    </>
  );
}
