/**
 * Cuts text that arrives in pieces (a large file read a slice at a time) into blocks of
 * whole CSV rows: each block ends at the last line break outside a quoted field, and the
 * rest waits for the next piece. A block always starts at the start of a row.
 */
export class RowBlocks {
  private carry = '';
  private newline: string | null = null;

  /** The whole rows now available (possibly none). */
  push(piece: string): string {
    const text = this.carry + piece;
    this.newline ??= lineBreak(text);
    const cut = this.newline === null ? -1 : lastRowEnd(text, this.newline);
    this.carry = text.slice(cut + 1);
    return text.slice(0, cut + 1);
  }

  /** What is left at the end of the file: its last row, if it has no line break after it. */
  finish(): string {
    const rest = this.carry;
    this.carry = '';
    return rest;
  }
}

/**
 * The file's line break: CRLF (then a bare "\n" is inside a field, as papaparse reads it),
 * "\n", a bare "\r", or null until the text shows which (a final "\r" may be half a CRLF).
 */
function lineBreak(text: string): string | null {
  if (text.includes('\r\n')) return '\r\n';
  if (text.includes('\n')) return '\n';
  const bareReturn = text.indexOf('\r');
  return bareReturn !== -1 && bareReturn < text.length - 1 ? '\r' : null;
}

/** Index of the last character of the last line break with an even number of quote characters before it, or -1. */
function lastRowEnd(text: string, newline: string): number {
  let at = text.lastIndexOf(newline);
  if (at < 0) return -1;
  let quotes = countQuotes(text, 0, at);
  while (at >= 0 && quotes % 2 === 1) {
    const previous = text.lastIndexOf(newline, at - 1);
    quotes -= countQuotes(text, previous + 1, at);
    at = previous;
  }
  return at < 0 ? -1 : at + newline.length - 1;
}

function countQuotes(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('"', from); at !== -1 && at < to; at = text.indexOf('"', at + 1)) count++;
  return count;
}
