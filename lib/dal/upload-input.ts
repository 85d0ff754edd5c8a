import { z } from 'zod';
import { LOGICAL_FIELDS } from '@/lib/ingest/types';
import { UnsupportedMediaTypeError, ValidationError } from './errors';
import { hasContentType } from './request-guard';
import type { UploadOptions } from './uploads';

export const uploadOptionsSchema = z.object({
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'The as-of date must be YYYY-MM-DD.')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  skipDuplicates: z.boolean().optional(),
  mapping: z.record(z.string(), z.enum(LOGICAL_FIELDS).nullable()).optional(),
});

/** Validates upload options from a JSON body or form fields. */
export function parseUploadOptions(input: unknown): UploadOptions {
  const r = uploadOptionsSchema.safeParse(input);
  if (!r.success) throw new ValidationError(r.error.issues[0]?.message ?? 'Invalid upload options.');
  return r.data;
}

/** Reads files and options from a multipart form (fields: files[], asOf, skipDuplicates). */
export async function readUploadForm(
  req: Request,
): Promise<{ files: Array<{ name: string; bytes: Uint8Array }>; options: UploadOptions }> {
  if (!hasContentType(req, 'multipart/form-data'))
    throw new UnsupportedMediaTypeError('Send the files as multipart/form-data.');
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new ValidationError('Send the files as multipart/form-data.');
  }
  const files: Array<{ name: string; bytes: Uint8Array }> = [];
  for (const v of form.getAll('files')) {
    if (typeof v === 'string') continue;
    files.push({ name: v.name || 'upload.csv', bytes: new Uint8Array(await v.arrayBuffer()) });
  }
  const options = parseUploadOptions({
    asOf: String(form.get('asOf') ?? '') || undefined,
    skipDuplicates: form.get('skipDuplicates') === 'true',
  });
  return { files, options };
}
