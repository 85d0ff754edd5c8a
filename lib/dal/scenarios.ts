import { labelScope } from '@/lib/views/scope-label';
import { nameScopes } from './scope-names';
import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { getDatabase, schema } from '@/db';
import type { StoredScenarioOps } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import { scenarioOpsSchema, type ScenarioOp, type ScenarioStatus } from '@/lib/scenarios';
import { isWithin } from '@/lib/views/unit';
import { assertRole, type Actor } from './actor';
import { writeAudit } from './audit';
import { ForbiddenError, NotFoundError, ValidationError } from './errors';
import { applyScenario, runScenario, type ScenarioResult } from './scenario-metrics';
import { loadPrepared } from './snapshot-data';

export interface ScenarioDto {
  id: number;
  name: string;
  ownerEmail: string;
  fromAsOf: string;
  unitRootId: string | null;
  effectiveDate: string;
  status: ScenarioStatus;
  ops: ScenarioOp[];
  createdAt: string;
  updatedAt: string;
}

export interface NewScenario {
  name: string;
  asOf?: string;
  unit?: string | null;
  effectiveDate?: string;
  ops: readonly ScenarioOp[];
}

type Row = typeof schema.scenarios.$inferSelect;

function toDto(r: Row): ScenarioDto {
  const ops = scenarioOpsSchema.safeParse(r.ops);
  return {
    id: r.id,
    name: r.name,
    ownerEmail: r.ownerEmail,
    fromAsOf: r.fromAsOf,
    unitRootId: r.unitRootId,
    effectiveDate: r.effectiveDate,
    status: r.status,
    ops: ops.success ? ops.data : [],
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** A leader's scenario unit: their scope, or a subtree inside it (checked by applyScenario). */
function unitFor(actor: Actor, unit: string | null | undefined): string | null {
  return unit || actor.scopeEmployeeId || null;
}

/**
 * Creates a draft scenario from a snapshot (hr/admin: any; a leader: their subtree, changing only
 * inside it), after checking that every operation applies; audited as scenario.create.
 */
export async function createScenario(actor: Actor, input: NewScenario): Promise<ScenarioDto> {
  const name = input.name.trim();
  if (!name) throw new ValidationError('A scenario needs a name.');
  const unit = unitFor(actor, input.unit);
  const { ref } = await applyScenario(actor, { ...input, unit });
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(schema.scenarios)
      .values({
        orgId: actor.orgId,
        name,
        ownerUserId: actor.userId,
        ownerEmail: actor.email,
        fromSnapshotId: ref.id,
        fromAsOf: ref.asOf,
        unitRootId: unit,
        effectiveDate: input.effectiveDate ?? ref.asOf,
        status: 'draft',
        ops: [...input.ops] as StoredScenarioOps,
      })
      .returning();
    if (!row) throw new Error('the scenario was not stored');
    await writeAudit(tx, actor, 'scenario.create', name, {
      id: row.id,
      fromAsOf: ref.asOf,
      unit,
      ops: input.ops.length,
    });
    return toDto(row);
  });
}

/** The scenario row if the actor may see it: hr/admin every one of the organisation, a leader those inside their scope. */
async function readRow(actor: Actor, id: number): Promise<Row> {
  assertRole(actor, can.planScenarios);
  const { db } = await getDatabase();
  const t = schema.scenarios;
  const [row] = await db
    .select()
    .from(t)
    .where(and(eq(t.id, id), eq(t.orgId, actor.orgId)));
  if (!row) throw new NotFoundError('No such scenario.');
  if (actor.scopeEmployeeId) {
    const snap = await loadPrepared({ id: row.fromSnapshotId, asOf: row.fromAsOf, orgId: row.orgId });
    const root = row.unitRootId;
    if (root === null || !isWithin(snap, root, actor.scopeEmployeeId))
      throw new NotFoundError('No such scenario.');
  }
  return row;
}

/** One scenario (404 when outside the actor's organisation or scope). */
export async function getScenario(actor: Actor, id: number): Promise<ScenarioDto> {
  return toDto(await readRow(actor, id));
}

/** The organisation's scenarios the actor may see, most recently changed first. */
/** A scenario as the lists show it: its unit by name, "Ada Lovelace (E000002)" (null = the organisation). */
export type ScenarioListItem = ScenarioDto & { unitLabel: string | null };

export async function listScenarios(actor: Actor): Promise<ScenarioListItem[]> {
  assertRole(actor, can.planScenarios);
  const { db } = await getDatabase();
  const t = schema.scenarios;
  const rows = await db
    .select()
    .from(t)
    .where(eq(t.orgId, actor.orgId))
    .orderBy(desc(t.updatedAt), desc(t.id));
  const out: ScenarioDto[] = [];
  for (const r of rows) {
    try {
      out.push(toDto(actor.scopeEmployeeId ? await readRow(actor, r.id) : r));
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
    }
  }
  const units = [...new Set(out.flatMap((x) => (x.unitRootId ? [x.unitRootId] : [])))];
  const names = await nameScopes(actor.orgId, units);
  return out.map((x) => ({
    ...x,
    unitLabel: x.unitRootId ? labelScope(x.unitRootId, names.get(x.unitRootId)) : null,
  }));
}

/** Replaces a scenario's operations (each must apply, inside the actor's scope); audited as scenario.change. */
export async function updateScenarioOps(
  actor: Actor,
  id: number,
  ops: readonly ScenarioOp[],
): Promise<ScenarioDto> {
  const row = await readRow(actor, id);
  if (row.status === 'approved')
    throw new ValidationError('An approved scenario cannot change: make a new one.');
  await applyScenario(actor, {
    asOf: row.fromAsOf,
    unit: row.unitRootId,
    effectiveDate: row.effectiveDate,
    ops,
  });
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    const t = schema.scenarios;
    const [updated] = await tx
      .update(t)
      .set({ ops: [...ops] as StoredScenarioOps, updatedAt: new Date() })
      .where(eq(t.id, id))
      .returning();
    if (!updated) throw new NotFoundError('No such scenario.');
    await writeAudit(tx, actor, 'scenario.change', row.name, { id, ops: ops.length, before: row.ops.length });
    return toDto(updated);
  });
}

/** Renames a scenario; audited as scenario.change. */
export async function renameScenario(actor: Actor, id: number, name: string): Promise<ScenarioDto> {
  const row = await readRow(actor, id);
  const next = name.trim();
  if (!next) throw new ValidationError('A scenario needs a name.');
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    const t = schema.scenarios;
    const [updated] = await tx
      .update(t)
      .set({ name: next, updatedAt: new Date() })
      .where(eq(t.id, id))
      .returning();
    if (!updated) throw new NotFoundError('No such scenario.');
    await writeAudit(tx, actor, 'scenario.change', next, { id, renamedFrom: row.name });
    return toDto(updated);
  });
}

/** A new name, a new list of operations, or both (each audited as scenario.change). */
export async function updateScenario(
  actor: Actor,
  id: number,
  input: { name?: string; ops?: readonly ScenarioOp[] },
): Promise<ScenarioDto> {
  let dto: ScenarioDto | null = null;
  if (input.ops !== undefined) dto = await updateScenarioOps(actor, id, input.ops);
  if (input.name !== undefined) dto = await renameScenario(actor, id, input.name);
  return dto ?? getScenario(actor, id);
}

/** Deletes a scenario (an approved one only by someone who may approve); audited as scenario.delete. */
export async function deleteScenario(actor: Actor, id: number): Promise<void> {
  const row = await readRow(actor, id);
  if (row.status === 'approved' && !can.approveScenarios(actor))
    throw new ForbiddenError('Only hr or an admin may delete an approved scenario.');
  const { db } = await getDatabase();
  await db.transaction(async (tx) => {
    await tx.delete(schema.scenarios).where(eq(schema.scenarios.id, id));
    await writeAudit(tx, actor, 'scenario.delete', row.name, { id, status: row.status });
  });
}

/** Moves a scenario between draft, proposed and approved (approving needs can.approveScenarios); audited. */
export async function setScenarioStatus(
  actor: Actor,
  id: number,
  status: ScenarioStatus,
): Promise<ScenarioDto> {
  const row = await readRow(actor, id);
  if (status === 'approved' && !can.approveScenarios(actor))
    throw new ForbiddenError('Only hr or an admin may approve a scenario.');
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    const t = schema.scenarios;
    const [updated] = await tx
      .update(t)
      .set({ status, updatedAt: new Date() })
      .where(eq(t.id, id))
      .returning();
    if (!updated) throw new NotFoundError('No such scenario.');
    await writeAudit(tx, actor, 'scenario.status', row.name, { id, from: row.status, to: status });
    return toDto(updated);
  });
}

/** A stored scenario's before/after figures, as the command line prints them. */
export async function evaluateScenario(actor: Actor, id: number): Promise<ScenarioResult> {
  const s = toDto(await readRow(actor, id));
  return runScenario(actor, {
    asOf: s.fromAsOf,
    unit: s.unitRootId,
    effectiveDate: s.effectiveDate,
    ops: s.ops,
  });
}

/** Audits that a scenario's figures left Strata (a download or the command line's output). */
export async function auditScenarioExport(actor: Actor, id: number, format: string): Promise<void> {
  const row = await readRow(actor, id);
  const { db } = await getDatabase();
  await writeAudit(db, actor, 'scenario.export', row.name, { id, format });
}
