import { formatCount } from '../core/format.ts';
import type { LoadStage, ProgressMessage } from '../worker/messages.ts';

/** Where each stage starts and ends on the overall progress bar (parsing the crime files is most of the work). */
const STAGE_SPAN: Record<LoadStage, [number, number]> = {
  config: [0, 0.02],
  boundaries: [0.02, 0.06],
  parse: [0.06, 0.85],
  join: [0.85, 0.97],
  aggregate: [0.97, 0.99],
  prepare: [0.99, 1],
};

/** Overall progress from 0 to 1. */
export function progressFraction(progress: ProgressMessage | null): number {
  if (progress === null) return 0;
  const [start, end] = STAGE_SPAN[progress.stage];
  const within = progress.total > 0 ? Math.min(progress.done / progress.total, 1) : 0;
  return start + (end - start) * within;
}

/** "Reading crime files: file 3 of 31 (data/police-uk/...)" */
export function progressText(progress: ProgressMessage | null): string {
  if (progress === null) return 'Starting…';
  switch (progress.stage) {
    case 'config':
      return `Reading the area configuration${progress.file ? ` (${progress.file})` : ''}`;
    case 'boundaries':
      return 'Reading ward boundaries and populations';
    case 'parse':
      return `Reading crime files: file ${progress.done + 1} of ${progress.total}${progress.file ? ` (${progress.file})` : ''}`;
    case 'join':
      return `Finding the ward of each crime: ${formatCount(progress.done)} of ${formatCount(progress.total)}`;
    case 'aggregate':
      return 'Counting crimes by ward, month and category';
    case 'prepare':
      return 'Preparing the map';
  }
}
