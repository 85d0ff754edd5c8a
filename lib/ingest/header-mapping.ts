/**
 * Header auto-mapping: headers -> logical fields by synonym, case- and punctuation-insensitively,
 * with an optional hand mapping (header -> field) from the upload screen taking precedence.
 */
import { REQUIRED_FIELDS, SYNONYM_INDEX, normaliseHeader } from './header-synonyms';
import { LOGICAL_FIELDS, type LogicalField, type MappingOverride } from './types';

/** Result of mapping a header row to logical fields. */
export interface HeaderMapping {
  /** field -> column index. */
  columns: Partial<Record<LogicalField, number>>;
  /** header text -> field, for display and for saving as the source's mapping. */
  mapping: Record<string, LogicalField>;
  /** headers (non-blank) that no field claimed. */
  unmatched: string[];
  /** fields several columns matched; the first listed column was chosen. */
  ambiguous: Array<{ field: LogicalField; headers: string[] }>;
  /** required fields nothing maps to. */
  missing: LogicalField[];
}

function isLogicalField(value: string): value is LogicalField {
  return (LOGICAL_FIELDS as readonly string[]).includes(value);
}

function overrideFor(header: string, override: MappingOverride | undefined): LogicalField | null | undefined {
  if (!override) return undefined;
  if (Object.hasOwn(override, header)) return override[header];
  const key = normaliseHeader(header);
  for (const [h, f] of Object.entries(override)) if (normaliseHeader(h) === key) return f;
  return undefined;
}

/** Map a header row; `required` defaults to SPEC's employee_id + manager_id. */
export function mapHeaders(
  headers: readonly string[],
  override?: MappingOverride,
  required: readonly LogicalField[] = REQUIRED_FIELDS,
): HeaderMapping {
  const candidates = new Map<LogicalField, Array<{ index: number; priority: number }>>();
  const unmatched: string[] = [];
  headers.forEach((header, index) => {
    const forced = overrideFor(header, override);
    if (forced === null) return;
    if (forced !== undefined && isLogicalField(forced)) {
      candidates.set(forced, [{ index, priority: -1 }, ...(candidates.get(forced) ?? [])]);
      return;
    }
    const hit = SYNONYM_INDEX.get(normaliseHeader(header));
    if (!hit) {
      if (header.trim() !== '') unmatched.push(header);
      return;
    }
    const list = candidates.get(hit.field) ?? [];
    list.push({ index, priority: hit.priority });
    candidates.set(hit.field, list);
  });

  const columns: Partial<Record<LogicalField, number>> = {};
  const mapping: Record<string, LogicalField> = {};
  const ambiguous: HeaderMapping['ambiguous'] = [];
  for (const [field, list] of candidates) {
    const sorted = [...list].sort((a, b) => a.priority - b.priority || a.index - b.index);
    const chosen = sorted[0];
    if (!chosen) continue;
    columns[field] = chosen.index;
    mapping[headers[chosen.index] ?? ''] = field;
    if (sorted.length > 1 && chosen.priority !== -1) {
      ambiguous.push({ field, headers: sorted.map((c) => headers[c.index] ?? '') });
    }
    for (const other of sorted.slice(1)) unmatched.push(headers[other.index] ?? '');
  }
  const hasManager =
    columns.manager_id !== undefined ||
    columns.manager_name !== undefined ||
    columns.manager_email !== undefined;
  const missing = required.filter((f) => (f === 'manager_id' ? !hasManager : columns[f] === undefined));
  return { columns, mapping, unmatched, ambiguous, missing };
}
