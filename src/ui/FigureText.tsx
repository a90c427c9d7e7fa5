import type { ChangeFlag } from '../core/changeFlags.ts';
import type { AreaFigures } from '../core/measures.ts';
import { withheldText, type Disclosure } from '../core/disclosure.ts';
import { formatCount, formatRate, formatSignedCount, formatSignedPercent } from '../core/format.ts';

/** "n/a", with the reason as a tooltip and as text for screen readers. */
export function NotAvailable({ reason }: { reason: string | null }) {
  return (
    <span className="not-available" title={reason ?? undefined}>
      n/a
      {reason && <span className="visually-hidden"> ({reason})</span>}
    </span>
  );
}

/**
 * "+12 (+5.3%) from 230", then whether the change is significant; n/a parts carry the
 * reason they are missing. The percentage never stands without the counts.
 */
export function ChangeText({ figures, note, flag }: { figures: AreaFigures; note: string | null; flag: ChangeFlag }) {
  if (figures.change === null || figures.previous === null) return <NotAvailable reason={note} />;
  return (
    <>
      {formatSignedCount(figures.change)} (
      {figures.percentChange === null ? <NotAvailable reason={note} /> : formatSignedPercent(figures.percentChange)})
      <span className="change-from"> from {formatCount(figures.previous)}</span>
      <SignificanceMark flag={flag} />
    </>
  );
}

const MARKS: Record<ChangeFlag['kind'], string> = { rise: '▲', fall: '▼', 'not-significant': '', unavailable: '' };

/** "▲ Sig. rise" or "Not sig.", with the test's p-value as a tooltip and for screen readers. */
export function SignificanceMark({ flag }: { flag: ChangeFlag }) {
  if (flag.kind === 'unavailable') return null;
  return (
    <span className={`significance significance--${flag.kind}`} title={flag.label}>
      {MARKS[flag.kind] && <span aria-hidden="true">{MARKS[flag.kind]} </span>}
      <span aria-hidden="true">{flag.short}</span>
      <span className="visually-hidden">{flag.label}</span>
    </span>
  );
}

/** A count under SMALL_COUNT: the rate beside it is unreliable. */
export function UnreliableMark() {
  return (
    <span className="unreliable" title="Fewer than 10: too few for a reliable rate or change">
      <span aria-hidden="true">*</span>
      <span className="visually-hidden"> (fewer than 10: unreliable)</span>
    </span>
  );
}

/** A rate per 1,000, or n/a with the reason (no population figure for the ward, or for one of the group's wards). */
export function RateText({ rate, digits, missingReason }: { rate: number | null; digits: number; missingReason: string }) {
  return rate === null ? <NotAvailable reason={missingReason} /> : <>{formatRate(rate, digits)}</>;
}

/** A count, or "fewer than 5" where the public view withholds it. */
export function CountText({ count, withheld, disclosure }: { count: number; withheld: boolean; disclosure: Disclosure }) {
  if (!withheld) return <>{formatCount(count)}</>;
  return (
    <span className="withheld" title="Withheld in the public view">
      {withheldText(disclosure)}
    </span>
  );
}
