import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { formatCount } from '../../core/format.ts';

const WIDTH = 64;
const HEIGHT = 20;

/** A ward's monthly counts over the period, as a tiny line with its last month marked. */
export function Sparkline({ values, label }: { values: readonly (number | null)[]; label: string }) {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return null;
  const x = scaleLinear().domain([0, Math.max(values.length - 1, 1)]).range([2, WIDTH - 3]);
  const y = scaleLinear().domain([0, Math.max(1, ...present)]).range([HEIGHT - 2, 2]);
  const path = line<number | null>()
    .defined((v) => v !== null)
    .x((_, i) => x(i))
    .y((v) => y(v ?? 0));
  const lastIndex = values.length - 1;
  const last = values[lastIndex];
  const description = `${label}: lowest ${formatCount(Math.min(...present))}, highest ${formatCount(Math.max(...present))}${last === null ? '' : `, last month ${formatCount(last)}`}`;
  return (
    <svg width={WIDTH} height={HEIGHT} className="sparkline" role="img" aria-label={description}>
      <title>{description}</title>
      <path d={path(values) ?? ''} />
      {last !== null && <circle cx={x(lastIndex)} cy={y(last)} r={2} />}
    </svg>
  );
}
