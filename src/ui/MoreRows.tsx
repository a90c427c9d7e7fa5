import { formatCount } from '../core/format.ts';

/**
 * Rows a long table shows until asked for all: England has 7,681 wards, and laying out
 * thousands of table rows freezes the page for seconds.
 */
export const ROW_LIMIT = 150;

/** Under a table cut to ROW_LIMIT rows: what is shown, and a button to show all or the first again. */
export function MoreRows({ total, noun, showAll, onToggle }: { total: number; noun: string; showAll: boolean; onToggle: () => void }) {
  if (total <= ROW_LIMIT) return null;
  return (
    <p className="table-more">
      {showAll ? `All ${formatCount(total)} ${noun} shown.` : `The first ${ROW_LIMIT} of ${formatCount(total)} ${noun} in this order are shown (the download has them all).`}{' '}
      <button type="button" className="link-button" onClick={onToggle}>
        {showAll ? `Show the first ${ROW_LIMIT}` : `Show all ${formatCount(total)}`}
      </button>
    </p>
  );
}
