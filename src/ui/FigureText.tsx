import type { AreaFigures } from '../core/measures.ts';
import { formatRate, formatSignedCount, formatSignedPercent } from '../core/format.ts';

/** "n/a", with the reason as a tooltip and as text for screen readers. */
export function NotAvailable({ reason }: { reason: string | null }) {
  return (
    <span className="not-available" title={reason ?? undefined}>
      n/a
      {reason && <span className="visually-hidden"> ({reason})</span>}
    </span>
  );
}

/** "+12 (+5.3%)"; n/a parts carry the reason they are missing. */
export function ChangeText({ figures, note }: { figures: AreaFigures; note: string | null }) {
  if (figures.change === null) return <NotAvailable reason={note} />;
  return (
    <>
      {formatSignedCount(figures.change)} (
      {figures.percentChange === null ? <NotAvailable reason={note} /> : formatSignedPercent(figures.percentChange)})
    </>
  );
}

/** A rate per 1,000, or n/a with the reason (no population figure for the ward, or for one of the group's wards). */
export function RateText({ rate, digits, missingReason }: { rate: number | null; digits: number; missingReason: string }) {
  return rate === null ? <NotAvailable reason={missingReason} /> : <>{formatRate(rate, digits)}</>;
}
