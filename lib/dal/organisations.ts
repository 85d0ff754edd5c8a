import 'server-only';
import { can } from '@/lib/auth/permissions';
import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDatabase, schema, type Db } from '@/db';
import { assertRole, type Actor } from './actor';
import { writeAudit } from './audit';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from './errors';

/** An organisation as pickers and the Admin page show it. */
export interface OrganisationDto {
  id: number;
  name: string;
  isDemo: boolean;
  createdAt: string;
}

/** An organisation with what it holds (Admin page, `orgs` command). */
export interface OrganisationSummary extends OrganisationDto {
  snapshots: number;
  aiImports: number;
  reports: number;
  users: number;
}

/** The name the demo company's organisation gets (`npm run demo`). */
export const DEMO_ORG_NAME = 'Demo company';

export const orgNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the organisation a name.')
  .max(120, 'Organisation names have at most 120 characters.');

function toDto(o: typeof schema.organisations.$inferSelect): OrganisationDto {
  return { id: o.id, name: o.name, isDemo: o.isDemo, createdAt: o.createdAt.toISOString() };
}

function parseName(input: unknown): string {
  const r = orgNameSchema.safeParse(input);
  if (!r.success) {
    const message = r.error.issues[0]?.message ?? 'Invalid name.';
    throw new ValidationError(message, [{ field: 'name', message }]);
  }
  return r.data;
}

/** Every organisation, by name (internal: actors, CLI). */
export async function readOrganisations(db?: Db): Promise<OrganisationDto[]> {
  const database = db ?? (await getDatabase()).db;
  const rows = await database.select().from(schema.organisations).orderBy(asc(schema.organisations.id));
  return rows.map(toDto);
}

/** The ids of the organisations a user may see: every one for admin, else those given to them. */
export async function orgIdsOfUser(userId: number, role: Actor['role'], db?: Db): Promise<number[]> {
  const database = db ?? (await getDatabase()).db;
  if (can.seeEveryOrganisation(role)) return (await readOrganisations(database)).map((o) => o.id);
  const rows = await database
    .select({ orgId: schema.userOrganisations.orgId })
    .from(schema.userOrganisations)
    .where(eq(schema.userOrganisations.userId, userId))
    .orderBy(asc(schema.userOrganisations.orgId));
  return rows.map((r) => r.orgId);
}

/** What a request says about its organisation: ?org= / header (demand), the cookie (preference). */
export interface OrgRequest {
  demand: string | null;
  preference?: string | null;
}

/**
 * The organisation a request is about: the demanded id (?org= or the x-strata-org header) when the
 * user may see it (ForbiddenError otherwise, also for an unknown id), else the preferred one (the
 * cookie) when they may see it, else their first organisation; 0 when they have none yet (a fresh
 * install: the first upload creates one).
 */
export function pickOrg(
  orgIds: readonly number[],
  requested: OrgRequest | string | null | undefined,
): number {
  const req = typeof requested === 'object' && requested !== null ? requested : { demand: requested ?? null };
  const raw = req.demand?.trim();
  if (raw) {
    const id = Number(raw);
    if (!Number.isInteger(id) || !orgIds.includes(id))
      throw new ForbiddenError('You do not have access to that organisation.');
    return id;
  }
  const preferred = Number(req.preference ?? '');
  if (Number.isInteger(preferred) && orgIds.includes(preferred)) return preferred;
  return orgIds[0] ?? 0;
}

/** The organisations this actor may see (org picker). */
export async function listMyOrganisations(actor: Actor): Promise<OrganisationDto[]> {
  const all = await readOrganisations();
  return all.filter((o) => actor.orgIds.includes(o.id));
}

/** Admin: every organisation with what it holds. */
export async function listOrganisations(actor: Actor): Promise<OrganisationSummary[]> {
  assertRole(actor, can.manageOrganisations);
  const { db } = await getDatabase();
  const o = schema.organisations;
  const rows = await db
    .select({
      org: o,
      snapshots: sql<number>`(select count(*)::int from snapshots s where s.org_id = "organisations"."id")`,
      aiImports: sql<number>`(select count(*)::int from ai_imports a where a.org_id = "organisations"."id")`,
      reports: sql<number>`(select count(*)::int from report_jobs r where r.org_id = "organisations"."id")`,
      users: sql<number>`(select count(*)::int from user_organisations u where u.org_id = "organisations"."id")`,
    })
    .from(o)
    .orderBy(asc(o.name));
  return rows.map((r) => ({
    ...toDto(r.org),
    snapshots: Number(r.snapshots),
    aiImports: Number(r.aiImports),
    reports: Number(r.reports),
    users: Number(r.users),
  }));
}

/** The organisation called `name` (case-insensitive), or null. */
export async function findOrganisationByName(name: string, db?: Db): Promise<OrganisationDto | null> {
  const database = db ?? (await getDatabase()).db;
  const [row] = await database
    .select()
    .from(schema.organisations)
    .where(sql`lower(${schema.organisations.name}) = lower(${name.trim()})`);
  return row ? toDto(row) : null;
}

/**
 * Creates an organisation (admin; hr too, as their first upload to a new name does): the creator
 * gets access to it. Audited.
 */
export async function createOrganisation(
  actor: Actor,
  input: { name: unknown; isDemo?: boolean },
): Promise<OrganisationDto> {
  assertRole(actor, can.createOrganisations);
  const name = parseName(input.name);
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    if (await findOrganisationByName(name, tx))
      throw new ConflictError(`An organisation called "${name}" already exists.`);
    const [row] = await tx
      .insert(schema.organisations)
      .values({ name, isDemo: input.isDemo ?? false })
      .returning();
    if (!row) throw new Error('organisation insert returned no row');
    // hr creating one with their first upload may see it; admins see every organisation anyway.
    if (actor.userId !== null && !can.seeEveryOrganisation(actor))
      await tx
        .insert(schema.userOrganisations)
        .values({ userId: actor.userId, orgId: row.id })
        .onConflictDoNothing();
    await writeAudit(tx, { ...actor, orgId: row.id }, 'org.create', name, {
      orgId: row.id,
      isDemo: row.isDemo,
    });
    return toDto(row);
  });
}

/**
 * The organisation an upload goes to: `name` when given (created when new, for hr and admin),
 * else the actor's current organisation; with no organisation at all and no name, ValidationError.
 * Refuses an existing organisation the actor may not see (403).
 */
/** The organisation an upload would go to without creating it: null for a new name. */
export async function findUploadOrg(actor: Actor, name: string | null | undefined): Promise<number | null> {
  const wanted = name?.trim();
  if (wanted) {
    const found = await findOrganisationByName(wanted);
    if (!found) return null;
    if (!actor.orgIds.includes(found.id) && !can.seeEveryOrganisation(actor))
      throw new ForbiddenError('You do not have access to that organisation.');
    return found.id;
  }
  return actor.orgId > 0 ? actor.orgId : null;
}

export async function resolveUploadOrg(actor: Actor, name: string | null | undefined): Promise<number> {
  const found = await findUploadOrg(actor, name);
  if (found !== null) return found;
  const wanted = name?.trim();
  if (wanted) return (await createOrganisation(actor, { name: wanted })).id;
  throw new ValidationError('Name the organisation this upload belongs to.', [
    { field: 'org', message: 'Name the organisation this upload belongs to.' },
  ]);
}

/** Admin: renames an organisation, audited. */
export async function renameOrganisation(actor: Actor, id: number, input: unknown): Promise<OrganisationDto> {
  assertRole(actor, can.manageOrganisations);
  const name = parseName(input);
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(schema.organisations).where(eq(schema.organisations.id, id));
    if (!before) throw new NotFoundError('Organisation not found.');
    const clash = await findOrganisationByName(name, tx);
    if (clash && clash.id !== id) throw new ConflictError(`An organisation called "${name}" already exists.`);
    const [row] = await tx
      .update(schema.organisations)
      .set({ name })
      .where(eq(schema.organisations.id, id))
      .returning();
    if (!row) throw new NotFoundError('Organisation not found.');
    await writeAudit(tx, { ...actor, orgId: id }, 'org.rename', name, {
      orgId: id,
      from: before.name,
      to: name,
    });
    return toDto(row);
  });
}

/**
 * Admin: deletes an organisation and everything of it (snapshots with their people and metrics, AI
 * imports with their rows, identity mappings, settings, reports, user access) in one transaction;
 * `confirmName` must repeat its name. The audit log keeps its history and records the deletion.
 */
export async function deleteOrganisation(actor: Actor, id: number, confirmName: unknown): Promise<void> {
  assertRole(actor, can.manageOrganisations);
  const { db } = await getDatabase();
  await db.transaction(async (tx) => {
    const [org] = await tx.select().from(schema.organisations).where(eq(schema.organisations.id, id));
    if (!org) throw new NotFoundError('Organisation not found.');
    if (typeof confirmName !== 'string' || confirmName.trim().toLowerCase() !== org.name.toLowerCase())
      throw new ValidationError(`Type the organisation's name ("${org.name}") to confirm.`, [
        { field: 'confirm', message: `Type "${org.name}" to confirm.` },
      ]);
    const [c] = await tx
      .select({
        snapshots: sql<number>`(select count(*)::int from snapshots where org_id = ${id})`,
        aiImports: sql<number>`(select count(*)::int from ai_imports where org_id = ${id})`,
      })
      .from(schema.organisations)
      .where(eq(schema.organisations.id, id));
    // Everything else cascades from the organisation row (foreign keys ON DELETE CASCADE).
    await tx.delete(schema.organisations).where(eq(schema.organisations.id, id));
    await writeAudit(tx, { ...actor, orgId: id }, 'org.delete', org.name, {
      orgId: id,
      isDemo: org.isDemo,
      snapshots: Number(c?.snapshots ?? 0),
      aiImports: Number(c?.aiImports ?? 0),
    });
  });
}

/** Admin: the "Remove demo company" action: deletes every demo organisation. Returns how many. */
export async function removeDemoCompany(actor: Actor): Promise<number> {
  assertRole(actor, can.manageOrganisations);
  const demos = (await readOrganisations()).filter((o) => o.isDemo);
  for (const d of demos) await deleteOrganisation(actor, d.id, d.name);
  return demos.length;
}

/** Admin: the organisations a user may see (admins see all, whatever is stored). */
export async function getUserOrganisations(actor: Actor, userId: number): Promise<number[]> {
  assertRole(actor, can.manageOrganisations);
  const { db } = await getDatabase();
  const rows = await db
    .select({ orgId: schema.userOrganisations.orgId })
    .from(schema.userOrganisations)
    .where(eq(schema.userOrganisations.userId, userId));
  return rows.map((r) => r.orgId).sort((a, b) => a - b);
}

/**
 * Admin: sets which organisations a user may see, audited. A user with a scope (a leader's
 * subtree) sees exactly one organisation: their subtree lies in one.
 */
export async function setUserOrganisations(actor: Actor, userId: number, input: unknown): Promise<number[]> {
  assertRole(actor, can.manageOrganisations);
  const parsed = z.array(z.number().int().positive()).max(1000).safeParse(input);
  if (!parsed.success) throw new ValidationError('Give a list of organisation ids.');
  const ids = [...new Set(parsed.data)].sort((a, b) => a - b);
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(schema.users).where(eq(schema.users.id, userId));
    if (!user) throw new NotFoundError('User not found.');
    if (user.scopeEmployeeId !== null && ids.length > 1)
      throw new ValidationError(
        'A user with a scope sees one organisation: their subtree lies in one. Remove the scope first, or pick one.',
      );
    const known = new Set((await readOrganisations(tx)).map((o) => o.id));
    const unknown = ids.filter((i) => !known.has(i));
    if (unknown.length) throw new NotFoundError(`Organisation ${unknown[0]} not found.`);
    const before = await tx
      .select({ orgId: schema.userOrganisations.orgId })
      .from(schema.userOrganisations)
      .where(eq(schema.userOrganisations.userId, userId));
    await tx.delete(schema.userOrganisations).where(eq(schema.userOrganisations.userId, userId));
    if (ids.length) await tx.insert(schema.userOrganisations).values(ids.map((orgId) => ({ userId, orgId })));
    await writeAudit(tx, actor, 'user.organisations', user.email, {
      from: before.map((b) => b.orgId).sort((a, b) => a - b),
      to: ids,
    });
    return ids;
  });
}

/** Gives a user access to an organisation (CLI `users add --org`, demo logins). */
export async function grantOrganisation(userId: number, orgId: number): Promise<void> {
  const { db } = await getDatabase();
  await db.insert(schema.userOrganisations).values({ userId, orgId }).onConflictDoNothing();
}
