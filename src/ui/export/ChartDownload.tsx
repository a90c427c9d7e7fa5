import { useState, type RefObject } from 'react';
import { chartPng, chartSvg, type ChartKeyEntry } from './chartImage.ts';
import { downloadBlob } from './download.ts';

/** "Download chart: PNG | SVG" for the chart SVG inside a container. */
export function ChartDownload({ container, title, fileName, chartKey = [] }: { container: RefObject<HTMLElement | null>; title: string; fileName: string; chartKey?: readonly ChartKeyEntry[] }) {
  const [status, setStatus] = useState('');
  const svg = () => container.current?.querySelector<SVGSVGElement>('svg[data-chart]') ?? null;
  const save = async (format: 'png' | 'svg') => {
    const element = svg();
    if (!element) return;
    try {
      const blob = format === 'svg' ? new Blob([chartSvg(element, title, chartKey).text], { type: 'image/svg+xml' }) : await chartPng(element, title, chartKey);
      downloadBlob(blob, `${fileName}.${format}`);
      setStatus(`Chart downloaded as ${format.toUpperCase()}.`);
    } catch (error) {
      setStatus(`The chart could not be downloaded: ${error instanceof Error ? error.message : String(error)}.`);
    }
  };
  return (
    <div className="chart-download no-print">
      <span>Download chart:</span>
      <button type="button" onClick={() => void save('png')}>
        PNG
      </button>
      <button type="button" onClick={() => void save('svg')}>
        SVG
      </button>
      <span role="status" className="copy-status">
        {status}
      </span>
    </div>
  );
}
