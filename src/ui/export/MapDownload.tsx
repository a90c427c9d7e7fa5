import { useState } from 'react';
import type { DashboardModel } from '../../core/dashboardModel.ts';
import type { LayerLegend } from '../../core/layerLegends.ts';
import type { LoadedArea } from '../../worker/messages.ts';
import { downloadBlob, fileSlug } from './download.ts';
import { mapCapturer } from './mapCapture.ts';
import { composeMapPage, footerLayout, type ExportLegend, type MapPageText, type PageSize } from './mapComposer.ts';

const TITLE_BAND = 58;
const MM_PER_INCH = 25.4;
const CSS_DPI = 96;

type SizeChoice = 'screen' | 'a4-150' | 'a4-300';
const SIZE_LABELS: Record<SizeChoice, string> = {
  screen: 'As on screen',
  'a4-150': 'A4 landscape, 150 dpi (1754 × 1240 px)',
  'a4-300': 'A4 landscape, 300 dpi (3508 × 2480 px)',
};

/**
 * "Download map": the map as on screen, at screen size or A4 landscape, with title,
 * legend, scale bar, north arrow, sources, caveats, the date and the link to this view.
 */
export function MapDownload({ area, model, title, crimeLegend, mapElement }: { area: LoadedArea; model: DashboardModel; title: string; crimeLegend: LayerLegend | null; mapElement: () => HTMLElement | null }) {
  const [size, setSize] = useState<SizeChoice>('a4-150');
  const [status, setStatus] = useState('');
  const download = async () => {
    const capture = mapCapturer();
    const element = mapElement();
    if (!capture || !element) return setStatus('The map is not ready yet.');
    setStatus('Preparing the map image…');
    const text: MapPageText = {
      title: `${area.config.name}: ${title}`,
      subtitle: `${model.categoryLabel}, ${model.period.label}${model.view.group ? `; ${model.view.group} highlighted` : ''}`,
      legend: crimeLegend ? fromLayerLegend(crimeLegend) : fromWardLegend(model),
      footer: [
        ...area.config.attribution,
        ...(area.config.basemap ? [area.config.basemap.attribution] : []),
        model.caveats.join(' '),
        `Made ${new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}. This view: ${window.location.href}`,
      ],
    };
    const page = pageSize(size, element, text);
    const footer = footerLayout(text, page.width);
    try {
      const map = await capture(page.width, page.height - TITLE_BAND - footer.height, page.pixelRatio);
      if (isBlank(map.image)) throw new Error('the map image came out blank');
      const canvas = composeMapPage(page, text, map);
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
      if (!blob) throw new Error('the browser could not make the PNG');
      downloadBlob(blob, `${fileSlug(area.areaId, 'map', model.view.layer, model.view.category, model.view.period)}.png`);
      setStatus(`Map downloaded (${canvas.width} × ${canvas.height} px).`);
    } catch (error) {
      setStatus(`The map could not be downloaded: ${error instanceof Error ? error.message : String(error)}. Try again.`);
    }
  };
  return (
    <div className="map-download">
      <label>
        Map image size{' '}
        <select value={size} onChange={(event) => setSize(event.target.value as SizeChoice)}>
          {Object.entries(SIZE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => void download()}>
        Download map (PNG)
      </button>
      <span role="status" className="copy-status">
        {status}
      </span>
    </div>
  );
}

/** Screen: the map at its size on screen with the title and footer added; A4: the page at the chosen resolution. */
function pageSize(choice: SizeChoice, map: HTMLElement, text: MapPageText): PageSize {
  if (choice === 'screen') {
    const width = map.clientWidth;
    return { width, height: TITLE_BAND + map.clientHeight + footerLayout(text, width).height, pixelRatio: window.devicePixelRatio || 1 };
  }
  const dpi = choice === 'a4-150' ? 150 : 300;
  const pixelRatio = dpi / CSS_DPI;
  // Pixels of the page first (297 × 210 mm at the dpi), so the PNG is exactly that size.
  const pixels = (mm: number) => Math.round((mm / MM_PER_INCH) * dpi);
  return { width: pixels(297) / pixelRatio, height: pixels(210) / pixelRatio, pixelRatio };
}

/** True when every sampled pixel is the same colour: a map that did not draw. */
function isBlank(image: HTMLCanvasElement): boolean {
  const { data } = image.getContext('2d')!.getImageData(0, 0, image.width, image.height);
  const step = Math.max(4, Math.floor(data.length / 4 / 5000)) * 4;
  for (let i = step; i < data.length; i += step) {
    if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) return false;
  }
  return true;
}

function fromWardLegend(model: DashboardModel): ExportLegend {
  const { legend } = model;
  const wards = (n: number) => `${n} ${n === 1 ? 'ward' : 'wards'}`;
  return {
    title: legend.title,
    method: legend.method,
    entries: [
      ...legend.entries.map((entry) => ({ colour: entry.colour, label: entry.label, count: wards(entry.wardCount), shape: 'square' as const })),
      ...(legend.noData ? [{ colour: '#f7f7f7', label: legend.noData.label, count: wards(legend.noData.wardCount), shape: 'hatch' as const }] : []),
    ],
    notes: [legend.populationNote, legend.sourceNote].filter((note): note is string => !!note),
  };
}

function fromLayerLegend(legend: LayerLegend): ExportLegend {
  return {
    title: legend.title,
    method: legend.method,
    entries: legend.entries,
    notes: legend.notes,
  };
}
