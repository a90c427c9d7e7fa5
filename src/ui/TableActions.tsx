import { useState } from 'react';
import { downloadBlob } from './export/download.ts';
import { footer, toCsv, toTsv, type PlainTable } from '../core/tableExport.ts';

/** "Download CSV" and "Copy table" for a table: the copy pastes into a word processor with its columns intact. */
export function TableActions({ table, fileName }: { table: PlainTable; fileName: string }) {
  const [status, setStatus] = useState('');
  const download = () => downloadBlob(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }), fileName);
  const copy = async () => {
    const tsv = toTsv(table);
    try {
      // HTML for word processors, tab-separated text for everything else.
      const html = htmlTable(table);
      await navigator.clipboard.write([new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([tsv], { type: 'text/plain' }) })]);
      setStatus('Table copied');
    } catch {
      try {
        await navigator.clipboard.writeText(tsv);
        setStatus('Table copied as text');
      } catch {
        setStatus('The browser did not allow copying');
      }
    }
  };
  return (
    <div className="table-actions">
      <button type="button" onClick={download}>
        Download CSV
      </button>
      <button type="button" onClick={() => void copy()}>
        Copy table
      </button>
      <span role="status" className="copy-status">
        {status}
      </span>
    </div>
  );
}

/** The table as HTML built from text nodes, so no cell can inject markup. */
function htmlTable(table: PlainTable): string {
  const element = document.createElement('table');
  element.createCaption().textContent = table.caption;
  const head = element.createTHead().insertRow();
  for (const name of table.header) head.appendChild(Object.assign(document.createElement('th'), { textContent: name }));
  const body = element.createTBody();
  for (const row of table.rows) {
    const tr = body.insertRow();
    for (const value of row) tr.insertCell().textContent = value === null ? '' : String(value);
  }
  // Notes and caveats as paragraphs under the table, so they paste with it.
  const notes = footer(table)
    .filter((line) => line !== '')
    .map((line) => Object.assign(document.createElement('p'), { textContent: line }).outerHTML);
  return element.outerHTML + notes.join('');
}
