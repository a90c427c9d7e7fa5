import { formatCount } from '../core/format.ts';
import { REJECTION_LABELS } from '../core/problems.ts';
import type { DataQuality as Quality } from '../worker/messages.ts';

/** The pipeline's reconciliation counts and the first problems found, folded away. */
export function DataQuality({ quality }: { quality: Quality }) {
  const { counts } = quality;
  const rows: [string, number][] = [
    ['Rows read', counts.read],
    ['Assigned to a ward', counts.assigned],
    ['Outside every ward', counts.outside],
    ['No location', counts.noLocation],
    ['Rejected', counts.rejected],
    ['Duplicates dropped', counts.duplicates],
  ];
  return (
    <details className="data-quality">
      <summary>Data quality</summary>
      <dl className="quality-counts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{formatCount(value)}</dd>
          </div>
        ))}
      </dl>
      {quality.rejectedByReason.length > 0 && (
        <>
          <h3>Rejected rows</h3>
          <ul>
            {quality.rejectedByReason.map(({ reason, count }) => (
              <li key={reason}>
                {REJECTION_LABELS[reason]}: {formatCount(count)}
              </li>
            ))}
          </ul>
          <h3>First examples</h3>
          <ul className="examples">
            {quality.rejectionExamples.map((example) => (
              <li key={example}>{example}</li>
            ))}
          </ul>
        </>
      )}
      {quality.fileErrors.length > 0 && (
        <>
          <h3>Files that could not be used</h3>
          <ul className="examples">
            {quality.fileErrors.map(({ file, problem }, i) => (
              <li key={i}>
                <code>{file}</code>: {problem}
              </li>
            ))}
          </ul>
        </>
      )}
      {quality.populationProblems.length > 0 && (
        <>
          <h3>Population</h3>
          <ul className="examples">
            {quality.populationProblems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}
