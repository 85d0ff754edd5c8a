import 'server-only';
import { can } from '@/lib/auth/permissions';
import { and, desc, eq, gte, ilike, isNull, lte, or, type SQL } from 'drizzle-orm';
import { getDatabase, schema, type Db } from '@/db';
import { assertRole, type Actor } from './actor';

/** Writes one audit entry; pass the transaction so the entry commits with the change it records. */
export async function writeAudit(
  db: Db,
  actor: Actor,
  action: string,
  target: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  // Sign-ins and user changes are about no organisation; everything else about the actor's.
  const orgId = GLOBAL_ACTION.test(action) || actor.orgId <= 0 ? null : actor.orgId;
  await db
    .insert(schema.auditLog)
    .values({ actorUserId: actor.userId, actorEmail: actor.email, action, target, details, orgId });
}

/** Audit actions that belong to no organisation. */
const GLOBAL_ACTION = /^(auth|user)\./;

export interface AuditFilter {
  action?: string;
  actor?: string;
  q?: string;
  from?: string;
  to?: string;
  limit?: number;
}

/** Admin only: the audit log, newest first, filtered. */
export async function listAudit(actor: Actor, filter: AuditFilter) {
  assertRole(actor, can.readAudit);
  const { db } = await getDatabase();
  const t = schema.auditLog;
  const where: SQL[] = [];
  // The current organisation's entries and those about no organisation (sign-ins, users).
  const inOrg = or(eq(t.orgId, actor.orgId), isNull(t.orgId));
  if (inOrg) where.push(inOrg);
  if (filter.action) where.push(eq(t.action, filter.action));
  if (filter.actor) where.push(ilike(t.actorEmail, `%${filter.actor}%`));
  if (filter.q) {
    const q = or(ilike(t.target, `%${filter.q}%`), ilike(t.action, `%${filter.q}%`));
    if (q) where.push(q);
  }
  if (filter.from) where.push(gte(t.at, new Date(`${filter.from}T00:00:00Z`)));
  if (filter.to) where.push(lte(t.at, new Date(`${filter.to}T23:59:59.999Z`)));
  const rows = await db
    .select()
    .from(t)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(t.id))
    .limit(Math.min(filter.limit ?? 200, 1000));
  const actions = await db.selectDistinct({ action: t.action }).from(t).orderBy(t.action);
  return {
    entries: rows.map((r) => ({ ...r, at: r.at.toISOString() })),
    actions: actions.map((a) => a.action),
  };
}
