/** The ladder presets an admin can start from; each is plain data and can be edited and saved. */
import type { Ladder } from '@/lib/ladders/types';
import { DEFAULT_LADDER } from '@/lib/ladders/presets/default';
import { GOOGLE_LADDER } from '@/lib/ladders/presets/google';
import { META_LADDER } from '@/lib/ladders/presets/meta';
import { UK_CIVIL_SERVICE_LADDER } from '@/lib/ladders/presets/uk-civil-service';
import { MILITARY_LADDER } from '@/lib/ladders/presets/military';
import { DROPBOX_LADDER } from '@/lib/ladders/presets/dropbox';
import { FINANCIAL_TIMES_LADDER } from '@/lib/ladders/presets/financial-times';
import { ENGINEERING_LADDERS_LADDER } from '@/lib/ladders/presets/engineering-ladders';
import { MEDIUM_LADDER } from '@/lib/ladders/presets/medium';

export {
  DEFAULT_LADDER,
  GOOGLE_LADDER,
  META_LADDER,
  UK_CIVIL_SERVICE_LADDER,
  MILITARY_LADDER,
  DROPBOX_LADDER,
  FINANCIAL_TIMES_LADDER,
  ENGINEERING_LADDERS_LADDER,
  MEDIUM_LADDER,
};

export const LADDER_PRESETS: readonly Ladder[] = [
  DEFAULT_LADDER,
  GOOGLE_LADDER,
  META_LADDER,
  UK_CIVIL_SERVICE_LADDER,
  MILITARY_LADDER,
  DROPBOX_LADDER,
  FINANCIAL_TIMES_LADDER,
  ENGINEERING_LADDERS_LADDER,
  MEDIUM_LADDER,
];

/** Get a deep copy of a preset by id (a copy, so editing it never changes the preset). */
export function getLadderPreset(id: string): Ladder | null {
  const preset = LADDER_PRESETS.find((l) => l.id === id);
  return preset === undefined ? null : structuredClone(preset);
}
