import 'server-only';
import { z } from 'zod';
import { clip, createLineWatch } from '@/lib/ingest/limits';
import { LOGICAL_FIELDS } from '@/lib/ingest/types';
import { parseResolutionPairs, type Resolutions } from '@/lib/ingest/resolutions';
import { UnsupportedMediaTypeError, ValidationError } from './errors';
import { hasContentType } from './request-guard';
import { readMultipart } from './multipart';
import { uploadLimits } from './upload-limits';
import type { UploadOptions } from './uploads';
import { orgNameSchema } from './organisations';

export const uploadOptionsSchema = z.object({
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'The as-of date must be YYYY-MM-DD.')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  skipDuplicates: z.boolean().optional(),
  mapping: z.record(z.string(), z.enum(LOGICAL_FIELDS).nullable()).optional(),
  /** the organisation (by name) the upload goes to; a new name creates it at commit */
  org: orgNameSchema.optional().or(z.literal('').transform(() => undefined)),
  resolutions: z
    .record(z.string(), z.string())
    .optional()
    .transform((r, ctx) => {
      if (r === undefined) return undefined;
      const parsed = parseResolutionPairs(Object.entries(r).map(([code, action]) => `${code}=${action}`));
      if ('error' in parsed) {
        ctx.addIssue({ code: 'custom', message: `Resolutions: ${parsed.error}` });
        return z.NEVER;
      }
      return parsed.resolutions;
    }),
});

/** Resolutions given as repeated `resolve=CODE=ACTION` query parameters (the commit route). */
export function parseResolveParams(values: readonly string[]): Resolutions | undefined {
  if (values.length === 0) return undefined;
  const parsed = parseResolutionPairs(values);
  if ('error' in parsed) throw new ValidationError(`Resolutions: ${parsed.error}`);
  return parsed.resolutions;
}

/** Validates upload options from a JSON body or form fields. */
export function parseUploadOptions(input: unknown): UploadOptions {
  const r = uploadOptionsSchema.safeParse(input);
  if (!r.success) throw new ValidationError(r.error.issues[0]?.message ?? 'Invalid upload options.');
  return r.data;
}

/** Reads files and options from a multipart form (fields: files[], asOf, skipDuplicates); 413 past STRATA_MAX_UPLOAD_MB. */
export async function readUploadForm(
  req: Request,
): Promise<{ files: Array<{ name: string; bytes: Uint8Array }>; options: UploadOptions }> {
  if (!hasContentType(req, 'multipart/form-data'))
    throw new UnsupportedMediaTypeError('Send the files as multipart/form-data.');
  const limits = uploadLimits();
  // A file with no line break for far longer than a line may be is refused while it arrives.
  const form = await readMultipart(req, 'files', limits.maxBytes, (name) => {
    const watch = createLineWatch(limits.parser.maxLineChars);
    return (chunk) =>
      watch(chunk)
        ? null
        : new ValidationError(
            `Nothing was stored: ${clip(name)}: a line is longer than ${limits.parser.maxLineChars.toLocaleString('en-US')} characters (STRATA_MAX_LINE_KB).`,
          );
  });
  const options = parseUploadOptions({
    asOf: form.fields.get('asOf') || undefined,
    skipDuplicates: form.fields.get('skipDuplicates') === 'true',
    org: form.fields.get('org') || undefined,
  });
  return { files: form.files, options };
}
