import { brushX, type BrushBehavior } from 'd3-brush';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { line } from 'd3-shape';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { formatCount } from '../../core/format.ts';
import { formatMonth, shortMonthLabel, type MonthIndex } from '../../core/months.ts';
import type { TrendModel } from '../../core/trendSeries.ts';
import type { ChartKeyEntry } from '../export/chartImage.ts';
import { ChartDownload } from '../export/ChartDownload.tsx';
import { useWidth } from './useWidth.ts';
import { ValueAxis } from './ValueAxis.tsx';

/** Line styles: colour and dash pattern, so lines differ without colour too (Okabe–Ito, dark enough on white). */
const LINE_STYLES = [
  { colour: '#0b4f9c', dash: '' },
  { colour: '#b35806', dash: '6 3' },
  { colour: '#1b7837', dash: '2 3' },
  { colour: '#762a83', dash: '8 3 2 3' },
];
const ROLLING = { colour: '#444444', dash: '4 4' };
const PREVIOUS_YEAR = { colour: '#8c8c8c', dash: '1 3' };
const HEIGHT = 230;
const OVERVIEW_HEIGHT = 54;
const MARGIN = { top: 12, right: 16, bottom: 40, left: 52 };

export interface TrendChartProps {
  trend: TrendModel;
  /** "Crimes per month" */
  yLabel: string;
  source: string;
  quarterly: boolean;
  showRolling: boolean;
  showPreviousYear: boolean;
  onBrush: (from: MonthIndex, to: MonthIndex) => void;
  /** The chart's title in a downloaded image, and the file's name. */
  title: string;
  fileName: string;
}

/**
 * Monthly counts as an SVG line chart (d3 scales and shapes, drawn by React), with the
 * rolling average and the previous year, or quarterly totals as bars. Hover or arrow keys
 * read exact values; the strip below shows the whole data range, and brushing it sets
 * the period.
 */
export function TrendChart({ trend, yLabel, source, quarterly, showRolling, showPreviousYear, onBrush, title, fileName }: TrendChartProps) {
  const [container, width] = useWidth<HTMLDivElement>(560);
  const [focus, setFocus] = useState<number | null>(null);
  const innerWidth = Math.max(width - MARGIN.left - MARGIN.right, 100);
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const { months, lines } = trend;

  const x = useMemo(() => scaleLinear().domain([0, Math.max(months.length - 1, 1)]).range([0, innerWidth]), [months.length, innerWidth]);
  const values = quarterly
    ? trend.quarters.map((q) => q.total)
    : [...lines.flatMap((l) => l.values), ...(showRolling ? trend.rolling : []), ...(showPreviousYear ? trend.previousYear : [])];
  const y = scaleLinear()
    .domain([0, Math.max(1, ...values.filter((v): v is number => v !== null))])
    .nice()
    .range([innerHeight, 0]);
  const path = (series: readonly (number | null)[]) =>
    line<number | null>()
      .defined((v) => v !== null)
      .x((_, i) => x(i))
      .y((v) => y(v ?? 0))(series) ?? '';

  const labelEvery = Math.max(1, Math.ceil((months.length * 46) / innerWidth));
  const readout = focus === null ? null : readoutText(trend, focus, showRolling, showPreviousYear);

  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    const last = months.length - 1;
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (step !== undefined) {
      event.preventDefault();
      setFocus((current) => Math.min(last, Math.max(0, (current ?? (step > 0 ? -1 : last + 1)) + step)));
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      setFocus(event.key === 'Home' ? 0 : last);
    }
  };
  const monthAt = (clientX: number, element: Element) => {
    const left = element.getBoundingClientRect().left;
    return Math.min(months.length - 1, Math.max(0, Math.round(x.invert(clientX - left))));
  };

  const quarterWidth = innerWidth / Math.max(months.length, 1);
  const shownBreaks = trend.breaks.filter((b) => b.month > months[0] && b.month <= months[months.length - 1]);
  return (
    <div className="trend-chart" ref={container}>
      <svg
        data-chart
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="group"
        aria-label={`${lines[0]?.label ?? ''}, ${trend.areaLabel}, by ${quarterly ? 'quarter' : 'month'}. ${trend.peaks}`}
        className="trend-svg"
      >
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          <ValueAxis y={y} width={innerWidth} height={innerHeight} title={quarterly ? yLabel.replace('per month', 'per quarter') : yLabel} />
          {months.map((month, i) =>
            i % labelEvery === 0 ? (
              <text key={month} x={x(i)} y={innerHeight + 16} textAnchor="middle" className="trend-tick">
                {shortMonthLabel(month).replace(/ (\d\d)(\d\d)$/, ' $2')}
              </text>
            ) : null,
          )}
          <line y1={innerHeight} y2={innerHeight} x2={innerWidth} className="trend-axis" />
          {trend.noData.map((missing, i) =>
            missing ? <rect key={`no-data-${months[i]}`} className="trend-missing" x={Math.max(0, x(i) - quarterWidth / 2)} width={quarterWidth} height={innerHeight} /> : null,
          )}
          {shownBreaks.map((b) => (
            <g key={b.month} className="trend-break">
              <line x1={x(b.month - months[0]) - quarterWidth / 2} x2={x(b.month - months[0]) - quarterWidth / 2} y2={innerHeight} />
              <text x={x(b.month - months[0]) - quarterWidth / 2 + 3} y={10} className="trend-tick">
                Series break
              </text>
            </g>
          ))}
          {quarterly ? (
            trend.quarters.map((quarter) => {
              const first = months.indexOf(quarter.months[0]);
              return (
                <g key={quarter.label} className={quarter.complete ? 'trend-bar' : 'trend-bar trend-bar--partial'} data-quarter={quarter.short} data-total={quarter.total}>
                  <rect x={x(first) - quarterWidth / 2 + 2} width={quarterWidth * quarter.months.length - 4} y={y(quarter.total)} height={innerHeight - y(quarter.total)} />
                  <text x={x(first) - quarterWidth / 2 + (quarterWidth * quarter.months.length) / 2} y={y(quarter.total) - 4} textAnchor="middle" className="trend-tick">
                    {formatCount(quarter.total)}
                    {quarter.complete ? '' : ' (part)'}
                  </text>
                </g>
              );
            })
          ) : (
            <>
              {showPreviousYear && <path d={path(trend.previousYear)} className="trend-line" stroke={PREVIOUS_YEAR.colour} strokeDasharray={PREVIOUS_YEAR.dash} />}
              {showRolling && <path d={path(trend.rolling)} className="trend-line" stroke={ROLLING.colour} strokeDasharray={ROLLING.dash} />}
              {lines.map((l, k) => (
                <path key={l.key} d={path(l.values)} className="trend-line" strokeWidth={k === 0 ? 2.5 : 2} stroke={LINE_STYLES[k].colour} strokeDasharray={LINE_STYLES[k].dash} />
              ))}
              {lines[0]?.values.map((v, i) =>
                v === null ? null : (
                  <circle key={months[i]} className="trend-point" data-month={formatMonth(months[i])} data-count={v} cx={x(i)} cy={y(v)} r={focus === i ? 5 : 3} fill={LINE_STYLES[0].colour} />
                ),
              )}
            </>
          )}
          {focus !== null && <line x1={x(focus)} x2={x(focus)} y2={innerHeight} className="trend-focus" />}
          <rect
            width={innerWidth}
            height={innerHeight}
            className="trend-hit"
            tabIndex={0}
            // A slider over the months: arrow keys move it, and the readout below says the values.
            role="slider"
            aria-label="Chart values: use the left and right arrow keys to read each month"
            aria-valuemin={0}
            aria-valuemax={months.length - 1}
            aria-valuenow={focus ?? 0}
            aria-valuetext={readout ?? 'No month chosen'}
            onMouseMove={(event) => setFocus(monthAt(event.clientX, event.currentTarget))}
            onMouseLeave={() => setFocus(null)}
            onKeyDown={onKeyDown}
            onBlur={() => setFocus(null)}
          />
        </g>
        <text x={MARGIN.left} y={HEIGHT - 6} className="trend-source">
          {source}; data to {trend.dataTo}
        </text>
      </svg>
      <p className="trend-readout" aria-live="polite">
        {readout ?? 'Point at the chart, or focus it and use the arrow keys, to read exact values.'}
      </p>
      <TrendLegend trend={trend} quarterly={quarterly} showRolling={showRolling} showPreviousYear={showPreviousYear} />
      {shownBreaks.map((b) => (
        <p key={b.month} className="note note--warning trend-break-note">
          Series break from {shortMonthLabel(b.month)}: {b.label}. Comparisons across it are not like for like.
        </p>
      ))}
      {trend.noData.some(Boolean) && <p className="note">Shaded months have no data loaded.</p>}
      <ChartDownload container={container} title={title} fileName={fileName} chartKey={legendEntries(trend, quarterly, showRolling, showPreviousYear)} />
      <Overview trend={trend} width={width} onBrush={onBrush} />
    </div>
  );
}

function readoutText(trend: TrendModel, i: number, showRolling: boolean, showPreviousYear: boolean): string {
  const value = (v: number | null) => (v === null ? 'no data' : formatCount(v));
  const parts = trend.lines.map((l) => `${l.label}: ${value(l.values[i])}`);
  if (showRolling && trend.lines.length > 0) parts.push(`12-month average: ${trend.rolling[i] === null ? 'n/a' : trend.rolling[i]!.toFixed(1)}`);
  if (showPreviousYear) parts.push(`a year before: ${value(trend.previousYear[i])}`);
  return `${shortMonthLabel(trend.months[i])}: ${parts.join('; ')}`;
}

/** What each line or the bars stand for, on screen and in a downloaded chart. */
function legendEntries(trend: TrendModel, quarterly: boolean, showRolling: boolean, showPreviousYear: boolean): ChartKeyEntry[] {
  return quarterly
    ? [{ label: `${trend.lines[0]?.label ?? ''}, quarterly totals (part: a quarter cut by the period or missing a month)`, ...LINE_STYLES[0] }]
    : [
        ...trend.lines.map((l, k) => ({ label: l.label, ...LINE_STYLES[k] })),
        ...(showRolling ? [{ label: '12-month rolling average', ...ROLLING }] : []),
        ...(showPreviousYear ? [{ label: 'Same months a year before', ...PREVIOUS_YEAR }] : []),
      ];
}

function TrendLegend({ trend, quarterly, showRolling, showPreviousYear }: { trend: TrendModel; quarterly: boolean; showRolling: boolean; showPreviousYear: boolean }) {
  const entries = legendEntries(trend, quarterly, showRolling, showPreviousYear);
  return (
    <ul className="trend-legend">
      {entries.map((entry) => (
        <li key={entry.label}>
          <svg width="28" height="10" aria-hidden="true">
            <line x1="0" x2="28" y1="5" y2="5" stroke={entry.colour} strokeWidth="2.5" strokeDasharray={entry.dash} />
          </svg>
          {entry.label}
        </li>
      ))}
    </ul>
  );
}

/** The whole data range with the period brushed; months without data shaded. Dragging sets the period. */
function Overview({ trend, width, onBrush }: { trend: TrendModel; width: number; onBrush: (from: MonthIndex, to: MonthIndex) => void }) {
  const brushLayer = useRef<SVGGElement>(null);
  const brush = useRef<BrushBehavior<unknown> | null>(null);
  const { months, values } = trend.overview;
  const innerWidth = Math.max(width - MARGIN.left - MARGIN.right, 100);
  const innerHeight = OVERVIEW_HEIGHT - 20;
  const step = innerWidth / Math.max(months.length, 1);
  const max = Math.max(1, ...values.filter((v): v is number => v !== null));
  const y = scaleLinear().domain([0, max]).range([innerHeight, 0]);
  const first = months[0];
  const periodFrom = trend.months[0];
  const periodTo = trend.months[trend.months.length - 1];

  useEffect(() => {
    if (!brushLayer.current) return;
    const behaviour = brushX<unknown>()
      .extent([
        [0, 0],
        [innerWidth, innerHeight],
      ])
      .on('end', (event: { selection: [number, number] | null; sourceEvent?: unknown }) => {
        // Only a person's brushing sets the period, not the brush being moved to match it.
        if (!event.sourceEvent || !event.selection) return;
        const [x0, x1] = event.selection;
        const from = first + Math.max(0, Math.round(x0 / step));
        const to = first + Math.min(months.length - 1, Math.max(Math.round(x1 / step) - 1, Math.round(x0 / step)));
        onBrush(from, to);
      });
    brush.current = behaviour;
    select(brushLayer.current).call(behaviour);
  }, [innerWidth, innerHeight, step, first, months.length, onBrush]);

  useEffect(() => {
    if (brushLayer.current && brush.current) {
      select(brushLayer.current).call(brush.current.move, [(periodFrom - first) * step, (periodTo - first + 1) * step]);
    }
  }, [periodFrom, periodTo, first, step]);

  return (
    <svg width={width} height={OVERVIEW_HEIGHT} className="trend-overview" role="group" aria-label={`All months of the data, ${shortMonthLabel(first)} to ${trend.dataTo}: drag across it to choose the period`}>
      <g transform={`translate(${MARGIN.left},4)`}>
        {months.map((month, i) =>
          values[i] === null ? <rect key={month} className="trend-missing" x={i * step} width={step} height={innerHeight} /> : null,
        )}
        {values.map((v, i) => (v === null ? null : <rect key={months[i]} className="trend-overview-bar" x={i * step + 0.5} width={Math.max(step - 1, 0.5)} y={y(v)} height={innerHeight - y(v)} />))}
        {months.map((month, i) =>
          month % 12 === 0 || i === 0 ? (
            <text key={month} x={i * step} y={innerHeight + 12} className="trend-tick">
              {shortMonthLabel(month)}
            </text>
          ) : null,
        )}
        <g ref={brushLayer} className="trend-brush" />
      </g>
    </svg>
  );
}
