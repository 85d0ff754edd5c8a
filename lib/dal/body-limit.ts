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

/** The 413 for a body over `limit` bytes; `setting` names the configuration that sets it. */
export function tooLarge(limit: number, setting?: string): PayloadTooLargeError {
  return new PayloadTooLargeError(
    `The request is larger than the limit of ${formatLimit(limit)}${setting ? ` (${setting})` : ''}; nothing was stored.`,
  );
}

/** Throws the 413 when the declared Content-Length is over `limit`. */
export function refuseDeclaredLength(req: Request, limit: number, setting?: string): void {
  const declared = Number(req.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit, setting);
}

/** Feeds the body's chunks to `onChunk`, counting bytes; cancels the stream and throws 413 past `limit`. */
export async function pumpBody(
  req: Request,
  limit: number,
  onChunk: (chunk: Uint8Array) => Promise<void> | void,
  setting?: string,
): Promise<number> {
  refuseDeclaredLength(req, limit, setting);
  if (req.body === null) return 0;
  const reader = req.body.getReader();
  let read = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return read;
      read += value.byteLength;
      if (read > limit) throw tooLarge(limit, setting);
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
  await pumpBody(req, limit, (chunk) => {
    parts.push(chunk);
  });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(parts));
  } catch {
    throw new ValidationError('The request body is not UTF-8 text.');
  }
}
