import 'server-only';
/**
 * Request bodies read with a byte counter: refused from Content-Length when it is over the limit,
 * and otherwise read chunk by chunk until the limit is passed, then cancelled (413) so the rest is
 * never read. Nothing here holds more than the limit in memory.
 */
import { PayloadTooLargeError, ValidationError } from './errors';

/** Bytes of a JSON request body (options, settings, users ...); uploads use STRATA_MAX_UPLOAD_MB. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/** '1 MB', '200 MB', '512 KB'. */
export function formatLimit(bytes: number): string {
  return bytes >= 1048576
    ? `${(bytes / 1048576).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`
    : `${Math.ceil(bytes / 1024).toLocaleString('en-US')} KB`;
}

/** How much a body may hold: `limit` bytes in all; the message names `shown` (default limit) and `setting`. */
export interface BodyLimit {
  limit: number;
  shown?: number;
  setting?: string;
}

/** The 413 for a body over its limit. */
export function tooLarge(body: BodyLimit): PayloadTooLargeError {
  return new PayloadTooLargeError(
    `The request is larger than the limit of ${formatLimit(body.shown ?? body.limit)}${body.setting ? ` (${body.setting})` : ''}; nothing was stored.`,
  );
}

/** Feeds the body's chunks to `onChunk`, counting bytes; 413 from Content-Length, or as it streams past the limit (the stream is cancelled). */
export async function pumpBody(
  req: Request,
  body: BodyLimit,
  onChunk: (chunk: Uint8Array) => Promise<void> | void,
): Promise<number> {
  const declared = Number(req.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > body.limit) throw tooLarge(body);
  if (req.body === null) return 0;
  const limit = body.limit;
  const reader = req.body.getReader();
  let read = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return read;
      read += value.byteLength;
      if (read > limit) throw tooLarge(body);
      await onChunk(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    reader.releaseLock();
  }
}

/** The body as UTF-8 text, at most `limit` bytes (413 past it, before the rest is read). */
export async function readBodyText(req: Request, limit: number): Promise<string> {
  const parts: Uint8Array[] = [];
  await pumpBody(req, { limit }, (chunk) => {
    parts.push(chunk);
  });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(parts));
  } catch {
    throw new ValidationError('The request body is not UTF-8 text.');
  }
}
