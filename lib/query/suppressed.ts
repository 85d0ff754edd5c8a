/**
 * The DAL's marker for a figure hidden by the privacy floor (SPEC "Privacy"). It says why, so the
 * page can say so honestly (lib/privacy/hidden-text.ts): `small` = the group itself has fewer than
 * the minimum group size; `complement` = the group is at or above the minimum but hidden so a
 * smaller group cannot be worked out by adding or subtracting (complementary suppression).
 */
export type SuppressReason = 'small' | 'complement';

export interface SuppressedMarker {
  suppressed: true;
  minGroupSize: number;
  reason: SuppressReason;
}

/** True when a dashboard value was suppressed for privacy. */
export function isSuppressed(v: unknown): v is SuppressedMarker {
  return typeof v === 'object' && v !== null && (v as { suppressed?: unknown }).suppressed === true;
}

/** The marker for a group of `size` hidden by the floor: `small` under the minimum, else `complement`. */
export function suppressedFor(size: number, minGroupSize: number): SuppressedMarker {
  return { suppressed: true, minGroupSize, reason: size < minGroupSize ? 'small' : 'complement' };
}
