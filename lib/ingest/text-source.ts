/**
 * Opens an uploaded file (bytes in memory, or a path for the CLI) as a stream of decoded text chunks
 * with every line ending turned into '\n'. Nothing here holds the whole file as one string.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { IngestError } from './errors';
import {
  chooseEncoding,
  createDecoder,
  sniffBytes,
  type ContainerKind,
  type TextEncodingName,
} from './decode';
import { yieldToLoop } from './yield';
import type { UploadFile } from './types';

const CHUNK_BYTES = 1024 * 1024;
/** In-memory uploads are handed over in slices small enough to parse between two yields. */
const MEMORY_CHUNK_BYTES = 64 * 1024;
const HEAD_BYTES = 64 * 1024;

/** An upload checked for size and kind, with chunked access to its bytes. */
export interface OpenedFile {
  name: string;
  size: number;
  kind: ContainerKind;
  /** null when it can only be known by reading (a file on disk that may not be UTF-8). */
  encoding: TextEncodingName | null;
  /** the upload as given (the zip check reads its central directory). */
  origin: UploadFile;
  byteChunks(): AsyncIterable<Uint8Array>;
}

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buf = new Uint8Array(HEAD_BYTES);
    const { bytesRead } = await handle.read(buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Check size and content kind of an upload and give access to its bytes in chunks. */
export async function openUpload(file: UploadFile, maxBytes: number): Promise<OpenedFile> {
  const size = 'bytes' in file ? file.bytes.byteLength : (await stat(file.path)).size;
  if (size > maxBytes) {
    throw new IngestError(
      'file-too-large',
      `the file is ${size.toLocaleString('en-US')} bytes; the limit is ${maxBytes.toLocaleString('en-US')} bytes.`,
    );
  }
  if ('bytes' in file) {
    const bytes = file.bytes;
    const sniff = sniffBytes(bytes.subarray(0, HEAD_BYTES));
    const encoding = sniff.kind === 'text' ? chooseEncoding(bytes, sniff.encoding) : null;
    return {
      name: file.name,
      size,
      kind: sniff.kind,
      encoding,
      origin: file,
      async *byteChunks() {
        for (let i = 0; i < bytes.byteLength; i += MEMORY_CHUNK_BYTES) {
          await yieldToLoop(); // other requests run while a big upload is parsed
          yield bytes.subarray(i, i + MEMORY_CHUNK_BYTES);
        }
      },
    };
  }
  const path = file.path;
  const sniff = sniffBytes(await readHead(path));
  return {
    name: file.name,
    size,
    kind: sniff.kind,
    encoding: sniff.encoding,
    origin: file,
    async *byteChunks() {
      for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
        await yieldToLoop();
        yield chunk as Buffer;
      }
    },
  };
}

/** Decode byte chunks to text chunks, turning CRLF and lone CR into LF (also across chunk edges). */
export async function* decodeTextChunks(
  chunks: AsyncIterable<Uint8Array>,
  encoding: TextEncodingName,
): AsyncGenerator<string> {
  const decoder = createDecoder(encoding);
  let pendingCr = false;
  const normalise = (text: string): string => {
    let t = pendingCr ? `\r${text}` : text;
    pendingCr = t.endsWith('\r');
    if (pendingCr) t = t.slice(0, -1);
    return t.indexOf('\r') === -1 ? t : t.replace(/\r\n?/g, '\n');
  };
  for await (const chunk of chunks) {
    let text: string;
    try {
      text = decoder.write(chunk);
    } catch {
      throw new EncodingMismatch();
    }
    if (text.length > 0) yield normalise(text);
  }
  let tail: string;
  try {
    tail = decoder.end();
  } catch {
    throw new EncodingMismatch();
  }
  const last = normalise(tail) + (pendingCr ? '\n' : '');
  if (last.length > 0) yield last;
}

/** Thrown when bytes read as UTF-8 turn out not to be UTF-8; the caller re-reads as Windows-1252. */
export class EncodingMismatch extends Error {
  constructor() {
    super('not utf-8');
  }
}
