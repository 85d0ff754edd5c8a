/**
 * Career ladders as plain JSON-serialisable data, so an admin can edit one and it can be stored as
 * a JSON column. A ladder holds tracks; each track lists its levels from lowest to highest.
 * rank is the IC-equivalent rank: levels on different tracks with the same rank are the same rung
 * (that is how parity between senior ICs and managers is measured).
 * Track kinds: 'ic' and 'manager' declare a track; 'shared' levels (Google L-levels, UK civil
 * service grades, military ranks) are held by ICs and managers alike, so they leave the track to
 * the track column or the structure.
 */
import { z } from 'zod';

export const ladderLevelSchema = z.object({
  code: z.string().min(1),
  label: z.string(),
  rank: z.number().finite(),
  /** Other spellings seen in files; matched case-, space- and punctuation-insensitively. */
  synonyms: z.array(z.string()),
});
export type LadderLevel = z.infer<typeof ladderLevelSchema>;

export const ladderTrackSchema = z.object({
  kind: z.enum(['ic', 'manager', 'shared']),
  name: z.string(),
  levels: z.array(ladderLevelSchema),
});
export type LadderTrack = z.infer<typeof ladderTrackSchema>;
export type LadderTrackKind = LadderTrack['kind'];

/** Infers a level from a job title: every word in `words` present, none of `unless`; most words wins. */
export const titleRuleSchema = z.object({
  words: z.array(z.string().min(1)).min(1),
  unless: z.array(z.string()).optional(),
  code: z.string().min(1),
  /** Overrides the level's own track (e.g. "Manager" on a shared L-level ladder). */
  track: z.enum(['ic', 'manager']).optional(),
});
export type TitleRule = z.infer<typeof titleRuleSchema>;

export const ladderSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  description: z.string(),
  tracks: z.array(ladderTrackSchema).min(1),
  /** Staff-equivalent rank: declared ICs at or above it count towards the senior IC share. */
  staffRank: z.number().finite(),
  titleRules: z.array(titleRuleSchema),
});
export type Ladder = z.infer<typeof ladderSchema>;

/** How a record's level was found. */
export type LevelSource = 'code' | 'title' | 'unlevelled';

export interface ResolvedLevel {
  /** Track the level declares; null for shared levels and unlevelled people. */
  track: 'ic' | 'manager' | null;
  rank: number | null;
  /** The ladder's code for the level (canonical spelling), null when unlevelled. */
  code: string | null;
  source: LevelSource;
}
