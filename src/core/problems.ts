/** Why a row was rejected; each has a count and the first few examples in the quality report. */
export type RejectionReason =
  | 'wrong-field-count'
  | 'invalid-month'
  | 'missing-category'
  | 'invalid-coordinates'
  | 'coordinates-out-of-range';

export const REJECTION_LABELS: Record<RejectionReason, string> = {
  'wrong-field-count': 'wrong number of fields',
  'invalid-month': 'month is not YYYY-MM',
  'missing-category': 'no crime type',
  'invalid-coordinates': 'longitude or latitude is not a number',
  'coordinates-out-of-range': 'longitude or latitude out of range',
};

export interface RowProblem {
  file: string;
  /** 1-based line in the file, the header being line 1. */
  line: number;
  reason: RejectionReason;
  detail: string;
}

/** A whole file that could not be used (missing, wrong header, not GeoJSON...). */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'InputError';
  }
}

const EXAMPLES_PER_REASON = 5;

/** Counts rejections by reason, keeping only the first examples so a huge bad file stays small. */
export class ProblemLog {
  readonly counts = new Map<RejectionReason, number>();
  readonly examples: RowProblem[] = [];
  total = 0;

  add(problem: RowProblem): void {
    const count = (this.counts.get(problem.reason) ?? 0) + 1;
    this.counts.set(problem.reason, count);
    this.total++;
    if (count <= EXAMPLES_PER_REASON) this.examples.push(problem);
  }
}

export function describeProblem(problem: RowProblem): string {
  return `${problem.file}, line ${problem.line}: ${REJECTION_LABELS[problem.reason]} (${problem.detail})`;
}
