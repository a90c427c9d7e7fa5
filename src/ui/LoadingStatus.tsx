import type { ProgressMessage } from '../worker/messages.ts';
import { progressFraction, progressText } from './loadProgress.ts';

export function LoadingStatus({ progress }: { progress: ProgressMessage | null }) {
  return (
    <main id="main" className="load-state">
      <h2>Loading the data</h2>
      <progress max={1} value={progressFraction(progress)} aria-label="Loading data" />
      <p role="status">{progressText(progress)}</p>
    </main>
  );
}
