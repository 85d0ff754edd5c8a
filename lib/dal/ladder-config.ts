import 'server-only';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type Db } from '@/db';
import { ladderSchema, type Ladder } from '@/lib/ladders/types';

/**
 * The company's ladder setting. 'auto' (the default until an admin saves one) picks, per snapshot,
 * the preset that resolves most level codes, so demo data (IC/M levels) and UK organograms (civil
 * service grades) both resolve without configuration.
 */
export const ladderSettingSchema = z.union([
  z.object({ mode: z.literal('auto') }),
  z.object({ mode: z.literal('custom'), ladder: ladderSchema }),
]);
export type LadderSetting = z.infer<typeof ladderSettingSchema>;

/** Reads an organisation's ladder setting ('auto' when none is stored or the stored one no longer validates). */
export async function readLadder(db: Db, orgId: number): Promise<Ladder | 'auto'> {
  const [row] = await db
    .select()
    .from(schema.settings)
    .where(and(eq(schema.settings.orgId, orgId), eq(schema.settings.key, 'ladder')));
  const parsed = ladderSettingSchema.safeParse(row?.value);
  if (!parsed.success || parsed.data.mode === 'auto') return 'auto';
  return parsed.data.ladder;
}
