import 'server-only';
/**
 * Streaming multipart/form-data on busboy: the body is read chunk by chunk with a byte counter
 * (pumpBody) and parsed as it arrives, so an upload over the limit is refused (413) as soon as its
 * files pass the limit; the rest of the body is never read and never held in memory.
 */
import busboy from 'busboy';
import { pumpBody, tooLarge } from './body-limit';
import { ValidationError } from './errors';

/** Boundaries, part headers and the small form fields allowed on top of the files' bytes. */
export const FORM_OVERHEAD_BYTES = 1024 * 1024;
/** Files in one upload. */
export const MAX_FORM_FILES = 20;

/** What a multipart body held: the files of one field and every small text field. */
export interface MultipartForm {
  files: Array<{ name: string; bytes: Uint8Array }>;
  fields: Map<string, string>;
}

const NOT_MULTIPART = 'Send the files as multipart/form-data.';

/** Reads the files of `fileField` (at most maxBytes in total) and the text fields of a multipart body. */
export async function readMultipart(
  req: Request,
  fileField: string,
  maxBytes: number,
  /** called with each file's name; its watcher sees every chunk and returns an error to stop reading. */
  watch?: (name: string) => (chunk: Uint8Array) => Error | null,
): Promise<MultipartForm> {
  const type = req.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data/i.test(type)) throw new ValidationError(NOT_MULTIPART);
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': type },
      limits: { files: MAX_FORM_FILES, fields: 20, fieldSize: 64 * 1024, parts: MAX_FORM_FILES + 20 },
    });
  } catch {
    throw new ValidationError(NOT_MULTIPART);
  }
  const files: Array<{ name: string; parts: Buffer[] }> = [];
  const fields = new Map<string, string>();
  let failure: Error | null = null;
  let fileBytes = 0;
  const body = { limit: maxBytes + FORM_OVERHEAD_BYTES, shown: maxBytes, setting: 'STRATA_MAX_UPLOAD_MB' };
  parser.on('file', (field, stream, info) => {
    if (field !== fileField) {
      stream.resume();
      return;
    }
    const entry = { name: (info.filename || 'upload.csv').slice(0, 200), parts: [] as Buffer[] };
    files.push(entry);
    const check = watch?.(entry.name);
    stream.on('data', (data: Buffer) => {
      fileBytes += data.byteLength;
      if (fileBytes > maxBytes) failure ??= tooLarge(body);
      else entry.parts.push(data);
      const refused = check?.(data) ?? null;
      if (refused) failure ??= refused;
    });
  });
  parser.on('field', (name, value, info) => {
    if (info.valueTruncated)
      failure ??= new ValidationError(`The form field ${name.slice(0, 40)} is too long.`);
    else fields.set(name, value);
  });
  parser.on('filesLimit', () => {
    failure ??= new ValidationError(`Upload at most ${MAX_FORM_FILES} files at a time.`);
  });
  const finished = new Promise<void>((resolve) => {
    parser.on('close', resolve);
    parser.on('error', () => {
      failure ??= new ValidationError(NOT_MULTIPART);
      resolve();
    });
  });
  await pumpBody(req, body, async (chunk) => {
    if (failure) throw failure;
    if (!parser.write(chunk)) {
      await new Promise<void>((resolve) => {
        parser.once('drain', resolve);
        parser.once('error', () => resolve());
      });
    }
    if (failure) throw failure;
  });
  parser.end();
  await finished;
  if (failure) throw failure;
  return {
    files: files.map((f) => ({ name: f.name, bytes: new Uint8Array(Buffer.concat(f.parts)) })),
    fields,
  };
}
