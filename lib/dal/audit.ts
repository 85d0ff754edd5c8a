import { and, desc, eq, gte, ilike, lte, or, type SQL } from 'drizzle-orm';
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
  await db
    .insert(schema.auditLog)
    .values({ actorUserId: actor.userId, actorEmail: actor.email, action, target, details });
}

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
  assertRole(actor, ['admin']);
  const { db } = await getDatabase();
  const t = schema.auditLog;
  const where: SQL[] = [];
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
