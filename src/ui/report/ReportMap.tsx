import { geoMercator, geoPath } from 'd3-geo';
import { useMemo } from 'react';
import type { DashboardModel } from '../../core/dashboardModel.ts';
import type { LoadedArea } from '../../worker/messages.ts';
import { LegendClasses } from '../Legend.tsx';
import { areaCollection } from '../map/areaFeatures.ts';

const WIDTH = 640;
const HEIGHT = 460;

/**
 * The wards as a static SVG choropleth in the map's classes and colours: it prints sharply
 * on paper and needs no WebGL, which a printed page cannot rely on.
 */
export function ReportMap({ area, model }: { area: LoadedArea; model: DashboardModel }) {
  const collection = useMemo(() => areaCollection(area), [area]);
  const projection = geoMercator().fitExtent(
    [
      [8, 8],
      [WIDTH - 8, HEIGHT - 8],
    ],
    collection,
  );
  const path = geoPath(projection);
  const { legend } = model;
  return (
    <figure className="report-map">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="report-map-caption">
        <defs>
          <pattern id="report-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#ffffff" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#8c8c8c" strokeWidth="2" />
          </pattern>
        </defs>
        {collection.features.map((feature, ward) => {
          const row = model.wards[ward];
          return (
            <path key={row.id} d={path(feature) ?? ''} fill={row.colour ?? 'url(#report-hatch)'} stroke="#ffffff" strokeWidth={row.ward === model.selectedWard ? 3 : 1}>
              <title>{row.name}</title>
            </path>
          );
        })}
      </svg>
      <figcaption id="report-map-caption">
        <strong>
          {model.measureLabel}: {model.categoryLabel}, {model.period.label}
        </strong>
        <span className="report-map-method">{legend.method}</span>
        <LegendClasses legend={legend} />
        {legend.populationNote && <span className="report-map-method">{legend.populationNote}</span>}
      </figcaption>
    </figure>
  );
}
