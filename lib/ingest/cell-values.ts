/**
 * Cell-level cleaning shared by every format: trimming, placeholder values (N/D, N/A, '-', blank)
 * to null, numbers with thousands separators, and root markers for the manager column.
 * Text that starts with = + - @ is kept as is (neutralised only on export, SPEC.md).
 */

const PLACEHOLDERS = new Set(['', '-', '--', '–', '—', 'n/d', 'nd', 'n/a', '#n/a', 'null', 'nan']);

/** Strip spaces and the stray wrapping quotes organogram exports leave around placeholders ("'N/D'"). */
function bare(value: string): string {
  return value
    .trim()
    .replace(/^['"]+|['"]+$/g, '')
    .trim();
}

/** True for blank cells and the placeholders published data uses for "nothing here". */
export function isPlaceholder(raw: string | undefined): boolean {
  if (raw === undefined) return true;
  const t = raw.trim();
  if (t.length === 0) return true;
  return t.length <= 5 && PLACEHOLDERS.has(bare(t).toLowerCase());
}

/** Trimmed text, or null for blank/placeholder cells. */
export function cleanText(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const t = raw.trim();
  // Placeholders are at most 5 characters once trimmed: longer text needs no further look.
  if (t.length > 5) return t;
  return t.length === 0 || PLACEHOLDERS.has(bare(t).toLowerCase()) ? null : t;
}

/** Trimmed id; null when blank or a placeholder. Inner spaces are kept ('GOE 100116' is its own id). */
export function cleanId(raw: string | undefined): string | null {
  return cleanText(raw);
}

/** Manager cells that mean "no manager": blank, placeholders and the organogram top marker XX/xx. */
export function isRootMarker(raw: string | undefined): boolean {
  return isPlaceholder(raw) || /^xx$/i.test((raw ?? '').trim());
}

/** A numeric cell: a value (null when empty) or not a number. */
export type NumberCell = { ok: true; value: number | null } | { ok: false };

/**
 * Parse a numeric cell: '623,004' -> 623004, '1.0' -> 1, '£59,265' -> 59265, '0,5' -> 0.5;
 * blank and placeholders -> null; anything else -> not ok.
 */
export function parseNumber(raw: string | undefined): NumberCell {
  if (raw === undefined || isPlaceholder(raw)) return { ok: true, value: null };
  const t = raw
    .trim()
    .replace(/^[£$€]\s*/, '')
    .replace(/\s+/g, '');
  let normal: string | null = null;
  if (/^-?\d+(\.\d+)?$/.test(t) || /^-?\.\d+$/.test(t)) normal = t;
  else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) normal = t.replace(/,/g, '');
  else if (/^-?\d+,\d{1,2}$/.test(t)) normal = t.replace(',', '.');
  if (normal === null) return { ok: false };
  const value = Number(normal);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}

/** Lower-case, collapse spaces: the key used to match people by name. */
export function nameKey(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}
