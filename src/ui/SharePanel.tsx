import { useId, useState } from 'react';
import { embedSnippet, viewLinks } from './shareLinks.ts';

/** The link to this view and the iframe code for a council's website, each with a copy button. */
export function SharePanel({ search, areaName }: { search: string; areaName: string }) {
  const { link, embed } = viewLinks(window.location.href, search);
  const snippet = embedSnippet(embed, areaName);
  return (
    <details className="share">
      <summary>Share or embed this view</summary>
      <CopyField label="Link to this view" value={link} />
      <CopyField label="Code to embed the map on a website" value={snippet} multiline />
    </details>
  );
}

function CopyField({ label, value, multiline = false }: { label: string; value: string; multiline?: boolean }) {
  const [copied, setCopied] = useState(false);
  const id = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="copy-field">
      <div className="copy-box">
        {/* A label wrapping the field would make its text part of the field's name. */}
        <label htmlFor={id}>{label}</label>
        {multiline ? <textarea id={id} readOnly value={value} rows={3} /> : <input id={id} readOnly value={value} />}
      </div>
      <button type="button" onClick={() => void copy()}>
        Copy
      </button>
      <span role="status" className="copy-status">
        {copied ? 'Copied' : ''}
      </span>
    </div>
  );
}
