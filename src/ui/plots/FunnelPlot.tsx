import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import type { DashboardModel, WardRow } from '../../core/dashboardModel.ts';
import { formatCount, formatRate } from '../../core/format.ts';
import type { FunnelPosition } from '../../core/statistics/funnel.ts';
import { ChartDownload } from '../export/ChartDownload.tsx';
import { fileSlug } from '../export/download.ts';
import { useWidth } from './useWidth.ts';
import { ValueAxis } from './ValueAxis.tsx';

const HEIGHT = 280;
const MARGIN = { top: 12, right: 16, bottom: 40, left: 52 };
/** Population ticks on the log axis: 1, 2 and 5 times powers of ten, which never crowd. */
const LOG_TICKS = [100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000, 500000];
const LIMIT_STYLES: Record<string, string> = { '95%': '6 3', '99.8%': '' };

const POSITION_TEXT: Record<FunnelPosition, string> = {
  'above-99.8': 'above the 99.8% limit',
  'above-95': 'above the 95% limit',
  within: 'within the limits (not significantly different from the district)',
  'below-95': 'below the 95% limit',
  'below-99.8': 'below the 99.8% limit',
};

export function funnelPositionText(position: FunnelPosition): string {
  return POSITION_TEXT[position];
}

/**
 * Ward rates against population with the district rate and its 95% and 99.8% Poisson
 * control limits. Wards outside the limits are filled, those inside hollow (not colour
 * alone). Hovering or focusing a ward highlights it here and on the map.
 */
export function FunnelPlot({ model, highlighted, onHover, onSelect }: { model: DashboardModel; highlighted: number | null; onHover: (ward: number | null) => void; onSelect: (id: string) => void }) {
  const [container, width] = useWidth<HTMLDivElement>(520);
  const funnel = model.funnel;
  if (funnel === null) return null;
  const wards = model.wards.filter((w): w is WardRow & { figures: { population: number; rate: number } } => w.figures.population !== null && w.figures.rate !== null);
  const innerWidth = Math.max(width - MARGIN.left - MARGIN.right, 100);
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const populations = funnel.curves[0].lower.map((p) => p.population);
  const x = scaleLog().domain([populations[0], populations[populations.length - 1]]).range([0, innerWidth]);
  const highest = Math.max(...wards.map((w) => w.figures.rate), ...funnel.curves.flatMap((c) => c.upper.map((p) => p.rate)).slice(0, 1));
  const y = scaleLinear().domain([0, highest * 1.05]).nice().range([innerHeight, 0]);
  const curve = line<{ population: number; rate: number }>()
    .x((p) => x(p.population))
    .y((p) => y(Math.min(p.rate, y.domain()[1])));
  return (
    <div className="funnel-plot" ref={container}>
      <svg data-chart width={width} height={HEIGHT} className="trend-svg" role="group" aria-label={`Funnel plot of ward rates per 1,000 residents against population, around the district rate of ${formatRate(funnel.targetRate, model.rateDigits)}`}>
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          <ValueAxis y={y} width={innerWidth} height={innerHeight} title="Rate per 1,000" />
          {LOG_TICKS.filter((tick) => tick >= x.domain()[0] && tick <= x.domain()[1]).map((tick) => (
            <text key={tick} x={x(tick)} y={innerHeight + 16} textAnchor="middle" className="trend-tick">
              {formatCount(tick)}
            </text>
          ))}
          <line y1={innerHeight} y2={innerHeight} x2={innerWidth} className="trend-axis" />
          <text x={innerWidth / 2} y={innerHeight + 32} textAnchor="middle" className="trend-axis-label">
            Residents (log scale)
          </text>
          <line x1={0} x2={innerWidth} y1={y(funnel.targetRate)} y2={y(funnel.targetRate)} className="funnel-target" />
          {funnel.curves.map((c) => (
            <g key={c.label} className="funnel-limit" strokeDasharray={LIMIT_STYLES[c.label]}>
              <path d={curve(c.lower) ?? ''} />
              <path d={curve(c.upper) ?? ''} />
            </g>
          ))}
          {wards.map((w) => {
            const outside = w.funnel !== 'within';
            const active = highlighted === w.ward;
            return (
              <circle
                key={w.id}
                className={`funnel-point${outside ? ' funnel-point--outside' : ''}${active ? ' funnel-point--active' : ''}`}
                data-ward-id={w.id}
                cx={x(w.figures.population)}
                cy={y(w.figures.rate)}
                r={active ? 7 : 5}
                tabIndex={0}
                role="button"
                aria-label={`${w.name}: ${formatRate(w.figures.rate, model.rateDigits)} per 1,000, ${formatCount(w.figures.population)} residents, ${POSITION_TEXT[w.funnel ?? 'within']}`}
                onMouseEnter={() => onHover(w.ward)}
                onMouseLeave={() => onHover(null)}
                onFocus={() => onHover(w.ward)}
                onBlur={() => onHover(null)}
                onClick={() => onSelect(w.id)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault();
                    onSelect(w.id);
                  }
                }}
              />
            );
          })}
        </g>
      </svg>
      <ul className="trend-legend">
        <li>
          <svg width="28" height="10" aria-hidden="true">
            <line x1="0" x2="28" y1="5" y2="5" className="funnel-target" />
          </svg>
          District rate {formatRate(funnel.targetRate, model.rateDigits)}
        </li>
        {funnel.curves.map((c) => (
          <li key={c.label}>
            <svg width="28" height="10" aria-hidden="true">
              <line x1="0" x2="28" y1="5" y2="5" className="funnel-limit-key" strokeDasharray={LIMIT_STYLES[c.label]} />
            </svg>
            {c.label} limits
          </li>
        ))}
        <li>
          <svg width="12" height="12" aria-hidden="true">
            <circle cx="6" cy="6" r="4.5" className="funnel-key funnel-key--outside" />
          </svg>
          Outside the 95% limits
        </li>
        <li>
          <svg width="12" height="12" aria-hidden="true">
            <circle cx="6" cy="6" r="4.5" className="funnel-key" />
          </svg>
          Within
        </li>
      </ul>
      <ChartDownload container={container} title={`Ward rates per 1,000 residents against population: ${model.categoryLabel}, ${model.period.label}`} fileName={fileSlug('funnel', model.view.category, model.view.period)} />
    </div>
  );
}
