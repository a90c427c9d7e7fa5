import type { AreaConfig } from './areaConfig.ts';
import type { Dataset, RowCounts } from './pipeline.ts';
import { describeProblem, type RejectionReason } from './problems.ts';

/** What the dashboard needs of the data quality report. */
export interface DataQuality {
  counts: RowCounts;
  rejectedByReason: { reason: RejectionReason; count: number }[];
  /** The first rejected rows, described ("file, line 12: no crime type (...)"). */
  rejectionExamples: string[];
  /** Crime files that could not be used, as "file: problem". */
  fileErrors: { file: string; problem: string }[];
  populationProblems: string[];
}

/** The data quality report of a load: counts that reconcile, rejections by reason with examples, unusable files. */
export function dataQuality(dataset: Dataset, config: AreaConfig): DataQuality {
  const populationProblems = [...dataset.populationProblems];
  if (!config.population) populationProblems.push('The area config names no population file, so the map offers counts but not rates.');
  return {
    counts: dataset.counts,
    rejectedByReason: [...dataset.problems.counts].map(([reason, count]) => ({ reason, count })),
    rejectionExamples: dataset.problems.examples.map(describeProblem),
    fileErrors: dataset.fileErrors.map((error) => ({ file: error.file, problem: error.problem })),
    populationProblems,
  };
}
