/** Text helpers for the demo files: RFC 4180 quoting, ASCII-folded handles, and a byte-level writer. */

/** Quote a CSV field when it holds a comma, quote, CR or LF (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const SPECIAL: Record<string, string> = { ø: 'o', æ: 'ae', ß: 'ss', đ: 'd', ł: 'l' };

/** Lower-case ASCII handle of a name: accents dropped, anything but a-z, 0-9 and '-' removed. */
export function foldName(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[øæßđł]/g, (c) => SPECIAL[c] ?? '')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

const encoder = new TextEncoder();

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/**
 * Streams bytes to a sink in ~1 MB chunks. Callers reserve room, copy bytes into buffer() at
 * mark() and seek() past them, so a million-row file costs byte copies, not string building.
 * The chunk handed to `emit` is reused afterwards: the sink must consume it synchronously.
 */
export class ByteWriter {
  private buf: Uint8Array;
  private pos = 0;

  constructor(
    private readonly emit: (chunk: Uint8Array) => void,
    private readonly limit = 1 << 20,
  ) {
    this.buf = new Uint8Array(limit + 4096);
  }

  /** Make room for `n` more bytes. */
  reserve(n: number): void {
    if (this.pos + n > this.limit) this.flush();
    if (this.pos + n > this.buf.length) {
      const next = new Uint8Array(this.pos + n + 4096);
      next.set(this.buf.subarray(0, this.pos));
      this.buf = next;
    }
  }

  /** The underlying buffer, for callers that copy bytes themselves (reserve first, then seek). */
  buffer(): Uint8Array {
    return this.buf;
  }

  /** Current write offset. */
  mark(): number {
    return this.pos;
  }

  /** Set the write offset after writing into buffer() directly. */
  seek(pos: number): void {
    this.pos = pos;
  }

  /** Append text (UTF-8). */
  text(s: string): void {
    const b = utf8(s);
    this.reserve(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** Hand what is buffered to the sink. */
  flush(): void {
    if (this.pos > 0) this.emit(this.buf.subarray(0, this.pos));
    this.pos = 0;
  }
}
