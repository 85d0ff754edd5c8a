/**
 * Cuts a text stream at record boundaries (a '\n' outside quotes), so each piece handed to the CSV
 * parser holds whole records. This keeps quoted newlines intact across chunk edges and avoids the
 * parser re-reading a growing partial row on every chunk (quadratic on a huge single-line file).
 */
import { IngestError } from './errors';

const QUOTE = 34;
const NL = 10;
const SPACE = 32;
const TAB = 9;

/** Incremental record-boundary finder; push text, get back the part that ends on a boundary. */
export class RecordAligner {
  private pending = '';
  private scanned = 0;
  private inQuotes = false;
  private lastBoundary = 0;
  private readonly delimiterCode: number;

  constructor(
    delimiter: string,
    private readonly maxRecordChars: number,
  ) {
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  /** Add text; returns the longest prefix that ends on a record boundary ('' when none yet). */
  push(text: string): string {
    this.pending = this.pending.length === 0 ? text : this.pending + text;
    this.scan();
    if (this.lastBoundary === 0) {
      if (this.pending.length > this.maxRecordChars) {
        throw new IngestError(
          this.inQuotes ? 'unclosed-quote' : 'record-too-long',
          `one record is longer than ${this.maxRecordChars.toLocaleString('en-US')} characters ` +
            `(${this.inQuotes ? 'a quote that is never closed' : 'a line with no line break'}).`,
        );
      }
      return '';
    }
    const out = this.pending.slice(0, this.lastBoundary);
    this.pending = this.pending.slice(this.lastBoundary);
    this.scanned -= this.lastBoundary;
    this.lastBoundary = 0;
    return out;
  }

  /** The remaining text at end of input (may end inside an unclosed quote; the parser reports it). */
  end(): string {
    const rest = this.pending;
    this.pending = '';
    return rest;
  }

  private scan(): void {
    const s = this.pending;
    let i = this.scanned;
    // Cached next positions so every character is looked at a bounded number of times.
    let nextQuote = -2;
    let nextNl = -2;
    const findQuote = (from: number): number => {
      if (nextQuote === -2 || (nextQuote !== -1 && nextQuote < from)) nextQuote = s.indexOf('"', from);
      return nextQuote;
    };
    const findNl = (from: number): number => {
      if (nextNl === -2 || (nextNl !== -1 && nextNl < from)) nextNl = s.indexOf('\n', from);
      return nextNl;
    };
    while (i < s.length) {
      if (this.inQuotes) {
        const q = findQuote(i);
        if (q === -1) {
          i = s.length;
          break;
        }
        if (q + 1 === s.length) {
          i = q; // cannot tell an escaped "" from a closing quote yet
          break;
        }
        if (s.charCodeAt(q + 1) === QUOTE) {
          i = q + 2;
          continue;
        }
        // As papaparse reads it: a quote closes the field only when (after optional spaces) a
        // delimiter or line break follows; otherwise it is a stray literal quote inside the field.
        let k = q + 1;
        while (
          k < s.length &&
          s.charCodeAt(k) !== this.delimiterCode &&
          (s.charCodeAt(k) === SPACE || s.charCodeAt(k) === TAB)
        )
          k++;
        if (k === s.length) {
          i = q; // cannot tell yet: wait for more text
          break;
        }
        const after = s.charCodeAt(k);
        if (after === this.delimiterCode || after === NL) this.inQuotes = false;
        i = q + 1;
        continue;
      }
      const q = findQuote(i);
      if (q === -1) {
        // No quote ahead: the last line break is the last boundary, whatever lies between.
        const last = s.lastIndexOf('\n');
        if (last >= i) this.lastBoundary = last + 1;
        i = s.length;
        break;
      }
      const stop = q;
      let nl = findNl(i);
      while (nl !== -1 && nl < stop) {
        this.lastBoundary = nl + 1;
        nl = findNl(nl + 1);
      }
      // A quote only opens a quoted field at the start of a field (as papaparse reads it).
      const prev = q === 0 ? NL : s.charCodeAt(q - 1);
      if (prev === NL || prev === this.delimiterCode) this.inQuotes = true;
      i = q + 1;
    }
    this.scanned = i;
  }
}
