import { useState } from 'react';

/** The generated sentences, each on its own line, with a button that copies them all as plain text. */
export function KeyFindings({ sentences }: { sentences: string[] }) {
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(sentences.join('\n'));
      setStatus('Sentences copied');
    } catch {
      setStatus('The browser did not allow copying: select the text instead');
    }
  };
  return (
    <section className="key-findings" aria-labelledby="findings-title">
      <h3 id="findings-title">Key findings</h3>
      <p className="note">Written from the numbers in the tables below. A change is called a rise or fall only when the exact Poisson test finds it significant at 95%.</p>
      <div className="table-actions no-print">
        <button type="button" onClick={() => void copy()}>
          Copy sentences
        </button>
        <span role="status" className="copy-status">
          {status}
        </span>
      </div>
      <ul className="findings">
        {sentences.map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
    </section>
  );
}
