/**
 * Page flow for the PDF pack: a cursor that moves down the page and starts a new page when a
 * block would not fit, so nothing is clipped at the bottom margin.
 */
import type { Doc } from './pdf-text';

export const PAGE = { width: 595.28, height: 841.89, margin: 48, footer: 28 } as const;

export class PdfFlow {
  y: number;
  readonly left = PAGE.margin;
  readonly width = PAGE.width - 2 * PAGE.margin;
  readonly top = PAGE.margin;
  readonly bottom = PAGE.height - PAGE.margin - PAGE.footer;
  /** called after every page break (e.g. to repeat a table header) */
  private onBreak: (() => void) | null = null;

  constructor(readonly doc: Doc) {
    this.y = this.top;
  }

  /** Starts a new page and puts the cursor at its top. */
  newPage(): void {
    this.doc.addPage();
    this.y = this.top;
    this.onBreak?.();
  }

  /** Room left on this page. */
  get room(): number {
    return this.bottom - this.y;
  }

  /** Makes sure `h` points fit below the cursor, breaking the page if not (and if the page is not empty). */
  ensure(h: number): void {
    if (this.y + h > this.bottom && this.y > this.top) this.newPage();
  }

  /**
   * Height to draw a block that shrinks (a chart) between `min` and `full` points: full when it fits,
   * else the room left when that is at least `min`, else full on a new page. `after` is the space
   * the caller leaves below it.
   */
  fit(full: number, min: number, after = 0): number {
    if (full + after <= this.room) return full;
    if (min + after <= this.room) return this.room - after;
    this.ensure(full + after);
    return full;
  }

  /** Current page number, 1-based (pages are buffered, so the cursor is on the last one). */
  get pageNumber(): number {
    return this.doc.bufferedPageRange().count;
  }

  /** Runs fn with a handler that re-draws something at the top of every page it breaks onto. */
  withBreakHandler(handler: () => void, fn: () => void): void {
    const prev = this.onBreak;
    this.onBreak = handler;
    try {
      fn();
    } finally {
      this.onBreak = prev;
    }
  }

  /** Moves the cursor down. */
  gap(h: number): void {
    this.y += h;
  }
}
