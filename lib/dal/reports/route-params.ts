import 'server-only';
import { ValidationError } from '../errors';

/** A report id from the URL (422 unless a positive whole number). */
export function parseReportId(raw: string): number {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0)
    throw new ValidationError('Report id must be a positive whole number.');
  return id;
}
