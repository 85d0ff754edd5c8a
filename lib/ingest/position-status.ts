/**
 * Vacant and eliminated positions (SPEC.md "What happens to bad input"): from a status column
 * (Vacant, Open, TBH, Eliminated ...) or from an organogram Name cell ('Vacant', 'VACANT',
 * "'Vacant'", 'Vacant post', 'Vacancy', 'Eliminated', "'Eliminated'", '"Eliminated"', 'ELIMINATED').
 * Eliminated rows are dropped before duplicate checks; vacant ones stay in the tree.
 */

export type RowStatus = 'filled' | 'vacant' | 'eliminated';

function bare(value: string): string {
  return value
    .trim()
    .replace(/^['"\s]+|['"\s.]+$/g, '')
    .toLowerCase();
}

/** What a Name cell says about the position: vacant, eliminated, or null for a person (or N/D). */
export function statusFromName(name: string | null): RowStatus | null {
  if (name === null) return null;
  // Cheap first-character test: this runs on every row of million-row files.
  const first = name.trimStart().charAt(0);
  if (!'vVeE\'"'.includes(first)) return null;
  const b = bare(name);
  if (/^eliminat/.test(b)) return 'eliminated';
  if (/^vacan(t|cy)\b/.test(b)) return 'vacant';
  return null;
}

/** What a status column value says; null when blank or not a position status we know. */
export function statusFromValue(value: string | null): RowStatus | null {
  if (value === null) return null;
  const b = bare(value);
  if (b === '') return null;
  if (/^(eliminat|abolish|deleted|removed)/.test(b)) return 'eliminated';
  if (/^(vacan|open\b|unfilled|tbh\b|to be hired|not filled|requisition)/.test(b)) return 'vacant';
  if (/^(filled|active|occupied|employed|current|on leave|leave)/.test(b)) return 'filled';
  return null;
}

/** Combine both sources: eliminated beats vacant beats filled. */
export function combineStatus(fromColumn: RowStatus | null, fromName: RowStatus | null): RowStatus {
  if (fromColumn === 'eliminated' || fromName === 'eliminated') return 'eliminated';
  if (fromColumn === 'vacant' || fromName === 'vacant') return 'vacant';
  return 'filled';
}
