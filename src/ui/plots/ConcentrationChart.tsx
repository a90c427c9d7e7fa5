import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { ConcentrationPoint } from '../../core/grid/concentration.ts';
import { ChartDownload } from '../export/ChartDownload.tsx';
import { useWidth } from './useWidth.ts';

const HEIGHT = 220;
const MARGIN = { top: 10, right: 16, bottom: 38, left: 48 };

/** The share of crime in the busiest cells (a Lorenz-type curve), with equality as a dashed diagonal. */
export function ConcentrationChart({ curve, label, title, fileName }: { curve: ConcentrationPoint[]; label: string; title: string; fileName: string }) {
  const [container, width] = useWidth<HTMLDivElement>(420);
  const innerWidth = Math.max(width - MARGIN.left - MARGIN.right, 100);
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = scaleLinear().domain([0, 100]).range([0, innerWidth]);
  const y = scaleLinear().domain([0, 100]).range([innerHeight, 0]);
  const path = line<ConcentrationPoint>()
    .x((p) => x(p.cells))
    .y((p) => y(p.crime));
  return (
    <div ref={container}>
      <svg data-chart width={width} height={HEIGHT} className="trend-svg" role="img" aria-label={label}>
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          {[0, 25, 50, 75, 100].map((tick) => (
            <g key={tick}>
              <line x2={innerWidth} y1={y(tick)} y2={y(tick)} className="trend-grid" />
              <text x={-6} y={y(tick)} dy="0.32em" textAnchor="end" className="trend-tick">
                {tick}
              </text>
              <text x={x(tick)} y={innerHeight + 14} textAnchor="middle" className="trend-tick">
                {tick}
              </text>
            </g>
          ))}
          <line x1={0} y1={innerHeight} x2={innerWidth} y2={0} className="concentration-equal" />
          <path d={path(curve) ?? ''} className="trend-line" stroke="#0b4f9c" strokeWidth={2.5} />
          <text x={innerWidth / 2} y={innerHeight + 30} textAnchor="middle" className="trend-axis-label">
            Share of hexagons, busiest first (%)
          </text>
          <text transform={`translate(${-36},${innerHeight / 2}) rotate(-90)`} textAnchor="middle" className="trend-axis-label">
            Share of crime (%)
          </text>
        </g>
      </svg>
      <ChartDownload container={container} title={title} fileName={fileName} />
    </div>
  );
}
