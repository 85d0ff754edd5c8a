import 'server-only';
import { can } from '@/lib/auth/permissions';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDatabase, schema, type Db } from '@/db';
import { resolveTarget, type Targets } from '@/lib/metrics/targets';
import type { SnapshotSummary } from '@/lib/metrics/trends';
import { buildTargetReferences, findPeakDepth, type TargetReference } from '@/lib/views/target-references';
import { listSeries, readStoredSeries } from './snapshot-data';
import { assertRole, type Actor } from './actor';
import { writeAudit } from './audit';
import { ValidationError } from './errors';

const SETTINGS_KEY = 'targets';

const span = z.number().min(0.5, 'Spans start at 1.').max(200, 'Spans above 200 are not a target.');
const layers = z.number().int('Layers are whole numbers.').min(1).max(50);

/** Target span range and maximum layers, organisation-wide and per department (settings key 'targets'). */
export const targetsSchema = z
  .object({
    org: z.object({ spanMin: span, spanMax: span, maxLayers: layers }),
    departments: z
      .record(
        z.string().trim().min(1, 'Department names cannot be empty.').max(300),
        z.object({ spanMin: span.optional(), spanMax: span.optional(), maxLayers: layers.optional() }),
      )
      .default({}),
  })
  .superRefine((t, ctx) => {
    if (t.org.spanMin > t.org.spanMax)
      ctx.addIssue({
        code: 'custom',
        path: ['org', 'spanMax'],
        message: 'The maximum span is below the minimum.',
      });
    if (Object.keys(t.departments).length > 500)
      ctx.addIssue({ code: 'custom', path: ['departments'], message: 'At most 500 department targets.' });
    for (const name of Object.keys(t.departments)) {
      const eff = resolveTarget(t, name);
      if (eff.spanMin > eff.spanMax)
        ctx.addIssue({
          code: 'custom',
          path: ['departments', name, 'spanMax'],
          message: `${name}: the maximum span (${eff.spanMax}) is below the minimum (${eff.spanMin}).`,
        });
    }
  });
export type TargetsInput = z.infer<typeof targetsSchema>;

export interface TargetsState {
  targets: Targets | null;
  updatedAt: string | null;
}

/** Reads the stored targets for internal use (null when none are set or the stored value is invalid). */
export async function readTargets(orgId: number, db?: Db): Promise<TargetsState> {
  const database = db ?? (await getDatabase()).db;
  const rows = await database
    .select()
    .from(schema.settings)
    .where(and(eq(schema.settings.orgId, orgId), eq(schema.settings.key, SETTINGS_KEY)));
  const row = rows[0];
  if (!row) return { targets: null, updatedAt: null };
  const parsed = targetsSchema.safeParse(row.value);
  return parsed.success
    ? { targets: parsed.data, updatedAt: row.updatedAt.toISOString() }
    : { targets: null, updatedAt: null };
}

/**
 * Any signed-in user may read the targets (every dashboard draws them) and the reference values
 * (published ones with their source; the organisation's peak layer count only for readers of the
 * whole organisation, as a scoped leader sees no whole-organisation figure).
 */
export async function getTargets(actor: Actor): Promise<TargetsState & { references: TargetReference[] }> {
  const state = await readTargets(actor.orgId);
  let peak: { depth: number; asOf: string } | null = null;
  if (actor.scopeEmployeeId === null) {
    const series = await listSeries(actor.orgId, '9999-12-31');
    const points = await readStoredSeries<SnapshotSummary>(
      series.map((s) => s.id),
      'series-point',
      'org',
    );
    peak = findPeakDepth([...points.values()]);
  }
  return { ...state, references: buildTargetReferences(peak) };
}

/** Admin only: replaces the targets (validated), audited with the old and new values. */
export async function updateTargets(actor: Actor, input: unknown): Promise<TargetsState> {
  assertRole(actor, can.setTargets);
  const parsed = targetsSchema.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError(
      parsed.error.issues[0]?.message ?? 'Targets are not valid.',
      parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
    );
  }
  const value: Targets = {
    org: parsed.data.org,
    // Empty overrides carry no meaning: drop them so the stored value stays readable.
    departments: Object.fromEntries(
      Object.entries(parsed.data.departments)
        .map(([k, v]) => [k.trim(), v] as const)
        .filter(([, v]) => v.spanMin !== undefined || v.spanMax !== undefined || v.maxLayers !== undefined),
    ),
  };
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    const before = await readTargets(actor.orgId, tx);
    await tx
      .insert(schema.settings)
      .values({ orgId: actor.orgId, key: SETTINGS_KEY, value })
      .onConflictDoUpdate({
        target: [schema.settings.orgId, schema.settings.key],
        set: { value, updatedAt: new Date() },
      });
    const after = await readTargets(actor.orgId, tx);
    await writeAudit(tx, actor, 'targets.update', 'targets', {
      before: before.targets,
      after: after.targets,
    });
    return after;
  });
}
