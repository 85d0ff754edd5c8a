/** The DAL's marker for a group under the minimum size (rendered as "fewer than N people"). */
export interface SuppressedMarker {
  suppressed: true;
  minGroupSize: number;
}

/** True when a dashboard value was suppressed for privacy. */
export function isSuppressed(v: unknown): v is SuppressedMarker {
  return typeof v === 'object' && v !== null && (v as { suppressed?: unknown }).suppressed === true;
}
