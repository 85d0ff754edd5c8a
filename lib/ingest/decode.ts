/**
 * Bytes -> text. UTF-8 with or without BOM; Windows-1252 when the bytes are not valid UTF-8 (Excel
 * "CSV" on Windows); UTF-16 with a BOM (Excel "Unicode text"). Binary and empty files are refused here.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { IngestError } from './errors';

/** Text encodings the reader decodes. */
export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
/** CSV-like text, or an XLSX (zip) workbook. */
export type ContainerKind = 'text' | 'xlsx';

/** Bytes inspected to tell text from binary. */
const SNIFF_BYTES = 64 * 1024;
/** Share of control characters above which a file is called binary. */
const MAX_CONTROL_SHARE = 0.05;

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Tell what the first bytes of a file are; throws for empty, binary and legacy .xls files. */
export function sniffBytes(head: Uint8Array): { kind: ContainerKind; encoding: TextEncodingName | null } {
  if (head.length === 0) throw new IngestError('empty-file', 'the file is empty (0 bytes).');
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'xlsx', encoding: null };
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new IngestError(
      'unsupported-xls',
      'this is a legacy Excel .xls workbook; save it as .xlsx or CSV and upload again.',
    );
  }
  if (startsWith(head, [0xff, 0xfe])) return { kind: 'text', encoding: 'utf-16le' };
  if (startsWith(head, [0xfe, 0xff])) return { kind: 'text', encoding: 'utf-16be' };
  const n = Math.min(head.length, SNIFF_BYTES);
  let control = 0;
  let blank = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i] ?? 0;
    if (b === 0) {
      throw new IngestError(
        'binary-file',
        `this looks like a binary file, not CSV text (a NUL byte at offset ${i}).`,
      );
    }
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) control++;
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) blank++;
  }
  if (control / n > MAX_CONTROL_SHARE) {
    throw new IngestError(
      'binary-file',
      `this looks like a binary file, not CSV text (${Math.round((100 * control) / n)}% control characters).`,
    );
  }
  const bom = startsWith(head, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  if (head.length <= SNIFF_BYTES && blank + bom === head.length) {
    throw new IngestError('empty-file', 'the file contains no data (only blank lines).');
  }
  return { kind: 'text', encoding: null };
}

/** UTF-8 when the bytes are valid UTF-8, else Windows-1252 (every byte sequence is valid 1252). */
export function chooseEncoding(bytes: Uint8Array, sniffed: TextEncodingName | null): TextEncodingName {
  if (sniffed) return sniffed;
  return isUtf8(bytes) ? 'utf-8' : 'windows-1252';
}

/** A stateful decoder for chunked input; utf-8 is decoded strictly so a bad byte can trigger the 1252 retry. */
export function createDecoder(encoding: TextEncodingName): {
  write(chunk: Uint8Array): string;
  end(): string;
} {
  if (encoding === 'windows-1252') {
    const dec = iconv.getDecoder('win1252');
    return {
      write: (c) => dec.write(Buffer.from(c.buffer, c.byteOffset, c.byteLength)),
      end: () => dec.end() ?? '',
    };
  }
  // TextDecoder drops a leading BOM by default (ignoreBOM: false).
  const dec = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  return { write: (c) => dec.decode(c, { stream: true }), end: () => dec.decode() };
}

/** Decode a whole in-memory file (small files, previews). */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const { kind, encoding: sniffed } = sniffBytes(bytes.subarray(0, SNIFF_BYTES));
  if (kind !== 'text') throw new IngestError('not-text', 'this is a workbook, not CSV text.');
  const encoding = chooseEncoding(bytes, sniffed);
  const dec = createDecoder(encoding);
  return { text: dec.write(bytes) + dec.end(), encoding };
}
