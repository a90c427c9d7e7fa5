import { lastMonth, rowCount, type Cube } from '../core/cube.ts';
import { monthsWithoutData } from '../core/dataCoverage.ts';
import { formatCount } from '../core/format.ts';
import { shortMonthLabel } from '../core/months.ts';
import { REJECTION_LABELS } from '../core/problems.ts';
import type { DataQuality as Quality } from '../worker/messages.ts';

/** The pipeline's reconciliation counts, months and categories found, and the first problems, folded away. */
export function DataQuality({ quality, cube }: { quality: Quality; cube: Cube }) {
  const { counts } = quality;
  const gaps = monthsWithoutData(cube).map(shortMonthLabel);
  const totals = categoryCounts(cube);
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
      <p>
        Months: {shortMonthLabel(cube.firstMonth)} to {shortMonthLabel(lastMonth(cube))} ({cube.monthCount} {cube.monthCount === 1 ? 'month' : 'months'})
        {gaps.length > 0 ? `; no data for ${gaps.join(', ')}` : ', none missing'}.
      </p>
      <h3>Categories found ({cube.categories.length})</h3>
      <ul className="quality-categories">
        {cube.categories.map((name, k) => (
          <li key={name}>
            {name}: {formatCount(totals[k])}
          </li>
        ))}
      </ul>
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

/** Rows of each category over all areas and months. */
function categoryCounts(cube: Cube): number[] {
  const totals = cube.categories.map(() => 0);
  const c = cube.categories.length;
  for (let i = 0; i < rowCount(cube) * cube.monthCount * c; i++) totals[i % c] += cube.counts[i];
  return totals;
}
