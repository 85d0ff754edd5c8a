/**
 * Typed access to parsed JSON (unknown) without casts: records, fields, dates. Vendor exports spell
 * days as 'YYYY-MM-DD', ISO timestamps or epoch milliseconds (Cursor, sometimes as a string).
 */
import { isoDate } from '@/lib/ingest/dates';

/** A plain JSON object. */
export type JsonRecord = Record<string, unknown>;

/** True for a JSON object (not an array, not null). */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The array under key, else an empty array. */
export function arrayAt(obj: JsonRecord, key: string): unknown[] {
  const v = obj[key];
  return Array.isArray(v) ? v : [];
}

/** The object under key, else null. */
export function recordAt(obj: JsonRecord, key: string): JsonRecord | null {
  const v = obj[key];
  return isRecord(v) ? v : null;
}

/** A non-empty trimmed string under key, else null. */
export function textAt(obj: JsonRecord, key: string): string | null {
  const v = obj[key];
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/** A boolean under key, else null. */
export function boolAt(obj: JsonRecord, key: string): boolean | null {
  const v = obj[key];
  return typeof v === 'boolean' ? v : null;
}

/** A number under key: a JSON number or a numeric string; null when absent/null; NaN when not a number. */
export function numberAt(obj: JsonRecord, key: string): number | null {
  const v = obj[key];
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : Number.NaN;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return Number.NaN;
}

/** UTC calendar day of an epoch-milliseconds value. */
export function dayOfEpochMs(ms: number): string | null {
  if (!Number.isFinite(ms)) return null;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return null;
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * A day from a JSON value: 'YYYY-MM-DD', an ISO timestamp (the date as written, no time-zone
 * shift, as the org importer does), or epoch milliseconds (number or digit string, read in UTC).
 */
export function dayOf(value: unknown): string | null {
  if (typeof value === 'number') return value > 1e11 ? dayOfEpochMs(value) : null;
  if (typeof value !== 'string') return null;
  const t = value.trim();
  if (/^\d{12,14}$/.test(t)) return dayOfEpochMs(Number(t));
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** The first day after `day` plus `months` calendar months, minus one day (a billing cycle end). */
export function cycleEnd(day: string, months = 1): string {
  const [y, m, d] = day.split('-').map(Number);
  const end = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1 + months, d ?? 1) - 86_400_000);
  return isoDate(end.getUTCFullYear(), end.getUTCMonth() + 1, end.getUTCDate()) ?? day;
}

/** Top-level keys of an object, for "found: …" messages. */
export function keysOf(value: unknown): string {
  if (Array.isArray(value)) return `an array of ${value.length} item(s)`;
  if (!isRecord(value)) return `a JSON ${value === null ? 'null' : typeof value}`;
  const keys = Object.keys(value);
  return keys.length === 0
    ? 'an empty object'
    : `keys ${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ', …' : ''}`;
}
