import 'server-only';
/**
 * The limits of one upload request, from the environment: the body size (STRATA_MAX_UPLOAD_MB),
 * data rows per file, and the parser limits of lib/ingest/limits.ts (line, cell, columns, XLSX
 * expansion, JSON document). Read on every request so a test or an operator can change them.
 */
import { DEFAULT_LIMITS, type InputLimits } from '@/lib/ingest/limits';
import type { Issue } from '@/lib/ingest/types';
import { ValidationError } from './errors';

/** File refusals over a limit: no mapping or option can fix them, so such an upload is not stored. */
const OVER_LIMIT_CODES = new Set([
  'record-too-long',
  'too-many-columns',
  'header-too-long',
  'xlsx-too-large',
  'file-too-large',
]);

/** Throws a 422 naming the files refused over a limit (before anything is stored). */
export function refuseOverLimit(issues: readonly Issue[]): void {
  const over = issues.filter((i) => i.severity === 'error' && OVER_LIMIT_CODES.has(i.code));
  if (over.length === 0) return;
  throw new ValidationError(
    `Nothing was stored: ${over
      .slice(0, 3)
      .map((i) => i.message)
      .join(' ')}`,
  );
}

/** What one upload may cost. */
export interface UploadLimits {
  /** bytes of all files of one upload (the request body may add a little form overhead). */
  maxBytes: number;
  maxRows: number;
  parser: InputLimits;
}

function numberFrom(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** Upload limits: STRATA_MAX_UPLOAD_MB (200), STRATA_MAX_ROWS (2,000,000), STRATA_MAX_LINE_KB, _CELL_CHARS, _COLUMNS, _XLSX_EXPANDED_MB, _JSON_MB. */
export function uploadLimits(env: Record<string, string | undefined> = process.env): UploadLimits {
  const d = DEFAULT_LIMITS;
  return {
    maxBytes: Math.round(numberFrom(env.STRATA_MAX_UPLOAD_MB, 200) * 1024 * 1024),
    maxRows: Math.round(numberFrom(env.STRATA_MAX_ROWS, 2_000_000)),
    parser: {
      maxLineChars: Math.round(numberFrom(env.STRATA_MAX_LINE_KB, d.maxLineChars / 1024) * 1024),
      maxCellChars: Math.round(numberFrom(env.STRATA_MAX_CELL_CHARS, d.maxCellChars)),
      maxColumns: Math.round(numberFrom(env.STRATA_MAX_COLUMNS, d.maxColumns)),
      maxXlsxExpandedBytes: Math.round(
        numberFrom(env.STRATA_MAX_XLSX_EXPANDED_MB, d.maxXlsxExpandedBytes / 1048576) * 1048576,
      ),
      maxXlsxRatio: d.maxXlsxRatio,
      maxJsonChars: Math.round(numberFrom(env.STRATA_MAX_JSON_MB, d.maxJsonChars / 1048576) * 1048576),
    },
  };
}
