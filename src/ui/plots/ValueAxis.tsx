import type { ScaleLinear } from 'd3-scale';
import { formatCount } from '../../core/format.ts';

/** Horizontal grid lines with their values on the left, and the axis title turned up the side. */
export function ValueAxis({ y, width, height, title }: { y: ScaleLinear<number, number>; width: number; height: number; title: string }) {
  return (
    <>
      {y.ticks(5).map((tick) => (
        <g key={tick} transform={`translate(0,${y(tick)})`}>
          <line x2={width} className="trend-grid" />
          <text x={-6} dy="0.32em" textAnchor="end" className="trend-tick">
            {formatCount(tick)}
          </text>
        </g>
      ))}
      <text transform={`translate(${-40},${height / 2}) rotate(-90)`} textAnchor="middle" className="trend-axis-label">
        {title}
      </text>
    </>
  );
}
