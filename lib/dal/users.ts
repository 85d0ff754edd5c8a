import 'server-only';
import { can, needsScope } from '@/lib/auth/permissions';
import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDatabase, schema } from '@/db';
import { hashPassword, MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { ROLES } from '@/lib/auth/roles';
import { assertRole, type Actor } from './actor';
import { writeAudit } from './audit';
import { ConflictError, NotFoundError, ValidationError } from './errors';
import { readOrganisations } from './organisations';
import { assertScopeExists, nameScopes } from './scope-names';

const scopeSchema = z
  .string()
  .trim()
  .max(200)
  .nullable()
  .transform((s) => (s ? s : null));

export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid email address.'),
  name: z.string().trim().max(200).default(''),
  role: z.enum(ROLES),
  scopeEmployeeId: scopeSchema.default(null),
  /** organisations the user may see; default: the creating admin's current one */
  orgIds: z.array(z.number().int().positive()).max(1000).optional(),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Passwords need at least ${MIN_PASSWORD_LENGTH} characters.`)
    .max(200)
    .optional(),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.object({
  name: z.string().trim().max(200).optional(),
  role: z.enum(ROLES).optional(),
  scopeEmployeeId: scopeSchema.optional(),
  disabled: z.boolean().optional(),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Passwords need at least ${MIN_PASSWORD_LENGTH} characters.`)
    .max(200)
    .optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

/** Why a leader without a scope is refused, wherever that is checked (admin page, sign-in). */
export const LEADER_NEEDS_SCOPE =
  'A leader needs a scope: choose the manager whose subtree they lead ' +
  '(for the whole organisation, choose the HR or Viewer role).';

/** Throws a 422 when the role and scope a user would end up with are a leader without a scope. */
function assertScopedLeader(role: (typeof ROLES)[number], scopeEmployeeId: string | null): void {
  if (needsScope(role) && scopeEmployeeId === null)
    throw new ValidationError(LEADER_NEEDS_SCOPE, [
      { field: 'scopeEmployeeId', message: LEADER_NEEDS_SCOPE },
    ]);
}

/** A user as the admin page shows it (never the hash). */
export interface UserDto {
  id: number;
  email: string;
  name: string;
  role: (typeof ROLES)[number];
  scopeEmployeeId: string | null;
  /** the scope's name in the newest snapshot of the user's organisation (null: unknown) */
  scopeName: string | null;
  disabled: boolean;
  hasPassword: boolean;
  createdAt: string;
  lastLoginAt: string | null;
  /**
   * the names of the organisations the user may see (listUsers only): every one for an admin.
   * The Admin page lists every user, so a scope says whose organisation it lies in.
   */
  organisations?: string[];
}

function toDto(u: typeof schema.users.$inferSelect, scopeName: string | null = null): UserDto {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    scopeEmployeeId: u.scopeEmployeeId,
    scopeName,
    disabled: u.disabled,
    hasPassword: u.passwordHash !== null,
    createdAt: u.createdAt.toISOString(),
    lastLoginAt: u.lastLoginAt ? u.lastLoginAt.toISOString() : null,
  };
}

function parseOrThrow<T>(s: z.ZodType<T>, input: unknown): T {
  const r = s.safeParse(input);
  if (!r.success) {
    throw new ValidationError(
      r.error.issues[0]?.message ?? 'Invalid input.',
      r.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
    );
  }
  return r.data;
}

/** Admin only: every user. */
export async function listUsers(actor: Actor): Promise<UserDto[]> {
  assertRole(actor, can.manageUsers);
  const { db } = await getDatabase();
  const rows = await db.select().from(schema.users).orderBy(asc(schema.users.email));
  // A scope lies in the user's one organisation: name it from that organisation's newest snapshot.
  const memberships = await db.select().from(schema.userOrganisations);
  const orgOf = new Map(memberships.map((m) => [m.userId, m.orgId]));
  const orgs = await readOrganisations(db);
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const orgsOf = (u: (typeof rows)[number]): string[] =>
    can.seeEveryOrganisation(u.role)
      ? orgs.map((o) => o.name)
      : memberships.flatMap((m) => (m.userId === u.id ? [orgName.get(m.orgId) ?? `#${m.orgId}`] : []));
  const byOrg = new Map<number, string[]>();
  for (const u of rows) {
    const org = orgOf.get(u.id) ?? actor.orgId;
    if (u.scopeEmployeeId !== null) byOrg.set(org, [...(byOrg.get(org) ?? []), u.scopeEmployeeId]);
  }
  const names = new Map<number, Map<string, string>>();
  for (const [org, ids] of byOrg) names.set(org, await nameScopes(org, ids));
  return rows.map((u) => ({
    ...toDto(
      u,
      u.scopeEmployeeId === null
        ? null
        : (names.get(orgOf.get(u.id) ?? actor.orgId)?.get(u.scopeEmployeeId) ?? null),
    ),
    organisations: orgsOf(u),
  }));
}

/** The organisation a user's scope lies in: their one organisation, else the admin's current one. */
async function scopeOrg(userId: number, fallback: number): Promise<number> {
  const { db } = await getDatabase();
  const rows = await db
    .select({ orgId: schema.userOrganisations.orgId })
    .from(schema.userOrganisations)
    .where(eq(schema.userOrganisations.userId, userId));
  return rows.length === 1 ? (rows[0]?.orgId ?? fallback) : fallback;
}

/** Admin only (or the first-run bootstrap via CLI_ACTOR): creates a user, audited. */
export async function createUser(actor: Actor, input: unknown): Promise<UserDto> {
  assertRole(actor, can.manageUsers);
  const data = parseOrThrow(createUserSchema, input);
  assertScopedLeader(data.role, data.scopeEmployeeId);
  await assertScopeExists(
    data.orgIds?.length === 1 ? (data.orgIds[0] ?? actor.orgId) : actor.orgId,
    data.scopeEmployeeId,
  );
  const { db } = await getDatabase();
  const passwordHash = data.password ? await hashPassword(data.password) : null;
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(sql`lower(${schema.users.email}) = ${data.email}`);
    if (existing.length) throw new ConflictError('A user with this email already exists.');
    const [row] = await tx
      .insert(schema.users)
      .values({
        email: data.email,
        name: data.name,
        role: data.role,
        scopeEmployeeId: data.scopeEmployeeId,
        passwordHash,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    const orgIds = [...new Set(data.orgIds ?? (actor.orgId > 0 ? [actor.orgId] : []))];
    if (data.scopeEmployeeId !== null && orgIds.length > 1)
      throw new ValidationError('A user with a scope sees one organisation: their subtree lies in one.');
    if (orgIds.length)
      await tx.insert(schema.userOrganisations).values(orgIds.map((orgId) => ({ userId: row.id, orgId })));
    await writeAudit(tx, actor, 'user.create', data.email, {
      role: data.role,
      scopeEmployeeId: data.scopeEmployeeId,
      orgIds,
    });
    return toDto(row);
  });
}

/** Admin only: edits role, scope, name, disabled flag or password; every change audited. */
export async function updateUser(actor: Actor, id: number, input: unknown): Promise<UserDto> {
  assertRole(actor, can.manageUsers);
  const data = parseOrThrow(updateUserSchema, input);
  if (actor.userId === id && (data.disabled === true || (data.role && !can.administer(data.role)))) {
    throw new ValidationError('You cannot disable yourself or remove your own admin role.');
  }
  const { db } = await getDatabase();
  if (data.scopeEmployeeId) {
    // Checked before the transaction (it reads the snapshot), and only when the scope changes.
    const [was] = await db
      .select({ scope: schema.users.scopeEmployeeId })
      .from(schema.users)
      .where(eq(schema.users.id, id));
    if (was && was.scope !== data.scopeEmployeeId)
      await assertScopeExists(await scopeOrg(id, actor.orgId), data.scopeEmployeeId);
  }
  const passwordHash = data.password ? await hashPassword(data.password) : undefined;
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(schema.users).where(eq(schema.users.id, id));
    if (!before) throw new NotFoundError('User not found.');
    const scope = data.scopeEmployeeId === undefined ? before.scopeEmployeeId : data.scopeEmployeeId;
    assertScopedLeader(data.role ?? before.role, scope);
    if (scope !== null) {
      // A subtree lies in one organisation: a user with a scope sees exactly one.
      const orgs = await tx
        .select({ orgId: schema.userOrganisations.orgId })
        .from(schema.userOrganisations)
        .where(eq(schema.userOrganisations.userId, id));
      if (orgs.length > 1)
        throw new ValidationError(
          'A user with a scope sees one organisation: their subtree lies in one. Leave them one organisation first.',
        );
    }
    const [row] = await tx
      .update(schema.users)
      .set({
        name: data.name,
        role: data.role,
        scopeEmployeeId: data.scopeEmployeeId,
        disabled: data.disabled,
        passwordHash,
        updatedAt: new Date(),
      })
      .where(eq(schema.users.id, id))
      .returning();
    if (!row) throw new NotFoundError('User not found.');
    const changes: Record<string, unknown> = {};
    for (const k of ['name', 'role', 'scopeEmployeeId', 'disabled'] as const) {
      if (data[k] !== undefined && data[k] !== before[k]) changes[k] = { from: before[k], to: data[k] };
    }
    if (passwordHash) changes.password = 'reset';
    await writeAudit(
      tx,
      actor,
      data.role && data.role !== before.role ? 'user.role_change' : 'user.update',
      row.email,
      changes,
    );
    return toDto(row);
  });
}

/** Number of users (first-run detection). */
export async function countUsers(): Promise<number> {
  const { db } = await getDatabase();
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(schema.users);
  return r?.n ?? 0;
}
