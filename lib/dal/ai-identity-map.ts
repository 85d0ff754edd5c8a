import 'server-only';
import { can } from '@/lib/auth/permissions';
import { z } from 'zod';
import { getDatabase } from '@/db';
import { withRawTransaction, type RawTx } from '@/db/raw';
import type { IdentityRecord } from '@/lib/ai-ingest/types';
import type { Issue } from '@/lib/ingest/types';
import { assertRole, type Actor } from './actor';
import { listCurrentSnapshots, loadIdentityIndex, type SnapshotDate } from './ai-data';
import { rawQuery } from './raw-query';
import { NotFoundError, ValidationError } from './errors';

/** A hand mapping of an AI identity to an employee, as the review screen lists it. */
export interface SavedMapping {
  identity: string;
  employeeId: string;
  name: string | null;
  createdBy: string;
  createdAt: string;
}

/** Saved hand mappings, newest first, with the employee's name in the latest snapshot. */
export async function listMappings(orgId: number, snapshots: SnapshotDate[]): Promise<SavedMapping[]> {
  const rows = await rawQuery<{
    identity: string;
    employee_id: string;
    created_by: string;
    created_at: string | Date;
  }>(
    'select identity, employee_id, created_by, created_at from ai_identity_map where org_id = $1 order by created_at desc, identity',
    [orgId],
  );
  const latest = snapshots[snapshots.length - 1];
  const tree = latest ? (await loadIdentityIndex(latest.id)).tree : null;
  return rows.map((r) => {
    const i = tree?.indexById.get(r.employee_id);
    return {
      identity: r.identity,
      employeeId: r.employee_id,
      name: i === undefined ? null : (tree?.records[i]?.name ?? null),
      createdBy: r.created_by,
      createdAt: new Date(r.created_at).toISOString(),
    };
  });
}

export const identityMappingSchema = z.object({
  identity: z
    .string()
    .trim()
    .min(1, 'Give the GitHub login or email to map.')
    .max(254)
    .regex(/^[^\s,;]+$/, 'A GitHub login or email has no spaces.'),
  employeeId: z.string().trim().min(1, 'Choose the employee.').max(300),
});
export type IdentityMappingInput = z.infer<typeof identityMappingSchema>;

/** hr/admin: maps a login or email to an employee of the latest snapshot (replacing any earlier mapping), audited. */
export async function saveIdentityMapping(actor: Actor, input: unknown): Promise<SavedMapping> {
  assertRole(actor, can.fixMappings);
  const parsed = identityMappingSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(parsed.error.issues[0]?.message ?? 'Invalid mapping.');
  const identity = parsed.data.identity.toLowerCase();
  const { employeeId } = parsed.data;
  const snapshots = await listCurrentSnapshots(actor.orgId);
  const latest = snapshots[snapshots.length - 1];
  if (!latest) throw new ValidationError('Import an org snapshot before mapping identities.');
  const tree = (await loadIdentityIndex(latest.id)).tree;
  const i = tree.indexById.get(employeeId);
  if (i === undefined)
    throw new ValidationError(`Employee ${employeeId} is not in the ${latest.asOf} snapshot.`);
  const handle = await getDatabase();
  await withRawTransaction(handle, async (tx) => {
    const prev = await tx.query<{ employee_id: string }>(
      'select employee_id from ai_identity_map where org_id = $2 and identity = $1',
      [identity, actor.orgId],
    );
    await tx.query(
      `insert into ai_identity_map (identity, employee_id, created_by, org_id) values ($1, $2, $3, $4)
       on conflict (org_id, identity) do update set employee_id = excluded.employee_id, created_by = excluded.created_by, created_at = now()`,
      [identity, employeeId, actor.email, actor.orgId],
    );
    await tx.query(
      'insert into audit_log (actor_user_id, actor_email, action, target, details, org_id) values ($1, $2, $3, $4, $5::jsonb, $6)',
      [
        actor.userId,
        actor.email,
        'ai.identity_map',
        identity,
        JSON.stringify({ employeeId, previous: prev[0]?.employee_id ?? null }),
        actor.orgId,
      ],
    );
  });
  return {
    identity,
    employeeId,
    name: tree.records[i]?.name ?? null,
    createdBy: actor.email,
    createdAt: new Date().toISOString(),
  };
}

/** hr/admin: removes a hand mapping (automatic matching applies again), audited. */
export async function deleteIdentityMapping(actor: Actor, identity: string): Promise<void> {
  assertRole(actor, can.fixMappings);
  const key = identity.trim().toLowerCase();
  const handle = await getDatabase();
  await withRawTransaction(handle, async (tx) => {
    const prev = await tx.query<{ employee_id: string }>(
      'delete from ai_identity_map where org_id = $2 and identity = $1 returning employee_id',
      [key, actor.orgId],
    );
    if (!prev[0]) throw new NotFoundError('No mapping is saved for that identity.');
    await tx.query(
      'insert into audit_log (actor_user_id, actor_email, action, target, details, org_id) values ($1, $2, $3, $4, $5::jsonb, $6)',
      [
        actor.userId,
        actor.email,
        'ai.identity_unmap',
        key,
        JSON.stringify({ employeeId: prev[0].employee_id }),
        actor.orgId,
      ],
    );
  });
}

/** Warnings for identity-file lines whose employee id is not in the newest snapshot (none when there is no snapshot yet). */
export async function identityFileIssues(
  orgId: number,
  identities: readonly IdentityRecord[],
): Promise<Issue[]> {
  if (identities.length === 0) return [];
  const snapshots = await listCurrentSnapshots(orgId);
  const latest = snapshots[snapshots.length - 1];
  if (!latest) return [];
  const tree = (await loadIdentityIndex(latest.id)).tree;
  return identities
    .filter((r) => !tree.indexById.has(r.employeeId))
    .map((r) => ({
      severity: 'warning' as const,
      code: 'unknown-employee',
      file: r.file,
      row: r.row,
      message: `${r.file}, row ${r.row} (line ${r.row + 1}): employee ${r.employeeId} is not in the ${latest.asOf} snapshot; the mapping is stored and joins once the employee appears. Check the id if this is a typo.`,
    }));
}

/**
 * Stores the lines of identity files as mappings (identity -> employee id, created_by = uploader),
 * inside the import's transaction: like hand mappings they win over automatic matching, and a
 * later file or hand mapping of the same identity replaces the earlier one.
 */
export async function storeIdentityFile(
  tx: RawTx,
  actor: Actor,
  identities: readonly IdentityRecord[],
): Promise<number> {
  const pairs = identities.flatMap((r) => r.identities.map((id) => [id, r.employeeId] as const));
  for (let i = 0; i < pairs.length; i += 1000) {
    const batch = pairs.slice(i, i + 1000);
    const params: unknown[] = [actor.email, actor.orgId];
    const values = batch.map(([id, emp]) => {
      params.push(id, emp);
      return `($${params.length - 1}, $${params.length}, $1, $2)`;
    });
    await tx.query(
      `insert into ai_identity_map (identity, employee_id, created_by, org_id) values ${values.join(', ')}
       on conflict (org_id, identity) do update set employee_id = excluded.employee_id, created_by = excluded.created_by, created_at = now()`,
      params,
    );
  }
  return pairs.length;
}
