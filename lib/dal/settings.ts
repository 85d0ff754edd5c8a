import 'server-only';
import { can } from '@/lib/auth/permissions';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDatabase, schema, type Db } from '@/db';
import { assertRole, type Actor } from './actor';
import { writeAudit } from './audit';
import { ValidationError } from './errors';

/** Organisation settings an admin can change. Defaults per SPEC. */
export const orgSettingsSchema = z.object({
  minGroupSize: z.number().int().min(3).max(10),
  execLayers: z.number().int().min(1).max(5),
});
export type OrgSettings = z.infer<typeof orgSettingsSchema>;
export const DEFAULT_SETTINGS: OrgSettings = { minGroupSize: 5, execLayers: 2 };

/** Reads one organisation's settings for internal use (no actor: every signed-in computation needs them). */
export async function readSettings(orgId: number, db?: Db): Promise<OrgSettings> {
  const database = db ?? (await getDatabase()).db;
  const rows = await database.select().from(schema.settings).where(eq(schema.settings.orgId, orgId));
  return settingsFromRows(rows);
}

/** The organisation's settings from its stored (key, value) rows, defaults filled in. */
export function settingsFromRows(rows: ReadonlyArray<{ key: string; value: unknown }>): OrgSettings {
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  const merged = orgSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...stored });
  return merged.success ? merged.data : DEFAULT_SETTINGS;
}

/** Any signed-in user may read the settings (they explain suppression on screen). */
export async function getSettings(actor: Actor): Promise<OrgSettings> {
  return readSettings(actor.orgId);
}

/** Admin only: changes settings, audited with old and new values. */
export async function updateSettings(actor: Actor, input: unknown): Promise<OrgSettings> {
  assertRole(actor, can.changeSettings);
  const parsed = orgSettingsSchema.partial().safeParse(input);
  if (!parsed.success) {
    throw new ValidationError(
      'Settings are not valid.',
      parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
    );
  }
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    const before = await readSettings(actor.orgId, tx);
    for (const [key, value] of Object.entries(parsed.data)) {
      if (value === undefined) continue;
      await tx
        .insert(schema.settings)
        .values({ orgId: actor.orgId, key, value })
        .onConflictDoUpdate({
          target: [schema.settings.orgId, schema.settings.key],
          set: { value, updatedAt: new Date() },
        });
    }
    const after = await readSettings(actor.orgId, tx);
    await writeAudit(tx, actor, 'settings.update', 'settings', { before, after });
    return after;
  });
}
